"""The 2025 financing model as code: the municipal share of a benefit day, by class.

Since 1 January 2025 the municipality where a person lives pays a share of the basic
unemployment benefits (the basic part of the earnings-related allowance, the basic
allowance and the labour market subsidy; from 1 May 2026 the general benefit,
yleistuki, in place of the last two) that rises with the person's accumulated benefit
days. Kela bills the home municipality; an employment area's bill is the sum of its
municipalities'. For a benefit day in accumulated-days class ``c`` on date ``t``::

    share(t, c) = full daily rate(t) x rate_pct(t, first day of c) / 100

Everything comes from the dated rules (:mod:`polku.rules`): ``municipal_share.rates``
(the scale), ``labour_market_subsidy.full_daily_rate`` and
``municipal_share.general_benefit`` (whether yleistuki has replaced two of them). The
functions are pure and list the rule values they used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from polku.analysis.money import rule_input
from polku.errors import RuleError
from polku.provenance import Input
from polku.rules import RuleSet

from .history import GENERAL_BENEFIT, BillRow

REPLACED_BY_GENERAL = ("basic_allowance", "labour_market_subsidy")


def first_day(days_class: str) -> int:
    """The first accumulated benefit day of a class such as ``401-700`` or ``701-``."""
    return int(days_class.split("-")[0])


def month_start(month: str) -> dt.date:
    """The first day of ``YYYY-MM``."""
    return dt.date(int(month[:4]), int(month[5:7]), 1)


@dataclass(frozen=True)
class DayShare:
    """The municipal share of one benefit day in a class, under the rules of a date."""

    when: dt.date
    days_class: str
    rate_pct: float
    daily_rate: float
    inputs: tuple[Input, ...]

    @property
    def eur(self) -> float:
        """EUR a benefit day."""
        return self.daily_rate * self.rate_pct / 100.0


SCALES = {  # benefit -> the rule parameter of its scale
    "labour_market_subsidy": "municipal_share.rates",
    GENERAL_BENEFIT: "municipal_share.rates",  # assumed: see municipal_share.general_benefit
    "basic_allowance": "municipal_share.rates_daily_allowance",
    "earnings_related": "municipal_share.rates_daily_allowance",
}


def day_share(
    rules: RuleSet, when: dt.date, days_class: str, benefit: str = "labour_market_subsidy"
) -> DayShare:
    """The municipal share of a day of ``benefit`` in ``days_class`` on ``when``: the
    labour market subsidy's scale reaches 50 % after day 700, the basic allowance's and
    the earnings-related basic part's stops at 40 %."""
    in_force = rules.at(when)
    scale_name = SCALES[benefit]
    scale = in_force.scale(scale_name)
    daily = in_force.number("labour_market_subsidy.full_daily_rate")
    inputs = (
        rule_input(in_force.get(scale_name)),
        rule_input(in_force.get("labour_market_subsidy.full_daily_rate")),
    )
    return DayShare(when, days_class, scale.rate_pct(first_day(days_class)), daily, inputs)


def implied_days(row: BillRow, rules: RuleSet) -> float:
    """The benefit days a row's euros pay for under the rules of its month (corrections
    and back-dated payments make some rows fractional or negative)."""
    share = day_share(rules, month_start(row.month), row.days_class, row.benefit)
    return row.eur / share.eur if share.eur else 0.0


@dataclass(frozen=True)
class ClassShare:
    """The municipal share of one benefit and class in a month."""

    benefit: str
    days_class: str
    days: float
    rate_pct: float
    eur: float


def municipal_share(
    days: dict[tuple[str, str], float], month: str, rules: RuleSet
) -> tuple[tuple[ClassShare, ...], tuple[Input, ...]]:
    """The 2025 financing model for one municipality and month: the share of each
    (benefit, class)'s benefit days paid, under the rules in force on the month's first
    day (the benefit as it is then: yleistuki from May 2026), and the rule values used."""
    when = month_start(month)
    out, inputs = [], []
    for (benefit, days_class), n in sorted(days.items()):
        now = benefit_in_force(benefit, rules, when)
        share = day_share(rules, when, days_class, now)
        out.append(ClassShare(now, days_class, n, share.rate_pct, n * share.eur))
        inputs += [i for i in share.inputs if i not in inputs]
    return tuple(out), tuple(inputs)


def benefit_in_force(benefit: str, rules: RuleSet, when: dt.date) -> str:
    """The benefit a day of ``benefit`` is paid as on ``when``: from the date the rules
    give, yleistuki in place of the basic allowance and the labour market subsidy."""
    flag = rules.at(when).values.get("municipal_share.general_benefit")
    if flag is None or not flag.value or benefit not in REPLACED_BY_GENERAL:
        return benefit
    return GENERAL_BENEFIT


def scale_changed(rules: RuleSet, month: str) -> bool:
    """True when the municipal-share scale in force differs from the previous month's:
    that month's payments partly cover days of the month before, under the old rules."""
    start = month_start(month)
    before = (start - dt.timedelta(days=1)).replace(day=1)
    try:
        old = rules.at(before).scale("municipal_share.rates")
    except RuleError:  # no rules before: nothing changed that we know of
        return False
    return old != rules.at(start).scale("municipal_share.rates")
