"""A region's dataset from the official open data (``polku fetch``).

Two ways:

- :func:`fetch` refreshes a base dataset: the tables the open sources give
  (:mod:`.collect`) replace the base's rows of the area, and everything else is
  carried over, as the descriptor says;
- :func:`build` makes a complete dataset for any area from nothing: the fetched tables,
  and the ones no public source has taken from a template region (:mod:`.template`)
  or from a filled workbook, each marked where it came from.

The area's municipalities for the years fetched come from the bundled classification
(:mod:`.classification`), or, for an area and year it does not cover, from the base
dataset's ``areas`` table. A period may not straddle 2025-01, when the municipal share
moved to new rules and a new Kela dataset.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from polku.data.required import region_code
from polku.errors import SourceError
from polku.model.columns import Row
from polku.model.region import Region, SourceRef
from polku.model.tables import ROW_TYPES, Area, AreaIndicator, BenefitDaysCount, ServiceCapacity
from polku.model.vocabulary import (
    INDICATOR_UNITS,
    AreaLevel,
    BenefitDaysClass,
    IndicatorKind,
    Measure,
)

from . import classification, statfin
from .areas import municipalities, new_areas
from .client import Client
from .collect import Endpoints, Fetched, collect, dash
from .kela_share import FIRST_MONTH
from .template import FETCHED, Scale, borrow, scale

SPLIT_CLASSES = ("300-499", "500-999", "1000+")


def _months(table: statfin.Table, first: str | None, last: str | None) -> list[str]:
    """The months asked for (``YYYY-MM``); without ``--from`` the newest twelve."""
    months = [dash(m) for m in statfin.months_between(table, first, last)]
    months = months if first is not None else months[-12:]
    if months[0] < FIRST_MONTH <= months[-1]:
        raise SourceError(
            f"{months[0]} to {months[-1]} straddles {FIRST_MONTH}, when the municipal share "
            f"moved to new rules and a new Kela dataset; fetch up to 2024-12 or from "
            f"{FIRST_MONTH} / jakso ylittää vuoden 2025 muutoksen"
        )
    return months


def _clients(cache: str | Path, offline: bool, retries: int) -> dict[str, Client]:
    def one(source: str, interval: float = 0.0) -> Client:
        return Client(
            source,
            cache,
            offline=offline,
            retries=retries,
            min_interval=0.0 if offline else interval,
        )

    return {
        "statfin": one("statfin", statfin.MIN_INTERVAL),
        "kela": one("kela"),
        "sotkanet": one("sotkanet"),
    }


def _gather(
    known: Region,
    area: str,
    cache: str | Path,
    first: str | None,
    last: str | None,
    offline: bool,
    ends: Endpoints,
    retries: int,
) -> Fetched:
    clients = _clients(cache, offline, retries)
    table = statfin.find(clients["statfin"], "12r5", base=ends.statfin)
    months = _months(table, first, last)
    years = sorted({int(m[:4]) for m in months})
    munis = municipalities(known, area, years)
    return collect(clients, area, munis, months, table, ends)


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _indicators(got: Fetched) -> list[AreaIndicator]:
    return [
        AreaIndicator(
            area=got.area,
            period=f.period or got.period,
            indicator=kind,
            value=f.value,
            unit=INDICATOR_UNITS[kind],
            source=f.source,
            estimate=f.estimate,
            note=f.note or None,
        )
        for kind, f in got.figures.items()
    ]


def _days(got: Fetched, reference: Region) -> list[BenefitDaysCount]:
    """The fetched benefit-day counts; where only 300+ is known (the 2025 classes), the
    old classes split it by the reference dataset's latest proportions, as estimates."""
    rows = [
        BenefitDaysCount(
            got.area,
            got.period,
            BenefitDaysClass(c),
            _half_up(f.value),
            None,
            source=f.source,
            estimate=f.estimate,
            note=f.note or None,
        )
        for c, f in got.days.items()
    ]
    if set(SPLIT_CLASSES) <= set(got.days) or "300+" not in got.days:
        return rows
    main = region_code(reference)
    parts = [r for r in reference.benefit_days if r.area == main and r.days_class in SPLIT_CLASSES]
    parts = [r for r in parts if not r.estimate] or parts  # proportions counted, if any
    if not parts:
        return rows
    period = max(r.period for r in parts)
    latest = {r.days_class.value: r.recipients for r in parts if r.period == period}
    whole = sum(latest.values())
    if set(latest) != set(SPLIT_CLASSES) or whole <= 0:
        return rows
    over = got.days["300+"]
    total = _half_up(over.value)
    shares = [_half_up(over.value * latest[c] / whole) for c in SPLIT_CLASSES[:-1]]
    for cls, count in zip(SPLIT_CLASSES, [*shares, total - sum(shares)], strict=True):
        rows.append(
            BenefitDaysCount(
                got.area,
                got.period,
                BenefitDaysClass(cls),
                count,
                None,
                source=f"{over.source}; split by {reference.name} {main} {period}",
                estimate=True,
                note=(
                    f"Kela's 2025 classes do not give {cls} days: the 300+ count split by "
                    f"the proportions of {main} in {period} ({latest[cls]} of {whole})"
                ),
            )
        )
    return rows


