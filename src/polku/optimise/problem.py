"""What ``polku optimise`` searches: decision variables, objectives and constraints.

A problem file (YAML)::

    variables:                      # each becomes a scenario change
      places.rehabilitative_work: {low: 0, high: 1000, step: 50, from_month: 1}
      places.work_trial: {low: 0, high: 200, step: 10}
      start.work_trial: {low: 1, high: 24, step: 6}     # the month they open, searched
      price.per_week: {low: 20, high: 60, step: 5}      # the added places' price
      priority: [first_come, segment, benefit_days]     # a choice
    objectives:                     # a metric of the simulation, of its account, or
      long_term: min                # deficit_probability: the producers' risk next
      npv_public: max               # year (each mix then runs risk_replications draws)
    constraints:
      budget: {payer: organiser, eur_per_year: 1000000}  # added cost a year, at most
      income_floor: 8000000          # the associations' income a year, at least
      capacity: 800                  # added places in all that the producers can offer
    trials: 400
    seed: 1

Without a file the problem is the dataset's added places under its purchase budget
(:func:`default_problem`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from polku.errors import ScenarioError
from polku.findings import Finding, Level
from polku.simulation.money import PAYERS
from polku.simulation.network import PRIORITIES
from polku.simulation.scenario import MAX_PLACES, MEASURES

ACCOUNT_METRICS = ("npv_public", "npv_state", "npv_municipal_share", "npv_organiser", "bcr")
RISK = "deficit_probability"  # the producers' largest P(deficit next year): stochastic
SENSES = ("min", "max")


@dataclass(frozen=True)
class Variable:
    """One decision: a whole number of places or a price (``low``..``high`` by ``step``),
    or a choice among ``choices``."""

    name: str  # places.<measure>, start.<measure>, price.per_week, price.per_day, priority
    low: float = 0.0
    high: float = 0.0
    step: float = 1.0
    choices: tuple[str, ...] = ()
    from_month: int = 1  # places: the month the added places open

    def values(self) -> int:
        """How many values the variable can take."""
        return len(self.choices) or round((self.high - self.low) / self.step) + 1


@dataclass(frozen=True)
class Objective:
    name: str  # a metric of summary.json's difference, or of the account (ACCOUNT_METRICS)
    sense: str  # min or max


@dataclass(frozen=True)
class Problem:
    variables: tuple[Variable, ...]
    objectives: tuple[Objective, ...]
    budget_payer: str | None = None
    budget_eur_per_year: float | None = None  # the payer's added cost a year, at most
    income_floor: float | None = None  # the associations' income a year, at least
    trials: int = 300
    seed: int = 1
    source: str = "default"  # the file, or "default"
    risk_replications: int = 100  # a search with RISK runs each mix with these, one seed
    capacity: float | None = None  # added places of all measures together, at most

    def places(self, mix: dict[str, Any]) -> float:
        """The places a mix adds, all measures together."""
        return float(sum(int(v) for k, v in mix.items() if k.startswith("places.")))

    notes: dict[str, str] = field(default_factory=dict)

    def changes(self, mix: dict[str, Any]) -> dict[str, Any]:
        """A mix of variable values as a scenario's ``changes``."""
        changes: dict[str, Any] = {}
        by_name = {v.name: v for v in self.variables}
        for name, value in mix.items():
            kind, _, part = name.partition(".")
            if kind == "places":
                add = int(value)
                if add:
                    at = int(mix.get(f"start.{part}", by_name[name].from_month))
                    changes.setdefault("places", {})[part] = {"add": add, "from_month": at}
            elif kind == "start":
                continue  # read with its measure's places
            elif kind == "price":
                changes.setdefault("price", {})[part] = float(value)
            else:
                changes["priority"] = str(value)
        return changes


def _bad(
    source: str, key: str, found: object, expected: str, expected_fi: str = ""
) -> ScenarioError:
    return ScenarioError(
        [
            Finding(
                Level.ERROR,
                "scenario_value",
                file=source,
                column=key,
                found=str(found),
                params={"key": key, "expected": expected, "expected_fi": expected_fi or expected},
            )
        ]
    )


