"""Sweeps: many variants of the baseline, for sensitivity and for comparing scenarios.

- ``one_at_a_time``: each parameter at the low and the high end of its range, the others
  at the baseline: the data of a tornado chart.
- ``sobol``: Saltelli samples over all chosen ranges (SALib), and first-order and total
  Sobol indices of each metric.

The parameters and how their ranges are set are in :mod:`polku.simulation.sweep_parameters`;
both documents list the values used (``parameters``) and the metrics' descriptions.

Variants are applied to the calibrated baseline (no recalibration) and run on local
processes, or on a Dask cluster when an address is given. Every variant runs with the
same seed, so results do not depend on where or in which order they ran.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from polku.errors import AssumptionError

from .engine import run
from .footprint import replications_of, sweep_bytes
from .limits import check_memory, check_whole, sweep_size
from .money import Money, Prices, money
from .network import Network
from .results import Metric, metrics, series
from .runner import ScenarioRun, Settings
from .scenario import Scenario, apply
from .sweep_parameters import PARAMETERS, Parameter

__all__ = [
    "DEFAULT_METRICS",
    "PARAMETERS",
    "Base",
    "Parameter",
    "check_memory_of",
    "dask_mapper",
    "evaluate",
    "local_mapper",
    "metric_list",
    "one_at_a_time",
    "sobol",
]

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


def metric_list(base: Base) -> list[Metric]:
    """The metrics a variant of ``base`` reports (from a one-month run: only the network's
    measures decide which there are)."""
    traj = run(base.network.with_months(1), mode="expected", replications=1, seed=0)
    return metrics(ScenarioRun("baseline", "", "", traj, money(traj, base.prices)))


def _metrics(base: Base, wanted: Sequence[str]) -> dict[str, dict[str, str]]:
    """The wanted metrics' units and descriptions, as in ``polku simulate``'s summary;
    :class:`AssumptionError` names an unknown one."""
    known = {m.name: m for m in metric_list(base)}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise AssumptionError(
            f"unknown metric {unknown[0]!r}; expected one of: " + ", ".join(sorted(known))
        )
    return {
        w: {"unit": known[w].unit, "description": known[w].en, "description_fi": known[w].fi}
        for w in wanted
    }


def check_memory_of(base: Base, tasks: int) -> None:
    """Refuse a sweep whose processes (``base.settings.workers``, at most one a task)
    would together need more memory than ``base.settings.memory_limit``, before any
    variant runs: :class:`~polku.errors.ResourceLimitError` gives the estimate."""
    s = base.settings
    reps = replications_of(s.mode, s.replications)
    busy = max(1, min(s.workers, tasks))
    need = sweep_bytes(base.network, reps, base.network.months, busy)
    check_memory(need, s.memory_limit, sweep_size(reps, base.network.months, busy))


def _described(base: Base, params: Sequence[Parameter]) -> list[dict[str, Any]]:
    return [p.describe(base.network, base.prices) for p in params]


def one_at_a_time(
    base: Base,
    names: Sequence[str] | None = None,
    wanted: Sequence[str] = DEFAULT_METRICS,
    mapper: Mapper | None = None,
) -> dict[str, Any]:
    """Each parameter at its low and high end, the others at the baseline; refused
    before any run if the memory estimate is above the limit (:func:`check_memory_of`)."""
    params = _chosen(names)
    check_memory_of(base, 1 + 2 * len(params))
    described = _metrics(base, wanted)
    entries = _described(base, params)
    tasks: list[Task] = [(base, {}, tuple(wanted))]
    for p, e in zip(params, entries, strict=True):
        tasks += [
            (base, {p.name: e["low"]}, tuple(wanted)),
            (base, {p.name: e["high"]}, tuple(wanted)),
        ]
    results = (mapper or local_mapper(1))(_task, tasks)
    baseline = results[0]
    rows = []
    for i, (p, e) in enumerate(zip(params, entries, strict=True)):
        low, high = results[1 + 2 * i], results[2 + 2 * i]
        for metric in wanted:
            rows.append(
                {
                    "parameter": p.name,
                    "low": e["low"],
                    "high": e["high"],
                    "baseline_value": e["baseline"],
                    "unit": p.unit,
                    "metric": metric,
                    "baseline": baseline[metric],
                    "at_low": low[metric],
                    "at_high": high[metric],
                    "swing": abs(high[metric] - low[metric]),
                }
            )
    return {
        "method": "one_at_a_time",
        "baseline": baseline,
        "rows": rows,
        "parameters": entries,
        "metrics": described,
    }


def sobol(
    base: Base,
    samples: int,
    names: Sequence[str] | None = None,
    wanted: Sequence[str] = DEFAULT_METRICS,
    mapper: Mapper | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """Sobol indices from Saltelli samples (``samples`` x (parameters + 2) runs);
    refused before any run if the memory estimate is above the limit
    (:func:`check_memory_of`) or ``samples`` or ``seed`` is not a whole number in range."""
    from SALib.analyze import sobol as analyze
    from SALib.sample import sobol as sample

    params = _chosen(names)
    check_whole("seed", seed)
    check_whole("samples", samples)
    check_memory_of(base, samples * (len(params) + 2))
    described = _metrics(base, wanted)
    entries = _described(base, params)
    problem = {
        "num_vars": len(params),
        "names": [p.name for p in params],
        "bounds": [[e["low"], e["high"]] for e in entries],
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
        "parameters": entries,
        "metrics": described,
    }
