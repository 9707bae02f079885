"""The public surface is small, sorted and importable."""

from __future__ import annotations

import polku
import polku.analysis
import polku.data
import polku.model
import polku.rules


def _isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


def test_all_is_sorted_and_complete() -> None:
    for module in (polku, polku.data, polku.model, polku.analysis, polku.rules):
        names = list(module.__all__)
        assert names == sorted(names, key=_isort_key), module.__name__
        for name in names:
            assert hasattr(module, name), f"{module.__name__}.{name}"


def test_top_level_api() -> None:
    assert polku.__all__ == [
        "DEFAULT_DATASET", "Analysis", "Assumptions", "DatasetError", "DatasetUnreadableError",
        "Finding", "Level", "LoadResult", "PolkuError", "Region", "RuleSet", "__version__",
        "analyse", "check_region", "default_region", "document", "load", "load_rules",
        "read_region", "write_region",
    ]  # fmt: skip


def test_error_hierarchy() -> None:
    assert issubclass(polku.DatasetUnreadableError, polku.DatasetError)
    assert issubclass(polku.DatasetError, polku.PolkuError)
