"""Refresh a region's dataset from the official open data (``polku fetch``).

What the open sources give, for the months asked (averages of the monthly figures):

- Kela, municipally co-financed labour market subsidy by municipality: recipients by
  benefit-day class (``benefit_days``: 300-499, 500-999, 1000+ and 300+) and the
  municipal share paid (``indicators``, annualised);
- Statistics Finland, tyonv 12r5: unemployed jobseekers and the long-term unemployed;
  12u4: clients in rehabilitative work activity (``indicators``);
- Sotkanet: residents (``indicators``), summed over the area's municipalities.

From 2025-01 the municipal share is paid by the employment area, and its figures come
from Kela's dataset by employment area (:mod:`.kela_areas`) instead; a period may not
straddle the change. Everything else (service lines, outcomes, segments, producers,
prices...) is carried over from the base dataset and the descriptor says so. The
area's municipalities for the years fetched come from the bundled classification
(:mod:`.classification`), or, for an area and year it does not cover, from the base
dataset's ``areas`` table. Each source's URL and retrieval time is recorded among the
dataset's sources.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from polku.errors import SourceError
from polku.model.region import Region, SourceRef
from polku.model.tables import AreaIndicator, BenefitDaysCount
from polku.model.vocabulary import INDICATOR_UNITS, BenefitDaysClass, IndicatorKind

from . import classification, kela, kela_areas, sotkanet, statfin
from .areas import employment_area, municipalities, new_areas
from .client import Answer, Client
from .kela_areas import FIRST_MONTH

KELA_CKAN = "https://www.avoindata.fi/data"
KELA_DATASET = "kuntien-rahoittama-tyomarkkinatuki"
POPULATION = "Väestö 31.12."  # Sotkanet's indicator title (looked up at run time)
REFRESHED = ("benefit_days", "indicators")
STATFIN_CONTENTS = {
    "12r5": {
        "TYOTTOMATLOPUSSA": IndicatorKind.UNEMPLOYED_JOBSEEKERS,
        "PITKAAIKAISTYOTTOMAT": IndicatorKind.LONG_TERM_UNEMPLOYED,
    },
    "12u4": {"KUNTTYOLOP": IndicatorKind.REHABILITATIVE_WORK_CLIENTS},
}


@dataclass(frozen=True)
class Endpoints:
    """Where the sources are; tests point these at a local server."""

    statfin: str = statfin.BASE
    kela_ckan: str = KELA_CKAN
    sotkanet: str = sotkanet.BASE


@dataclass
class _Sources:
    used: list[SourceRef]

    def add(self, title: str, answer: Answer) -> None:
        ref = SourceRef(f"{title} (retrieved {answer.retrieved})", answer.url)
        if ref not in self.used:
            self.used.append(ref)


def _months(table: statfin.Table, first: str | None, last: str | None) -> list[str]:
    """The months asked for; without ``--from`` the newest twelve of table 12r5."""
    months = statfin.months_between(table, first, last)
    months = months if first is not None else months[-12:]
    if months[0] < FIRST_MONTH.replace("-", "M") <= months[-1]:
        raise SourceError(
            f"{_dash(months[0])} to {_dash(months[-1])} straddles {FIRST_MONTH}, when the "
            "municipal share moved to the employment areas under new rules; fetch up to "
            f"2024-12 or from {FIRST_MONTH} / jakso ylittää vuoden 2025 muutoksen"
        )
    return months


def _statfin(
    client: Client,
    first: statfin.Table,
    areas: Sequence[str],
    months: Sequence[str],
    ends: Endpoints,
    used: _Sources,
) -> dict[IndicatorKind, float]:
    """Monthly averages of each content over the same months in every table, summed
    over ``areas`` (the area itself, or its municipalities when the table lacks it)."""
    found: dict[IndicatorKind, float] = {}
    for table_id, contents in STATFIN_CONTENTS.items():
        table = (
            first
            if table_id == "12r5"
            else statfin.metadata(client, statfin.table_url(table_id, base=ends.statfin))
        )
        missing = [_dash(m) for m in months if m not in table.time.values]
        if missing:
            raise SourceError(
                f"Statistics Finland {table_id}: no figures for {', '.join(missing)}; "
                f"the table has {table.time.values[0]} to {table.time.values[-1]}"
            )
        selection = {table.holding(areas[0]).code: list(areas)}
        content = table.holding(next(iter(contents))).code
        selection[content] = list(contents)
        values: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        cells: dict[tuple[str, str], int] = defaultdict(int)
        for part in statfin.query(client, table, selection, months):
            wider = [
                d.id
                for d in part.dimensions
                if d.id not in selection and d.id != table.time.code and len(d.categories) > 1
            ]
            if wider:  # e.g. sex or age not eliminated: the cells would be summed wrongly
                raise SourceError(
                    f"Statistics Finland {table_id}: the answer is split by {', '.join(wider)}; "
                    "expected one total"
                )
            for cell in part.cells():
                if cell.value is not None:
                    key = (cell.categories[content], cell.categories[table.time.code])
                    values[key[0]][key[1]] += cell.value
                    cells[key] += 1
        for code, kind in contents.items():
            gaps = [_dash(m) for m in months if cells[code, m] != len(areas)]
            if gaps:  # confidential or missing: an average of fewer months would mislead
                raise SourceError(
                    f"Statistics Finland {table_id}: {code} for {', '.join(areas)} has no value "
                    f"for {', '.join(gaps)}"
                )
            found[kind] = sum(values[code][m] for m in months) / len(months)
        if client.last is not None:
            used.add(f"Statistics Finland, StatFin tyonv {table_id}: {table.title}", client.last)
    return found


def _kela_files(
    client: Client, dataset: str, ends: Endpoints, used: _Sources
) -> tuple[kela.Schema, Answer]:
    """A Kela dataset's schema (from its ``package.json``) and its ``data.csv``."""
    url = f"{ends.kela_ckan}/api/3/action/package_show"
    listing = client.get(url, {"id": dataset})
    files = {}
    for res in (listing.json().get("result") or {}).get("resources") or []:
        name = str(res.get("name") or res.get("url", "").rsplit("/", 1)[-1])
        files[name] = str(res.get("url", ""))
    for needed in ("package.json", "data.csv"):
        if not files.get(needed):
            raise SourceError(f"Kela {dataset}: no resource {needed} in {url}")
    package = client.get(files["package.json"])
    data = client.get(files["data.csv"])
    used.add(f"Kela open data: {dataset}", data)
    return kela.schema(package.json()), data


