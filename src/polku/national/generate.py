"""A generated national dataset: every employment area of a year, each one the dataset's
calibrated region scaled to the area's size.

The bundled classification knows each employment area's municipalities but no
population, and nothing may be downloaded at run time, so an area's size is its number
of municipalities against the dataset's number of municipalities. The areas therefore
differ in size only, never in structure: the example shows the engine at national scale
and the shape of a national table, not statistics of the areas. A dataset of one area
(``polku fetch --area TA-...``) gives that area's own figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from polku.errors import AnalysisError
from polku.model.region import Region
from polku.model.vocabulary import AreaLevel
from polku.simulation.network import Network
from polku.sources.classification import load
from polku.sources.classification.listing import entries


@dataclass(frozen=True)
class NationalArea:
    """One employment area of the generated dataset."""

    code: str  # TA-...
    names: dict[str, str]  # language -> name (fi always; sv and en where bundled)
    region: str  # MK##: the region most of its municipalities are in
    municipalities: int
    scale: float  # its size against the dataset's region
    region_names: dict[str, str]  # language -> the region's name

    def name(self, lang: str) -> str:
        """The area's name in ``lang``, Finnish where that is not bundled."""
        return self.names.get(lang) or self.names["fi"]

    def region_name(self, lang: str) -> str:
        """The region's name in ``lang``, Finnish (or its code) where not bundled."""
        return self.region_names.get(lang) or self.region_names.get("fi") or self.region


def own_municipalities(region: Region) -> int:
    """The number of the dataset's municipalities (``areas.csv``, level municipality)."""
    count = sum(1 for a in region.areas if a.level is AreaLevel.MUNICIPALITY)
    if count == 0:
        raise AnalysisError(
            f"dataset {region.name}: areas.csv lists no area of level municipality; a "
            "generated area's size is its number of municipalities against the dataset's"
        )
    return count


def national_areas(region: Region, year: int) -> list[NationalArea]:
    """The employment areas of ``year``, each scaled against ``region``."""
    own = own_municipalities(region)
    key = load()
    by_code = {m.code: m for m in key.in_year(year)}
    region_names = {
        a.code: _names(a.name_fi, a.name_sv, a.name_en) for a in key.areas_at("region", year)
    }
    out = []
    for e in entries(year, "employment_area", key):
        regions = Counter(by_code[c].region for c in e.members if c in by_code)
        home = regions.most_common(1)[0][0] if regions else ""
        out.append(
            NationalArea(
                e.code,
                _names(e.name_fi, e.name_sv, e.name_en),
                home,
                len(e.members),
                len(e.members) / own,
                region_names.get(home, {}),
            )
        )
    if not out:
        raise AnalysisError(f"the bundled classification has no employment areas in {year}")
    return out


def _names(fi: str, sv: str, en: str) -> dict[str, str]:
    return {k: v for k, v in {"fi": fi, "sv": sv, "en": en}.items() if v}


def scaled(net: Network, scale: float) -> Network:
    """``net`` with every flow, stock and place multiplied by ``scale``: an area of the
    same structure and another size."""
    measures = tuple(replace(m, places=m.places * scale) for m in net.measures)
    return replace(
        net,
        inflow=net.inflow * scale,
        initial_u=net.initial_u * scale,
        initial_q=net.initial_q * scale,
        initial_m=net.initial_m * scale,
        measures=measures,
    )
