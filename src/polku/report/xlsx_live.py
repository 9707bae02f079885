"""The workbook's live parts: formulas for the key derived figures, native charts.

Each function knows the layout of one report table (its columns are built in this
package) and writes formulas over the data cells, so that changing a number in the
workbook recomputes what is derived from it: shares and changes of the service lines
(S3), the client base from its two statistics and the rounding assumption (S6), the
segments' clients from the base (S7), the municipal share per resident (S11) and the
cost-neutral price from its terms (S16). A formula is written only where the report's
value is a number, so hidden small counts stay hidden and a missing figure stays
missing; a test recomputes the workbook in LibreOffice and compares.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .context import Table
from .money import PRICE_TERMS


@dataclass(frozen=True)
class Place:
    """Where each table's cells are: its sheet, and the first data row."""

    names: dict[str, str]
    tables: dict[str, Table]
    first: int

    def cell(self, table_id: str, row: int, column: int, sheet: bool = True) -> str:
        """A reference to data row ``row`` and column ``column`` (0-based) of a table."""
        own = f"${get_column_letter(column + 1)}${self.first + row}"
        return f"'{self.names[table_id]}'!{own}" if sheet else own


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def lines(sheet: Worksheet, t: Table, at: Place) -> None:
    """S3: share % of all lines in the month, change % since the same line a year before."""
    periods = sorted({r[1] for r in t.raw}, reverse=True)
    total = {r[1]: i for i, r in enumerate(t.raw) if i == _first_of(t, r[1])}
    where = {(r[0], r[1]): i for i, r in enumerate(t.raw)}
    for i, (line, period, count, share, change) in enumerate(t.raw):
        if not _number(count):
            continue
        c = at.cell(t.id, i, 2, sheet=False)
        if _number(share) and period in total:
            sheet.cell(at.first + i, 4).value = f"={c}/{at.cell(t.id, total[period], 2, False)}*100"
        later = periods.index(period)
        before = where.get((line, periods[later + 1])) if later + 1 < len(periods) else None
        if _number(change) and before is not None and _number(t.raw[before][2]):
            sheet.cell(at.first + i, 5).value = f"=({c}/{at.cell(t.id, before, 2, False)}-1)*100"


def _first_of(t: Table, period: str) -> int:
    """The row of all lines together: the first row of the month (the report puts it first)."""
    return next(i for i, r in enumerate(t.raw) if r[1] == period)


def base(sheet: Worksheet, t: Table, at: Place) -> None:
    """S6: each definition's clients, the mean of its two statistics rounded to the step
    of the assumption client_base.rounding."""
    step = _assumption(at, "client_base.rounding")
    if step is None:
        return
    for i, row in enumerate(t.raw):
        if len(row) == 4 and all(_number(v) for v in row[1:]) and _is_mean(row):
            one, two = at.cell(t.id, i, 2, False), at.cell(t.id, i, 3, False)
            sheet.cell(at.first + i, 2).value = f"=MROUND(AVERAGE({one},{two}),{step})"


def _is_mean(row: list[object]) -> bool:
    """Whether the printed base is the mean of its statistics (the default basis)."""
    values = [float(v) for v in row[1:] if isinstance(v, int | float)]
    clients, one, two = values
    return abs(clients - (one + two) / 2) <= max(abs(one - two), 1.0)


def _assumption(at: Place, name: str) -> str | None:
    table = at.tables.get("t_assumptions")
    if table is None:
        return None
    row = next((i for i, r in enumerate(table.raw) if r and r[0] == name), None)
    return at.cell(table.id, row, 1) if row is not None else None


def segments(sheet: Worksheet, t: Table, at: Place) -> None:
    """S7: a segment's clients, its share of the definition's client base (S6)."""
    bases = at.tables.get("t_base")
    if bases is None:
        return
    row_of = {r[0]: i for i, r in enumerate(bases.raw)}
    for i, (definition, _segment, share, clients) in enumerate(t.raw):
        if _number(share) and _number(clients) and definition in row_of:
            total = at.cell(bases.id, row_of[definition], 1)
            own = at.cell(t.id, i, 2, False)
            sheet.cell(at.first + i, 4).value = f"=ROUND({own}/100*{total},0)"


