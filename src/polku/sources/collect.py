"""What the official open data give for one area and months: :func:`collect`.

- Statistics Finland, tyonv 12r5: unemployed jobseekers and the long-term unemployed;
  12u4: clients in rehabilitative work activity (monthly averages);
- Kela: up to 2024, the co-financed labour market subsidy by municipality (recipients
  by benefit-day class, the municipal share); from 2025-01 the municipal share of
  unemployment benefits by municipality, month, benefit and accumulated-days class
  (:mod:`.kela_share`), kept whole as the ``municipal_share_months`` table;
- Sotkanet: residents, summed over the area's municipalities.

Each answer's URL, retrieval time, last-modified date (or JSON-stat ``updated``) and
SHA-256 become a :class:`~polku.model.region.SourceRef` naming the tables it fed.
A confidential cell (``..``) is carried, not fatal: it holds between 1 and
``threshold - 1`` persons (Polku's small-cell rule), is counted at the middle of that
range, and the figure is marked an estimate whose note gives the range.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from polku.disclosure import DEFAULT_THRESHOLD
from polku.errors import SourceError
from polku.model.region import SourceRef
from polku.model.tables import MunicipalShareMonth
from polku.model.vocabulary import IndicatorKind

from . import ckan, kela, kela_share, sotkanet, statfin
from .client import Answer, Client

KELA_DATASET = "kuntien-rahoittama-tyomarkkinatuki"  # up to 2024
POPULATION = "Väestö 31.12."  # Sotkanet's indicator title (looked up at run time)
STATFIN_CONTENTS = {
    "12r5": {
        "TYOTTOMATLOPUSSA": IndicatorKind.UNEMPLOYED_JOBSEEKERS,
        "PITKAAIKAISTYOTTOMAT": IndicatorKind.LONG_TERM_UNEMPLOYED,
    },
    "12u4": {"KUNTTYOLOP": IndicatorKind.REHABILITATIVE_WORK_CLIENTS},
}
SUPPRESSED_MID = DEFAULT_THRESHOLD / 2  # 1..4 persons: counted as 2.5


@dataclass(frozen=True)
class Endpoints:
    """Where the sources are; tests point these at a local server."""

    statfin: str = statfin.BASE
    kela_ckan: tuple[str, ...] = ckan.PORTALS
    sotkanet: str = sotkanet.BASE


@dataclass(frozen=True)
class Figure:
    """A monthly average (or a sum) with what the reader must know about it."""

    value: float
    source: str
    estimate: bool = False
    note: str = ""
    period: str | None = None  # when it differs from the months fetched


@dataclass
class Fetched:
    """Everything fetched for an area."""

    area: str
    municipalities: list[str]
    months: list[str]  # YYYY-MM
    figures: dict[IndicatorKind, Figure] = field(default_factory=dict)
    days: dict[str, Figure] = field(default_factory=dict)  # BenefitDaysClass value -> figure
    share_months: list[MunicipalShareMonth] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def period(self) -> str:
        first, last = self.months[0], self.months[-1]
        return first if first == last else f"{first}/{last}"

    def cite(self, title: str, answer: Answer, tables: Sequence[str], modified: str | None) -> None:
        ref = SourceRef(
            title,
            answer.url,
            retrieved=answer.retrieved,
            modified=modified or answer.last_modified,
            sha256=answer.sha256,
            tables=tuple(tables),
        )
        if ref not in self.sources:
            self.sources.append(ref)


def dash(month: str) -> str:
    """``2024M03`` -> ``2024-03``."""
    return month.replace("M", "-")


def _statfin(
    client: Client, tables: dict[str, statfin.Table], asked: Sequence[str], got: Fetched, base: str
) -> None:
    limit = statfin.limits(client, base)
    client.window = (limit.max_calls, limit.time_window)
    months = [m.replace("-", "M") for m in got.months]
    for table_id, contents in STATFIN_CONTENTS.items():
        table = tables.get(table_id) or statfin.find(client, table_id, base=base)
        missing = [dash(m) for m in months if m not in table.time.values]
        if missing:
            raise SourceError(
                f"Statistics Finland {table_id}: no figures for {', '.join(missing)}; "
                f"the table has {table.time.values[0]} to {table.time.values[-1]}"
            )
        area_var = table.holding(asked[0])
        content_var = table.holding(next(iter(contents)))
        codes = {statfin.match(content_var, c) or c: c for c in contents}
        selection = {area_var.code: list(asked), content_var.code: list(codes)}
        values: dict[str, float] = defaultdict(float)
        seen: dict[str, int] = defaultdict(int)
        hidden: dict[str, int] = defaultdict(int)
        updated = None
        for part in statfin.query(client, table, selection, months, limit.max_values):
            updated = part.updated or updated
            wider = [
                d.id
                for d in part.dimensions
                if d.id not in selection and d.id != table.time.code and len(d.categories) > 1
            ]
            if wider:  # a service that ignored the totals asked: the sums would be wrong
                raise SourceError(
                    f"Statistics Finland {table_id}: the answer is split by {', '.join(wider)}; "
                    "expected one total"
                )
            for cell in part.cells():
                code = codes[cell.categories[content_var.code]]
                if cell.value is not None:
                    values[code] += cell.value
                    seen[code] += 1
                elif cell.status in statfin.SUPPRESSED:
                    hidden[code] += 1
        expected = len(asked) * len(months)
        for code, kind in contents.items():
            if seen[code] + hidden[code] != expected:
                raise SourceError(
                    f"Statistics Finland {table_id}: {code} for {', '.join(asked)} has "
                    f"{seen[code] + hidden[code]} of {expected} values for {got.period}"
                )
            note = f"Average of {len(months)} monthly figures" if len(months) > 1 else ""
            low = (values[code] + hidden[code]) / len(months)
            high = (values[code] + hidden[code] * (DEFAULT_THRESHOLD - 1)) / len(months)
            if hidden[code]:
                note = (
                    f"{note}; {hidden[code]} of {expected} cells confidential (..), each "
                    f"1-{DEFAULT_THRESHOLD - 1} persons, counted as {SUPPRESSED_MID:g}: "
                    f"the average lies between {low:.1f} and {high:.1f}"
                ).lstrip("; ")
            value = (values[code] + hidden[code] * SUPPRESSED_MID) / len(months)
            got.figures[kind] = Figure(
                round(value, 1),
                f"Statistics Finland, StatFin tyonv {table_id}"
                + (f" (updated {updated})" if updated else "")
                + f", {got.period}",
                bool(hidden[code]),
                note,
            )
        if client.last is not None:
            got.cite(
                f"Statistics Finland, StatFin tyonv {table_id}: {table.title}",
                client.last,
                ("indicators",),
                updated,
            )


def _kela_files(
    client: Client, package: str, years: Sequence[int], ends: Endpoints
) -> tuple[kela.Schema, list[tuple[ckan.Resource, Answer]]]:
    """The package's schema and the CSV files that hold ``years``."""
    found = ckan.resources(client, ends.kela_ckan, package)
    spec_answer = client.get(ckan.named(found, "package.json", package).url)
    files = ckan.data_files(found, years, package)
    doc = spec_answer.json()
    spec = kela.schema(doc, files[0].name if files else "data.csv")
    return spec, [(res, client.get(res.url)) for res in files]


