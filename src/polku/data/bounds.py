"""Bounds a dataset must keep for the commands to compute with it.

Rows can be valid cell by cell and still break an analysis or the simulation: 1e40
persons (a typo, which overflows the stochastic draws), 0 residents (divided by), a
period that ends before it starts or lies in the year 0000, an area that is its own
parent, a table of needed figures cut to its header, a stock larger than the region's
population. :mod:`polku.data.integrity` runs the rules on one table here, so that an
error stops the dataset from loading; :func:`within_population` compares tables, for
:mod:`polku.data.required`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from polku.findings import Finding, Level
from polku.model.columns import PERIOD_PATTERN, Row
from polku.model.region import Region
from polku.model.tables import Area, ProducerIndicator, ServiceCapacity
from polku.model.vocabulary import (
    NON_NEGATIVE,
    IndicatorKind,
    ProducerIndicatorKind,
    Unit,
)

from .schema import TableSpec, table_spec, table_specs

Located = Sequence[tuple[int, Row]]  # (row number, row)


def number_text(value: float) -> str:
    """A figure as a finding shows it: ``0`` for 0.0, ``1e+40`` for 1e40."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else str(value)


def located_error(
    spec: TableSpec,
    file: str,
    line: int,
    column: str | None,
    code: str,
    found: Any = "",
    **params: Any,
) -> Finding:
    """An error on row ``line`` (as a spreadsheet shows it) and ``column`` of table
    ``spec`` in ``file``."""
    return Finding(
        Level.ERROR,
        code,
        table=spec.name,
        row=line,
        column=column,
        found=str(found),
        file=file,
        params=params,
    )


# --- magnitudes ------------------------------------------------------------------

MAX_PERSONS = 1e8  # Finland's population about twenty times over; 1e40 is a typo
MAX_EUR = 1e12
LIMITS: dict[Unit, tuple[float, float]] = {
    Unit.PERSONS: (0.0, MAX_PERSONS),
    Unit.PERSONS_PER_MONTH: (0.0, MAX_PERSONS),
    Unit.PLACES: (0.0, MAX_PERSONS),
    Unit.PERCENT: (0.0, 100.0),
    Unit.EUR: (0.0, MAX_EUR),
    Unit.EUR_PER_RESIDENT: (0.0, 1e6),
    Unit.EUR_PER_DAY: (0.0, 1e6),
    Unit.EUR_PER_WEEK: (0.0, 1e6),
    Unit.EUR_PER_CLIENT: (0.0, 1e7),
    Unit.DAYS_PER_WEEK: (0.0, 7.0),
}
"""The values a figure of each unit can take: its lower and upper bound."""

_OWN_LIMITS: dict[object, tuple[float, float]] = {
    # a change can fall by 100 % at most; a producer's reserves can be negative (debts);
    # Kela's bill can hold corrections
    "reported_change_pct": (-100.0, 1e4),
    ProducerIndicatorKind.FUNDING_CHANGE: (-100.0, 1e4),
    ProducerIndicatorKind.OUTPUT_RATIO: (0.0, 1e4),
    ProducerIndicatorKind.RESERVES: (-MAX_EUR, MAX_EUR),
    "eur": (-MAX_EUR, MAX_EUR),
    "months": (0.0, 600.0),  # survival: fifty years
    "ended_periods": (0.0, MAX_PERSONS),
}

POSITIVE: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("indicators", "value", {"indicator": "residents"}),  # euros per resident
    ("producer_indicators", "value", {"indicator": "income"}),  # shares of income
    ("jobseekers", "count", {"group": "unemployed", "service_line": "all"}),  # the register
)
"""Figures the commands divide by, as (table, column, the row's values): above 0 where
a dataset gives them."""


def _limits(spec: TableSpec, row: Row, column: str) -> tuple[float, float, object] | None:
    """The bounds of ``column`` in ``row`` and the item they bound, or None if unbounded."""
    per_row = column in ("value", "low", "high")  # the row's indicator or item says what
    item: object = getattr(row, "indicator", getattr(row, "item", None)) if per_row else column
    if item in _OWN_LIMITS:
        return (*_OWN_LIMITS[item], item)
    info = spec.field(column).info
    unit = info.unit or (getattr(row, "unit", None) if per_row else None)
    if not isinstance(unit, Unit):
        return None
    low, high = LIMITS[unit]
    if info.minimum is not None and info.minimum < low:
        low = info.minimum  # the column declares its own, wider, bound
    return low, high, item


