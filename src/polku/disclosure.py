"""Small-cell protection of published counts: primary and complementary suppression.

A count of fewer than ``threshold`` persons (but more than none) could identify
someone, so it is not published (primary suppression). Where a table also shows row
and column totals, a row or column with a single hidden cell would give it away by
subtraction, so a second cell of that row or column is hidden too (complementary
suppression): the smallest visible one, which hides the least information. This is
repeated until no row or column has exactly one hidden cell; a row or column with no
cell left to hide has its total hidden instead.

The result is a mask; renderers show hidden cells as a dash and say that small
counts were suppressed and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_THRESHOLD = 5  # persons


@dataclass(frozen=True)
class Suppression:
    """Which cells and totals to hide; ``primary`` counts the small cells themselves."""

    cells: tuple[tuple[bool, ...], ...]
    row_totals: tuple[bool, ...]
    column_totals: tuple[bool, ...]
    primary: int

    @property
    def any(self) -> bool:
        return any(any(row) for row in self.cells) or any(self.row_totals + self.column_totals)


def _sensitive(value: float | None, threshold: int) -> bool:
    return value is not None and 0 < value < threshold


def suppress(
    table: Sequence[Sequence[float | None]],
    threshold: int = DEFAULT_THRESHOLD,
    *,
    row_totals: bool = True,
    column_totals: bool = True,
) -> Suppression:
    """The cells of ``table`` (rows of counts; None = not a count) to hide.

    ``row_totals`` / ``column_totals`` say whether the published table shows them: only
    then can a lone hidden cell be recomputed, and only then is a partner hidden.
    """
    rows = [list(r) for r in table]
    width = max((len(r) for r in rows), default=0)
    hidden = [[_sensitive(v, threshold) for v in r] + [False] * (width - len(r)) for r in rows]
    primary = sum(map(sum, hidden))
    hide_row = [False] * len(rows)
    hide_col = [False] * width

    def value(i: int, j: int) -> float | None:
        return rows[i][j] if j < len(rows[i]) else None

    def partner(cells: list[tuple[int, int]]) -> tuple[int, int] | None:
        candidates = [(i, j) for i, j in cells if not hidden[i][j] and value(i, j) is not None]
        if not candidates:
            return None
        # the smallest visible cell, preferring non-zero counts (a zero hides nothing)
        return min(candidates, key=lambda c: (value(*c) == 0, value(*c) or 0.0))

    changed = True
    while changed:
        changed = False
        lines: list[tuple[list[tuple[int, int]], list[bool], int]] = []
        if row_totals:
            lines += [([(i, j) for j in range(width)], hide_row, i) for i in range(len(rows))]
        if column_totals:
            lines += [([(i, j) for i in range(len(rows))], hide_col, j) for j in range(width)]
        for cells, totals, index in lines:
            if sum(hidden[i][j] for i, j in cells) != 1:
                continue
            found = partner(cells)
            if found is None:
                if not totals[index]:
                    totals[index] = True
                    changed = True
                continue
            hidden[found[0]][found[1]] = True
            changed = True
    return Suppression(
        tuple(tuple(r[: len(rows[i])]) for i, r in enumerate(hidden)),
        tuple(hide_row),
        tuple(hide_col),
        primary,
    )


def protect_records(
    records: Sequence[dict[str, object]],
    count: str,
    derived: Sequence[str] = (),
    threshold: int = DEFAULT_THRESHOLD,
) -> int:
    """Hide small ``count`` values of a list of records (one column whose total can be
    known), with the ``derived`` values of the same records; marks each hidden record
    ``"suppressed": True`` and returns how many there are."""

    def number(value: object) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return float(value)

    mask = suppress([[number(r.get(count))] for r in records], threshold, row_totals=False)
    hidden = 0
    for record, (hide,) in zip(records, mask.cells, strict=True):
        if hide:
            assert isinstance(record, dict)
            for key in (count, *derived):
                record[key] = None
            record["suppressed"] = True
            hidden += 1
    return hidden


__all__ = ["DEFAULT_THRESHOLD", "Suppression", "protect_records", "suppress"]