def _file_label(res: ckan.Resource, answer: Answer) -> str:
    """A file as a row cites it: its name, when it changed and its SHA-256 (prefix)."""
    changed = res.modified or answer.last_modified
    return f"{res.name} ({f'changed {changed}, ' if changed else ''}SHA-256 {answer.sha256[:12]})"


def _kela_2025(client: Client, got: Fetched, ends: Endpoints) -> None:
    package = kela_share.DATASET
    last = got.months[-1]
    years = list(range(int(kela_share.FIRST_MONTH[:4]), int(last[:4]) + 1))
    spec, files = _kela_files(client, package, years, ends)
    rows: list[MunicipalShareMonth] = []
    seen_months: set[str] = set()
    cited: list[str] = []
    for res, answer in files:
        read = kela_share.share_months(
            kela.read_csv(answer.body, spec, f"Kela {package} {res.name}"),
            spec,
            got.municipalities,
            (kela_share.FIRST_MONTH, last),
            kela.mergers(),
        )
        label = _file_label(res, answer)
        new = [
            replace(r, source=f"Kela open data, {package}, {label}")
            for r in read.rows
            if r.month not in seen_months
        ]
        seen_months |= {r.month for r in new}
        rows += new
        if any(r.month in got.months for r in new):
            cited.append(label)
        got.cite(
            f"Kela open data: {package}, {res.name}",
            answer,
            ("municipal_share_months", "indicators", "benefit_days"),
            res.modified,
        )
    missing = [m for m in got.months if m not in seen_months]
    if missing:
        newest = max(seen_months, default="none")
        raise SourceError(
            f"Kela {package}: no data for {', '.join(missing)} (newest month: {newest}) "
            "/ kuukauden tietoja ei ole"
        )
    got.share_months = sorted(rows, key=lambda r: (r.month, r.municipality))
    source = f"Kela open data, {package}: {'; '.join(cited)}; {got.period}"
    paid = sum(r.eur for r in rows if r.month in got.months) * 12.0 / len(got.months)
    note = f"Annualised from {len(got.months)} months" if len(got.months) != 12 else ""
    got.figures[IndicatorKind.MUNICIPAL_SHARE_PAID] = Figure(
        round(paid, 2), source, len(got.months) != 12, note
    )
    over = kela_share.recipients_over_300(rows, got.months)
    got.days["300+"] = Figure(
        over,
        source,
        True,
        "Labour market subsidy and general benefit recipients in Kela's classes 301-400, "
        "401-700 and 701- (2025 rules), monthly average; a person crossing 400 or 700 days "
        "in a month is counted twice, so this is an upper bound",
    )


