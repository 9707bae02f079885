"""Where the next euro goes: ``polku optimise`` searches mixes of places, prices and
targeting (:mod:`.problem`) with Optuna's NSGA-II (:mod:`.search`) on the expected mode
(:mod:`.evaluate`), and answers with the non-dominated front, its best-balanced mixes
confirmed with bands, and a sentence per mix (:mod:`.front`)."""

from .answer import Optimised, optimise, optimise_region, problem_for
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
