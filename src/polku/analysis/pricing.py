"""The cost-neutral price of work activity (S16), from the organiser's point of view.

For one client-week with ``d`` activity days, the organiser pays the producer a fixed
price ``F`` and ``P`` a day, and bears its own guidance and contract cost ``O``. It
receives the state compensation ``c`` per client day and, where the rules exempt the
time in employment-promoting services from the municipal share (2006-2024: the benefit
paid for the time in a service, rehabilitative work included, is state-funded on each of
its five benefit days a week, TTL 14:3 as in 1370/2014), it does not pay the share ``s``
it would pay for an unemployed day; from 2025 the share is paid during services too::

    net cost per week = F + P*d + O - d*c - 5*s
    s = average municipal rate of the clients x full daily rate x paid fraction

The break-even fixed price is the ``F`` that makes the net cost zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.model.region import Region
from polku.model.vocabulary import Measure, ProposalItem
from polku.provenance import Input
from polku.rules import RuleSet

from .base import Result, data_input, main_area, maybe
from .money import MunicipalShare, rule_input

WEEKDAYS = (1, 2, 3, 4)
BENEFIT_DAYS_PER_WEEK = 5.0  # the benefit is paid for five days a week, activity or not


@dataclass(frozen=True)
class PriceTerms:
    """The per-day and per-week amounts the net cost is made of."""

    compensation_per_day: float
    share_saved_per_day: float
    organiser_cost_per_week: float
    expense_allowance_per_day: float  # paid by Kela, shown for who-pays-what


def net_cost_per_week(terms: PriceTerms, fixed: float, per_day: float, days: float) -> float:
    """The organiser's net cost of one client-week."""
    saved = BENEFIT_DAYS_PER_WEEK * terms.share_saved_per_day
    offset = days * terms.compensation_per_day + saved
    return fixed + per_day * days + terms.organiser_cost_per_week - offset


def break_even_fixed(terms: PriceTerms, per_day: float, days: float) -> float:
    """The fixed weekly price at which the net cost is zero."""
    return net_cost_per_week(terms, 0.0, per_day, days) * -1.0


@dataclass(frozen=True)
class WeekPrice:
    """Break-even and the proposal's net cost for one number of activity days a week."""

    days_per_week: float
    break_even_per_week: float
    net_cost_low: float | None  # at the proposal's lower fixed price
    net_cost_high: float | None  # at its upper fixed price


@dataclass(frozen=True)
class PlacesCost:
    """A year of added places: what they cost, what they save, the net."""

    places: float
    cost: float
    saving: float
    net: float


@dataclass(frozen=True)
class Pricing(Result):
    """The cost-neutral price, where the proposal lands, and the cost of added places."""

    terms: PriceTerms
    fixed_price: float
    price_per_day: float
    days_per_week: float
    weeks_per_year: float
    break_even_per_week: float
    net_cost_per_week: float
    by_days: tuple[WeekPrice, ...]
    places: tuple[PlacesCost, ...]

    def records(self) -> list[dict[str, Any]]:
        return [vars(w) for w in self.by_days]


def _proposal(region: Region, item: ProposalItem) -> tuple[float, float] | None:
    row = maybe(
        region.proposals, area=main_area(region), measure=Measure.REHABILITATIVE_WORK, item=item
    )
    return None if row is None else (row.low, row.high)


def pricing(
    region: Region, rules: RuleSet, share: MunicipalShare, assumptions: Assumptions | None = None
) -> Pricing:
    """Break-even price per week, the survey's proposal against it, and added places."""
    a = assumptions or Assumptions()
    in_force = rules.at(share.rules_date)
    comp = in_force.get("services.rehabilitative_work_state_compensation_per_day")
    allowance = in_force.get("services.expense_allowance_per_day")
    during = in_force.get("municipal_share.applies_during_services")
    members = a.text("pricing.client_days_class") or "300+"
    saved = (
        0.0
        if during.value
        else (share.average_rate_pct(members) / 100.0 * share.daily_rate * share.paid_fraction)
    )
    terms = PriceTerms(
        in_force.number(comp.parameter.name),
        saved,
        a.number("pricing.organiser_cost_per_week"),
        in_force.number(allowance.parameter.name),
    )
    fixed_range = _proposal(region, ProposalItem.FIXED_PRICE_PER_WEEK)
    day_range = _proposal(region, ProposalItem.PRICE_PER_ACTIVITY_DAY)
    places_range = _proposal(region, ProposalItem.ADDED_PLACES)
    fixed = a.number("pricing.fixed_price_per_week", sum(fixed_range) / 2 if fixed_range else None)
    per_day = a.number("pricing.price_per_activity_day", sum(day_range) / 2 if day_range else None)
    days = a.number("pricing.activity_days_per_week")
    weeks = a.number("pricing.weeks_per_year")
    by_days = tuple(
        WeekPrice(
            d,
            break_even_fixed(terms, per_day, d),
            net_cost_per_week(terms, fixed_range[0], per_day, d) if fixed_range else None,
            net_cost_per_week(terms, fixed_range[1], per_day, d) if fixed_range else None,
        )
        for d in WEEKDAYS
    )
    places = []
    for n in sorted(set(places_range or ())):
        cost = n * weeks * (fixed + per_day * days + terms.organiser_cost_per_week)
        saving = (
            n
            * weeks
            * (
                days * terms.compensation_per_day
                + BENEFIT_DAYS_PER_WEEK * terms.share_saved_per_day
            )
        )
        places.append(PlacesCost(n, cost, saving, cost - saving))
    inputs: list[Input] = [rule_input(comp), rule_input(allowance), rule_input(during)]
    inputs += [i for i in share.inputs if i.kind != "assumption"]
    for item in (
        ProposalItem.FIXED_PRICE_PER_WEEK,
        ProposalItem.PRICE_PER_ACTIVITY_DAY,
        ProposalItem.ADDED_PLACES,
    ):
        row = maybe(region.proposals, area=main_area(region), item=item)
        if row is not None:
            inputs.append(data_input(row, (row.low, row.high)))
    inputs += [
        a.input(n)
        for n in (
            "pricing.activity_days_per_week",
            "pricing.weeks_per_year",
            "pricing.organiser_cost_per_week",
            "pricing.client_days_class",
        )
    ]
    inputs += [
        a.input("pricing.fixed_price_per_week", fixed),
        a.input("pricing.price_per_activity_day", per_day),
    ]
    return Pricing(
        tuple(inputs),
        terms,
        fixed,
        per_day,
        days,
        weeks,
        break_even_fixed(terms, per_day, days),
        net_cost_per_week(terms, fixed, per_day, days),
        by_days,
        tuple(places),
    )
