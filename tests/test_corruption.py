"""Random corruption of the embedded CSVs: the reader loads or raises its own error.

Whatever bytes a planner's spreadsheet writes, Polku must answer with a
:class:`~polku.errors.DatasetError` (or a clean load), never another exception.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_embedded
from polku import DatasetError, read_region
from polku.data.schema import table_specs

_TEMPLATE = Path(tempfile.mkdtemp(prefix="polku-template-")) / "region"
copy_embedded(_TEMPLATE)
FILES = sorted(p.name for p in _TEMPLATE.iterdir())

corruption = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10_000), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10_000), st.integers(1, 40)),
    st.tuples(st.just("truncate"), st.integers(0, 10_000), st.just(0)),
)


def _corrupt(data: bytes, op: tuple[str, int, object]) -> bytes:
    kind, position, arg = op
    at = position % (len(data) + 1)
    if kind == "flip" and data:
        at = min(at, len(data) - 1)
        return data[:at] + bytes([int(str(arg))]) + data[at + 1 :]
    if kind == "insert":
        assert isinstance(arg, bytes)
        return data[:at] + arg + data[at:]
    if kind == "delete":
        return data[:at] + data[at + int(str(arg)) :]
    return data[:at]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(FILES), ops=st.lists(corruption, min_size=1, max_size=4))
def test_reader_loads_or_raises_dataset_error(
    file: str, ops: list[tuple[str, int, object]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "region"
        shutil.copytree(_TEMPLATE, folder)
        data = (folder / file).read_bytes()
        for op in ops:
            data = _corrupt(data, op)
        (folder / file).write_bytes(data)
        region = None
        try:
            region = read_region(folder)
        except DatasetError as exc:
            findings = exc.findings
        else:
            findings = []
            assert region.name
            assert set(region.table_names()) == {s.name for s in table_specs()}
        # either it loaded, or the error carries at least one finding that says where
        assert findings or region is not None