def _check_months(result: kela.MunicipalShare, months: Sequence[str], dataset: str) -> None:
    missing = [m for m in months if _dash(m) not in result.periods]
    if missing:
        newest = max(result.periods, default="none")
        raise SourceError(
            f"Kela {dataset}: no data for {', '.join(map(_dash, missing))} (newest month: {newest})"
        )


def _kela(
    client: Client, munis: Sequence[str], months: Sequence[str], ends: Endpoints, used: _Sources
) -> kela.MunicipalShare:
    spec, data = _kela_files(client, KELA_DATASET, ends, used)
    rows = kela.read_csv(data.body, spec, "Kela data.csv")
    result = kela.municipal_share(rows, munis, "Kuukausi", kela.mergers())
    _check_months(result, months, KELA_DATASET)
    return result


def _kela_areas(
    client: Client,
    employment: classification.AreaName,
    months: Sequence[str],
    ends: Endpoints,
    used: _Sources,
) -> kela.MunicipalShare:
    dataset = kela_areas.DATASET
    spec, data = _kela_files(client, dataset, ends, used)
    cols = kela_areas.columns(spec, dataset)
    rows = kela.read_csv(data.body, spec, f"Kela {dataset} data.csv")
    result = kela_areas.area_share(rows, cols, employment.code, employment.name_fi, dataset)
    _check_months(result, months, dataset)
    return result


def _half_up(value: float) -> int:
    """Round half up, as the rest of Polku does (not to even)."""
    return math.floor(value + 0.5)


