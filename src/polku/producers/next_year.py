"""Each producer's next year under the baseline and each scenario: its income by source
moved by the simulated change of that source, its costs following the income that
follows clients, and its health (the probability of a deficit among it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from polku.assumptions import Assumptions
from polku.model.region import Region
from polku.simulation.income import SOURCES, income_by_source
from polku.simulation.runner import ScenarioRun, Simulation

from .finances import Finances, all_finances
from .health import Health, health
from .models import MONTHS

Array = np.ndarray


@dataclass(frozen=True)
class RunHealth:
    """The producers' health under the baseline or one scenario."""

    scenario: str
    title: str
    title_fi: str
    health: tuple[Health, ...]
    income_change: dict[str, float]  # funding source -> mean change next year, 0-1


def _year(run: ScenarioRun) -> dict[str, Array]:
    income = run.money.income[:, :MONTHS].sum(axis=1)  # [R, sources]
    return {s: income[:, i] for i, s in enumerate(SOURCES)}


def _parts(source: str, a: Assumptions) -> tuple[str, ...]:
    """The simulation's income sources that make up one of the data's funding sources:
    the state compensation passed on to associations sits in ``sim.compensation_source``
    (with ``none``, beside their purchased services)."""
    within = a.text("sim.compensation_source") or "none"
    if source == (within if within != "none" else "purchased_services"):
        return (source, "maintenance_compensation")
    return (source,)


def _ratios(
    run: ScenarioRun, data: dict[str, float], sources: Sequence[str], a: Assumptions
) -> dict[str, Array]:
    """Per funding source, the simulated income next year relative to the associations'
    income in the data: the baseline's levels are the simulation's own, so every section
    and page shows one baseline."""
    year = _year(run)
    out = {}
    for source in sources:
        sim = sum(
            (year[p] for p in _parts(source, a) if p in year), np.zeros(run.money.income.shape[0])
        )
        ref = data.get(source, 0.0)
        out[source] = sim / ref if ref > 0 else np.ones_like(sim)
    return out


def _change(ratio: Array, base: Array) -> float:
    """The change of a source's mean ratio from the baseline's; 0 when the baseline has
    none of that income (no clients to bring it)."""
    mean = float(base.mean())
    return float(ratio.mean()) / mean - 1.0 if mean else 0.0


def _incomes(f: Finances, ratios: dict[str, Array], reps: int) -> Array:
    """Next year's income: each source moved by its simulated ratio; with no sources
    given (a warning of polku check), the income as it was."""
    if not f.by_source:
        return np.full(reps, f.income)
    return np.asarray(sum(v * ratios[s] for s, v in f.by_source.items()), dtype=np.float64)


_SERVICE_SOURCES = ("purchased_services", "pay_subsidies", "sales")  # follow clients


def _costs_follow(
    f: Finances, ratios: dict[str, Array], base: dict[str, Array], variable: float
) -> Finances:
    """``f`` with next year's costs: each euro more (or less) of the income that follows
    clients and places (purchased services with the compensation, pay subsidies, sales)
    brings ``variable`` of a euro of cost (all of it where the data give the costs as a
    cost per client x clients): new places cost the producer what they bring. Less such
    income saves costs only as ``producers.cost_adjustment_pct`` says (staff and premises
    are committed within the year), which :func:`~polku.producers.health.deficit` applies."""
    part = 1.0 if f.cost_basis == "cost_per_client" else variable
    extra = sum(
        v * (float(ratios[s].mean()) - float(base[s].mean()))
        for s, v in f.by_source.items()
        if s in _SERVICE_SOURCES and s in ratios
    )
    return replace(f, costs=f.costs + part * max(extra, 0.0))


def run_healths(
    sim: Simulation,
    finances: Sequence[Finances],
    data: dict[str, float],
    sources: Sequence[str],
    a: Assumptions,
) -> tuple[list[RunHealth], dict[str, Array]]:
    """Every run's producers' health next year, and the baseline's simulated incomes by
    producer (the samples the pooling draws from)."""
    reps = sim.baseline.trajectory.replications
    adjust = a.number("producers.cost_adjustment_pct") / 100.0
    variable = a.number("producers.variable_cost_pct") / 100.0
    base_ratios = _ratios(sim.baseline, data, sources, a)
    runs = []
    samples: dict[str, Array] = {}
    for run in sim.runs:
        ratios = _ratios(run, data, sources, a)
        own = {f.producer: _incomes(f, ratios, reps) for f in finances}
        if run is sim.baseline:
            samples = own
        runs.append(
            RunHealth(
                run.name,
                run.title,
                run.title_fi,
                tuple(
                    health(_costs_follow(f, ratios, base_ratios, variable), own[f.producer], adjust)
                    for f in finances
                ),
                {s: _change(r, base_ratios[s]) for s, r in ratios.items()},
            )
        )
    return runs, samples


def deficit_risk(region: Region, sim: Simulation, a: Assumptions | None = None) -> dict[str, float]:
    """Per run of ``sim`` (stochastic), the largest probability of a deficit next year
    among the producers with finances (the associations together where the data give
    them together)."""
    a = a or Assumptions()
    finances = all_finances(region, a)
    sources = sorted({s for f in finances for s in f.by_source})
    runs, _ = run_healths(sim, finances, income_by_source(region), sources, a)
    return {
        r.scenario: max(
            (h.deficit_probability for h in r.health if h.deficit_probability is not None),
            default=0.0,
        )
        for r in runs
    }
