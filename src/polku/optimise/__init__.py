"""Where the next euro goes: ``polku optimise`` searches mixes of places, prices and
targeting (:mod:`.problem`) with Optuna's NSGA-II (:mod:`.search`) on the expected mode
(:mod:`.evaluate`), and answers with the non-dominated front, its best-balanced mixes
confirmed with bands, and a sentence per mix (:mod:`.front`)."""

from .evaluate import Evaluation, Evaluator
from .front import Answer, balanced, confirm, non_dominated, sentence
from .problem import Objective, Problem, Variable, default_problem, load_problem
from .search import run_search, search

__all__ = [
    "Answer",
    "Evaluation",
    "Evaluator",
    "Objective",
    "Problem",
    "Variable",
    "balanced",
    "confirm",
    "default_problem",
    "load_problem",
    "non_dominated",
    "optimise",
    "run_search",
    "search",
    "sentence",
]


def optimise(
    evaluator: Evaluator,
    *,
    seed: int | None = None,
    trials: int | None = None,
    replications: int = 200,
    progress: object = None,
) -> Answer:
    """Search, keep the front, confirm its best-balanced mixes with bands."""
    problem = evaluator.problem
    used_seed = problem.seed if seed is None else seed
    found = run_search(evaluator, seed=used_seed, trials=trials, progress=progress)  # type: ignore[arg-type]
    front = non_dominated(found, problem)
    best = confirm(evaluator, balanced(front, problem), replications, used_seed)
    return Answer(problem, front, best, evaluator.runs, used_seed, replications)