def _dash(month: str) -> str:
    """``2024M03`` -> ``2024-03``."""
    return month.replace("M", "-")


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
    ends = endpoints or Endpoints()
    used = _Sources([])

    def client(source: str, interval: float = 0.0) -> Client:
        return Client(
            source,
            cache,
            offline=offline,
            retries=retries,
            min_interval=0.0 if offline else interval,
        )

    statfin_client = client("statfin", statfin.MIN_INTERVAL)
    table = statfin.metadata(statfin_client, statfin.table_url("12r5", base=ends.statfin))
    months = _months(table, first, last)
    years = sorted({int(m[:4]) for m in months})
    munis = municipalities(base, area, years)
    employment = None
    if _dash(months[0]) >= FIRST_MONTH:  # 2025 rules: Kela bills its municipalities
        employment = employment_area(area, munis, years[-1])
    asked = [area] if any(area in v.values for v in table.variables) else []
    figures = _statfin(
        statfin_client, table, asked or [f"KU{m}" for m in munis], months, ends, used
    )
    if employment:
        shares = _kela_areas(client("kela"), employment, months, ends, used)
        dataset = kela_areas.DATASET
    else:
        shares = _kela(client("kela"), munis, months, ends, used)
        dataset = KELA_DATASET
    period = f"{_dash(months[0])}/{_dash(months[-1])}" if len(months) > 1 else _dash(months[0])
    chosen = [shares.periods[_dash(m)] for m in months]
    note = f"Average of {len(months)} monthly figures" if len(months) > 1 else ""
    if shares.suppressed_recipients:
        hidden = round(shares.suppressed_recipients / len(months))
        note = (
            f"{note}; about {hidden} recipients a month in municipalities Kela does not name "
            "(fewer than 4) are not included"
        ).lstrip("; ")
    kela_source = f"Kela open data, {dataset}, {period}"
    classes = (
        kela_areas.days_classes(chosen)
        if employment
        else {
            c: sum(t.recipients.get(c, 0.0) for t in chosen) / len(chosen)
            for c in ("300-499", "500-999", "1000+", "300+")
        }
    )
    days = [
        BenefitDaysCount(
            area=area,
            period=period,
            days_class=BenefitDaysClass(cls),
            recipients=_half_up(value),
            reported_share_pct=None,
            source=kela_source,
            estimate=False,
            note=note,
        )
        for cls, value in (classes or {}).items()
    ]
    paid = sum(t.municipal_share_eur for t in chosen) * 12.0 / len(chosen)
    paid_note = f"Annualised from {len(chosen)} months" if len(chosen) != 12 else ""
    if employment:
        paid_note = (
            f"{paid_note}; paid by the employment area {employment.code} "
            f"({employment.name_fi}) under the 2025 rules"
        ).lstrip("; ")
    indicators = {
        IndicatorKind.MUNICIPAL_SHARE_PAID: (paid, kela_source, len(chosen) != 12, paid_note)
    }
    for kind, value in figures.items():
        indicators[kind] = (round(value, 1), f"Statistics Finland tyonv, {period}", False, note)
    year = int(months[-1][:4])
    indicators[IndicatorKind.RESIDENTS] = _residents(client("sotkanet"), munis, year, ends, used)
    rows = [
        AreaIndicator(
            area=area,
            period=source.rsplit(" ", 1)[-1] if kind is IndicatorKind.RESIDENTS else period,
            indicator=kind,
            value=value,
            unit=INDICATOR_UNITS[kind],
            source=source,
            estimate=estimate,
            note=text,
        )
        for kind, (value, source, estimate, text) in indicators.items()
    ]
    kept_days = [r for r in base.benefit_days if r.area != area or not days]
    replaced = {*indicators, IndicatorKind.MUNICIPAL_SHARE_PER_RESIDENT}  # derived from them
    kept_ind = [r for r in base.indicators if not (r.area == area and r.indicator in replaced)]
    refreshed = REFRESHED if days else ("indicators",)
    carried = [t for t in Region.table_names() if t not in refreshed]
    description = (
        f"{base.description} Refreshed for {area}, {period}, from Kela, Statistics Finland "
        f"and Sotkanet open data ({' and '.join(refreshed)}). Carried over from "
        f"{base.name}: {', '.join(carried)}."
    ).strip()
    description_fi = (
        f"{base.description_fi} Päivitetty alueelle {area}, {period}, Kelan, Tilastokeskuksen "
        f"ja Sotkanetin avoimesta datasta ({' ja '.join(refreshed)}). Muut taulut "
        f"aineistosta {base.name}."
    ).strip()
    return replace(
        base,
        name=name or f"{area.lower()}-{_dash(months[-1])}",
        description=description,
        description_fi=description_fi,
        areas=tuple(base.areas) + new_areas(base, area, years[-1]),
        benefit_days=tuple(kept_days + days),
        indicators=tuple(kept_ind + rows),
        sources=tuple(base.sources) + tuple(used.used),
    )


def _residents(
    client: Client, munis: Sequence[str], year: int, ends: Endpoints, used: _Sources
) -> tuple[float, str, bool, str]:
    """Residents at the end of ``year``, or of the newest earlier year Sotkanet has for
    every municipality (a year's population is published the next spring)."""
    regions = sotkanet.regions(client, ends.sotkanet)
    ids = {sotkanet.municipality(regions, m).id for m in munis}
    population = sotkanet.find_indicator(sotkanet.indicators(client, ends.sotkanet), POPULATION)
    years = [year - 2, year - 1, year]
    by_year: dict[int, dict[int, float]] = defaultdict(dict)
    for v in sotkanet.values(client, population.id, years, base=ends.sotkanet):
        if v.region in ids and v.value is not None:
            by_year[v.year][v.region] = v.value
    complete = [y for y in years if set(by_year[y]) == ids]
    if not complete:
        raise SourceError(
            f"Sotkanet: {POPULATION} {years[0]}-{year} is missing for some municipalities"
        )
    chosen = complete[-1]
    if client.last is not None:
        used.add(f"Sotkanet indicator {population.id}: {population.title_fi}", client.last)
    note = "" if chosen == year else f"The newest year published; {year} was not yet"
    return sum(by_year[chosen].values()), f"Sotkanet, {POPULATION} {chosen}", chosen != year, note


__all__ = ["Endpoints", "fetch", "municipalities"]