def fetch(
    base: Region,
    area: str,
    cache: str | Path,
    *,
    first: str | None = None,
    last: str | None = None,
    offline: bool = False,
    endpoints: Endpoints | None = None,
    name: str | None = None,
    retries: int = 4,
) -> Region:
    """``base`` with the tables the open sources give refreshed for ``area``."""
    got = _gather(base, area, cache, first, last, offline, endpoints or Endpoints(), retries)
    days = _days(got, base)
    replaced = {*got.figures, IndicatorKind.MUNICIPAL_SHARE_PER_RESIDENT}  # derived from them
    kept_ind = [r for r in base.indicators if not (r.area == area and r.indicator in replaced)]
    kept_days = [r for r in base.benefit_days if r.area != area or not days]
    munis = set(got.municipalities)
    kept_share = [
        r
        for r in base.municipal_share_months
        if not (r.municipality in munis and r.month in {s.month for s in got.share_months})
    ]
    newer = {r.title for r in got.sources}  # the same file fetched again replaces its entry
    refreshed = [
        "indicators",
        *(["benefit_days"] if days else []),
        *(["municipal_share_months"] if got.share_months else []),
    ]
    carried = [t for t in Region.table_names() if t not in refreshed]
    description = (
        f"{base.description} Refreshed for {area}, {got.period}, from Kela, Statistics Finland "
        f"and Sotkanet open data ({', '.join(refreshed)}). Carried over from "
        f"{base.name}: {', '.join(carried)}."
    ).strip()
    description_fi = (
        f"{base.description_fi} Päivitetty alueelle {area}, {got.period}, Kelan, "
        f"Tilastokeskuksen ja Sotkanetin avoimesta datasta ({', '.join(refreshed)}). Muut "
        f"taulut aineistosta {base.name}."
    ).strip()
    return replace(
        base,
        name=name or f"{area.lower()}-{got.months[-1]}",
        description=description,
        description_fi=description_fi,
        areas=tuple(base.areas) + new_areas(base, area, int(got.months[-1][:4])),
        benefit_days=tuple(kept_days + days),
        indicators=tuple(kept_ind + _indicators(got)),
        municipal_share_months=tuple(kept_share + got.share_months),
        title=re.sub(r"\d{4}-\d{2}(/\d{4}-\d{2})?$", got.period, base.title),
        sources=tuple(r for r in base.sources if r.title not in newer) + tuple(got.sources),
    )


def _area_rows(area: str, munis: list[str], year: int) -> tuple[Area, ...]:
    """The country, the area and its municipalities, from the bundled classification."""
    bundled = classification.load()
    src = f"Polku's bundled regional classification, {year}"
    names = {m.code: m.name_fi for m in bundled.in_year(year)}
    if area.startswith("KU") and len(munis) == 1:
        name = names.get(munis[0], area)
        return (
            Area(
                "SSS",
                AreaLevel.COUNTRY,
                "Koko maa",
                "Whole country",
                None,
                source=src,
                estimate=False,
            ),
            Area(area, AreaLevel.MUNICIPALITY, name, name, "SSS", source=src, estimate=False),
        )
    named = bundled.area(area, year)
    level = {"region": AreaLevel.REGION, "subregion": AreaLevel.SUBREGION}.get(
        named.level if named else "", AreaLevel.GROUP
    )
    title = named.name_fi if named else area
    rows = [
        Area(
            "SSS", AreaLevel.COUNTRY, "Koko maa", "Whole country", None, source=src, estimate=False
        ),
        Area(
            area,
            level,
            title,
            (named.name_en if named else "") or title,
            "SSS",
            source=src,
            estimate=False,
            note="Employment area (työllisyysalue)" if level is AreaLevel.GROUP else None,
        ),
    ]
    rows += [
        Area(
            f"KU{m}",
            AreaLevel.MUNICIPALITY,
            names.get(m, m),
            names.get(m, m),
            area,
            source=src,
            estimate=False,
        )
        for m in munis
    ]
    return tuple(rows)


def _titles(lang: str) -> Callable[[Sequence[str]], str]:
    """Table names -> their titles in ``lang``, in lower case, as a list in words."""
    titles = {t.TABLE: t.TITLE_FI if lang == "fi" else t.TITLE_EN for t in ROW_TYPES}

    def named(tables: Sequence[str]) -> str:
        return ", ".join(titles.get(t, t).lower() for t in tables)

    return named


