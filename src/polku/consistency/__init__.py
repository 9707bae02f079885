"""Consistency checks over a loaded region; each disagreement is a warning.

Examples:
    >>> from polku.data import default_region
    >>> findings = check_region(default_region())
    >>> sorted({f.code for f in findings})[:3]
    ['parts_sum', 'rollup_sum', 'shares_sum']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from polku.findings import Finding
from polku.model.region import Region

from .base import Checker
from .reported import (
    completeness,
    derived_values,
    needs_against_base,
    reported_changes,
    reported_shares,
    segment_counts,
    survival_monotone,
)
from .sums import parts_sums, rollups, share_sums

CHECKS = (
    completeness,
    parts_sums,
    rollups,
    share_sums,
    reported_shares,
    reported_changes,
    segment_counts,
    needs_against_base,
    derived_values,
    survival_monotone,
)


def check_region(region: Region, lines: Mapping[str, Sequence[int]] | None = None) -> list[Finding]:
    """Every consistency warning for ``region``.

    ``lines`` maps a table to the CSV row number of each of its rows, as
    :class:`~polku.data.reader.LoadResult` gives them; without it, row ``i`` is
    reported as line ``i + 2``.
    """
    checker = Checker(region, lines or {})
    return [finding for check in CHECKS for finding in check(checker)]


__all__ = ["CHECKS", "check_region"]
