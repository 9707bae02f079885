"""Small-cell protection of the report: hide counts under the threshold, and what
would reveal them (:mod:`polku.disclosure`).

A hidden cell shows ``..`` (Statistics Finland's mark for a confidential figure); the
shares computed from that row's counts are hidden with it, and a chart whose data
hold a hidden count is not drawn (its table says why).
"""

from __future__ import annotations

from typing import Any

from polku.disclosure import suppress

from .context import Figure, Report, Table

HIDDEN = ".."


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def protect_table(table: Table, threshold: int) -> None:
    """Hide the table's small counts (and their partners and shares) in place."""
    if not table.counts:
        return
    matrix = [[_number(row[j]) for j in table.counts] for row in table.raw]
    mask = suppress(matrix, threshold)
    for i, hidden_row in enumerate(mask.cells):
        if not any(hidden_row):
            continue
        hide = [k for k, hidden in zip(table.counts, hidden_row, strict=True) if hidden]
        for k in (*hide, *table.derived):
            table.raw[i][k] = HIDDEN  # the workbook shows the same mark as the page
            table.rows[i][k] = HIDDEN
        table.suppressed += 1


def protect(report: Report, threshold: int) -> int:
    """Protect every table of ``report``; returns how many rows have hidden cells."""
    total = 0
    for section in report.sections:
        for item in section.items:
            table = item.table if isinstance(item, Figure) else item
            protect_table(table, threshold)
            if isinstance(item, Figure) and table.suppressed:
                item.spec = {}  # the chart would show the hidden counts
                item.svg = ""
            total += table.suppressed
    return total


__all__ = ["HIDDEN", "protect", "protect_table"]