def magnitudes(spec: TableSpec, file: str, rows: Located) -> list[Finding]:
    """An error for each number beyond what its unit can be (:data:`LIMITS`), and for
    each 0 or less that a command divides by (:data:`POSITIVE`)."""
    out = []
    numeric = [f.name for f in spec.fields if f.kind in ("integer", "number")]
    for line, row in rows:
        for column in numeric:
            value = getattr(row, column)
            limits = None if value is None else _limits(spec, row, column)
            if value is None or limits is None:
                continue
            low, high, item = limits
            negative_known = isinstance(row, ProducerIndicator) and row.indicator in NON_NEGATIVE
            if value > high or (value < low and not negative_known):
                shown = getattr(item, "value", item)
                out.append(
                    located_error(
                        spec,
                        file,
                        line,
                        column,
                        "value_out_of_bounds",
                        found=number_text(value),
                        item=shown,
                        low=low,
                        high=high,
                    )
                )
            elif value <= 0 and _divided_by(spec.name, column, row):
                found = number_text(value)
                item = getattr(row, "indicator", column)
                out.append(
                    located_error(
                        spec,
                        file,
                        line,
                        column,
                        "value_not_positive",
                        found=found,
                        item=getattr(item, "value", item),
                    )
                )
    return out


def _divided_by(table: str, column: str, row: Row) -> bool:
    def value(name: str) -> str:
        raw = getattr(row, name, None)
        return str(getattr(raw, "value", raw))

    return any(
        (t, c) == (table, column) and all(value(k) == v for k, v in where.items())
        for t, c, where in POSITIVE
    )


# --- periods ---------------------------------------------------------------------

FIRST_YEAR, LAST_YEAR = 1900, 2099


