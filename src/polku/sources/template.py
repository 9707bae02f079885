"""The tables no public source has, taken from a named template region: :func:`borrow`.

The survey's segment shares, the measures' effectiveness, the associations' finances,
service capacity and prices are published for no area. A dataset built from nothing
for a new area takes them from a template region (the embedded dataset unless another
is named): the template's rows for its own main area are moved onto the new area,
counts of persons and euros are scaled by the ratio of the two areas' unemployed
jobseekers (or, lacking those, residents), shares and prices are kept as they are, and
every row is marked an estimate whose source names the template and whose note gives
the scale. Rows of the template's sub-areas (its towns, its groups) have no
counterpart and are left out. Rows of the whole country are kept as they are.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from polku.data.required import region_code
from polku.errors import SourceError
from polku.model.columns import Row
from polku.model.region import Region
from polku.model.tables import (
    PRINTED_COLUMNS,
    AreaIndicator,
    ClientBase,
    JobseekerCount,
    Producer,
)
from polku.model.vocabulary import IndicatorKind, JobseekerGroup, Unit

# table -> the columns that count persons or euros (scaled with the area's size)
SCALED: dict[str, tuple[str, ...]] = {
    "jobseekers": ("count",),
    "segments": ("reported_clients",),
    "service_capacity": ("clients",),
    "service_needs": ("clients_narrow", "clients_broad"),
    "measure_periods": ("ended_periods",),
    "client_base": ("clients",),
    "producer_clients": ("clients",),
}
SCALED_UNITS = frozenset({Unit.PERSONS, Unit.EUR, Unit.PERSONS_PER_MONTH, Unit.PLACES})
FETCHED = ("areas", "benefit_days", "municipal_share_months")  # never borrowed
NATIONAL = "SSS"


@dataclass(frozen=True)
class Scale:
    """How much larger the new area is than the template's, and by which measure."""

    factor: float
    basis: str  # in words, for the rows' notes


def scale(template: Region, area_figures: dict[IndicatorKind, float]) -> Scale:
    """The ratio of the new area's unemployed jobseekers to the template's (its latest
    count on all service lines), else of residents."""
    main = _main(template)
    unemployed = [
        r
        for r in template.jobseekers
        if r.area == main and r.group is JobseekerGroup.UNEMPLOYED and r.service_line == "all"
    ]
    new = area_figures.get(IndicatorKind.UNEMPLOYED_JOBSEEKERS)
    if unemployed and new:
        old = max(unemployed, key=lambda r: r.period)
        return Scale(
            new / old.count,
            f"unemployed jobseekers {new:g} against the template's {old.count} ({old.period})",
        )
    residents = [
        r for r in template.indicators if r.area == main and r.indicator is IndicatorKind.RESIDENTS
    ]
    new = area_figures.get(IndicatorKind.RESIDENTS)
    if residents and new:
        old_r = max(residents, key=lambda r: r.period)
        return Scale(
            new / old_r.value,
            f"residents {new:g} against the template's {old_r.value:g} ({old_r.period})",
        )
    raise SourceError(
        f"template {template.name}: neither unemployed jobseekers nor residents to scale by"
    )


def _main(template: Region) -> str:
    code = region_code(template)
    if code is None:
        raise SourceError(f"template {template.name}: no main area in its areas table")
    return code


def _scaled(value: Any, factor: float) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return math.floor(value * factor + 0.5)
    return round(float(value) * factor, 2)


def _moved(row: Row, main: str, area: str, template: Region, how: Scale) -> Row | None:
    """``row`` of the template as a row of ``area``; None for a sub-area's row."""
    changes: dict[str, Any] = {}
    names = {f.name for f in fields(row)}
    if "area" in names:
        own = getattr(row, "area", None)
        if own == NATIONAL:
            return row
        if own != main:
            return None
        changes["area"] = area
    columns = SCALED.get(row.TABLE, ())
    unit = getattr(row, "unit", None)
    if unit in SCALED_UNITS and ("value" in names or "low" in names):
        columns = ("value",) if "value" in names else ("low", "high")
    for column in columns:
        changes[column] = _scaled(getattr(row, column), how.factor)
    for column in PRINTED_COLUMNS.get(row.TABLE, ()):  # the template's source printed these
        if next(f for f in fields(row) if f.name == column).default is None:
            changes[column] = None
    told = (
        f"scaled by {how.factor:.3f} ({how.basis})" if columns else "not scaled (a share or price)"
    )
    changes["source"] = f"Template {template.name} ({main}): {row.source}"
    changes["estimate"] = True
    changes["note"] = f"From the template region {main}, {told}" + (
        f"; {row.note}" if row.note else ""
    )
    return replace(row, **changes)


def _latest(rows: Sequence[Row]) -> list[Row]:
    """Of rows that differ only in their period, the latest: a borrowed table does not
    invent a history for the new area."""
    newest: dict[tuple[object, ...], str] = {}
    for r in rows:
        group = tuple(getattr(r, k) for k in r.KEY if k != "period")
        newest[group] = max(newest.get(group, ""), str(getattr(r, "period", "")))
    return [
        r
        for r in rows
        if str(getattr(r, "period", ""))
        == newest[tuple(getattr(r, k) for k in r.KEY if k != "period")]
    ]


def borrow(
    template: Region,
    area: str,
    how: Scale,
    skip: frozenset[str] = frozenset(),
    period: str | None = None,
) -> dict[str, tuple[Row, ...]]:
    """Every table the sources do not give, as rows of ``area`` (``skip``: tables the
    caller has from elsewhere, e.g. a filled workbook), each table's latest period only.
    ``period``: the months fetched; the jobseekers by service line, scaled to the
    area's fetched jobseekers, are dated to them."""
    main = _main(template)
    out: dict[str, tuple[Row, ...]] = {}
    for table in Region.table_names():
        if table in FETCHED or table in skip:
            continue
        if table == ClientBase.TABLE:  # the template's printed client base, not yours
            out[table] = ()
            continue
        rows: tuple[Row, ...] = getattr(template, table)
        moved = [_moved(r, main, area, template, how) for r in rows]
        out[table] = tuple(_latest([r for r in moved if r is not None]))
    if period and how.basis.startswith("unemployed jobseekers"):
        out["jobseekers"] = tuple(
            replace(
                r,
                period=period,
                note=f"The area's unemployed jobseekers ({period}) split by the template's "
                f"service lines of {r.period}; {r.note}",
            )
            for r in out.get("jobseekers", ())
            if isinstance(r, JobseekerCount)
        )
    fetched_kinds = {
        IndicatorKind.UNEMPLOYED_JOBSEEKERS,
        IndicatorKind.LONG_TERM_UNEMPLOYED,
        IndicatorKind.REHABILITATIVE_WORK_CLIENTS,
        IndicatorKind.MUNICIPAL_SHARE_PAID,
        IndicatorKind.MUNICIPAL_SHARE_PER_RESIDENT,
        IndicatorKind.RESIDENTS,
    }
    out["indicators"] = tuple(  # the fetched kinds, for the area and the whole country
        r
        for r in out.get("indicators", ())
        if not (
            isinstance(r, AreaIndicator)
            and r.area in (area, NATIONAL)
            and r.indicator in fetched_kinds
        )
    )
    out["producers"] = tuple(  # the template's producers by kind, without their names
        replace(p, name=f"{p.kind.value} ({p.id}, template {main})")
        for p in out.get("producers", ())
        if isinstance(p, Producer)
    )
    return out


__all__ = ["FETCHED", "SCALED", "Scale", "borrow", "scale"]
