"""The search: Optuna's NSGA-II sampler over the problem's variables, a generation at a
time through its ask-and-tell interface, so that a generation's mixes run in one
simulation; constraints are Optuna's (a trial's violations, feasible at or below 0).

Why Optuna: a well-kept library whose NSGA-II handles integer steps and choices
natively, takes constraints (``Trial.set_constraint``) and is reproducible from a seed.
The expected mode makes each evaluation deterministic, so the noise is handled by
confirming the front in the stochastic mode afterwards (:mod:`.front`), not inside the
search.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .evaluate import Evaluation, Evaluator
from .problem import Problem, Variable

Progress = Callable[[int, int], Any]  # (evaluations done, evaluations in all)


def _suggest(trial: Any, v: Variable) -> Any:
    if v.choices:
        return trial.suggest_categorical(v.name, list(v.choices))
    if v.name.startswith(("places.", "start.")):
        return trial.suggest_int(v.name, int(v.low), int(v.high), step=int(v.step))
    return trial.suggest_float(v.name, v.low, v.high, step=v.step)


def search(
    problem: Problem,
    evaluate: Callable[[list[dict[str, Any]]], Sequence[Evaluation]],
    violation: Callable[[Evaluation], tuple[float, ...]],
    *,
    seed: int | None = None,
    trials: int | None = None,
    population: int = 24,
    progress: Progress | None = None,
) -> list[Evaluation]:
    """Every feasible evaluation of the search (the front is taken from them)."""
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    seed = problem.seed if seed is None else seed
    total = problem.trials if trials is None else trials

    sampler = optuna.samplers.NSGAIISampler(population_size=population, seed=seed)
    directions: list[Any] = [
        "minimize" if o.sense == "min" else "maximize" for o in problem.objectives
    ]
    study = optuna.create_study(directions=directions, sampler=sampler)
    found: list[Evaluation] = []
    done = 0
    while done < total:
        batch = [study.ask() for _ in range(min(population, total - done))]
        mixes = [{v.name: _suggest(t, v) for v in problem.variables} for t in batch]
        for trial, result in zip(batch, evaluate(mixes), strict=True):
            for i, value in enumerate(violation(result)):
                trial.set_constraint(f"c{i}", value)
            study.tell(trial, [result.objectives[o.name]["mean"] for o in problem.objectives])
            if result.feasible:
                found.append(result)
        done += len(batch)
        if progress is not None:
            progress(done, total)
    return found


def run_search(
    evaluator: Evaluator,
    *,
    seed: int | None = None,
    trials: int | None = None,
    progress: Progress | None = None,
) -> list[Evaluation]:
    """:func:`search` with ``evaluator`` running the mixes."""
    return search(
        evaluator.problem,
        evaluator.evaluate,
        evaluator.violation,
        seed=seed,
        trials=trials,
        progress=progress,
    )