def municipal(sheet: Worksheet, t: Table, at: Place) -> None:
    """S11: the municipal share per resident, the reported share over the residents."""
    rows = [i for i, r in enumerate(t.raw) if len(r) == 2]
    reported, residents, per_resident = rows[0], rows[3], rows[4]  # the order money.py writes
    if all(_number(t.raw[i][1]) for i in (reported, residents, per_resident)):
        paid = at.cell(t.id, reported, 1, False)
        people = at.cell(t.id, residents, 1, False)
        sheet.cell(at.first + per_resident, 2).value = f"={paid}/{people}"


def price(sheet: Worksheet, t: Table, at: Place) -> None:
    """S16: the break-even fixed price and the proposal's net cost for each number of
    activity days, from the terms sheet (compensation, share saved, organiser's cost)."""
    terms = at.tables.get("t_price_terms")
    if terms is None:
        return
    term = {name: at.cell(terms.id, k, 1) for k, name in enumerate(PRICE_TERMS)}
    for i, row in enumerate(t.raw):
        if not all(_number(v) for v in row[:2]):
            continue
        days = at.cell(t.id, i, 0, False)
        offset = f"({days}*{term['compensation']}+{term['benefit_days']}*{term['share_saved']})"
        cost = f"{term['per_day']}*{days}+{term['organiser_cost']}"
        sheet.cell(at.first + i, 2).value = f"={offset}-({cost})"
        for column, fixed in ((3, term["low"]), (4, term["high"])):
            if _number(row[column - 1]):
                sheet.cell(at.first + i, column).value = f"={fixed}+{cost}-{offset}"


FORMULAS: dict[str, Callable[[Worksheet, Table, Place], None]] = {
    "t_lines": lines,
    "t_base": base,
    "t_segments": segments,
    "t_municipal": municipal,
    "t_price": price,
}


def _chart(
    sheet: Worksheet, t: Table, at: Place, kind: str, x: int, ys: tuple[int, ...], rows: int
) -> None:
    """A native chart of columns ``ys`` against column ``x`` over the first ``rows`` rows,
    placed to the right of the table."""
    chart = LineChart() if kind == "line" else BarChart()
    chart.title = t.caption.rstrip(" *")
    chart.height, chart.width = 8, 16
    last = at.first + rows - 1
    for y in ys:
        data = Reference(sheet, min_col=y + 1, min_row=at.first - 1, max_row=last)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=x + 1, min_row=at.first, max_row=last))
    chart.y_axis.title = t.columns[ys[0]] if len(ys) == 1 else None
    chart.x_axis.title = t.columns[x]
    sheet.add_chart(chart, f"{get_column_letter(len(t.columns) + 2)}2")


def _latest_month(t: Table) -> int:
    """Rows of the first month in the table (the report puts the latest first)."""
    return sum(1 for r in t.raw if r[1] == t.raw[0][1]) if t.raw else 0


CHARTS: dict[str, Callable[[Worksheet, Table, Place], None]] = {
    "t_lines": lambda s, t, at: _chart(s, t, at, "bar", 0, (2,), _latest_month(t)),
    "t_survival": lambda s, t, at: _chart(s, t, at, "line", 0, (1,), len(t.raw)),
    "t_base": lambda s, t, at: _chart(s, t, at, "bar", 0, (1,), len(t.raw)),
    "t_income": lambda s, t, at: _chart(s, t, at, "bar", 0, (2,), len(t.raw)),
    "t_price": lambda s, t, at: _chart(s, t, at, "line", 0, (1,), len(t.raw)),
}

__all__ = ["CHARTS", "FORMULAS", "Place"]