def _kela_2024(client: Client, got: Fetched, ends: Endpoints) -> None:
    years = sorted({int(m[:4]) for m in got.months})
    spec, files = _kela_files(client, KELA_DATASET, years, ends)
    totals: dict[str, kela.ShareTotals] = {}
    suppressed = 0.0
    labels: list[str] = []
    for res, answer in files:
        rows = kela.read_csv(answer.body, spec, f"Kela {KELA_DATASET} {res.name}")
        result = kela.municipal_share(rows, got.municipalities, "Kuukausi", kela.mergers())
        totals = {**result.periods, **totals}  # the first file's months win
        suppressed += result.suppressed_recipients
        labels.append(_file_label(res, answer))
        got.cite(
            f"Kela open data: {KELA_DATASET}, {res.name}",
            answer,
            ("benefit_days", "indicators"),
            res.modified,
        )
    missing = [m for m in got.months if m not in totals]
    if missing:
        newest = max(totals, default="none")
        raise SourceError(
            f"Kela {KELA_DATASET}: no data for {', '.join(missing)} (newest month: {newest})"
        )
    chosen = [totals[m] for m in got.months]
    n = len(chosen)
    source = f"Kela open data, {KELA_DATASET}: {'; '.join(labels)}; {got.period}"
    note = f"Average of {n} monthly figures" if n > 1 else ""
    if suppressed:
        note = (
            f"{note}; about {round(suppressed / n)} recipients a month in municipalities Kela "
            "does not name (fewer than 4) are not included"
        ).lstrip("; ")
    for cls in ("300-499", "500-999", "1000+", "300+"):
        got.days[cls] = Figure(
            sum(t.recipients.get(cls, 0.0) for t in chosen) / n, source, False, note
        )
    paid = sum(t.municipal_share_eur for t in chosen) * 12.0 / n
    got.figures[IndicatorKind.MUNICIPAL_SHARE_PAID] = Figure(
        paid, source, n != 12, f"Annualised from {n} months" if n != 12 else ""
    )


def _residents(client: Client, got: Fetched, ends: Endpoints) -> None:
    """Residents at the end of the last month's year, or of the newest earlier year
    Sotkanet has for every municipality (a year's population is published next spring)."""
    year = int(got.months[-1][:4])
    regions = sotkanet.regions(client, ends.sotkanet)
    ids = {sotkanet.municipality(regions, m).id for m in got.municipalities}
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
        got.cite(
            f"Sotkanet indicator {population.id}: {population.title_fi}",
            client.last,
            ("indicators",),
            None,
        )
    got.figures[IndicatorKind.RESIDENTS] = Figure(
        sum(by_year[chosen].values()),
        f"Sotkanet, {POPULATION} {chosen}",
        chosen != year,
        "" if chosen == year else f"The newest year published; {year} was not yet",
        period=str(chosen),
    )


def collect(
    clients: dict[str, Client],
    area: str,
    municipalities: list[str],
    months: list[str],
    table: statfin.Table,
    ends: Endpoints,
) -> Fetched:
    """Every figure the sources give for ``area`` (``municipalities``) over ``months``
    (``YYYY-MM``); ``table`` is 12r5's metadata, already read to choose the months."""
    got = Fetched(area, municipalities, months)
    in_table = any(area in v.values for v in table.variables)
    asked = [area] if in_table else [f"KU{m}" for m in municipalities]
    _statfin(clients["statfin"], {"12r5": table}, asked, got, ends.statfin)
    if months[0] >= kela_share.FIRST_MONTH:
        _kela_2025(clients["kela"], got, ends)
    else:
        _kela_2024(clients["kela"], got, ends)
    _residents(clients["sotkanet"], got, ends)
    return got


__all__ = ["KELA_DATASET", "Endpoints", "Fetched", "Figure", "collect", "dash"]
