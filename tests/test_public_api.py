"""The public surface is small, sorted and importable."""

from __future__ import annotations

import polku
import polku.data
import polku.model


def _isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


def test_all_is_sorted_and_complete() -> None:
    for module in (polku, polku.data, polku.model):
        names = list(module.__all__)
        assert names == sorted(names, key=_isort_key), module.__name__
        for name in names:
            assert hasattr(module, name), f"{module.__name__}.{name}"


def test_top_level_api() -> None:
    assert polku.__all__ == [
        "DEFAULT_DATASET",
        "DatasetError",
        "DatasetUnreadableError",
        "Finding",
        "Level",
        "LoadResult",
        "PolkuError",
        "Region",
        "__version__",
        "check_region",
        "default_region",
        "load",
        "read_region",
        "write_region",
    ]


def test_error_hierarchy() -> None:
    assert issubclass(polku.DatasetUnreadableError, polku.DatasetError)
    assert issubclass(polku.DatasetError, polku.PolkuError)
