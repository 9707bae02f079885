"""The area asked for by ``polku fetch``: its municipalities and, if the base dataset
lacks it, its row in the areas table, from the bundled classification
(:mod:`.classification`) or, for an area and year that it does not cover, from the base
dataset's own ``areas`` table (the classification it was built with)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from polku.errors import SourceError
from polku.model.region import Region
from polku.model.tables import Area
from polku.model.vocabulary import AreaLevel

from . import classification


def municipalities(base: Region, area: str, years: Sequence[int] = ()) -> list[str]:
    """The three-digit codes of the municipalities in ``area`` in the last of ``years``,
    by the bundled classification; for an area or year it lacks, by the base's areas."""
    known = {a.code: a for a in base.areas}
    if years:
        bundled = classification.load()
        try:
            return bundled.members(area, years[-1])  # merged codes are credited by kela
        except SourceError:
            newest = bundled.years()[-1]
            if area not in known and years[-1] < newest:
                # a year the bundle does not cover: the area as it is today (an
                # employment area did not exist before 2025; its municipalities did)
                return bundled.members(area, newest)
            if area not in known or known[area].level is AreaLevel.COUNTRY:
                raise
    if area not in known:
        codes = ", ".join(a.code for a in base.areas if a.level is not AreaLevel.GROUP)
        raise SourceError(f"unknown area code {area}; the base dataset has: {codes}")
    if known[area].level is AreaLevel.COUNTRY:
        raise SourceError(f"{area}: the whole country is not summed from its areas")
    children: dict[str, list[str]] = defaultdict(list)
    for a in base.areas:
        if a.parent:
            children[a.parent].append(a.code)
    out, todo = [], [area]
    while todo:
        code = todo.pop()
        if known[code].level is AreaLevel.MUNICIPALITY:
            out.append(code.removeprefix("KU"))
        todo += [c for c in children.get(code, []) if known[c].level is not AreaLevel.GROUP]
    if not out:
        raise SourceError(f"the base dataset lists no municipalities in {area}")
    return sorted(out)


def new_areas(base: Region, area: str, year: int) -> tuple[Area, ...]:
    """The fetched area as a row of the areas table, if the base does not have it."""
    known = {a.code for a in base.areas}
    named = classification.load().area(area, year)
    if area in known or named is None:
        return ()
    level = {
        "region": AreaLevel.REGION,
        "subregion": AreaLevel.SUBREGION,
    }.get(named.level, AreaLevel.GROUP)
    regions = {
        m.region
        for m in classification.load().in_year(year)
        if area in (m.subregion, m.employment_area)
    }
    parents = [*sorted(regions), "SSS"] if len(regions) == 1 else ["SSS"]
    parent = next((p for p in parents if p in known and p != area), None)
    return (
        Area(
            code=area,
            level=level,
            name_fi=named.name_fi,
            name_en=named.name_en or named.name_fi,
            parent=parent,
            source=f"Polku's bundled regional classification, {year}",
            estimate=False,
            note="Employment area (työllisyysalue)" if level is AreaLevel.GROUP else None,
        ),
    )


__all__ = ["municipalities", "new_areas"]
