"""From the search's evaluations to the answer: the non-dominated front, its best-balanced
mixes, each confirmed with bands in the stochastic mode and said in one sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from polku.catalogue import translate
from polku.i18n import Lang, fmt_number
from polku.model.terms import term
from polku.simulation.runner import Settings

from .evaluate import Evaluation, Evaluator
from .problem import RISK, Problem

WORDS: dict[str, str] = {  # key: English (context optimise:<key>)
    "places": "+{count} {measure} places",
    "priority": "{rule} first",
    "rule_first_come": "the longest waiting",
    "rule_segment": "yellow-segment clients",
    "rule_benefit_days": "those with the most benefit days",
    "nothing": "no added places",
    "from_month": " from month {month}",
    "and": " and ",
    "long_term": "the long-term unemployed {change} ({low} … {high})",
    "npv_public": "the public sector's net present value {change} M EUR ({low} … {high})",
    "cost": "{payer} {change} M EUR a year ({low} … {high})",
    "metric": "{metric} {change} ({low} … {high})",
    "risk": "the producers' risk of a deficit next year {value} %",
}


def word(key: str, lang: Lang) -> str:
    """The text ``key`` in ``lang``."""
    return translate(lang, f"optimise:{key}", WORDS[key])


def _vector(e: Evaluation, problem: Problem) -> list[float]:
    """The objectives as numbers to minimise."""
    return [
        e.objectives[o.name]["mean"] * (1 if o.sense == "min" else -1) for o in problem.objectives
    ]


def non_dominated(found: list[Evaluation], problem: Problem) -> list[Evaluation]:
    """The evaluations no other one beats on every objective (each mix once), sorted by
    the first objective."""
    unique: dict[str, Evaluation] = {}
    for e in found:
        unique.setdefault(repr(sorted(e.mix.items())), e)
    items = list(unique.values())
    points = np.array([_vector(e, problem) for e in items]) if items else np.zeros((0, 0))
    keep = []
    for i, p in enumerate(points):
        beaten = np.any(np.all(points <= p, axis=1) & np.any(points < p, axis=1))
        if not beaten:
            keep.append(items[i])
    return sorted(keep, key=lambda e: _vector(e, problem)[0])


def balanced(front: list[Evaluation], problem: Problem, count: int = 5) -> list[Evaluation]:
    """The ``count`` mixes nearest the ideal point (each objective scaled to 0..1 over the
    front): those that give up least on any objective."""
    if len(front) <= count:
        return list(front)
    points = np.array([_vector(e, problem) for e in front])
    low, high = points.min(axis=0), points.max(axis=0)
    scaled = (points - low) / np.where(high > low, high - low, 1.0)
    order = np.argsort(np.sqrt((scaled**2).sum(axis=1)), kind="stable")
    return [front[i] for i in sorted(order[:count])]


def confirm(
    evaluator: Evaluator, mixes: list[Evaluation], replications: int, seed: int
) -> list[Evaluation]:
    """The mixes run again in the stochastic mode with one seed (common random numbers
    against the same baseline), so each objective has its p5-p95 band."""
    if not mixes:
        return []
    settings = Settings(
        mode="stochastic", replications=replications, seed=seed, months=evaluator.months
    )
    return list(evaluator.evaluate([e.mix for e in mixes], settings))


@dataclass(frozen=True)
class Answer:
    """The optimiser's answer: the front and its best-balanced mixes with bands."""

    problem: Problem
    front: list[Evaluation]
    best: list[Evaluation]
    evaluations: int
    seed: int
    replications: int

    def to_dict(self) -> dict[str, Any]:
        """``polku optimise --format json``."""

        def point(e: Evaluation) -> dict[str, Any]:
            return {
                "changes": e.changes,
                "objectives": {k: v["mean"] for k, v in e.objectives.items()},
                "bands": {k: {"p5": v["p5"], "p95": v["p95"]} for k, v in e.objectives.items()},
                "added_cost_per_year": e.added_cost,
                "associations_income_per_year": e.income,
            }

        return {
            "front": [point(e) for e in self.front],
            "best": [point(e) for e in self.best],
            "seed": self.seed,
            "evaluations": self.evaluations,
            "replications": self.replications,
            "problem": self.problem.source,
            "objectives": {o.name: o.sense for o in self.problem.objectives},
            "budget": {
                "payer": self.problem.budget_payer,
                "eur_per_year": self.problem.budget_eur_per_year,
            },
        }


def band_text(values: dict[str, float], name: str, lang: Lang) -> str:
    """An objective's value as a table shows it: millions for money, a percentage for
    the deficit risk (a probability, no band), persons otherwise; with its p5-p95."""
    if name == RISK:
        return fmt_number(round(100 * values["mean"], 1), lang) + " %"
    scale, digits = (1e6, 2) if name.startswith(("npv_", "cost_")) else (1.0, 0)
    mean, low, high = (
        fmt_number(round(values[k] / scale, digits), lang, digits) for k in ("mean", "p5", "p95")
    )
    return f"{mean} ({low} … {high})"


def _number(value: float, lang: Lang, decimals: int = 0) -> str:
    text = fmt_number(round(value, decimals), lang, decimals)
    return text if value < 0 else "+" + text


def sentence(e: Evaluation, problem: Problem, lang: Lang) -> str:
    """One mix as a planner reads it: what it adds, and what it does with its band."""
    parts = []
    for name, value in e.mix.items():
        if name.startswith("places.") and int(value):
            part = name.removeprefix("places.")
            said = word("places", lang).format(count=int(value), measure=term(part, lang))
            start = int(e.mix.get(f"start.{part}", 1))
            if start > 1:
                said += word("from_month", lang).format(month=start)
            parts.append(said)
    what = word("and", lang).join(parts) or word("nothing", lang)
    if "priority" in e.mix:
        rule = word(f"rule_{e.mix['priority']}", lang)
        what += ", " + word("priority", lang).format(rule=rule)
    effects = []
    for o in problem.objectives:
        v = e.objectives[o.name]
        million = o.name.startswith("npv_") or o.name.startswith("cost_")
        scale = 1e6 if million else 1.0
        digits = 2 if million else 0
        low, high = (_number(v[k] / scale, lang, digits) for k in ("p5", "p95"))
        change = _number(v["mean"] / scale, lang, digits)
        if o.name == RISK:
            value = fmt_number(round(100 * v["mean"], 1), lang)
            effects.append(word("risk", lang).format(value=value))
        elif o.name in ("long_term", "npv_public"):
            effects.append(word(o.name, lang).format(change=change, low=low, high=high))
        elif o.name.startswith("cost_"):
            payer = term(o.name.removeprefix("cost_").removesuffix("_per_year"), lang)
            effects.append(
                word("cost", lang).format(payer=payer, change=change, low=low, high=high)
            )
        else:
            effects.append(
                word("metric", lang).format(metric=o.name, change=change, low=low, high=high)
            )
    return f"{what}: " + "; ".join(effects)
