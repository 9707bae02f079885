"""Run the baseline and scenarios with common random numbers: :func:`simulate`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from polku.assumptions import Assumptions
from polku.model.region import Region
from polku.rules import RuleSet, load_rules

from .calibrate import Calibration, Check, build
from .engine import Trajectory, chunk_size, run
from .footprint import replications_of, simulation_bytes
from .income import income_noise
from .limits import check_memory, check_settings, run_size
from .money import Money, Prices, money, prices
from .network import Network
from .proposal import NAMES as DATA_SCENARIOS
from .proposal import data_scenario
from .scenario import Scenario, apply, load_scenario
from .scenario_checks import check_names
from .targets import Fitted, fitted, money_checks

DEFAULT_SEED = 20170401
DEFAULT_REPLICATIONS = 500  # every command and page: one baseline, bands stable to about 1 %
Progress = Callable[[str, int, int], None]
Replications = Callable[[float, int], None]  # replications done (part of one counts), total


@dataclass(frozen=True)
class Settings:
    """How to run: mode, replications, seed and horizon, and the memory allowed.

    Checked when made (:func:`polku.simulation.limits.check_settings`): replications,
    months (1-600) and workers are whole numbers of at least 1, the seed a whole number
    from 0; otherwise :class:`~polku.errors.AssumptionError`. ``memory_limit`` is the
    bytes a run may need (its estimate is checked before anything is allocated); ``None``
    is the default, half of this machine's memory
    (:func:`polku.simulation.limits.default_memory_limit`).
    """

    mode: str = "expected"
    replications: int = DEFAULT_REPLICATIONS
    seed: int = DEFAULT_SEED
    months: int = 60
    workers: int = 1  # threads (processes for the NumPy engine); results do not change
    memory_limit: int | None = None  # bytes; None: the default (limits.default_memory_limit)
    engine: str | None = None  # auto, numpy or compiled; None: POLKU_ENGINE or auto

    def __post_init__(self) -> None:
        check_settings(
            self.mode, self.replications, self.seed, self.months, self.workers, self.memory_limit
        )


@dataclass(frozen=True)
class ScenarioRun:
    """One scenario's (or the baseline's) trajectory and money."""

    name: str
    title: str
    title_fi: str
    trajectory: Trajectory
    money: Money
    scenario: Scenario | None = None  # what was changed; None for the baseline


@dataclass(frozen=True)
class Simulation:
    """The baseline and every scenario, run with the same seed."""

    region: Region
    settings: Settings
    calibration: Calibration
    baseline: ScenarioRun
    scenarios: tuple[ScenarioRun, ...]
    targets: tuple[Check, ...] = ()  # the baseline's money and stocks against the data
    fitted: tuple[Fitted, ...] = ()  # parameters fitted to reach reported money
    assumptions: Assumptions = field(default_factory=Assumptions)  # as the run was made

    @property
    def checks(self) -> tuple[Check, ...]:
        """The whole calibration report: flows and stocks, then money."""
        return (*self.calibration.checks, *self.targets)

    @property
    def runs(self) -> tuple[ScenarioRun, ...]:
        """The baseline first, then the scenarios."""
        return (self.baseline, *self.scenarios)


def example_names() -> tuple[str, ...]:
    """Names of the scenarios shipped with Polku."""
    root = resources.files("polku.simulation") / "scenarios"
    return tuple(
        sorted(p.name.removesuffix(".yaml") for p in root.iterdir() if p.name.endswith(".yaml"))
    )


def find_scenario(name_or_path: str, region: Region | None = None) -> Scenario:
    """A scenario file by path, a shipped example by name, or the dataset's own proposal
    (``from-data``, ``from-data-high``: built from ``region``'s ``proposals.csv``)."""
    if region is not None and name_or_path in DATA_SCENARIOS and not Path(name_or_path).exists():
        return data_scenario(region, name_or_path)
    if name_or_path in example_names() and not Path(name_or_path).exists():
        resource = resources.files("polku.simulation") / "scenarios" / f"{name_or_path}.yaml"
        with resources.as_file(resource) as path:
            return load_scenario(path)
    return load_scenario(name_or_path)


def _replications_done(done: int, total: int, bounds: list[tuple[int, int]]) -> float:
    """Replications one run has done, from the engine's progress over its chunks (chunk
    ``i`` of ``n`` covers months ``i*T .. (i+1)*T`` of ``n*T``; a part-done chunk counts
    the part of its months done)."""
    if done >= total or not bounds:
        return float(bounds[-1][1]) if bounds else 0.0
    months = max(total // len(bounds), 1)
    chunk, month = divmod(done, months)
    start, stop = bounds[min(chunk, len(bounds) - 1)]
    return start + (stop - start) * month / months


def _run_one(
    name: str,
    titles: tuple[str, str],
    net: Network,
    p: Prices,
    settings: Settings,
    rules: RuleSet,
    when: dt.date | None,
    baseline_ps: float | None,
    progress: Progress | None,
    assumptions: Assumptions | None = None,
    scenario: Scenario | None = None,
    counted: Callable[[float], None] | None = None,
) -> ScenarioRun:
    if when is not None:
        p = p.with_rules(rules, when, net.bin_days, keep_daily_rate=True)
    reps = replications_of(settings.mode, settings.replications)
    size = chunk_size(net)
    bounds = [(start, min(start + size, reps)) for start in range(0, reps, size)]

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(name, done, total)
        if counted is not None:
            counted(_replications_done(done, total, bounds))

    traj = run(
        net,
        mode=settings.mode,
        replications=settings.replications,
        seed=settings.seed,
        progress=report if progress or counted else None,
        workers=settings.workers,
        engine=settings.engine,
    )
    noise = (
        income_noise(assumptions or Assumptions(), traj.replications, net.months, settings.seed)
        if settings.mode == "stochastic"
        else None
    )
    return ScenarioRun(
        name, titles[0], titles[1], traj, money(traj, p, baseline_ps, noise), scenario
    )


def _counter(
    report: Replications | None, total: int
) -> Callable[[int], Callable[[float], None] | None]:
    """For run ``i``, a callback of its replications done; the sum over the runs goes
    to ``report(done, total)``."""
    done: dict[int, float] = {}

    def of_run(i: int) -> Callable[[float], None] | None:
        if report is None:
            return None
        sink = report

        def count(reps: float) -> None:
            done[i] = max(reps, done.get(i, 0.0))
            sink(min(sum(done.values()), float(total)), total)

        return count

    return of_run


def simulate(
    region: Region,
    scenarios: Sequence[Scenario] = (),
    *,
    settings: Settings | None = None,
    rules: RuleSet | None = None,
    assumptions: Assumptions | None = None,
    progress: Progress | None = None,
    calibration: Calibration | None = None,
    replications: Replications | None = None,
    network: Network | None = None,
) -> Simulation:
    """Calibrate ``region``, run its baseline and each scenario with the same seed.

    ``calibration`` (of the same region and assumptions) skips the calibration, which
    takes seconds; a long-running caller such as the web app keeps one per dataset.
    ``network`` runs another network of the calibration's horizon (an area of another
    size, :mod:`polku.national`) at the prices fitted to the calibrated one.

    Refused before anything runs: scenarios that share a name
    (:class:`~polku.errors.ScenarioError`, with file, line and key), and a run whose
    memory estimate (:mod:`polku.simulation.footprint`) exceeds ``settings.memory_limit``
    (:class:`~polku.errors.ResourceLimitError`). A command whose horizon the user chose
    also calls :func:`check_horizons` (a change starting after the end does nothing).

    ``progress(name, done, total)`` follows the engine month by month, run by run;
    ``replications(done, total)`` counts the replications of the whole simulation (the
    baseline and every scenario): ``done`` only grows and equals ``total`` once the last
    run has finished.
    """
    settings = settings or Settings()
    check_names(scenarios)
    rules = rules or load_rules()
    calibration = calibration or build(region, assumptions, months=settings.months)
    if calibration.network.months != settings.months:
        calibration = replace(calibration, network=calibration.network.with_months(settings.months))
    horizons = [settings.months, *(s.months or settings.months for s in scenarios)]
    reps = replications_of(settings.mode, settings.replications)
    counted = _counter(replications, reps * len(horizons))
    check_memory(
        simulation_bytes(calibration.network, reps, horizons, settings.workers),
        settings.memory_limit,
        run_size(reps, len(horizons), max(horizons)),
    )
    base_prices = prices(region, rules, calibration.network, assumptions)
    base_net = calibration.network if network is None else network.with_months(settings.months)
    baseline = _run_one(
        "baseline",
        ("Baseline", "Perusura"),
        base_net,
        base_prices,
        settings,
        rules,
        None,
        None,
        progress,
        assumptions,
        counted=counted(0),
    )
    names = [m.name for m in base_net.measures]
    ps_stock = (
        baseline.trajectory.in_measure[:, 0, names.index("pay_subsidy")].sum()
        if "pay_subsidy" in names
        else 0.0
    )
    ps_assoc = (
        float(ps_stock)
        / baseline.trajectory.replications
        * base_prices.pay_subsidy_shares.get("association", 0.0)
    )
    runs = []
    for i, scenario in enumerate(scenarios, start=1):
        net, p, _ = apply(scenario, base_net, base_prices)
        if scenario.months is None:
            net = net.with_months(settings.months)
        when = scenario.changes.get("rules_date")
        titles = (
            scenario.title or scenario.name,
            scenario.title_fi or scenario.title or scenario.name,
        )
        runs.append(
            _run_one(
                scenario.name,
                titles,
                net,
                p,
                replace(settings, months=net.months),
                rules,
                when,
                ps_assoc,
                progress,
                assumptions,
                scenario,
                counted(i),
            )
        )
    targets = money_checks(region, baseline.trajectory, baseline.money)
    return Simulation(
        region,
        settings,
        calibration,
        baseline,
        tuple(runs),
        targets,
        fitted(base_prices),
        assumptions or Assumptions(),
    )
