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
from typing import Any

import numpy as np

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


def sensitive(value: object, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """True for a count of persons that is more than none but under ``threshold``."""
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < threshold


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
    hidden = [[sensitive(v, threshold) for v in r] + [False] * (width - len(r)) for r in rows]
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
        changed = _pairs(
            rows, hidden, width, row_totals, column_totals, hide_row, hide_col, partner
        )
        determined = _determined(hidden, hide_row, hide_col, row_totals, column_totals)
        if determined is not None:  # a combination of totals still gives this cell away
            i, j = determined
            found = partner([(i, k) for k in range(width)]) or partner(
                [(k, j) for k in range(len(rows))]
            )
            if found is None:
                hide_row[i] = True
            else:
                hidden[found[0]][found[1]] = True
            changed = True
    return Suppression(
        tuple(tuple(r[: len(rows[i])]) for i, r in enumerate(hidden)),
        tuple(hide_row),
        tuple(hide_col),
        primary,
    )


def _determined(
    hidden: list[list[bool]],
    hide_row: list[bool],
    hide_col: list[bool],
    row_totals: bool,
    column_totals: bool,
) -> tuple[int, int] | None:
    """A hidden cell that the published totals fix exactly, if any.

    Each published total is an equation over its hidden cells (the visible ones are
    known); a hidden cell is recomputable when its unit vector lies in the span of
    those equations, i.e. when adding it does not raise the rank.
    """
    cells = [(i, j) for i, row in enumerate(hidden) for j, h in enumerate(row) if h]
    if not cells:
        return None
    index = {c: k for k, c in enumerate(cells)}
    equations = []
    if row_totals:
        for i, row in enumerate(hidden):
            if not hide_row[i] and any(row):
                equations.append([1.0 if c[0] == i else 0.0 for c in cells])
    if column_totals:
        for j in range(len(hide_col)):
            if not hide_col[j] and any(j < len(r) and r[j] for r in hidden):
                equations.append([1.0 if c[1] == j else 0.0 for c in cells])
    if not equations:
        return None
    system = np.array(equations)
    rank = np.linalg.matrix_rank(system)
    for cell in cells:
        unit = np.zeros(len(cells))
        unit[index[cell]] = 1.0
        if np.linalg.matrix_rank(np.vstack([system, unit])) == rank:
            return cell
    return None


def _pairs(
    rows: list[list[float | None]],
    hidden: list[list[bool]],
    width: int,
    row_totals: bool,
    column_totals: bool,
    hide_row: list[bool],
    hide_col: list[bool],
    partner: Any,
) -> bool:
    """One pass of the pairing rule: a line with one hidden cell gets a second."""
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
    return changed


def protect_records(
    records: Sequence[dict[str, object]],
    count: str,
    derived: Sequence[str] = (),
    threshold: int = DEFAULT_THRESHOLD,
    groups: Sequence[str] = (),
) -> int:
    """Hide small ``count`` values of a list of records, conservatively: every count of
    a block (records sharing the ``groups`` values) with a small one, and the
    ``derived`` values (shares, changes) of all records once anything is hidden. Hidden
    records are marked ``"suppressed": True``; returns how many there are."""

    blocks: dict[tuple[object, ...], list[dict[str, object]]] = {}
    for record in records:
        blocks.setdefault(tuple(record.get(g) for g in groups), []).append(record)
    hidden = [
        r
        for block in blocks.values()
        if any(sensitive(r.get(count), threshold) for r in block)
        for r in block
    ]
    if not hidden:
        return 0
    for record in records:
        for key in derived:
            record[key] = None
    for record in hidden:
        record[count] = None
        record["suppressed"] = True
    return len(hidden)


__all__ = ["DEFAULT_THRESHOLD", "Suppression", "protect_records", "sensitive", "suppress"]
