"""The producers' funding base, all together: :func:`analyse_producers`.

One stochastic simulation of next year (the baseline and each scenario, with common
random numbers) gives the spread of the associations' income and of the clients of
rehabilitative work. Each producer's income next year is its income by source in the
data times the simulated change of that source (the simulation models the associations
together, so a producer's sources move with theirs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from polku.analysis.base import data_input, main_area
from polku.analysis.money import municipal_share
from polku.analysis.pricing import pricing
from polku.assumptions import Assumptions
from polku.errors import AnalysisError
from polku.model.region import Region, rows_where
from polku.model.vocabulary import Measure, ProducerIndicatorKind, ProducerKind
from polku.provenance import Input
from polku.rules import RuleSet, load_rules
from polku.simulation.calibrate import Calibration
from polku.simulation.income import income_by_source
from polku.simulation.network import DESTINATIONS
from polku.simulation.runner import Settings, Simulation, simulate
from polku.simulation.scenario import Scenario

from .finances import Finances, all_finances
from .health import Health, Pooled, StressRow, health, market_path, pool, stress
from .models import MONTHS, Flows, ModelOutcome, Terms, compare
from .next_year import RunHealth, run_healths
from .volatility import income_cv, threshold

Array = np.ndarray
SERVICE = "rehabilitative_work"
_ASSOCIATION_KINDS = (ProducerKind.ASSOCIATION_PURCHASE, ProducerKind.ASSOCIATION_MAINTENANCE)


@dataclass(frozen=True)
class AreaPricing:
    """One area's clients of the service and how much per-client income would vary."""

    area: str
    clients: float
    income_cv: float
    suits: str  # per_client or block


@dataclass(frozen=True)
class GroupSpread:
    """A producer group's clients of the service and its per-client income spread."""

    group: str  # a producer kind, or the groups joined with '+'
    clients: float
    income_cv: float


@dataclass(frozen=True)
class ProducerAnalysis:
    """Everything of issue S13-S19 for one dataset."""

    finances: tuple[Finances, ...]
    runs: tuple[RunHealth, ...]
    stress: tuple[StressRow, ...]
    cut_pct: float
    cost_adjustment: float  # share of lost income saved in costs, 0-1
    knock_on: float  # share of a cut lost from the other sources too, 0-1
    models: tuple[ModelOutcome, ...]
    model_share: float  # the associations' share of the service's clients
    terms: Terms
    market: tuple[tuple[Health, Health], ...]  # each producer before and after (S17)
    pooled: Pooled | None  # two or more producers with finances (S18)
    groups: tuple[GroupSpread, ...]  # the association groups side by side and pooled
    areas: tuple[AreaPricing, ...]
    stay_months: float
    max_cv: float
    threshold_clients: float
    replications: int
    seed: int
    inputs: tuple[Input, ...]  # everything used
    model_inputs: tuple[Input, ...]  # behind the funding models
    client_inputs: tuple[Input, ...]  # behind the groups and areas
    shared_run: bool = False  # next year is the first year of the caller's own run

    @property
    def names(self) -> dict[str, str]:
        """Producer identifier -> name, for every producer with finances."""
        return {f.producer: f.name for f in self.finances}

    @property
    def finance_inputs(self) -> tuple[Input, ...]:
        """The data rows behind the producers' finances."""
        return tuple(i for f in self.finances for i in f.inputs)


def _reusable(sim: Simulation | None) -> bool:
    """A run whose first year can serve as the producers' next year."""
    return (
        sim is not None
        and sim.settings.mode == "stochastic"
        and sim.baseline.trajectory.replications >= 20
        and all(r.trajectory.network.months >= MONTHS for r in sim.runs)
    )


def _association_clients(region: Region, area: str) -> dict[str, float]:
    rows = rows_where(region.producer_clients, area=area, measure=Measure.REHABILITATIVE_WORK)
    return {r.producer.value: float(r.clients) for r in rows if r.producer in _ASSOCIATION_KINDS}


