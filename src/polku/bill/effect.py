"""What more places do to the bill: :func:`effect`.

``places`` people now in the accumulated-days class ``target`` (for example 301-400:
those about to cross day 401, where the share rises) start in ``measure`` in the first
forecast month and stay for the horizon:

- in pay-subsidised work they are employed and get no benefit: their days, and the
  municipal share of them, go from the bill;
- in rehabilitative work (or another employment-promoting service) the benefit goes on;
  from 2025 it is shared like any benefit day (TTL 14:3 a, 385/2023), so the bill does
  not change; under the rules before 2025 the state paid it all, and the share goes.

Each person stands for the benefit days a recipient of that class was paid a month in
the level months; the places are shared among the municipalities by their recipients in
the class. The days they would have gone on to accumulate (crossing into a dearer class)
are not followed, so the saving is a lower bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from polku.errors import BillError
from polku.findings import Finding, Level
from polku.rules import RuleSet

from .forecast import Forecast
from .history import History
from .share import benefit_in_force, day_share, implied_days, month_start

MEASURES = ("pay_subsidy", "rehabilitative_work")


@dataclass(frozen=True)
class MonthEffect:
    """The change of one month's bill (negative: a saving), EUR."""

    month: str
    municipality: str  # or "all"
    eur: float


@dataclass(frozen=True)
class Effect:
    """The change of the bill month by month, and what stands behind it."""

    measure: str
    places: float
    target: str
    days_per_person: float  # benefit days a recipient of the class is paid a month
    months: tuple[MonthEffect, ...]


def effect(
    history: History,
    rules: RuleSet,
    result: Forecast,
    measure: str,
    places: float,
    target: str,
) -> Effect:
    """The change of ``result``'s bill when ``places`` of ``measure`` go to ``target``."""
    level = [r for r in history.rows if r.month in result.level and r.days_class == target]
    days = sum(implied_days(r, rules) for r in level)
    people = sum(r.recipients for r in level)
    per_person = days / people if people else 0.0
    recipients = people / len(result.level) if result.level else 0.0
    if places > recipients:
        raise BillError(
            [
                Finding(
                    Level.ERROR,
                    "bill_places",
                    column="--add-places",
                    found=f"{places:g}",
                    params={"target": target, "most": round(recipients)},
                )
            ]
        )
    by_town: dict[str, float] = {}
    by_benefit: dict[tuple[str, str], float] = {}
    for r in level:
        by_town[r.municipality] = by_town.get(r.municipality, 0.0) + r.recipients
        key = (r.municipality, r.benefit)
        by_benefit[key] = by_benefit.get(key, 0.0) + r.recipients
    out: list[MonthEffect] = []
    months = sorted({m.month for m in result.months})
    for month in months:
        when = month_start(month)
        shared_in_service = rules.at(when).flag("municipal_share.applies_during_services")
        area = 0.0
        for town, n in sorted(by_town.items()):
            own = places * n / people if people else 0.0
            change = 0.0
            if measure == "pay_subsidy" or not shared_in_service:
                for (t, benefit), count in by_benefit.items():
                    if t != town:
                        continue
                    now = benefit_in_force(benefit, rules, when)
                    share = day_share(rules, when, target, now).eur
                    change -= own * (count / n) * per_person * share
            out.append(MonthEffect(month, town, change))
            area += change
        out.append(MonthEffect(month, "all", area))
    return Effect(measure, places, target, per_person, tuple(out))
