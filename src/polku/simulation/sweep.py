"""Sweeps: many variants of the baseline, for sensitivity and for comparing scenarios.

- ``one_at_a_time``: each parameter at the low and the high end of its range, the others
  at the baseline: the data of a tornado chart.
- ``sobol``: Saltelli samples over all chosen ranges (SALib), and first-order and total
  Sobol indices of each metric.

Variants are applied to the calibrated baseline (no recalibration) and run on local
processes, or on a Dask cluster when an address is given. Every variant runs with the
same seed, so results do not depend on where or in which order they ran.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from polku.errors import AssumptionError

from .engine import run
from .money import PAYERS, SOURCES, Money, Prices, money
from .network import DESTINATIONS, Network
from .results import metrics, series
from .runner import ScenarioRun, Settings
from .scenario import Scenario, apply


@dataclass(frozen=True)
class Parameter:
    """A sweepable change to the baseline, with its default range."""

    name: str
    low: float
    high: float
    unit: str
    note: str

    def change(self, value: float) -> dict[str, Any]:
        """The scenario change that sets this parameter to ``value``."""
        kind, _, detail = self.name.partition(".")
        if kind == "places":
            return {"places": {detail: {"add": value}}}
        if kind == "price":
            return {"price": {detail: value}}
        if kind == "inflow_factor":
            return {"inflow_factor": value}
        return {"assumptions": {self.name: value}}


PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter(
            "places.rehabilitative_work", 0, 700, "places", "rehabilitative work places added"
        ),
        Parameter("places.pay_subsidy", -150, 150, "places", "pay-subsidy places added"),
        Parameter("price.per_week", 20, 60, "eur_per_week", "fixed price of work activity"),
        Parameter("price.per_day", 0, 20, "eur_per_day", "price per activity day"),
        Parameter("inflow_factor", 0.8, 1.2, "ratio", "inflow to unemployment against today"),
        Parameter("sim.abandon_pct", 1, 15, "percent_per_month", "those waiting who stop waiting"),
        Parameter("sim.waiting_list_pct", 0, 50, "percent", "waiting list kept, share of places"),
        Parameter("pricing.activity_days_per_week", 1, 4, "days_per_week", "activity days a week"),
        Parameter(
            "pricing.organiser_cost_per_week",
            0,
            30,
            "eur_per_week",
            "the organiser's own cost per client-week",
        ),
    )
}
DEFAULT_METRICS = (
    "long_term",
    "in_rehabilitative_work",
    "cost_state_per_year",
    "cost_municipal_share_per_year",
    "cost_organiser_per_year",
    "income_total_per_year",
)


@dataclass(frozen=True)
class Base:
    """What every variant starts from: the calibrated network and prices, and settings."""

    network: Network
    prices: Prices
    settings: Settings


def _merge(changes: Sequence[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for change in changes:
        for key, value in change.items():
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = {**out[key], **value}
            else:
                out[key] = value
    return out


def baseline_pay_subsidy(base: Base) -> float:
    """The associations' pay-subsidised workers at the start of the baseline: sales follow
    their number relative to this (S15)."""
    names = [m.name for m in base.network.measures]
    if "pay_subsidy" not in names:
        return 0.0
    stock = float(base.network.initial_m[names.index("pay_subsidy")].sum())
    return stock * base.prices.pay_subsidy_shares.get("association", 0.0)


def evaluate(base: Base, values: dict[str, float], wanted: Sequence[str]) -> dict[str, float]:
    """Run one variant (``values`` by parameter name); the mean of each wanted metric."""
    changes = _merge([PARAMETERS[name].change(v) for name, v in values.items()])
    net, prices, _ = apply(Scenario("variant", changes=changes), base.network, base.prices)
    s = base.settings
    traj = run(net, mode=s.mode, replications=s.replications, seed=s.seed)
    result: Money = money(traj, prices, baseline_pay_subsidy(base))
    variant = ScenarioRun("variant", "", "", traj, result)
    own = series(variant)
    return {
        m.name: float(m.reduce(own[m.series]).mean()) for m in metrics(variant) if m.name in wanted
    }


Task = tuple[Base, dict[str, float], tuple[str, ...]]


def _task(task: Task) -> dict[str, float]:
    return evaluate(*task)


Mapper = Callable[[Callable[[Task], dict[str, float]], list[Task]], list[dict[str, float]]]


def local_mapper(workers: int) -> Mapper:
    """Run tasks on ``workers`` local processes (1: in this process)."""

    def mapper(fn: Callable[[Task], dict[str, float]], tasks: list[Task]) -> list[dict[str, float]]:
        if workers <= 1 or len(tasks) <= 1:
            return [fn(t) for t in tasks]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(fn, tasks, chunksize=max(1, len(tasks) // (4 * workers))))

    return mapper


def dask_mapper(address: str) -> Mapper:
    """Run tasks on the Dask cluster at ``address`` (a scheduler address or a Client)."""

    def mapper(fn: Callable[[Task], dict[str, float]], tasks: list[Task]) -> list[dict[str, float]]:
        from distributed import Client

        with Client(address) as client:  # type: ignore[no-untyped-call]
            futures = client.map(fn, tasks, pure=False)
            return list(client.gather(futures))

    return mapper


def _chosen(names: Sequence[str] | None) -> list[Parameter]:
    chosen = list(names or PARAMETERS)
    unknown = [n for n in chosen if n not in PARAMETERS]
    if unknown:
        raise AssumptionError(
            f"unknown sweep parameter {unknown[0]!r}; expected one of: " + ", ".join(PARAMETERS)
        )
    return [PARAMETERS[n] for n in chosen]


def _check_metrics(base: Base, wanted: Sequence[str]) -> None:
    names = {"unemployed", "long_term"}
    for m in base.network.measures:
        names |= {f"{k}_{m.name}" for k in ("in", "waiting", "wait", "use")}
    names |= {f"exits_{d}_per_year" for d in DESTINATIONS}
    names |= {f"cost_{p}_per_year" for p in PAYERS}
    names |= {f"income_{s}_per_year" for s in (*SOURCES, "total")}
    unknown = [w for w in wanted if w not in names]
    if unknown:
        raise AssumptionError(
            f"unknown metric {unknown[0]!r}; expected one of: " + ", ".join(sorted(names))
        )


def one_at_a_time(
    base: Base,
    names: Sequence[str] | None = None,
    wanted: Sequence[str] = DEFAULT_METRICS,
    mapper: Mapper | None = None,
) -> dict[str, Any]:
    """Each parameter at its low and high end, the others at the baseline."""
    params = _chosen(names)
    _check_metrics(base, wanted)
    tasks: list[Task] = [(base, {}, tuple(wanted))]
    for p in params:
        tasks += [(base, {p.name: p.low}, tuple(wanted)), (base, {p.name: p.high}, tuple(wanted))]
    results = (mapper or local_mapper(1))(_task, tasks)
    baseline = results[0]
    rows = []
    for i, p in enumerate(params):
        low, high = results[1 + 2 * i], results[2 + 2 * i]
        for metric in wanted:
            rows.append(
                {
                    "parameter": p.name,
                    "low": p.low,
                    "high": p.high,
                    "unit": p.unit,
                    "metric": metric,
                    "baseline": baseline[metric],
                    "at_low": low[metric],
                    "at_high": high[metric],
                    "swing": abs(high[metric] - low[metric]),
                }
            )
    return {"method": "one_at_a_time", "baseline": baseline, "rows": rows}


def sobol(
    base: Base,
    samples: int,
    names: Sequence[str] | None = None,
    wanted: Sequence[str] = DEFAULT_METRICS,
    mapper: Mapper | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """Sobol indices from Saltelli samples (``samples`` x (parameters + 2) runs)."""
    from SALib.analyze import sobol as analyze
    from SALib.sample import sobol as sample

    params = _chosen(names)
    _check_metrics(base, wanted)
    problem = {
        "num_vars": len(params),
        "names": [p.name for p in params],
        "bounds": [[p.low, p.high] for p in params],
    }
    points = sample.sample(problem, samples, calc_second_order=False, seed=seed)
    tasks: list[Task] = [
        (base, {p.name: float(x) for p, x in zip(params, row, strict=True)}, tuple(wanted))
        for row in points
    ]
    results = (mapper or local_mapper(1))(_task, tasks)
    indices = {}
    for metric in wanted:
        y = np.array([r[metric] for r in results])
        if np.ptp(y) == 0:
            indices[metric] = {p.name: {"S1": 0.0, "ST": 0.0} for p in params}
            continue
        found = analyze.analyze(problem, y, calc_second_order=False, seed=seed)
        indices[metric] = {
            p.name: {"S1": round(float(found["S1"][i]), 4), "ST": round(float(found["ST"][i]), 4)}
            for i, p in enumerate(params)
        }
    return {
        "method": "sobol",
        "samples": int(points.shape[0]),
        "indices": indices,
        "parameters": [dataclasses.asdict(p) for p in params],
    }
