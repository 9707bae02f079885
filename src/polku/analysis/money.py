"""The municipal share of labour market subsidy (S11), estimated from benefit days (S4).

Each benefit-day class is priced at the municipal rate of its representative day
(the middle of a closed class, the day after the start of an open one) under the rules
in force, times the full daily rate and the benefit days of a year. Calibrating that
to the reported payment gives the average paid fraction of the full rate, which
covers means-testing, partial benefits and time out of benefit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.errors import AnalysisError
from polku.model.region import Region, rows_where
from polku.model.vocabulary import BenefitDaysClass, IndicatorKind
from polku.provenance import Input
from polku.rules import RuleSet, RuleValue

from .base import Result, data_input, find, main_area, maybe

CLASS_BOUNDS: dict[BenefitDaysClass, tuple[int, int | None]] = {
    BenefitDaysClass.UNDER_300: (0, 299),
    BenefitDaysClass.FROM_300_TO_499: (300, 499),
    BenefitDaysClass.FROM_500_TO_999: (500, 999),
    BenefitDaysClass.FROM_1000: (1000, None),
}
CLASS_MEMBERS: dict[str, tuple[BenefitDaysClass, ...]] = {
    "all": tuple(CLASS_BOUNDS),
    "300+": tuple(CLASS_BOUNDS)[1:],
    "1000+": (BenefitDaysClass.FROM_1000,),
    "500-999": (BenefitDaysClass.FROM_500_TO_999,),
    "300-499": (BenefitDaysClass.FROM_300_TO_499,),
}


def representative_day(days_class: BenefitDaysClass) -> float:
    """The day at which a class is priced: its middle, or one past an open class's start."""
    low, high = CLASS_BOUNDS[days_class]
    return low + 1 if high is None else (low + high) / 2.0


UNVERIFIED = "(unverified)"  # after an unverified rule's source; the report translates it


def rule_input(value: RuleValue) -> Input:
    """The :class:`Input` of a rule value."""
    entry = value.entry
    note = "" if entry.verified else f" {UNVERIFIED}"
    return Input(
        "rule", value.parameter.name, value.value, f"{entry.reference}{note}", not entry.verified
    )


@dataclass(frozen=True)
class ClassCost:
    """One benefit-day class: recipients, municipal rate, and yearly cost at full rate."""

    area: str
    days_class: str
    recipients: int
    rate_pct: float
    full_rate_cost: float  # EUR a year if every recipient got the full rate all year
    estimate: float  # EUR a year at the calibrated paid fraction


@dataclass(frozen=True)
class MunicipalShare(Result):
    """The municipal share estimated from benefit days and calibrated to the payment."""

    area: str
    rules_date: dt.date
    daily_rate: float
    reported: float
    full_rate_cost: float
    paid_fraction: float
    per_resident: float | None
    national_per_resident: float | None
    classes: tuple[ClassCost, ...]
    residents: float | None = None  # the area's residents, where the data give them

    def records(self) -> list[dict[str, Any]]:
        return [vars(c) for c in self.classes]

    def average_rate_pct(self, members: str, area: str | None = None) -> float:
        """Recipient-weighted municipal rate of the classes in ``members`` (e.g. ``300+``)."""
        wanted = {c.value for c in CLASS_MEMBERS[members]}
        rows = [c for c in self.classes if c.days_class in wanted and c.area == (area or self.area)]
        total = sum(c.recipients for c in rows)
        return sum(c.rate_pct * c.recipients for c in rows) / total if total else 0.0


def rules_date(region: Region, area: str, assumptions: Assumptions) -> dt.date:
    """The date whose rules price the benefit days: the assumption, or mid-period."""
    chosen = assumptions.text("municipal_share.rules_date")
    if chosen:
        return dt.date.fromisoformat(chosen)
    periods = sorted({r.period for r in rows_where(region.benefit_days, area=area)})
    if not periods:
        raise AnalysisError(f"benefit_days.csv has no rows for area {area}")
    year = int(periods[-1][:4])
    month = int(periods[-1][5:7]) if len(periods[-1]) >= 7 else 7
    return dt.date(year, month, 1)


def municipal_share(
    region: Region, rules: RuleSet, assumptions: Assumptions | None = None
) -> MunicipalShare:
    """Estimate the municipal share from S4 under the rules, calibrated to S11."""
    a = assumptions or Assumptions()
    area = main_area(region)
    when = rules_date(region, area, a)
    in_force = rules.at(when)
    rate = in_force.get("labour_market_subsidy.full_daily_rate")
    scale = in_force.get("municipal_share.rates")
    daily_rate = in_force.number("labour_market_subsidy.full_daily_rate")
    rates = in_force.scale("municipal_share.rates")
    days_a_year = a.number("municipal_share.benefit_days_per_year")
    paid = find(
        region.indicators,
        "municipal share paid",
        table="indicators",
        area=area,
        indicator=IndicatorKind.MUNICIPAL_SHARE_PAID,
    )
    inputs: list[Input] = [
        rule_input(rate),
        rule_input(scale),
        data_input(paid, paid.value),
        a.input("municipal_share.benefit_days_per_year"),
        a.input("municipal_share.rules_date", when.isoformat()),
    ]
    raw: list[tuple[str, BenefitDaysClass, int, float, float]] = []
    for row in region.benefit_days:
        if row.days_class not in CLASS_BOUNDS:
            continue
        pct = rates.rate_pct(representative_day(row.days_class))
        cost = row.recipients * pct / 100.0 * daily_rate * days_a_year
        raw.append((row.area, row.days_class, row.recipients, pct, cost))
        inputs.append(data_input(row, row.recipients))
    full = sum(r[4] for r in raw if r[0] == area)
    if full <= 0:
        raise AnalysisError(f"no municipal share can arise from benefit_days.csv for {area}")
    fraction = paid.value / full
    classes = tuple(
        ClassCost(ar, c.value, n, pct, cost, cost * fraction) for ar, c, n, pct, cost in raw
    )
    residents = maybe(region.indicators, area=area, indicator=IndicatorKind.RESIDENTS)
    national = maybe(
        region.indicators, area="SSS", indicator=IndicatorKind.MUNICIPAL_SHARE_PER_RESIDENT
    )
    for figure in (residents, national):
        if figure is not None:
            inputs.append(data_input(figure, figure.value))
    return MunicipalShare(
        tuple(inputs),
        area,
        when,
        daily_rate,
        paid.value,
        full,
        fraction,
        paid.value / residents.value if residents else None,
        national.value if national else None,
        classes,
        residents.value if residents else None,
    )
