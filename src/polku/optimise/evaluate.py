"""A mix's figures: its scenario run against the baseline, in the expected mode for the
search and the stochastic mode (common random numbers, one seed) to confirm."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.model.region import Region
from polku.producers.next_year import deficit_risk
from polku.rules import RuleSet, load_rules
from polku.simulation.calibrate import build
from polku.simulation.results import summary
from polku.simulation.runner import Settings, simulate
from polku.simulation.scenario import Scenario

from .problem import RISK, Problem

INCOME = "income_total_per_year"


@dataclass(frozen=True)
class Evaluation:
    """What a mix does: each objective's value (mean, and p5/p95 when confirmed), the
    budget payer's added cost a year and the associations' income a year."""

    mix: dict[str, Any]
    changes: dict[str, Any]
    objectives: dict[str, dict[str, float]]  # name -> mean, p5, p95
    added_cost: float | None  # the budget payer's added cost, EUR a year
    income: float  # the associations' income, EUR a year
    feasible: bool


def _value(entry: dict[str, Any], name: str, risk: float | None) -> dict[str, float]:
    if name == RISK:
        p = 0.0 if risk is None else risk
        return {"mean": p, "p5": p, "p50": p, "p95": p}  # a probability over the draws
    if name.startswith("npv_"):
        return dict(entry["cba"]["npv"][name.removeprefix("npv_")])
    if name == "bcr":
        bands = entry["cba"]["bcr"]
        return dict(bands) if bands else {"mean": 0.0, "p5": 0.0, "p50": 0.0, "p95": 0.0}
    return dict(entry["difference"][name])


class Evaluator:
    """Runs mixes of ``problem`` on ``region`` (calibrated once)."""

    def __init__(
        self,
        region: Region,
        problem: Problem,
        *,
        months: int = 60,
        rules: RuleSet | None = None,
        assumptions: Assumptions | None = None,
    ) -> None:
        self.region, self.problem, self.months = region, problem, months
        self.rules = rules or load_rules()
        self.assumptions = assumptions
        self.calibration = build(region, assumptions, months=months)
        self.runs = 0

    def evaluate(
        self, mixes: list[dict[str, Any]], settings: Settings | None = None
    ) -> list[Evaluation]:
        """Every mix, in one simulation (the baseline once); expected mode by default."""
        return self.run([self.problem.changes(mix) for mix in mixes], mixes, settings)

    def run(
        self,
        changes: list[dict[str, Any]],
        mixes: list[dict[str, Any]] | None = None,
        settings: Settings | None = None,
    ) -> list[Evaluation]:
        """Scenarios of ``changes`` (a mix's, or any scenario's such as the dataset's
        proposal) against the baseline, in one simulation."""
        risky = any(o.name == RISK for o in self.problem.objectives)
        if settings is None:
            settings = (
                Settings(
                    mode="stochastic",
                    replications=self.problem.risk_replications,
                    seed=self.problem.seed,
                    months=self.months,
                )
                if risky
                else Settings(mode="expected", months=self.months)
            )
        mixes = mixes if mixes is not None else [{} for _ in changes]
        scenarios = [Scenario(name=f"mix-{i}", changes=c) for i, c in enumerate(changes)]
        sim = simulate(
            self.region,
            scenarios,
            settings=settings,
            rules=self.rules,
            assumptions=self.assumptions,
            calibration=self.calibration,
        )
        self.runs += len(mixes)
        risk = deficit_risk(self.region, sim, self.assumptions) if risky else {}
        doc = summary(sim)["scenarios"]
        base_income = doc["baseline"]["metrics"][INCOME]["mean"]
        out = []
        for mix, scenario in zip(mixes, scenarios, strict=True):
            entry = doc[scenario.name]
            values = {
                o.name: _value(entry, o.name, risk.get(scenario.name))
                for o in self.problem.objectives
            }
            payer = self.problem.budget_payer
            added = entry["difference"][f"cost_{payer}_per_year"]["mean"] if payer else None
            income = base_income + entry["difference"][INCOME]["mean"]
            out.append(
                Evaluation(
                    mix,
                    scenario.changes,
                    values,
                    added,
                    income,
                    self.feasible(added, income) and self._fits(mix),
                )
            )
        return out

    def feasible(self, added: float | None, income: float) -> bool:
        """Whether a mix keeps the budget and the associations' income floor."""
        p = self.problem
        if (
            p.budget_eur_per_year is not None
            and added is not None
            and added > p.budget_eur_per_year
        ):
            return False
        return p.income_floor is None or income >= p.income_floor

    def _fits(self, mix: dict[str, Any]) -> bool:
        """Whether the producers can offer the places a mix adds."""
        p = self.problem
        return p.capacity is None or not mix or p.places(mix) <= p.capacity

    def violation(self, e: Evaluation) -> tuple[float, float, float]:
        """How far a mix is outside each constraint (EUR, EUR, places; <= 0 inside)."""
        p = self.problem
        over = (
            e.added_cost - p.budget_eur_per_year
            if p.budget_eur_per_year is not None and e.added_cost is not None
            else -1.0
        )
        under = p.income_floor - e.income if p.income_floor is not None else -1.0
        beyond = p.places(e.mix) - p.capacity if p.capacity is not None else -1.0
        return over, under, beyond
