"""Scenarios: named changes to the baseline, read from YAML and checked strictly.

A scenario file::

    name: proposal-500
    title: +500 rehabilitative work places at 35 EUR a week + 10 EUR a day
    title_fi: +500 kuntouttavan työtoiminnan paikkaa, 35 € viikossa + 10 € päivältä
    changes:
      places: {rehabilitative_work: {add: 500, from_month: 1}}
      price: {per_week: 35, per_day: 10}                 # the new places' price
      segment_shares: {green: 30, yellow: 50, red: 20}   # percent, on entering the base
      priority: segment                                  # first_come, segment, benefit_days
      inflow_factor: 1.1                                 # from month 0 unless from_month
      outcomes: {rehabilitative_work: {open_market: 3, unemployed: 24, ...}}  # percent
      funding_cut: {pay_subsidies: 35}                   # percent of the associations' income
      market_path: true       # market-based sales: ESF/STEA/OKM-type grants end (S17)
      rules_date: 2025-06-01                             # price money under these rules
      months: 60
      assumptions: {sim.abandon_pct: 8}

Every problem is reported with file, line and key, all at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from polku import strictyaml
from polku.assumptions import Assumptions, definition
from polku.errors import AssumptionError, ScenarioError
from polku.findings import Finding, Level
from polku.model.vocabulary import MARKET_LOST_SOURCES

from .income import SOURCES
from .money import Prices
from .network import PRIORITIES, SEGMENTS, Network
from .scenario_checks import Checker as _Checker
from .scenario_checks import check_values, line_of, one_of

MEASURES = ("pay_subsidy", "work_trial", "rehabilitative_work", "education")
OUTCOME_KEYS = (
    "open_market",
    "subsidised",
    "education",
    "pension_other",
    "unknown",
    "unemployed",
    "next_period",
)
CHANGE_KEYS = (
    "places",
    "price",
    "segment_shares",
    "priority",
    "inflow_factor",
    "outcomes",
    "funding_cut",
    "market_path",
    "rules_date",
    "months",
    "assumptions",
    "from_month",
)
SUM_100 = ("percentages that sum to 100", "prosentit, joiden summa on 100")
MAX_PLACES = 100_000  # places of one measure: far above any region's client base
MAX_MONTHS = 600  # a horizon (``months``) and every start month lie within 50 years
PRICE_APPLIES = ("new_places", "all_places")  # a price change: the added places, or every one
LIVE_ASSUMPTIONS = (
    "sim.priority",
    "sim.abandon_pct",
    "sim.waiting_list_pct",
    "pricing.activity_days_per_week",
    "pricing.organiser_cost_per_week",
    "producers.market_sales_change_pct",
)


@functools.cache
def rules_range() -> tuple[dt.date, dt.date]:
    """The dates the bundled rules cover: from the day every parameter has its first
    entry to the end of the year of the newest entry (later rules are not known)."""
    from polku.rules import load_rules

    histories = [p.history for p in load_rules().parameters.values() if p.history]
    first = max(h[0].start for h in histories)
    newest = max(e.start for h in histories for e in h)
    return first, dt.date(newest.year, 12, 31)


def _bound(c: _Checker, path: tuple[Any, ...], found: Any, code: str, **params: Any) -> None:
    """A finding of its own ``code`` (a bound the model states, in both languages)."""
    c.findings.append(
        Finding(
            Level.ERROR,
            code,
            row=line_of(c.lines, path),
            column=".".join(map(str, path)),
            found=str(found),
            file=c.file,
            params={k: str(v) for k, v in params.items()},
        )
    )


def _places(c: _Checker, path: tuple[Any, ...], value: Any, low: float) -> None:
    """A number of places: a finite number within ``low`` and :data:`MAX_PLACES` (a set
    below 0 keeps the plain number's finding)."""
    before = len(c.findings)
    c.number(path, value, low=low if low == 0 else -float("inf"))
    if len(c.findings) == before and not low <= value <= MAX_PLACES:
        text = {"places": f"{value:g}", "low": f"{low:g}", "high": MAX_PLACES}
        _bound(c, path, value, "scenario_places_bound", **text)


@dataclass(frozen=True)
class Scenario:
    """A named set of changes to the baseline."""

    name: str
    title: str = ""
    title_fi: str = ""
    description: str = ""
    changes: dict[str, Any] = field(default_factory=dict)
    file: str = ""
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def months(self) -> int | None:
        """The horizon the scenario asks for, if any."""
        value = self.changes.get("months")
        return int(value) if value is not None else None


def _check_changes(c: _Checker, changes: dict[str, Any]) -> None:
    path: tuple[Any, ...] = ("changes",)
    for measure, spec in c.mapping((*path, "places"), changes.get("places", {}), MEASURES).items():
        own = c.mapping((*path, "places", measure), spec, ("add", "set", "from_month"))
        if len({"add", "set"} & set(own)) != 1:
            c.bad((*path, "places", measure), spec, "exactly one of add or set", "joko add tai set")
        if "from_month" in own:
            c.number((*path, "places", measure, "from_month"), own["from_month"], 0, MAX_MONTHS)
        if "set" in own:
            _places(c, (*path, "places", measure, "set"), own["set"], 0)
        if "add" in own:
            _places(c, (*path, "places", measure, "add"), own["add"], -MAX_PLACES)
    for key, value in c.mapping(
        (*path, "price"), changes.get("price", {}), ("per_week", "per_day", "applies_to")
    ).items():
        if key == "applies_to":
            if value not in PRICE_APPLIES:
                c.bad((*path, "price", key), value, *one_of(PRICE_APPLIES))
        else:
            c.number((*path, "price", key), value)
    shares = c.mapping((*path, "segment_shares"), changes.get("segment_shares", {}), SEGMENTS[1:])
    for key, value in shares.items():
        c.number((*path, "segment_shares", key), value, 0, 100)
    if shares and not any(isinstance(v, int | float) and v > 0 for v in shares.values()):
        c.bad(
            (*path, "segment_shares"),
            shares,
            "at least one share above 0",
            "ainakin yksi osuus yli 0",
        )
    total = sum(v for v in shares.values() if isinstance(v, int | float))
    if shares and abs(total - 100) > 1:
        c.bad((*path, "segment_shares"), total, *SUM_100)
    price = changes.get("price", {})
    given = changes.get("places")
    rehab = given.get("rehabilitative_work", {}) if isinstance(given, dict) else {}
    if (
        isinstance(price, dict)
        and price
        and price.get("applies_to", "new_places") == "new_places"
        and not _adds_places(rehab)
    ):
        c.bad(
            (*path, "price"),
            "applies_to: new_places",
            "places to add for rehabilitative work (the price is for the added places), "
            "or applies_to: all_places",
            "lisättäviä kuntouttavan työtoiminnan paikkoja (hinta koskee lisäpaikkoja) tai "
            "applies_to: all_places",
        )
    if "priority" in changes and changes["priority"] not in PRIORITIES:
        c.bad((*path, "priority"), changes["priority"], *one_of(PRIORITIES))
    if "inflow_factor" in changes:
        c.number((*path, "inflow_factor"), changes["inflow_factor"], 0, 10)
    for measure, spec in c.mapping(
        (*path, "outcomes"), changes.get("outcomes", {}), MEASURES
    ).items():
        own = c.mapping((*path, "outcomes", measure), spec, OUTCOME_KEYS)
        for key, value in own.items():
            c.number((*path, "outcomes", measure, key), value, 0, 100)
        total = sum(v for v in own.values() if isinstance(v, int | float))
        if own and abs(total - 100) > 1:
            c.bad((*path, "outcomes", measure), total, *SUM_100)
    for key, value in c.mapping(
        (*path, "funding_cut"), changes.get("funding_cut", {}), SOURCES
    ).items():
        c.number((*path, "funding_cut", key), value, 0, 100)
    if "market_path" in changes and not isinstance(changes["market_path"], bool):
        c.bad((*path, "market_path"), changes["market_path"], "true or false", "true tai false")
    if "rules_date" in changes and not isinstance(changes["rules_date"], dt.date):
        c.bad(
            (*path, "rules_date"),
            changes["rules_date"],
            "a date YYYY-MM-DD",
            "päivämäärä muodossa VVVV-KK-PP",
        )
    elif "rules_date" in changes and not isinstance(changes["rules_date"], dt.datetime):
        first, last = rules_range()
        if not first <= changes["rules_date"] <= last:
            _bound(
                c,
                (*path, "rules_date"),
                changes["rules_date"],
                "scenario_rules_date",
                date=changes["rules_date"],
                first=first,
                last=last,
            )
    for key in ("months", "from_month"):
        if key in changes:
            c.number((*path, key), changes[key], 1 if key == "months" else 0, MAX_MONTHS)
    for name, value in c.mapping(
        (*path, "assumptions"), changes.get("assumptions", {}), LIVE_ASSUMPTIONS
    ).items():
        try:
            definition(name).parse(str(value))
        except AssumptionError as exc:
            c.bad((*path, "assumptions", name), value, str(exc).split("expected ")[-1])


def _adds_places(spec: Any) -> bool:
    """True when a places change may add places (``set`` is judged when applied)."""
    if not isinstance(spec, dict):
        return False
    add = spec.get("add")
    return "set" in spec or (isinstance(add, int | float) and add > 0)


def load_scenario(path: str | Path) -> Scenario:
    """Read and check a scenario file; :class:`ScenarioError` lists every problem."""
    file = Path(path)
    try:
        data, lines = strictyaml.load(strictyaml.read_text(file))  # UTF-8, bounded, no aliases
    except FileNotFoundError as exc:
        shipped = sorted(
            p.name.removesuffix(".yaml")
            for p in (Path(__file__).parent / "scenarios").glob("*.yaml")
        )
        params = {"path": str(file), "examples": ", ".join(shipped)}
        raise ScenarioError(
            [Finding(Level.ERROR, "scenario_missing", file=str(file), params=params)]
        ) from exc
    except OSError as exc:  # a folder, no permission
        reason = {"detail": exc.strerror or type(exc).__name__}
        raise ScenarioError(
            [Finding(Level.ERROR, "file_unreadable", file=file.name, params=reason)]
        ) from exc
    except yaml.YAMLError as exc:  # also strictyaml.TextError: not UTF-8, a NUL byte
        line, detail = strictyaml.describe(exc)
        raise ScenarioError(
            [
                Finding(
                    Level.ERROR,
                    "scenario_yaml",
                    row=line,
                    file=file.name,
                    params={"detail": detail},
                )
            ]
        ) from exc
    return scenario_from_data(data, file.name, lines)


def scenario_from_data(
    data: Any, source: str = "", lines: dict[tuple[Any, ...], int] | None = None
) -> Scenario:
    """Check a scenario given as data (a YAML document or JSON from the web API).

    ``rules_date`` may be a date or an ISO ``YYYY-MM-DD`` string; :class:`ScenarioError`
    lists every problem with its key path.
    """
    c = _Checker(source, lines or {})
    top = c.mapping((), data, ("name", "title", "title_fi", "description", "changes"))
    if not isinstance(top.get("name"), str) or not top.get("name"):
        c.bad(
            ("name",),
            top.get("name", ""),
            "a name, such as proposal-500",
            "nimi, esimerkiksi proposal-500",
        )
    changes = c.mapping(("changes",), top.get("changes") or {}, CHANGE_KEYS)
    if isinstance(changes.get("rules_date"), str):
        with contextlib.suppress(ValueError):  # a bad date is reported by the check below
            changes = {**changes, "rules_date": dt.date.fromisoformat(changes["rules_date"])}
    check_values(c, top, changes)
    _check_changes(c, changes)
    if c.findings:
        raise ScenarioError(c.findings)
    return Scenario(
        str(top["name"]),
        str(top.get("title") or ""),
        str(top.get("title_fi") or ""),
        str(top.get("description") or ""),
        dict(changes),
        source,
        dict(lines or {}),
    )


def check_places(scenario: Scenario, net: Network) -> None:
    """Refuse a scenario that removes more places of a measure than ``net`` has (known
    only against a region's network, so checked before a run starts and when applied)."""
    c = _Checker(scenario.file or scenario.name, scenario.lines)
    for name, spec in scenario.changes.get("places", {}).items():
        if name in [m.name for m in net.measures]:
            old = float(net.measures[net.measure_index(name)].places[0])
            new = spec["set"] if "set" in spec else old + spec["add"]
            if new < 0:
                removed = -float(spec.get("add", new))
                path = ("changes", "places", name, "add")
                _bound(
                    c,
                    path,
                    -removed,
                    "scenario_places_removed",
                    removed=f"{removed:g}",
                    old=f"{old:g}",
                )
    if c.findings:
        raise ScenarioError(c.findings)


def apply(scenario: Scenario, net: Network, prices: Prices) -> tuple[Network, Prices, Assumptions]:
    """The network and prices with the scenario's changes."""
    ch = scenario.changes
    start = int(ch.get("from_month", 0))
    names = [m.name for m in net.measures]
    old_rehab = (
        float(net.measures[names.index("rehabilitative_work")].places[0])
        if "rehabilitative_work" in names
        else 0.0
    )
    if scenario.months:
        net = net.with_months(scenario.months)
    check_places(scenario, net)
    for name, spec in ch.get("places", {}).items():
        if name in [m.name for m in net.measures]:
            old = float(net.measures[net.measure_index(name)].places[0])
            new = spec["set"] if "set" in spec else old + spec["add"]
            net = net.with_places(name, float(new), int(spec.get("from_month", start)))
    if "inflow_factor" in ch:
        inflow = net.inflow.copy()
        inflow[start:] *= float(ch["inflow_factor"])
        net = replace(net, inflow=inflow)
    if "segment_shares" in ch:
        shares = np.array([0.0] + [float(ch["segment_shares"].get(s, 0.0)) for s in SEGMENTS[1:]])
        net = replace(net, segment_shares=shares / shares.sum())
    if "priority" in ch:
        net = replace(net, priority=str(ch["priority"]))
    measures = list(net.measures)
    for name, spec in ch.get("outcomes", {}).items():
        if name in [m.name for m in measures]:
            i = net.measure_index(name)
            vector = np.array([float(spec.get(k, 0.0)) for k in OUTCOME_KEYS]) / 100.0
            measures[i] = replace(measures[i], outcomes=vector, outcome_alpha=np.zeros_like(vector))
    net = replace(net, measures=tuple(measures))
    cuts = {k: float(v) / 100.0 for k, v in ch.get("funding_cut", {}).items()}
    if "pay_subsidies" in cuts and "pay_subsidy" in [m.name for m in net.measures]:
        # fewer pay-subsidised workers at the associations: their places go, from the
        # month of the cut, on top of any other change to the places
        i = net.measure_index("pay_subsidy")
        share = prices.pay_subsidy_shares.get("association", 0.0)
        keep = 1.0 - cuts["pay_subsidies"] * share
        places = net.measures[i].places.copy()
        places[start:] *= keep
        measures = list(net.measures)
        measures[i] = replace(measures[i], places=places)
        net = replace(net, measures=tuple(measures))
        after = np.full(net.months, share)
        after[start:] = share * (1.0 - cuts["pay_subsidies"]) / keep
        prices = replace(prices, association_ps_share=after)
    assumptions = Assumptions(
        {k: definition(k).parse(str(v)) for k, v in ch.get("assumptions", {}).items()}
    )
    if ch.get("market_path"):
        # selling on the market closes the separate grants (S17); sales change by assumption
        cuts.update({s.value: 1.0 for s in MARKET_LOST_SOURCES})
        change = assumptions.number("producers.market_sales_change_pct") / 100.0
        cuts["sales"] = 1.0 - (1.0 - cuts.get("sales", 0.0)) * (1.0 + change)
    prices = _priced(replace(prices, cuts=cuts, cut_from=start), ch.get("price", {}), old_rehab)
    return _live(net, prices, assumptions)


def _priced(prices: Prices, price: dict[str, Any], old_places: float) -> Prices:
    """A price change for the added places only (the default, as the survey meant: new
    places at a cost-neutral price) or for every place (``applies_to: all_places``)."""
    if not price:
        return prices
    week, day = price.get("per_week"), price.get("per_day")
    if price.get("applies_to", "new_places") == "all_places":
        return replace(
            prices,
            price_per_week=float(week if week is not None else prices.price_per_week),
            price_per_day=float(day if day is not None else prices.price_per_day),
        )
    return replace(
        prices,
        new_price_per_week=float(week) if week is not None else None,
        new_price_per_day=float(day) if day is not None else None,
        priced_places=old_places,
    )


def _live(net: Network, prices: Prices, a: Assumptions) -> tuple[Network, Prices, Assumptions]:
    """Apply the assumptions a scenario may change without recalibrating."""
    given = a.overrides
    if "sim.priority" in given:
        net = replace(net, priority=str(given["sim.priority"]))
    if "sim.abandon_pct" in given:
        bounds = a.range("sim.abandon_pct")
        net = replace(
            net,
            abandon_prob=a.number("sim.abandon_pct") / 100.0,
            abandon_range=(bounds[0] / 100.0, bounds[1] / 100.0) if bounds else None,
        )
    if "sim.waiting_list_pct" in given:
        pct = a.number("sim.waiting_list_pct") / 100.0
        net = replace(
            net,
            measures=tuple(replace(m, waiting_share=pct) for m in net.measures),
        )
    if "pricing.activity_days_per_week" in given:
        prices = replace(prices, activity_days=a.number("pricing.activity_days_per_week"))
    if "pricing.organiser_cost_per_week" in given:
        prices = replace(
            prices, organiser_cost_per_week=a.number("pricing.organiser_cost_per_week")
        )
    return net, prices, a
