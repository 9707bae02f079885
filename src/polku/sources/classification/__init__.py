"""The bundled regional classification: municipalities by year, and what they roll up to.

``municipalities.csv`` gives, for a span of years (``from_year``-``to_year``), each
municipality's Statistics Finland code, Finnish and Swedish name, subregion (``SK###``),
region (``MK##``) and, from 2025, employment area (työllisyysalue, ``TA-...``) and
wellbeing services county (hyvinvointialue, ``HV##``); ``areas.csv`` names the regions,
subregions, employment areas (with their host municipality) and wellbeing services
counties; ``mergers.csv`` maps an abolished municipality to the one it joined. Where
each row comes from is in ``README.md``; :mod:`.listing` searches the areas by name.

Only what could be verified is bundled; :meth:`Classification.members` names the area,
the year and what the bundle covers when it is asked for something else. Nothing is
downloaded.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from polku.errors import SourceError


@dataclass(frozen=True)
class Municipality:
    code: str  # three digits, e.g. "405"
    name_fi: str
    subregion: str  # SK###
    region: str  # MK##
    employment_area: str  # "" where not known (or before 2025, or in Åland)
    from_year: int
    to_year: int
    name_sv: str = ""  # Statistics Finland's Swedish name; "" where not bundled
    wellbeing_county: str = ""  # HV##; "" where not known (or in Åland)


@dataclass(frozen=True)
class AreaName:
    code: str
    level: str  # region, subregion, employment_area or wellbeing_county
    name_fi: str
    name_sv: str
    name_en: str
    from_year: int
    to_year: int
    statfi_code: str = ""  # Statistics Finland's own code of the item, where bundled
    host: str = ""  # an employment area's host municipality (vastuukunta), where known


@dataclass(frozen=True)
class Merger:
    old_code: str
    new_code: str
    year: int  # the year from whose first day the old municipality no longer exists


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files(__name__) / name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


class Classification:
    """The bundled municipalities, areas and mergers, asked by code and year."""

    def __init__(
        self,
        municipalities: list[Municipality],
        areas: list[AreaName],
        mergers: list[Merger],
    ) -> None:
        self.municipalities = tuple(municipalities)
        self.areas = tuple(areas)
        self.mergers = tuple(mergers)

    def in_year(self, year: int) -> list[Municipality]:
        return [m for m in self.municipalities if m.from_year <= year <= m.to_year]

    def years(self) -> list[int]:
        """Every year for which the bundle has municipalities, oldest first."""
        return sorted({y for m in self.municipalities for y in range(m.from_year, m.to_year + 1)})

    def municipality(self, code: str, year: int) -> Municipality | None:
        """The municipality with the three-digit ``code`` in ``year``, if bundled."""
        return next((m for m in self.in_year(year) if m.code == code), None)

    def areas_at(self, level: str, year: int) -> list[AreaName]:
        """The named areas of ``level`` (``region``, ``subregion``, ``employment_area``
        or ``wellbeing_county``) valid in ``year``, by code."""
        found = [a for a in self.areas if a.level == level and a.from_year <= year <= a.to_year]
        return sorted(found, key=lambda a: a.code)

    def area(self, code: str, year: int) -> AreaName | None:
        for a in self.areas:
            if a.code == code and a.from_year <= year <= a.to_year:
                return a
        return None

    def coverage(self, year: int) -> str:
        """What the bundle knows for ``year``, in words, for error messages."""
        rows = self.in_year(year)
        if not rows:
            years = sorted({y for m in self.municipalities for y in (m.from_year, m.to_year)})
            return f"nothing for {year} (it covers {years[0]}-{years[-1]})"
        regions = sorted({m.region for m in rows})
        subregions = {m.subregion for m in rows}
        employment = sorted({m.employment_area for m in rows if m.employment_area})
        text = (
            f"{len(rows)} municipalities in {len(subregions)} subregions of "
            f"{len(regions)} regions ({', '.join(regions)})"
        )
        return text + (
            f"; employment areas: {', '.join(employment)}"
            if employment
            else "; no employment areas (they begin in 2025)"
        )

    def merged_into(self, code: str, year: int) -> Merger | None:
        for m in self.mergers:
            if m.old_code == code and m.year <= year:
                return m
        return None

    def members(self, area: str, year: int) -> list[str]:
        """The three-digit codes of the municipalities in ``area`` (``KU###``,
        ``SK###``, ``MK##``, ``HV##`` or an employment area code) in ``year``."""
        if area == "SSS":
            raise SourceError(
                "SSS: the whole country is not summed from its areas (Kela publishes "
                "national figures apart) / koko maata ei summata alueista"
            )
        rows = self.in_year(year)
        if area.startswith("KU") and len(area) == 5:
            code = area[2:]
            gone = self.merged_into(code, year)
            if gone is not None:
                raise SourceError(
                    f"{area}: the municipality joined KU{gone.new_code} on {gone.year}-01-01; "
                    f"ask for KU{gone.new_code} / kunta on yhdistetty"
                )
            found = [m.code for m in rows if m.code == code]
        elif area.startswith("SK"):
            found = [m.code for m in rows if m.subregion == area]
        elif area.startswith("MK"):
            found = [m.code for m in rows if m.region == area]
        elif area.startswith("HV"):
            found = [m.code for m in rows if m.wellbeing_county == area]
        else:
            found = [m.code for m in rows if m.employment_area == area]
        if not found:
            raise SourceError(
                f"unknown area code {area} for {year}: the bundled classification has "
                f"{self.coverage(year)} / aluetta ei ole luokituksessa vuodelle {year}"
            )
        return sorted(found)

    def employment_areas(self, codes: list[str], year: int) -> dict[str, list[str]]:
        """The employment areas of ``codes`` in ``year``, each with all its members;
        an error names the municipalities whose employment area is not known."""
        rows = {m.code: m for m in self.in_year(year)}
        unknown = [c for c in codes if c not in rows or not rows[c].employment_area]
        if unknown:
            raise SourceError(
                f"no employment area is known for {year} for KU{', KU'.join(unknown)}: the "
                f"bundled classification has {self.coverage(year)} / työllisyysalue ei tiedossa"
            )
        out: dict[str, list[str]] = defaultdict(list)
        for m in rows.values():
            if m.employment_area in {rows[c].employment_area for c in codes}:
                out[m.employment_area].append(m.code)
        return {k: sorted(v) for k, v in sorted(out.items())}


@cache
def load() -> Classification:
    """The bundled classification (read once)."""
    munis = [
        Municipality(
            r["code"],
            r["name_fi"],
            r["subregion"],
            r["region"],
            r["employment_area"],
            int(r["from_year"]),
            int(r["to_year"]),
            r.get("name_sv", ""),
            r.get("wellbeing_county", ""),
        )
        for r in _rows("municipalities.csv")
    ]
    areas = [
        AreaName(
            r["code"],
            r["level"],
            r["name_fi"],
            r["name_sv"],
            r["name_en"],
            int(r["from_year"]),
            int(r["to_year"]),
            r.get("statfi_code", ""),
            r.get("host", ""),
        )
        for r in _rows("areas.csv")
    ]
    mergers = [
        Merger(r["old_code"], r["new_code"], int(r["from"][:4])) for r in _rows("mergers.csv")
    ]
    return Classification(munis, areas, mergers)


__all__ = ["AreaName", "Classification", "Merger", "Municipality", "load"]
