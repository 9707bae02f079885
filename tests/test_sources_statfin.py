"""PxWeb v1 client against a local server: metadata at run time, split queries, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from polku.errors import SourceError, SourceFormatError
from polku.sources.client import Client
from polku.sources.statfin import metadata, months_between, query, table_url
from source_server import Script, serve

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
META = (FIXTURES / "statfin_12r5_meta.json").read_bytes()
PATH = "/PxWeb/api/v1/fi/StatFin/tyonv/statfin_tyonv_pxt_12r5.px"


def answer(months: list[str], start: int) -> tuple[int, dict[str, str], bytes]:
    """A json-stat2 answer for MK09 x months x TYOTTOMATLOPUSSA: value = start + i."""
    doc: dict[str, Any] = {
        "version": "2.0",
        "class": "dataset",
        "id": ["Alue", "Kuukausi", "Tiedot"],
        "size": [1, len(months), 1],
        "dimension": {
            "Alue": {"category": {"index": ["MK09"]}},
            "Kuukausi": {"category": {"index": {m: i for i, m in enumerate(months)}}},
            "Tiedot": {"category": {"index": ["TYOTTOMATLOPUSSA"]}},
        },
        "value": [start + i for i in range(len(months))],
    }
    return 200, {"Content-Type": "application/json"}, json.dumps(doc).encode()


def test_metadata_is_read_at_run_time(tmp_path: Path) -> None:
    script = Script({PATH: [(200, {}, META)]})
    with serve(script) as base:
        url = table_url("12r5", base=f"{base}/PxWeb/api/v1/fi/StatFin")
        table = metadata(Client("statfin", tmp_path), url)
    assert table.time.code == "Kuukausi"
    assert table.holding("MK09").code == "Alue"
    assert table.holding("PITKAAIKAISTYOTTOMAT").code == "Tiedot"
    assert months_between(table, "2024-02", "2024-04") == ["2024M02", "2024M03", "2024M04"]
    assert months_between(table, None, None)[-1] == "2024M06"


def test_an_unpublished_month_is_refused_before_asking(tmp_path: Path) -> None:
    script = Script({PATH: [(200, {}, META)]})
    with serve(script) as base:
        table = metadata(Client("statfin", tmp_path), f"{base}{PATH}")
    with pytest.raises(SourceError) as caught:
        months_between(table, "2024-01", "2024-09")
    assert "2024-09 is not published" in str(caught.value)
    assert "2024M06" in str(caught.value)


def test_large_queries_are_split_by_month_and_joined(tmp_path: Path) -> None:
    months = ["2024M01", "2024M02", "2024M03", "2024M04", "2024M05"]
    script = Script(
        {
            PATH: [
                (200, {}, META),
                answer(months[:2], 10),
                answer(months[2:4], 20),
                answer(months[4:], 30),
            ]
        }
    )
    with serve(script) as base:
        c = Client("statfin", tmp_path)
        table = metadata(c, f"{base}{PATH}")
        parts = query(c, table, {"Alue": ["MK09"], "Tiedot": ["TYOTTOMATLOPUSSA"]}, months, limit=2)
    bodies = [json.loads(r.body) for r in script.seen if r.method == "POST"]
    asked = [
        next(q for q in b["query"] if q["code"] == "Kuukausi")["selection"]["values"]
        for b in bodies
    ]
    assert asked == [months[:2], months[2:4], months[4:]]
    assert all(b["response"] == {"format": "json-stat2"} for b in bodies)
    values = [c.value for part in parts for c in part.cells()]
    assert values == [10, 11, 20, 21, 30]


def test_unknown_area_and_changed_table_id(tmp_path: Path) -> None:
    script = Script({PATH: [(200, {}, META)]})
    with serve(script) as base:
        c = Client("statfin", tmp_path)
        table = metadata(c, f"{base}{PATH}")
        with pytest.raises(SourceError, match="Alue has no KU999"):
            query(c, table, {"Alue": ["KU999"]}, ["2024M01"])
        with pytest.raises(SourceError, match="404"):
            metadata(c, f"{base}/PxWeb/api/v1/fi/StatFin/tyonv/statfin_tyonv_pxt_12r6.px")


def test_malformed_metadata_and_answers(tmp_path: Path) -> None:
    bad_meta = json.dumps({"variables": [{"code": "Alue"}]}).encode()
    script = Script(
        {"/meta": [(200, {}, bad_meta)], PATH: [(200, {}, META), (200, {}, b'{"class": "x"}')]}
    )
    with serve(script) as base:
        c = Client("statfin", tmp_path)
        with pytest.raises(SourceFormatError, match="variables\\[0\\]"):
            metadata(c, f"{base}/meta")
        table = metadata(c, f"{base}{PATH}")
        with pytest.raises(SourceFormatError, match="class"):
            query(c, table, {"Alue": ["MK09"]}, ["2024M01"])
