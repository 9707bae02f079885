"""The monthly bill forecast by municipality and class: :func:`forecast`.

From Kela's rows of the months before ``start``:

1. Each row's euros become the benefit days they pay for under the rules of their
   month (:func:`polku.bill.share.implied_days`), so that a forecast month is priced by
   the rules in force then (the daily rate, the scale, yleistuki from May 2026).
2. A month in which the scale changed (January 2025) is *transitional*: its payments
   partly cover days of the month before, under the old rules. It is reported, with its
   ratio to the months after, and left out of the level rather than fitted away.
3. The level of each municipality, benefit and class is the mean of its days over the
   last ``level_months`` fitted months (``bill.level_months``), held for the horizon:
   the classes' inflows and outflows are taken to balance as they did in those months.
4. The band: each replication moves a municipality's level by the standard error of the
   mean and each month by the month-to-month variation of the fitted months (pooled
   over the municipalities), both log-normal; p5-p95 across replications.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from polku.errors import BillError
from polku.findings import Finding, Level
from polku.rules import RuleSet

from .flows import project
from .history import GENERAL_BENEFIT, History
from .share import benefit_in_force, day_share, implied_days, month_start, scale_changed

Key = tuple[str, str, str]  # municipality, benefit, class


@dataclass(frozen=True)
class Settings:
    """How to forecast: months in the level, replications and seed of the band."""

    level_months: int = 3
    replications: int = 2000
    seed: int = 20250701
    fallback_cv: float = 0.10  # month-to-month variation when one month is all there is
    method: str = "level"  # level: the level held; flows: class flows from the level


@dataclass(frozen=True)
class MonthBill:
    """One municipality's (or, with ``municipality`` ``all``, the area's) forecast month."""

    month: str
    municipality: str
    eur_mean: float
    eur_p5: float
    eur_p95: float
    by_class: dict[str, float]  # class -> EUR, mean
    by_benefit: dict[str, float]  # benefit in force -> EUR, mean
    rules_date: dt.date


@dataclass(frozen=True)
class Transitional:
    """A fitted month left out of the level: the scale changed in it."""

    month: str
    eur: float
    ratio: float  # its euros over the mean of the fitted months after it


@dataclass(frozen=True)
class Forecast:
    """The forecast months, what it was fitted on, and how."""

    months: tuple[MonthBill, ...]
    fitted: tuple[str, ...]
    level: tuple[str, ...]  # the months the level is the mean of
    transitional: tuple[Transitional, ...]
    monthly_cv: float  # month-to-month variation of a municipality's bill, pooled
    settings: Settings


def next_months(start: str, count: int) -> list[str]:
    """``count`` months from ``start`` (YYYY-MM)."""
    year, month = int(start[:4]), int(start[5:7])
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def _days(history: History, rules: RuleSet, months: list[str]) -> dict[str, dict[Key, float]]:
    out: dict[str, dict[Key, float]] = {m: {} for m in months}
    for row in history.rows:
        if row.month in out:
            key = (row.municipality, row.benefit, row.days_class)
            out[row.month][key] = out[row.month].get(key, 0.0) + implied_days(row, rules)
    return out


def _no_months(history: History, start: str) -> BillError:
    return BillError(
        [
            Finding(
                Level.ERROR,
                "bill_no_months",
                file=history.file,
                column="vuosikuukausi",
                found=start,
                params={"start": start, "months": ", ".join(history.months)},
            )
        ]
    )


def _early_general_benefit(history: History, rules: RuleSet) -> None:
    """A yleistuki row dated before the rules bring yleistuki in is not Kela's."""
    bad = [
        Finding(
            Level.ERROR,
            "bill_general_benefit",
            row=r.line,
            column="etuus",
            found=r.month,
            file=history.file,
        )
        for r in history.rows
        if r.benefit == GENERAL_BENEFIT
        and not rules.at(month_start(r.month)).flag("municipal_share.general_benefit")
    ]
    if bad:
        raise BillError(bad)


def _fit(
    history: History, rules: RuleSet, start: str, settings: Settings
) -> tuple[list[str], list[str], list[Transitional], dict[str, dict[Key, float]]]:
    _early_general_benefit(history, rules)
    fitted = [m for m in history.months if m < start]
    steady = [m for m in fitted if not scale_changed(rules, m)]
    if not steady:
        raise _no_months(history, start)
    level = steady[-settings.level_months :]
    days = _days(history, rules, fitted)
    after = float(np.mean([history.total(m) for m in steady])) if steady else 0.0
    moved = [
        Transitional(m, history.total(m), history.total(m) / after if after else 0.0)
        for m in fitted
        if m not in steady
    ]
    return fitted, level, moved, days


