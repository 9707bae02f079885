"""Small-cell protection of the report: hide counts under the threshold, and what
would reveal them (:mod:`polku.disclosure`).

A hidden cell shows ``..`` (Statistics Finland's mark for a confidential figure); a
chart whose data hold a hidden count is not drawn (its table says why). The report's
tables have totals and sums of lines inside their blocks, so whole blocks are hidden
rather than a minimal set of cells (see :func:`polku.disclosure.suppress` for plain
tables with row and column totals).
"""

from __future__ import annotations

from typing import Any

from polku.disclosure import sensitive

from .context import Figure, Report, Table

HIDDEN = ".."


def protect_table(table: Table, threshold: int) -> None:
    """Hide the table's small counts in place, conservatively.

    A block (rows sharing the ``groups`` columns: one month, one area...) with a count
    under ``threshold`` has every count hidden, so that neither its visible total nor
    a sum of lines in it gives the small one away; where anything is hidden, the shares
    and changes of the whole table are hidden too, since they are ratios of the counts.
    """
    if not table.counts:
        return
    blocks: dict[tuple[Any, ...], list[int]] = {}
    for i, row in enumerate(table.raw):
        blocks.setdefault(tuple(row[g] for g in table.groups), []).append(i)
    hidden_rows: set[int] = set()
    for members in blocks.values():
        if any(sensitive(table.raw[i][j], threshold) for i in members for j in table.counts):
            hidden_rows.update(members)
    if not hidden_rows:
        return
    for i in range(len(table.raw)):
        columns = (*table.counts, *table.derived) if i in hidden_rows else table.derived
        for k in columns:
            table.raw[i][k] = HIDDEN  # the workbook shows the same mark as the page
            table.rows[i][k] = HIDDEN
    table.suppressed = len(hidden_rows)


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