def _variable(source: str, name: str, spec: Any) -> Variable:
    kind, _, part = name.partition(".")
    if name == "priority":
        if not isinstance(spec, list) or not spec or any(c not in PRIORITIES for c in spec):
            listed = ", ".join(PRIORITIES)
            raise _bad(source, name, spec, "a list of: " + listed, "luettelo: " + listed)
        return Variable(name, choices=tuple(str(c) for c in spec))
    if kind == "start" and part in MEASURES:
        if not isinstance(spec, dict) or not {"low", "high"} <= set(spec):
            raise _bad(source, name, spec, "a mapping with low, high and step", "low, high ja step")
        first, last, every = int(spec["low"]), int(spec["high"]), int(spec.get("step", 1))
        if not (1 <= first <= last <= 600) or every < 1:
            raise _bad(source, name, spec, "months 1 <= low <= high <= 600 and step >= 1")
        return Variable(name, first, last, every)
    if (kind == "places" and part in MEASURES) or name in ("price.per_week", "price.per_day"):
        if not isinstance(spec, dict) or not {"low", "high"} <= set(spec):
            raise _bad(source, name, spec, "a mapping with low, high and step", "low, high ja step")
        low, high = float(spec["low"]), float(spec["high"])
        step = float(spec.get("step", 1))
        limit = MAX_PLACES if kind == "places" else 10_000.0
        if not (0 <= low <= high <= limit) or step <= 0:
            raise _bad(source, name, spec, f"0 <= low <= high <= {limit:g} and step > 0")
        months = int(spec.get("from_month", 1))
        return Variable(name, low, high, step if kind == "price" else max(1.0, step), (), months)
    names = [f"places.{m}" for m in MEASURES] + [f"start.{m}" for m in MEASURES]
    names += ["price.per_week", "price.per_day", "priority"]
    listed = ", ".join(names)
    raise _bad(source, name, spec, "a variable: " + listed, "muuttuja: " + listed)


def load_problem(path: str | Path, metrics: tuple[str, ...]) -> Problem:
    """The problem in ``path``; ``metrics`` are the simulation's metric names."""
    source = str(path)
    try:
        raw = yaml.safe_load(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _bad(source, "file", type(exc).__name__, "a readable YAML problem file") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("variables"), dict):
        raise _bad(source, "variables", raw, "a mapping of variables")
    variables = tuple(_variable(source, str(k), v) for k, v in raw["variables"].items())
    objectives = _objectives(source, raw.get("objectives"), metrics)
    limits = raw.get("constraints") or {}
    budget = limits.get("budget") if isinstance(limits, dict) else None
    payer, amount = None, None
    if budget is not None:
        if not isinstance(budget, dict) or budget.get("payer") not in PAYERS:
            raise _bad(source, "constraints.budget", budget, "payer: " + ", ".join(PAYERS))
        payer, amount = str(budget["payer"]), float(budget.get("eur_per_year", 0))
    floor = limits.get("income_floor") if isinstance(limits, dict) else None
    capacity = limits.get("capacity") if isinstance(limits, dict) else None
    if capacity is not None and (not isinstance(capacity, int | float) or capacity < 0):
        raise _bad(
            source, "constraints.capacity", capacity, "places, 0 or more", "paikkoja, 0 tai enemmän"
        )
    return Problem(
        variables,
        objectives,
        payer,
        amount,
        None if floor is None else float(floor),
        int(raw.get("trials", 300)),
        int(raw.get("seed", 1)),
        source,
        int(raw.get("risk_replications", 100)),
        None if capacity is None else float(capacity),
    )


def _objectives(source: str, raw: Any, metrics: tuple[str, ...]) -> tuple[Objective, ...]:
    known = (*metrics, *ACCOUNT_METRICS, RISK)
    if not isinstance(raw, dict) or not raw:
        raise _bad(source, "objectives", raw, "a mapping of metric: min or max")
    out = []
    for name, sense in raw.items():
        if name not in known:
            raise _bad(source, f"objectives.{name}", name, "a metric: " + ", ".join(known))
        if sense not in SENSES:
            raise _bad(source, f"objectives.{name}", sense, "min or max", "min tai max")
        out.append(Objective(str(name), str(sense)))
    return tuple(out)


def default_problem(purchases_per_year: float) -> Problem:
    """The dataset's question: how many more places of each measure, and for whom, do
    the most for the long-term unemployed and the public purse, with the organiser's
    added cost within today's purchases (S11's figure, ``purchases_per_year``)."""
    return Problem(
        (
            Variable("places.rehabilitative_work", 0, 1000, 50),
            Variable("places.work_trial", 0, 200, 10),
            Variable("places.pay_subsidy", 0, 200, 10),
            Variable("priority", choices=PRIORITIES),
        ),
        (Objective("long_term", "min"), Objective("npv_public", "max")),
        "organiser",
        purchases_per_year,
        trials=300,
        seed=1,
        notes={"budget": "the organiser's purchases of the dataset (S11), EUR a year"},
    )
