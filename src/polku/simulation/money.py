"""Money each month: who pays what, and the producers' income, under the rules in force.

Computed from a :class:`~polku.simulation.engine.Trajectory` afterwards, so that the
same run can be priced under another rule set. Per month and replication:

- benefits paid by Kela to the unemployed, the waiting and those in services;
- the municipal share of them, by benefit days, under the rules of ``rules_date``
  (in a service only where those rules say so; for rehabilitative work, the days
  without activity are unemployment days);
- the state's part: benefits less the municipal share, expense allowances, the state
  compensation for rehabilitative work, pay subsidies;
- the organiser's net cost of rehabilitative work: price paid per client (purchase
  contracts, its own and the municipalities' units at the same price), its own guidance
  cost, less the state compensation it receives;
- the associations' income by source: purchased services, maintenance compensation,
  pay subsidies, sales (following the pay-subsidised labour, S15) and the grants of S13.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import numpy as np

from polku.analysis.base import main_area, maybe
from polku.analysis.money import MunicipalShare, municipal_share
from polku.assumptions import Assumptions
from polku.model.region import Region, rows_where
from polku.model.vocabulary import IndicatorKind, Measure
from polku.rules import RuleSet
from polku.rules.parameters import Scale

from .engine import Trajectory, run
from .income import income_by_source
from .network import CLASS_BOUNDS, DAYS_PER_MONTH, Array, Network

PAYERS = ("kela", "state", "municipal_share", "organiser")
_GRANTS = ("employment_grants", "state_grants", "municipal_grants", "other")
_REHAB_KINDS = ("organiser", "municipality", "association_purchase", "association_maintenance")


@dataclass(frozen=True)
class Prices:
    """Money parameters: rules, calibrated amounts and the price of work activity."""

    rules_date: dt.date
    daily_rate: float
    paid_fraction: float
    rate_by_bin: Array  # [B] municipal share (fraction) by benefit bin
    rate_by_class: Array  # [C]
    applies_during_services: bool
    expense_allowance: float  # EUR a service day
    compensation: float  # EUR a rehabilitative-work client day
    activity_days: float  # rehabilitative work days a week
    price_per_week: float  # EUR a client-week paid for rehabilitative work
    price_per_day: float  # EUR an activity day
    organiser_cost_per_week: float
    pay_subsidy_per_month: float  # EUR a pay-subsidised person-month
    rehab_shares: dict[str, float]  # producer kind -> share of rehabilitative work clients
    pay_subsidy_shares: dict[str, float]  # association, municipality, company
    grants_per_month: dict[str, float]  # associations' other income, EUR a month
    sales_per_month: float
    cuts: dict[str, float] = field(default_factory=dict)  # source -> fraction cut (< 0: more)
    cut_from: int = 0  # the month the cuts start
    association_ps_share: Array | None = None  # [T] when a scenario changes it over time
    s4_paid_fraction: float | None = None  # the analysis' estimate from S4 alone (S11)
    other_purchases_per_month: float = 0.0  # purchased services others than the organiser buy
    # a price change for new places only: clients beyond ``priced_places`` pay these
    new_price_per_week: float | None = None
    new_price_per_day: float | None = None
    priced_places: float = float("inf")  # rehabilitative-work clients at the old price
    weeks_per_month: float = 46.0 / 12.0  # weeks a place is used (pricing.weeks_per_year)

    def price_per_month(self, new: bool = False) -> float:
        """EUR a client-month of rehabilitative work, at the old or the new places' price."""
        week = self.new_price_per_week if new and self.new_price_per_week is not None else None
        day = self.new_price_per_day if new and self.new_price_per_day is not None else None
        per_week = self.price_per_week if week is None else week
        per_day = self.price_per_day if day is None else day
        return (per_week + per_day * self.activity_days) * self.weeks_per_month

    def with_rules(
        self, rules: RuleSet, when: dt.date, bin_days: Array, keep_daily_rate: bool = False
    ) -> Prices:
        """These prices under the financing rules in force on ``when``; with
        ``keep_daily_rate`` the benefit's daily rate stays (a scenario that asks for
        other financing rules changes who pays, not how much is paid)."""
        in_force = rules.at(when)
        scale = in_force.scale("municipal_share.rates")
        rate = (
            self.daily_rate
            if keep_daily_rate
            else in_force.number("labour_market_subsidy.full_daily_rate")
        )
        return Prices(
            **{
                **self.__dict__,
                "rules_date": when,
                "daily_rate": rate,
                "rate_by_bin": np.array([_bin_rate(scale, d) for d in bin_days]),
                "rate_by_class": np.array([_class_rate(scale, c) for c in range(4)]),
                "applies_during_services": in_force.flag("municipal_share.applies_during_services"),
            }
        )


