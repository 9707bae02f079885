"""Rows the analyses and the simulation look up, and an error for each one a dataset lacks.

A dataset can be valid row by row and still lack a row that ``polku analyse`` or
``polku simulate`` needs: the region's unemployment inflow, its recipients with
500-999 benefit days, the ended periods of rehabilitative work. :func:`missing_rows`
names each such row as an error (the file, the row that is missing, what needs it), so
that ``polku check`` fails where an analysis would stop. The dataset still loads, so
that what can be computed without the row still is.

Figures with a fallback are not listed: a printed total the analyses derive from its
parts, a population they only divide by, segment shares (the simulation then puts
everyone in the yellow segment), the organiser's purchases (the price then comes from
``pricing.fixed_price_per_week``).

The list mirrors the lookups of ``polku.analysis``, ``polku.simulation.calibrate`` and
``polku.simulation.money``; ``tests/test_required_rows.py`` removes each row from the
embedded dataset and checks that the commands named here stop without it. The rules
of :mod:`polku.data.bounds` that compare rows of a loaded region (areas that are their
own parent or in a loop, counts of persons above the residents) are errors here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.findings import Finding, Level
from polku.model.columns import Row
from polku.model.region import Region
from polku.model.vocabulary import AreaLevel, Measure, service_line_parts

from .bounds import outcome_weights, region_tree, within_population

ANALYSE = "polku analyse"
REPORT = "polku report"
SIMULATE = "polku simulate"
PRODUCERS = "polku producers"
_EVERY = (ANALYSE, REPORT, SIMULATE, PRODUCERS)  # the simulation prices with S11 too
_ANALYSIS = (ANALYSE, REPORT)
_SIMULATION = (SIMULATE, PRODUCERS)  # polku producers runs the simulation

Conditions = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Need:
    """A row some command looks up: its table, the values it has, and what needs it."""

    table: str
    where: Conditions  # column = value ("a|b": either), besides the area
    commands: tuple[str, ...]
    en: str  # what it is needed for
    fi: str
    regional: bool = True  # a row of the region the dataset describes (its area)
    single: tuple[str, ...] = ()  # commands that look it up as the only such row
    parts: tuple[Conditions, ...] = ()  # rows that stand in for it together, in one period
    positive: str | None = None  # a column that must be above 0

    def row(self, area: str | None) -> str:
        """The row as ``column value`` pairs, e.g. ``area MK09, indicator residents``."""
        pairs = ((("area", area),) if self.regional and area else ()) + self.where
        text = ", ".join(f"{k} {v.replace('|', ' or ')}" for k, v in pairs)
        if self.parts:
            text += " (or " + " and ".join(f"{k} {v}" for p in self.parts for k, v in p) + ")"
        return text


def _indicator(kind: str, commands: tuple[str, ...], en: str, fi: str, **kw: Any) -> Need:
    return Need("indicators", (("indicator", kind),), commands, en, fi, **kw)


def _days(days_class: str) -> Need:
    return Need(
        "benefit_days",
        (("days_class", days_class),),
        _SIMULATION,
        "the simulation's unemployed by benefit days (S4) and their municipal share (S11)",
        "simulaation työttömät tukipäivien mukaan (S4) ja heidän kuntaosuutensa (S11)",
        single=_SIMULATION,
    )


def _lines(group: str, en: str, fi: str) -> Need:
    lines = Assumptions().text("client_base.service_lines") or "03+05"
    parts = tuple((("service_line", p.value),) for p in service_line_parts(lines))
    return Need(
        "jobseekers",
        (("group", group), ("service_line", lines)),
        _ANALYSIS,
        en,
        fi,
        parts=parts if len(parts) > 1 else (),
    )


NEEDS: tuple[Need, ...] = (
    _indicator(
        "structural_unemployed",
        _ANALYSIS,
        "the broad client base (S6)",
        "laaja asiakasmäärä (S6)",
    ),
    _indicator(
        "recently_long_term_share",
        _ANALYSIS,
        "the broad client base (S6), or give it with --set "
        "client_base.recently_long_term_pct=PERCENT",
        "laaja asiakasmäärä (S6), tai anna se: --set client_base.recently_long_term_pct=PROSENTTI",
    ),
    _indicator(
        "unemployment_inflow",
        (*_ANALYSIS, *_SIMULATION),
        "the flow into long-term unemployment (S2) and the simulation's monthly inflow",
        "virrat pitkäaikaistyöttömyyteen (S2) ja simulaation kuukausittainen tulovirta",
        single=_SIMULATION,
    ),
    _indicator(
        "municipal_share_paid",
        _EVERY,
        "the municipal share (S11) and the price of a day of work activity (S16)",
        "kuntaosuus (S11) ja työtoimintapäivän hinta (S16)",
        single=_EVERY,
    ),
    _days("300-499"),
    _days("500-999"),
    _days("1000+"),
    Need(
        "benefit_days",
        (("days_class", "300+"),),
        _ANALYSIS,
        "the narrow client base (S6)",
        "suppea asiakasmäärä (S6)",
        parts=tuple((("days_class", c),) for c in ("300-499", "500-999", "1000+")),
    ),
    _lines(
        "unemployed",
        "the narrow client base (S6)",
        "suppea asiakasmäärä (S6)",
    ),
    _lines("all", "the broad client base (S6)", "laaja asiakasmäärä (S6)"),
    Need(
        "survival",
        (),
        _SIMULATION,
        "the simulation's exits from unemployment in the first months (S2)",
        "simulaation poistumat työttömyydestä ensimmäisinä kuukausina (S2)",
    ),
    Need(
        "service_capacity",
        (("measure", Measure.REHABILITATIVE_WORK.value),),
        (PRODUCERS,),
        "the associations' clients of rehabilitative work under each funding model",
        "järjestöjen kuntouttavan työtoiminnan asiakkaat kullakin rahoitusmallilla",
    ),
    Need(
        "producer_clients",
        (
            ("measure", Measure.REHABILITATIVE_WORK.value),
            ("producer", "association_purchase|association_maintenance"),
        ),
        (PRODUCERS,),
        "the associations' share of rehabilitative work under each funding model",
        "järjestöjen osuus kuntouttavasta työtoiminnasta kullakin rahoitusmallilla",
        positive="clients",
    ),
    Need(
        "measure_periods",
        (("measure", Measure.REHABILITATIVE_WORK.value), ("producer", "all")),
        _SIMULATION,
        "the simulation's mean stay in rehabilitative work (clients / ended periods)",
        "simulaation keskimääräinen kesto kuntouttavassa työtoiminnassa (asiakkaat / "
        "päättyneet jaksot)",
        single=_SIMULATION,
        positive="ended_periods",
    ),
    Need(
        "producer_indicators",
        (("indicator", "income"),),
        _ANALYSIS,
        "the associations' income by source (S13)",
        "järjestöjen tulot lähteittäin (S13)",
        regional=False,
    ),
    Need(
        "producer_indicators",
        (("indicator", "funding_change"),),
        (*_ANALYSIS, PRODUCERS),
        "the cut applied to each income source (S13), or give it with --set "
        "funding.cut_pct=PERCENT",
        "kuhunkin tulolähteeseen kohdistuva leikkaus (S13), tai anna se: --set "
        "funding.cut_pct=PROSENTTI",
        regional=False,
    ),
    Need(
        "proposals",
        (("measure", Measure.REHABILITATIVE_WORK.value), ("item", "fixed_price_per_week")),
        (*_ANALYSIS, PRODUCERS),
        "the cost-neutral price (S16), or give it with --set pricing.fixed_price_per_week=EUR",
        "kustannusneutraali hinta (S16), tai anna se: --set pricing.fixed_price_per_week=EUR",
        single=(*_ANALYSIS, PRODUCERS),
    ),
    Need(
        "proposals",
        (("measure", Measure.REHABILITATIVE_WORK.value), ("item", "price_per_activity_day")),
        (*_ANALYSIS, PRODUCERS),
        "the cost-neutral price (S16), or give it with --set pricing.price_per_activity_day=EUR",
        "kustannusneutraali hinta (S16), tai anna se: --set pricing.price_per_activity_day=EUR",
        single=(*_ANALYSIS, PRODUCERS),
    ),
)
"""Every row the commands need whatever the dataset holds; :func:`needs` adds the ones
that depend on it (the outcomes of each measure with places)."""

_OUTCOMES_EN = "the simulation's outcomes of {measure} (S5)"
_OUTCOMES_FI = "simulaation tilanteet toimenpiteen {measure} jälkeen (S5)"


def region_code(region: Region) -> str | None:
    """The code of the region the dataset describes: its one area of level region, else
    the top-most area that is not the whole country; None if there is none."""
    regions = [a.code for a in region.areas if a.level is AreaLevel.REGION]
    if len(regions) == 1:
        return regions[0]
    codes = {a.code for a in region.areas}
    tops = [
        a.code
        for a in region.areas
        if a.level is not AreaLevel.COUNTRY and (a.parent not in codes or a.parent == "SSS")
    ]
    return tops[0] if tops else None


def needs(region: Region, area: str) -> tuple[Need, ...]:
    """The rows ``region`` must hold: :data:`NEEDS` and an outcome for each measure that
    has places (education's outcomes are assumed)."""
    measures = dict.fromkeys(
        c.measure.value
        for c in region.service_capacity
        if c.area == area and c.measure is not Measure.EDUCATION
    )
    outcomes = tuple(
        Need(
            "outcomes",
            (("measure", m),),
            _SIMULATION,
            _OUTCOMES_EN.format(measure=m),
            _OUTCOMES_FI.format(measure=m),
            positive="share_pct",
        )
        for m in measures
    )
    return NEEDS + outcomes


def _value(row: Row, column: str) -> str:
    value = getattr(row, column)
    return str(getattr(value, "value", value))


def _matching(rows: Sequence[Row], need: Need, area: str, where: Conditions) -> list[int]:
    return [
        i
        for i, r in enumerate(rows)
        if (not need.regional or getattr(r, "area", None) == area)
        and all(_value(r, k) in v.split("|") for k, v in where)
    ]


def _latest(rows: Sequence[Row], hits: list[int]) -> list[int]:
    """The hits of the latest period, as the analyses take them."""
    latest = max((str(getattr(rows[i], "period", "")) for i in hits), default="")
    return [i for i in hits if str(getattr(rows[i], "period", "")) == latest]


def _error(need: Need, area: str, code: str, row: int | None = None, **params: Any) -> Finding:
    column = need.where[-1][0] if need.where else ("area" if need.regional else None)
    return Finding(
        Level.ERROR,
        code,
        table=need.table,
        row=row,
        column=need.positive if code == "needed_value_zero" else column,
        found=params.pop("found", ""),
        file=f"{need.table}.csv",
        params={
            "row": need.row(area),
            "commands": ", ".join(need.single if code == "rows_ambiguous" else need.commands),
            "purpose": need.en,
            "purpose_fi": need.fi,
            **params,
        },
    )


def _check(region: Region, need: Need, area: str, lines: Sequence[int] | None) -> Finding | None:
    rows = region.table(need.table)

    def line(index: int) -> int:
        return lines[index] if lines is not None and index < len(lines) else index + 2

    if need.parts:  # the printed sum, or all its parts, in the latest period
        latest = [rows[i] for i in _latest(rows, _matching(rows, need, area, need.where[:-1]))]
        if _matching(latest, need, area, need.where[-1:]) or all(
            _matching(latest, need, area, p) for p in need.parts
        ):
            return None
        return _error(need, area, "row_missing")
    hits = _matching(rows, need, area, need.where)
    if not hits:
        return _error(need, area, "row_missing")
    if need.single and len(hits) > 1:
        shown = ", ".join(str(line(i)) for i in hits)
        return _error(need, area, "rows_ambiguous", line(hits[1]), found=shown, count=len(hits))
    if need.positive and not any(float(getattr(rows[i], need.positive)) > 0 for i in hits):
        return _error(need, area, "needed_value_zero", line(hits[0]), found=0)
    return None


def missing_rows(region: Region, lines: dict[str, tuple[int, ...]] | None = None) -> list[Finding]:
    """An error for every row in :func:`needs` that ``region`` lacks (or holds twice
    where one is looked up, or holds with a 0 where more is needed), and for every
    count of persons larger than the region's residents; and for each area that is its
    own parent or in a loop of parents."""
    tree = region_tree(region, lines or {})
    area = region_code(region)
    if area is None:
        need = Need(
            "areas",
            (("level", AreaLevel.REGION.value),),
            _EVERY,
            "the region the dataset describes",
            "alue, jota aineisto kuvaa",
            regional=False,
        )
        return [*tree, _error(need, "", "row_missing")]
    out = tree
    for need in needs(region, area):
        finding = _check(region, need, area, (lines or {}).get(need.table))
        if finding is not None:
            out.append(finding)
    measures = [n.where[0][1] for n in needs(region, area) if n.table == "outcomes"]
    weights = outcome_weights(region, area, measures, lines or {})
    return out + weights + within_population(region, area, lines or {})


def reference() -> str:
    """The rows the commands need, as Markdown for ``docs/dataset.md``."""
    out = [
        "| file | row (of the region's area) | needed by | for |",
        "|---|---|---|---|",
    ]
    for need in NEEDS:
        row = ", ".join(f"`{k}` {v.replace('|', ' or ')}" for k, v in need.where) or "any"
        if need.parts:
            row += " (or " + " and ".join(f"`{k}` {v}" for p in need.parts for k, v in p) + ")"
        if not need.regional:
            row += " (any producer)"
        if need.single:
            row += f"; only one such row ({', '.join(need.single)})"
        if need.positive:
            row += f"; `{need.positive}` above 0"
        out.append(f"| `{need.table}.csv` | {row} | {', '.join(need.commands)} | {need.en} |")
    out.append(
        "| `outcomes.csv` | `measure` of each `service_capacity.csv` row other than "
        f"education, a share above 0 | {', '.join(_SIMULATION)} | "
        + _OUTCOMES_EN.format(measure="the measure")
        + " |"
    )
    return "\n".join(out) + "\n"