def _check_filled(
    tables: dict[str, tuple[Row, ...]], own: set[str], codes: set[str], filled: Region | None
) -> None:
    """A filled table must describe the area fetched: a row of another area is an error
    naming the table, row and code (its rows are not moved onto the area silently)."""
    for table in sorted(own):
        for line, row in enumerate(tables[table], start=2):
            code = getattr(row, "area", None)
            if code is not None and code not in codes:
                known = ", ".join(sorted(codes))
                raise SourceError(
                    f"{filled.name if filled else 'workbook'}: sheet {table}, row {line}: area "
                    f"{code} is not one of the fetched dataset's areas ({known}) "
                    "/ alue ei kuulu aineistoon"
                )


def build(
    template: Region,
    area: str,
    cache: str | Path,
    *,
    first: str | None = None,
    last: str | None = None,
    offline: bool = False,
    endpoints: Endpoints | None = None,
    name: str | None = None,
    retries: int = 4,
    filled: Region | None = None,
    fill_name: str = "a workbook",
) -> Region:
    """A complete dataset for ``area``: fetched tables, ``filled``'s tables (a workbook
    the planner filled in) where it has rows, the rest from ``template``."""
    got = _gather(template, area, cache, first, last, offline, endpoints or Endpoints(), retries)
    how: Scale = scale(template, {k: f.value for k, f in got.figures.items()})
    borrowed = borrow(template, area, how, frozenset(), got.period)
    tables: dict[str, tuple[Row, ...]] = {**borrowed}
    rehab = got.figures.get(IndicatorKind.REHABILITATIVE_WORK_CLIENTS)
    if rehab is not None:  # the real count, not scaled
        tables["service_capacity"] = tuple(
            replace(
                r,
                period=got.period,
                clients=_half_up(rehab.value),
                source=rehab.source,
                estimate=rehab.estimate,
                note=f"Clients in rehabilitative work activity, {rehab.note or got.period}",
            )
            if isinstance(r, ServiceCapacity) and r.measure is Measure.REHABILITATIVE_WORK
            else r
            for r in tables.get("service_capacity", ())
        )
    # the planner's tables: those of the workbook that differ from what the template
    # gives (a workbook made from a fetched dataset holds the borrowed ones unchanged)
    refreshed = {*got.figures, IndicatorKind.MUNICIPAL_SHARE_PER_RESIDENT}

    def planner(table: str) -> tuple[Row, ...]:
        rows: tuple[Row, ...] = getattr(filled, table) if filled is not None else ()
        return tuple(  # the fetched figures are fetched again, not taken from the workbook
            r
            for r in rows
            if not (isinstance(r, AreaIndicator) and r.area == area and r.indicator in refreshed)
        )

    own = {
        t
        for t in Region.table_names()
        if t not in FETCHED and planner(t) and planner(t) != tuple(tables.get(t, ()))
    }
    for t in own:
        tables[t] = planner(t)
    tables["indicators"] = tuple(tables.get("indicators", ())) + tuple(_indicators(got))
    tables["benefit_days"] = tuple(_days(got, template))
    tables["municipal_share_months"] = tuple(got.share_months)
    areas = _area_rows(area, got.municipalities, int(got.months[-1][:4]))
    tables["areas"] = areas
    _check_filled(tables, own, {a.code for a in areas}, filled)
    from_template = sorted(t for t, rows in borrowed.items() if rows and t not in own)
    sources = [
        *got.sources,
        SourceRef(
            f"Template region {template.name}: estimates, counts scaled by "
            f"{how.factor:.3f} ({how.basis})",
            tables=tuple(from_template),
        ),
        *(
            [SourceRef(f"Filled in by the planner: {fill_name}", tables=tuple(sorted(own)))]
            if filled is not None and own
            else []
        ),
    ]
    fi = _titles("fi")
    en = _titles("en")
    fetched = ("indicators", "benefit_days", "municipal_share_months")
    region = Region(
        name=name or f"{area.lower()}-{got.months[-1]}",
        title=f"{areas[1].name_fi} {got.period}",
        description=(
            f"{area}, {got.period}. From Kela, Statistics Finland and Sotkanet open data: "
            f"{en(fetched)}. From the template region {template.name}, as estimates: "
            f"{en(from_template)}."
            + (f" Filled in by the planner: {en(sorted(own))}." if own else "")
        ),
        description_fi=(
            f"{area}, {got.period}. Kelan, Tilastokeskuksen ja Sotkanetin avoimesta datasta: "
            f"{fi(fetched)}. Malliaineistosta {template.name} arvioina: {fi(from_template)}."
            + (f" Suunnittelijan täyttämät: {fi(sorted(own))}." if own else "")
        ),
        sources=tuple(sources),
        **tables,  # type: ignore[arg-type]
    )
    return region


__all__ = ["Endpoints", "build", "fetch", "municipalities"]
