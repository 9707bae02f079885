"""Flows into long-term unemployment (S2): survival curve, hazards, persons passing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.errors import AnalysisError
from polku.model.region import Region
from polku.model.vocabulary import IndicatorKind

from .base import Result, data_input, find, find_latest, latest, main_area


@dataclass(frozen=True)
class SurvivalStep:
    """One point of the survival curve and the interval that ends there."""

    months: int
    share: float  # of the inflow still unemployed, 0-1
    from_months: int
    monthly_hazard: float  # constant monthly exit probability on (from_months, months]
    persons_per_month: float  # of the monthly inflow, still unemployed at ``months``


@dataclass(frozen=True)
class Survival(Result):
    """The survival curve into long-term unemployment and its implied hazards."""

    area: str
    inflow_per_month: float
    steps: tuple[SurvivalStep, ...]

    def records(self) -> list[dict[str, Any]]:
        return [vars(s) for s in self.steps]

    def share(self, months: int) -> float:
        """Share of the inflow still unemployed after ``months``."""
        step: SurvivalStep = find(self.steps, "survival point", months=months)
        return step.share


def monthly_hazard(share_from: float, share_to: float, months: float) -> float:
    """The constant monthly exit probability that takes ``share_from`` to ``share_to``.

    Examples:
        >>> round(monthly_hazard(1.0, 0.25, 2), 4)
        0.5
    """
    if share_from <= 0 or months <= 0:
        return 0.0
    return 1.0 - float((share_to / share_from) ** (1.0 / months))


def survival(region: Region) -> Survival:
    """Shares still unemployed, the monthly hazard on each interval, persons a month."""
    area = main_area(region)
    inflow = find_latest(
        region.indicators,
        "monthly inflow to unemployment",
        table="indicators",
        area=area,
        indicator=IndicatorKind.UNEMPLOYMENT_INFLOW,
    )
    points = sorted(latest(region.survival, area=area), key=lambda p: p.months)
    if not points:
        raise AnalysisError(
            f"survival.csv: no row for {area}; the flows into long-term unemployment (S2) "
            "need the shares still unemployed after some months"
        )
    steps = []
    previous_months, previous_share = 0, 1.0
    for point in points:
        share = point.share_pct / 100.0
        steps.append(
            SurvivalStep(
                point.months,
                share,
                previous_months,
                monthly_hazard(previous_share, share, point.months - previous_months),
                inflow.value * share,
            )
        )
        previous_months, previous_share = point.months, share
    inputs = (data_input(inflow, inflow.value), *(data_input(p, p.share_pct) for p in points))
    return Survival(inputs, area, inflow.value, tuple(steps))