def analyse_producers(
    region: Region,
    scenarios: Sequence[Scenario] = (),
    *,
    rules: RuleSet | None = None,
    assumptions: Assumptions | None = None,
    seed: int | None = None,
    calibration: Calibration | None = None,
    simulation: Simulation | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> ProducerAnalysis:
    """Finances, funding models, health, stress, pooling, market path and areas.

    ``simulation`` (stochastic, of the same region, scenarios and assumptions, as the
    report runs it) gives next year from its first 12 months, so that the report's
    scenario and producer sections show one baseline; without it, a run of its own."""
    a = assumptions or Assumptions()
    rules = rules or load_rules()
    if not rows_where(region.service_capacity, area=main_area(region)):  # the network's measures
        raise AnalysisError(f"service_capacity.csv: no row for {main_area(region)}")
    shared = _reusable(simulation)
    if shared:
        assert simulation is not None
        sim = simulation
    else:
        settings = Settings(
            mode="stochastic", replications=int(a.number("producers.replications")), months=MONTHS
        )
        if seed is not None:
            settings = replace(settings, seed=seed)
        sim = simulate(
            region,
            scenarios,
            settings=settings,
            rules=rules,
            assumptions=a,
            progress=progress,
            calibration=calibration,
        )
    reps = sim.baseline.trajectory.replications
    finances = all_finances(region, a)
    adjust = a.number("producers.cost_adjustment_pct") / 100.0
    data = income_by_source(region)
    sources = sorted({s for f in finances for s in f.by_source})
    runs, samples = run_healths(sim, finances, data, sources, a)
    inputs: list[Input] = [i for f in finances for i in f.inputs]
    change = next(
        (
            r
            for r in region.producer_indicators
            if r.indicator is ProducerIndicatorKind.FUNDING_CHANGE
        ),
        None,
    )
    if change is None and a.value("funding.cut_pct") is None:
        raise AnalysisError(
            "producer_indicators.csv has no funding_change row for the stress test's cut; "
            "add one, or give the cut with --set funding.cut_pct=PERCENT"
        )
    cut_pct = a.number("funding.cut_pct", abs(change.value) if change else None)
    if change is not None:
        inputs.append(data_input(change, change.value))
    inputs.append(a.input("funding.cut_pct", cut_pct))
    inputs.append(a.input("producers.cost_adjustment_pct"))
    inputs.append(a.input("producers.variable_cost_pct"))
    knock_on = a.number("funding.knock_on_pct") / 100.0
    inputs.append(a.input("funding.knock_on_pct"))
    stressed = tuple(row for f in finances for row in stress(f, cut_pct, adjust, knock_on))
    sales = a.number("producers.market_sales_change_pct")
    market = tuple((health(f), health(market_path(f, sales))) for f in finances)
    inputs.append(a.input("producers.market_sales_change_pct"))
    pooled = None
    single = [f for f in finances if not f.aggregate]  # a group's members are not added to it
    if len(single) >= 2:
        # independent producers: each takes the replications in its own shuffled order
        rng = np.random.default_rng([sim.settings.seed, 18])
        shuffled = [samples[f.producer][rng.permutation(reps)] for f in single]
        saving = a.number("producers.pooled_overhead_saving_pct")
        pooled = pool(single, shuffled, saving, adjust)
        inputs.append(a.input("producers.pooled_overhead_saving_pct"))
    model_inputs: list[Input] = []
    models, share, terms = _models(region, sim, rules, a, model_inputs)
    inputs += model_inputs
    net = sim.calibration.network
    stay = 1.0 / net.measures[net.measure_index(SERVICE)].exit_prob
    max_cv = a.number("producers.max_income_cv_pct") / 100.0
    client_inputs = [a.input("producers.max_income_cv_pct")]
    area = main_area(region)
    groups_n = _association_clients(region, area)
    client_inputs += [
        data_input(r, r.clients)
        for r in rows_where(region.producer_clients, area=area, measure=Measure.REHABILITATIVE_WORK)
        if r.producer in _ASSOCIATION_KINDS
    ]
    groups = [GroupSpread(g, n, income_cv(n, stay)) for g, n in groups_n.items()]
    if len(groups_n) >= 2:
        total = sum(groups_n.values())
        groups.append(GroupSpread("+".join(groups_n), total, income_cv(total, stay)))
    stock = float(
        sim.baseline.trajectory.in_measure[:, :MONTHS, net.measure_index(SERVICE)]
        .sum(axis=(2, 3))
        .mean()
    )
    areas = []
    for row in rows_where(region.activation_shares, measure=Measure.REHABILITATIVE_WORK):
        clients = stock * row.share_pct / 100.0
        cv = income_cv(clients, stay)
        areas.append(AreaPricing(row.area, clients, cv, "per_client" if cv <= max_cv else "block"))
        client_inputs.append(data_input(row, row.share_pct))
    inputs += client_inputs
    return ProducerAnalysis(
        finances,
        tuple(runs),
        stressed,
        cut_pct,
        adjust,
        knock_on,
        models,
        share,
        terms,
        market,
        pooled,
        tuple(groups),
        tuple(areas),
        stay,
        max_cv,
        threshold(max_cv, stay),
        reps,
        sim.settings.seed,
        _unique(inputs),
        _unique(model_inputs),
        _unique(client_inputs),
        shared,
    )


def with_cut(a: ProducerAnalysis, cut_pct: float) -> ProducerAnalysis:
    """``a`` with its stress test cutting every source by ``cut_pct`` instead."""
    if cut_pct == a.cut_pct:
        return a
    rows = tuple(
        row for f in a.finances for row in stress(f, cut_pct, a.cost_adjustment, a.knock_on)
    )
    return replace(a, stress=rows, cut_pct=cut_pct)


def _unique(inputs: list[Input]) -> tuple[Input, ...]:
    return tuple({(i.kind, i.name): i for i in inputs}.values())


def _models(
    region: Region, sim: Simulation, rules: RuleSet, a: Assumptions, inputs: list[Input]
) -> tuple[tuple[ModelOutcome, ...], float, Terms]:
    """The funding models of rehabilitative work for the associations together."""
    share_result = municipal_share(region, rules, a)
    price = pricing(region, rules, share_result, a)
    net = sim.calibration.network
    if SERVICE not in [m.name for m in net.measures]:
        raise AnalysisError(f"service_capacity.csv: no {SERVICE} row for {main_area(region)}")
    i = net.measure_index(SERVICE)
    p = sim.baseline.money.prices
    share = sum(p.rehab_shares.get(k.value, 0.0) for k in _ASSOCIATION_KINDS)
    if not share > 0:
        raise AnalysisError(
            "producer_clients.csv: the associations (association_purchase, "
            "association_maintenance) have no clients of rehabilitative work; the funding "
            "models need their share"
        )
    traj = sim.baseline.trajectory
    service = traj.in_measure[:, :, i].sum(axis=(2, 3))
    starts = traj.placed[:, :, i]
    voucher = a.number("producers.voucher_market_share_pct", share * 100.0) / 100.0
    outcome = net.measures[i].outcomes
    terms = Terms(
        price_per_week=price.fixed_price,
        price_per_day=price.price_per_day,
        days_per_week=price.days_per_week,
        compensation_per_day=price.terms.compensation_per_day,
        organiser_cost_per_week=price.terms.organiser_cost_per_week,
        voucher_share=voucher,
        result_share=a.number("producers.result_share_pct") / 100.0,
        open_market=float(outcome[DESTINATIONS.index("open_market")]),
        wellbeing=a.number("producers.wellbeing_gain_pct") / 100.0,
        weeks_per_month=a.number("pricing.weeks_per_year") / 12.0,
    )
    # the price's terms: the proposal, the rules and the pricing assumptions
    inputs += [i for i in price.inputs if i.kind != "data" or i.name.startswith("proposals")]
    inputs += [
        data_input(r, r.clients)
        for r in rows_where(
            region.producer_clients, area=main_area(region), measure=Measure.REHABILITATIVE_WORK
        )
    ]
    for name in (
        "producers.voucher_market_share_pct",
        "producers.result_share_pct",
        "producers.wellbeing_gain_pct",
    ):
        inputs.append(a.input(name, voucher * 100.0 if "voucher" in name else None))
    flows = Flows(service, starts, share, net.measures[i].exit_prob)
    rng = np.random.default_rng([sim.settings.seed, 14])
    return compare(flows, terms, rng), share, terms