def _class_rate(scale: Scale, c: int) -> float:
    """The mean rate (a fraction) over the days of benefit-day class ``c``: a class that
    straddles a step of the scale (300-499 under the 2025 rules) is priced in between."""
    low = int(CLASS_BOUNDS[c])
    if c + 1 >= len(CLASS_BOUNDS):
        return scale.rate_pct(low + 1) / 100.0
    high = int(CLASS_BOUNDS[c + 1])
    return float(np.mean([scale.rate_pct(d) for d in range(low + 1, high + 1)])) / 100.0


def _bin_rate(scale: Scale, day: float) -> float:
    """The mean rate over a monthly bin's days, or its class's beyond the monthly bins."""
    if day >= CLASS_BOUNDS[1]:
        return _class_rate(scale, int(np.searchsorted(CLASS_BOUNDS, day, side="right")) - 1)
    days = np.arange(np.floor(day) + 1, np.floor(day + DAYS_PER_MONTH) + 1)
    return float(np.mean([scale.rate_pct(d) for d in days])) / 100.0


def _shares(region: Region, area: str) -> tuple[dict[str, float], dict[str, float]]:
    rehab = {
        r.producer.value: float(r.clients)
        for r in rows_where(region.producer_clients, area=area, measure=Measure.REHABILITATIVE_WORK)
        if r.producer.value in _REHAB_KINDS
    }
    total = sum(rehab.values()) or 1.0
    ps = {
        r.producer.value: float(r.ended_periods)
        for r in rows_where(region.measure_periods, area=area, measure=Measure.PAY_SUBSIDY)
    }
    ps_total = sum(ps.values()) or 1.0
    return ({k: v / total for k, v in rehab.items()}, {k: v / ps_total for k, v in ps.items()})


def prices(
    region: Region, rules: RuleSet, net: Network, assumptions: Assumptions | None = None
) -> Prices:
    """Calibrate the money parameters: S11 for the paid fraction and the rehabilitative
    work price, S13 for the associations' income, S10 and S5 for producer shares."""
    a = assumptions or Assumptions()
    area = main_area(region)
    share = municipal_share(region, rules, a)
    rehab_shares, ps_shares = _shares(region, area)
    places = {m.name: float(m.places[0]) for m in net.measures}
    purchases = maybe(region.indicators, area=area, indicator=IndicatorKind.THIRD_SECTOR_PURCHASES)
    purchased_clients = rehab_shares.get("association_purchase", 0.0) * places.get(
        "rehabilitative_work", 0.0
    )
    weeks = a.number("pricing.weeks_per_year") / 12.0
    price_week = (
        purchases.value / 12.0 / purchased_clients / weeks
        if purchases and purchased_clients
        else a.number("pricing.fixed_price_per_week", 0.0)
    )
    by_source = income_by_source(region)
    income = sum(by_source.values())
    mix = {k: v / income for k, v in by_source.items()} if income else {}
    assoc_ps = places.get("pay_subsidy", 0.0) * ps_shares.get("association", 0.0)
    ps_month = income * mix.get("pay_subsidies", 0.0) / 12.0 / assoc_ps if assoc_ps else 0.0
    # the associations' purchased services (S13) beyond what the organiser buys (S11):
    # bought by the municipalities themselves, a fixed part the organiser's price leaves
    bought = purchases.value if purchases and purchased_clients else 0.0
    other = max(by_source.get("purchased_services", 0.0) - bought, 0.0) / 12.0
    base = Prices(
        rules_date=share.rules_date,
        daily_rate=share.daily_rate,
        paid_fraction=share.paid_fraction,
        rate_by_bin=np.zeros(net.bins),
        rate_by_class=np.zeros(4),
        applies_during_services=False,
        expense_allowance=rules.at(share.rules_date).number("services.expense_allowance_per_day"),
        compensation=rules.at(share.rules_date).number(
            "services.rehabilitative_work_state_compensation_per_day"
        ),
        activity_days=a.number("pricing.activity_days_per_week"),
        price_per_week=price_week,
        price_per_day=0.0,
        organiser_cost_per_week=a.number("pricing.organiser_cost_per_week"),
        pay_subsidy_per_month=ps_month,
        rehab_shares=rehab_shares,
        pay_subsidy_shares=ps_shares,
        grants_per_month={k: income * mix.get(k, 0.0) / 12.0 for k in _GRANTS},
        sales_per_month=income * mix.get("sales", 0.0) / 12.0,
        s4_paid_fraction=share.paid_fraction,
        other_purchases_per_month=other if bought else 0.0,
        weeks_per_month=weeks,
    )
    base = _compensation_within(base, places.get("rehabilitative_work", 0.0), a)
    return _fit_paid_fraction(base.with_rules(rules, share.rules_date, net.bin_days), net, share)