def _ends(period: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and the last month of ``YYYY``, ``YYYY-MM`` or ``start/end``."""
    start, _, end = period.partition("/")
    end = end or start

    def month(text: str, last: bool) -> tuple[int, int]:
        year, _, mm = text.partition("-")
        return int(year), int(mm) if mm else (12 if last else 1)

    return month(start, False), month(end, True)


def periods(spec: TableSpec, file: str, rows: Located) -> list[Finding]:
    """An error for each period in an implausible year (0000) or that ends before it
    starts (``2016-03/2015-01``)."""
    out = []
    columns = [f.name for f in spec.fields if f.info.pattern == PERIOD_PATTERN]
    for line, row in rows:
        for column in columns:
            period = getattr(row, column)
            if not period:
                continue
            (y0, m0), (y1, m1) = _ends(period)
            bad = [y for y in (y0, y1) if not FIRST_YEAR <= y <= LAST_YEAR]
            if bad:
                out.append(
                    located_error(
                        spec,
                        file,
                        line,
                        column,
                        "period_year",
                        found=period,
                        year=f"{bad[0]:04d}",
                        first=str(FIRST_YEAR),
                        last=str(LAST_YEAR),
                    )
                )
            elif (y0, m0) > (y1, m1):
                out.append(located_error(spec, file, line, column, "period_reversed", found=period))
    return out


# --- the area tree ---------------------------------------------------------------


def region_tree(region: Region, lines: Mapping[str, Sequence[int]]) -> list[Finding]:
    """An error for each area that is its own parent, and one for each loop of parents
    (A in B, B in A): the areas must form a tree. Such an error does not stop the
    dataset from loading, so that the region it then lacks is named too."""
    spec = table_spec(Area.TABLE)
    numbers = lines.get(Area.TABLE, ())
    line_of = {
        a.code: numbers[i] if i < len(numbers) else i + 2 for i, a in enumerate(region.areas)
    }
    parents = {a.code: a.parent for a in region.areas}

    def error(code: str, at: str, found: str, **params: str) -> Finding:
        line = line_of[at]
        return located_error(
            spec, spec.path, line, "parent", code, found, row=f"code {at}", **params
        )

    out = []
    reported: set[str] = set()
    for code in parents:
        if code in reported:
            continue
        if parents[code] == code:
            out.append(error("area_parent_self", code, code, area=code))
            reported.add(code)
            continue
        chain = [code]
        parent = parents[code]
        while parent in parents and parent not in chain and parent not in reported:
            if parents[parent] == parent:
                break  # its own parent: reported on its own row
            chain.append(parent)
            parent = parents[parent]
        if parent in chain:
            loop = chain[chain.index(parent) :]
            shown = " -> ".join([*loop, loop[0]])
            out.append(error("area_cycle", min(loop, key=line_of.__getitem__), shown, cycle=shown))
            reported |= set(loop)
    return out


NOT_EMPTY: dict[str, tuple[str, str]] = {
    ServiceCapacity.TABLE: (
        "polku simulate, polku report and polku producers: the measures and their places",
        "polku simulate, polku report ja polku producers: toimenpiteet ja niiden paikat",
    ),
}
"""Tables that the commands cannot do without even one row of."""


def table_rules(spec: TableSpec, file: str, rows: Located) -> list[Finding]:
    """The rules of this module on one table: magnitudes, periods, and an error if a
    table in :data:`NOT_EMPTY` has no rows."""
    out = magnitudes(spec, file, rows) + periods(spec, file, rows)
    if spec.name in NOT_EMPTY and not rows:
        en, fi = NOT_EMPTY[spec.name]
        params = {"purpose": en, "purpose_fi": fi}
        code = "table_needed_empty"
        out.append(Finding(Level.ERROR, code, table=spec.name, file=file, params=params))
    return out


_HEADCOUNTS = (Unit.PERSONS, Unit.PERSONS_PER_MONTH)


def _headcounts(spec: TableSpec, row: Row) -> list[tuple[str, object, float]]:
    """(column, item, value) of each count of persons in ``row``."""
    out = []
    for f in spec.fields:
        unit = f.info.unit or (getattr(row, "unit", None) if f.name == "value" else None)
        value = getattr(row, f.name)
        if unit in _HEADCOUNTS and isinstance(value, int | float):
            item = getattr(row, "indicator", f.name) if f.name == "value" else f.name
            out.append((f.name, getattr(item, "value", item), float(value)))
    return out


def described(row: Row) -> str:
    """A row by its key, e.g. ``area MK09, period 2016, indicator residents``."""
    return ", ".join(f"{k} {getattr(getattr(row, k), 'value', getattr(row, k))}" for k in row.KEY)


def within_population(
    region: Region, area: str, lines: Mapping[str, Sequence[int]]
) -> list[Finding]:
    """An error for each count of persons in ``area`` or an area within it (a stock, an
    inflow a month) larger than the area's residents, when the dataset gives them."""
    residents = [
        (i, r)
        for i, r in enumerate(region.indicators)
        if r.area == area and r.indicator is IndicatorKind.RESIDENTS
    ]
    if not residents:
        return []
    at, population = max(residents, key=lambda pair: pair[1].period)
    within = {area}
    for _ in region.areas:  # grow down the tree, a level a round
        within |= {a.code for a in region.areas if a.parent in within}

    def line(table: str, index: int) -> int:
        numbers = lines.get(table)
        return numbers[index] if numbers is not None and index < len(numbers) else index + 2

    out = []
    for spec in table_specs():
        for index, row in enumerate(region.table(spec.name)):
            if getattr(row, "area", None) not in within:
                continue
            for column, item, value in _headcounts(spec, row):
                if value > population.value:
                    out.append(
                        located_error(
                            spec,
                            spec.path,
                            line(spec.name, index),
                            column,
                            "exceeds_population",
                            found=number_text(value),
                            item=item,
                            value=number_text(value),
                            area=area,
                            population=number_text(population.value),
                            residents_row=line("indicators", at),
                            row=described(row),
                        )
                    )
    return out


def outcome_weights(
    region: Region, area: str, measures: Sequence[str], lines: Mapping[str, Sequence[int]]
) -> list[Finding]:
    """An error for each measure in ``measures`` whose outcome shares (S5) all belong to
    producers with 0 ended periods: the simulation weights each producer's shares by its
    ended periods (by 1 where it has no such row), and would have nothing to weigh."""
    spec = table_spec("measure_periods")
    out = []
    for measure in measures:
        rows = [r for r in region.outcomes if r.area == area and r.measure.value == measure]
        zero: list[int] = []
        for producer in dict.fromkeys(r.producer for r in rows):
            if not sum(r.share_pct for r in rows if r.producer == producer) > 0:
                continue
            periods = [
                i
                for i, p in enumerate(region.measure_periods)
                if (p.area, p.measure.value, p.producer) == (area, measure, producer)
            ]
            if len(periods) != 1 or region.measure_periods[periods[0]].ended_periods > 0:
                break  # a weight above 0: the outcomes can be weighed
            zero += periods
        else:
            if zero:
                numbers = lines.get(spec.name, ())
                first = numbers[zero[0]] if zero[0] < len(numbers) else zero[0] + 2
                out.append(
                    located_error(
                        spec,
                        spec.path,
                        first,
                        "ended_periods",
                        "outcome_weights_zero",
                        found="0",
                        measure=measure,
                        row=f"area {area}, measure {measure}",
                    )
                )
    return out