def _cv(history: History, months: list[str], fallback: float) -> tuple[float, int]:
    """Month-to-month variation of a municipality's bill, pooled: the deviations of
    log(month) from each municipality's own mean, over every municipality and month,
    with one degree of freedom spent on each municipality's mean. With a single fitted
    month there is nothing to pool, and ``fallback`` (``bill.monthly_cv_pct``) is used.
    Returns the variation and its degrees of freedom (0 for the fallback)."""
    logs: list[float] = []
    towns = 0
    for town in history.municipalities:
        values = np.array([history.total(m, town) for m in months])
        if len(values) >= 2 and (values > 0).all():
            logs += list(np.log(values) - np.log(values).mean())
            towns += 1
    free = len(logs) - towns
    if free <= 0:
        return fallback, 0
    return float(np.sqrt(np.sum(np.square(logs)) / free)), free


def forecast(
    history: History, rules: RuleSet, start: str, count: int, settings: Settings | None = None
) -> Forecast:
    """The bill of each municipality (and all together) for ``count`` months from
    ``start``, with p5-p95 bands; :class:`BillError` if no month before ``start`` can
    be fitted, :class:`~polku.errors.RuleError` if a month has no rules."""
    s = settings or Settings()
    fitted, level, moved, days = _fit(history, rules, start, s)
    # a municipality's level is the mean of the months it is in the file (a class with no
    # recipients has no row and counts as none; a municipality missing from a month is a gap)
    present = {(r.month, r.municipality) for r in history.rows}
    mean_days: dict[Key, float] = {}
    for month in level:
        for key, value in days[month].items():
            n = sum((m, key[0]) in present for m in level)
            mean_days[key] = mean_days.get(key, 0.0) + value / n
    steps = (
        project(history, rules, [m for m in fitted if m in level], mean_days, count)
        if s.method == "flows"
        else [mean_days] * count
    )
    cv, free = _cv(history, level, s.fallback_cv)
    sigma = float(np.sqrt(np.log1p(cv * cv)))
    rng = np.random.default_rng(s.seed)
    towns = history.municipalities
    horizon = next_months(start, count)
    reps = s.replications
    # the variation is itself estimated from few months: each replication draws it from
    # its chi-square posterior, so the band is a Student t one (with the fallback, normal)
    scale = sigma * (np.sqrt(free / rng.chisquare(free, reps)) if free else np.ones(reps))
    level_draw = rng.normal(0.0, 1.0, (len(towns), reps)) * scale / np.sqrt(len(level))
    month_draw = rng.normal(0.0, 1.0, (len(horizon), len(towns), reps)) * scale
    # log-normal moves with mean 1 in every replication, so the mean is the expected bill
    variance = scale * scale * (1.0 + 1.0 / len(level))
    out: list[MonthBill] = []
    for t, month in enumerate(horizon):
        when = month_start(month)
        area = np.zeros(reps)
        area_class: dict[str, float] = {}
        area_benefit: dict[str, float] = {}
        for i, town in enumerate(towns):
            by_class: dict[str, float] = {}
            by_benefit: dict[str, float] = {}
            for (own, benefit, cls), d in steps[t].items():
                if own != town:
                    continue
                now = benefit_in_force(benefit, rules, when)
                eur = d * day_share(rules, when, cls, now).eur
                by_class[cls] = by_class.get(cls, 0.0) + eur
                by_benefit[now] = by_benefit.get(now, 0.0) + eur
            expected = sum(by_class.values())
            draws = expected * np.exp(level_draw[i] + month_draw[t, i] - variance / 2.0)
            area += draws
            out.append(_month(month, town, draws, by_class, by_benefit, when))
            for k, v in by_class.items():
                area_class[k] = area_class.get(k, 0.0) + v
            for k, v in by_benefit.items():
                area_benefit[k] = area_benefit.get(k, 0.0) + v
        out.append(_month(month, "all", area, area_class, area_benefit, when))
    return Forecast(tuple(out), tuple(fitted), tuple(level), tuple(moved), cv, s)


def _month(
    month: str,
    town: str,
    draws: np.ndarray,
    by_class: dict[str, float],
    by_benefit: dict[str, float],
    when: dt.date,
) -> MonthBill:
    p5, p95 = np.percentile(draws, [5, 95])
    return MonthBill(
        month,
        town,
        float(draws.mean()),
        float(p5),
        float(p95),
        dict(sorted(by_class.items())),
        dict(sorted(by_benefit.items())),
        when,
    )