def _compensation_within(p: Prices, rehab_places: float, a: Assumptions) -> Prices:
    """The state compensation passed on to associations on maintenance compensation is
    already inside one of the data's funding sources (``sim.compensation_source``): that
    source's fixed part is what is left of it once the compensation is paid."""
    source = a.text("sim.compensation_source") or "none"
    if source == "none" or source not in p.grants_per_month:
        return p
    month = (
        rehab_places
        * p.rehab_shares.get("association_maintenance", 0.0)
        * p.activity_days
        * p.weeks_per_month
        * p.compensation
    )
    grants = dict(p.grants_per_month)
    grants[source] = max(grants[source] - month, 0.0)
    return replace(p, grants_per_month=grants)


def _fit_paid_fraction(p: Prices, net: Network, share: MunicipalShare) -> Prices:
    """Fit the average paid fraction of the full daily rate so that the calibrated
    baseline pays the reported municipal share (S11). The estimate from S4 alone
    (``s4_paid_fraction``) prices S4's recipients by class; the model prices its own
    stock by class, those waiting for a place included."""
    steady = money(run(net.with_months(1)), p)
    model = float(steady.payers[0, 0, PAYERS.index("municipal_share")]) * 12.0
    if model <= 0 or share.reported <= 0:
        return p
    return replace(p, paid_fraction=p.paid_fraction * share.reported / model)


def _ratio(part: Array | float, whole: Array | float) -> Array:
    """part / whole, 0 where whole is 0."""
    a, b = np.asarray(part, dtype=np.float64), np.asarray(whole, dtype=np.float64)
    return np.divide(a, b, out=np.zeros(np.broadcast(a, b).shape), where=b > 0)


@dataclass(frozen=True)
class Money:
    """Monthly money by payer and the associations' income by source."""

    payers: Array  # [R, T, len(PAYERS)] EUR a month
    income: Array  # [R, T, len(SOURCES)] associations' income, EUR a month
    prices: Prices
    flows: dict[str, Array] = field(default_factory=dict)  # FLOWS -> [R, T] EUR a month


