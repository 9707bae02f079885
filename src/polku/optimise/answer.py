"""The whole question in one call, as ``polku optimise`` and the report ask it: the
problem (the dataset's own by default), the search, the confirmed best mixes, and the
dataset's proposal run the same way for comparison."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polku.assumptions import Assumptions
from polku.model.region import Region
from polku.simulation.results import summary
from polku.simulation.runner import Settings, find_scenario, simulate

from .evaluate import Evaluation, Evaluator
from .front import Answer, balanced, confirm, non_dominated
from .problem import Problem, default_problem, load_problem
from .search import run_search

PURCHASES = "money_organiser_purchases_per_year"  # S11: the organiser's purchases, data


@dataclass(frozen=True)
class Optimised:
    """The answer and the dataset's proposal, confirmed alike."""

    answer: Answer
    proposal: Evaluation
    metric_names: dict[str, dict[str, str]]  # metric -> {"en": ..., "fi": ...}


def problem_for(
    region: Region, path: str | Path | None, assumptions: Assumptions | None = None
) -> tuple[Problem, dict[str, dict[str, str]]]:
    """The problem in ``path``, or the dataset's own (its purchases, S11, as the
    organiser's budget); with the simulation's metric names in both languages."""
    doc = summary(simulate(region, settings=Settings(mode="expected"), assumptions=assumptions))
    names = {
        k: {"en": m["description"], "fi": m["description_fi"]} for k, m in doc["metrics"].items()
    }
    if path is not None:
        return load_problem(path, tuple(doc["metrics"])), names
    purchases = next(c["data"] for c in doc["calibration"] if c["target"] == PURCHASES)
    return default_problem(float(purchases)), names


def optimise(
    evaluator: Evaluator,
    *,
    seed: int | None = None,
    trials: int | None = None,
    replications: int = 200,
    progress: Callable[[int, int], Any] | None = None,
) -> Answer:
    """Search ``evaluator``'s problem, keep the front, confirm its best-balanced mixes."""
    problem = evaluator.problem
    used = problem.seed if seed is None else seed
    found = run_search(evaluator, seed=used, trials=trials, progress=progress)
    front = non_dominated(found, problem)
    best = confirm(evaluator, balanced(front, problem), replications, used)
    return Answer(problem, front, best, evaluator.runs, used, replications)


def optimise_region(
    region: Region,
    problem_path: str | Path | None = None,
    *,
    assumptions: Assumptions | None = None,
    seed: int | None = None,
    trials: int | None = None,
    replications: int = 200,
    progress: Callable[[int, int], Any] | None = None,
) -> Optimised:
    """Search ``region``'s problem and confirm the best mixes and the proposal."""
    problem, names = problem_for(region, problem_path, assumptions)
    evaluator = Evaluator(region, problem, assumptions=assumptions)
    answer = optimise(
        evaluator, seed=seed, trials=trials, replications=replications, progress=progress
    )
    stochastic = Settings(mode="stochastic", replications=replications, seed=answer.seed)
    proposal = evaluator.run([find_scenario("from-data", region).changes], settings=stochastic)[0]
    return Optimised(answer, proposal, names)
