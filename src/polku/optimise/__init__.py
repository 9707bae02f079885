"""Where the next euro goes: ``polku optimise`` searches mixes of places, prices and
targeting (:mod:`.problem`) with Optuna's NSGA-II (:mod:`.search`) on the expected mode
(:mod:`.evaluate`), and answers with the non-dominated front, its best-balanced mixes
confirmed with bands, and a sentence per mix (:mod:`.front`)."""

from .answer import Optimised, optimise_region, problem_for
from .evaluate import Evaluation, Evaluator
from .front import Answer, balanced, confirm, non_dominated, sentence
from .problem import Objective, Problem, Variable, default_problem, load_problem
from .search import run_search, search

__all__ = [
    "Answer",
    "Evaluation",
    "Evaluator",
    "Objective",
    "Optimised",
    "Problem",
    "Variable",
    "balanced",
    "confirm",
    "default_problem",
    "load_problem",
    "non_dominated",
    "optimise",
    "optimise_region",
    "problem_for",
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
) -> Answer:
    """Search ``evaluator``'s problem, keep the front, confirm its best-balanced mixes."""
    problem = evaluator.problem
    used = problem.seed if seed is None else seed
    front = non_dominated(run_search(evaluator, seed=used, trials=trials), problem)
    best = confirm(evaluator, balanced(front, problem), replications, used)
    return Answer(problem, front, best, evaluator.runs, used, replications)