def money(
    traj: Trajectory, p: Prices, baseline_ps: float | None = None, noise: Array | None = None
) -> Money:
    """Price every month of ``traj`` with ``p``; ``noise`` ([R, T, sources], from
    :func:`income_noise`) moves the associations' income by source."""
    net = traj.network
    names = [m.name for m in net.measures]
    day = p.daily_rate * p.paid_fraction  # EUR a benefit day, on average
    month_days = DAYS_PER_MONTH
    stock = traj.in_measure.sum(axis=4)  # [R, T, M, C]

    def measure(name: str) -> Array:
        return stock[:, :, names.index(name)] if name in names else np.zeros_like(stock[:, :, 0])

    rehab, trial, edu, ps = (
        measure(n) for n in ("rehabilitative_work", "work_trial", "education", "pay_subsidy")
    )
    u_days = traj.u_by_bin.sum(axis=2) * month_days
    q_days = traj.queue.sum(axis=(2, 3)) * month_days
    service_days = (trial.sum(axis=2) + edu.sum(axis=2)) * month_days
    rehab_days = rehab.sum(axis=2) * month_days
    benefits = (u_days + q_days + service_days + rehab_days) * day
    muni = (traj.u_by_bin * p.rate_by_bin).sum(axis=2) * month_days
    muni += (traj.queue.sum(axis=2) * p.rate_by_class).sum(axis=2) * month_days
    # before 2025 the benefit paid for the time in a service, rehabilitative work
    # included (every day of the week, not only the activity days), is state-funded
    # (TTL 14:3, 1370/2014); from 2025 it is shared like any other benefit day
    if p.applies_during_services:
        muni += ((rehab + trial + edu) * p.rate_by_class).sum(axis=2) * month_days
    muni *= day
    activity_days = rehab.sum(axis=2) * p.activity_days * p.weeks_per_month
    allowance = (activity_days + service_days) * p.expense_allowance
    compensation = activity_days * p.compensation
    ps_total = ps.sum(axis=2)
    subsidies = ps_total * p.pay_subsidy_per_month
    rehab_total = rehab.sum(axis=2)
    # the places there were keep their price and producers; added places (beyond
    # priced_places, when a scenario prices them) are all bought at the new price
    at_old = np.minimum(rehab_total, p.priced_places)
    added = rehab_total - at_old
    maint = p.rehab_shares.get("association_maintenance", 0.0)
    assoc = p.rehab_shares.get("association_purchase", 0.0) + maint
    paid_old = at_old * p.price_per_month() * (1.0 - maint)
    paid_new = added * p.price_per_month(new=True)
    paid = paid_old + paid_new
    passed = compensation * maint * _ratio(at_old, rehab_total)  # to maintenance places
    guidance = rehab_total * p.organiser_cost_per_week * p.weeks_per_month
    organiser = paid + guidance - (compensation - passed)
    state = benefits - muni + allowance + compensation + subsidies
    payers = np.stack([benefits + allowance, state, muni, organiser], axis=2)
    share = p.pay_subsidy_shares.get("association", 0.0)
    if p.association_ps_share is not None:
        share_t = p.association_ps_share[: ps_total.shape[1]]
        assoc_ps = ps_total * share_t[None, :]
    else:
        assoc_ps = ps_total * share
    base_ps = baseline_ps if baseline_ps is not None else float(assoc_ps[:, 0].mean())
    months = np.arange(assoc_ps.shape[1])
    started = (months >= p.cut_from)[None, :]

    def kept(source: str) -> Array:
        """[1, T] what is left of ``source`` each month: the cut from its month on."""
        return np.asarray(1.0 - p.cuts.get(source, 0.0) * started, dtype=np.float64)

    sales = (
        p.sales_per_month * assoc_ps / base_ps * kept("sales")
        if base_ps
        else np.zeros_like(assoc_ps)
    )
    income = np.stack(
        [
            (
                paid_old * _ratio(p.rehab_shares.get("association_purchase", 0.0), 1.0 - maint)
                + paid_new * assoc
                + p.other_purchases_per_month
            )
            * kept("purchased_services"),
            passed * kept("maintenance_compensation"),
            assoc_ps * p.pay_subsidy_per_month,  # a cut removes the places themselves
            sales,
            *(p.grants_per_month[g] * kept(g) * np.ones_like(assoc_ps) for g in _GRANTS),
        ],
        axis=2,
    )
    if noise is not None:
        income = income * noise[:, : income.shape[1]]
    flows = {
        "benefits": benefits,
        "municipal_share": muni,
        "allowances": allowance,
        "compensation": compensation,
        "pay_subsidies": subsidies,
        "price": paid,
        "price_to_associations": paid_old
        * _ratio(p.rehab_shares.get("association_purchase", 0.0), 1.0 - maint)
        + paid_new * assoc,
        "compensation_passed": passed,
        "guidance": guidance,
    }
    return Money(payers, income, p, flows)
