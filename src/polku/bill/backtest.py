"""Back-testing the bill forecast on real months: :func:`backtest`.

Given months 1..k of a year's Kela rows, forecast k+1.. and hold each forecast month up
against what Kela billed: the absolute percentage error by month and municipality, and
the mean absolute percentage error (MAPE) by month, by municipality and overall.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from polku.errors import BillError
from polku.findings import Finding, Level
from polku.rules import RuleSet

from .forecast import Forecast, Settings, forecast, next_months
from .history import History


@dataclass(frozen=True)
class Error:
    """One forecast month of one municipality against the bill."""

    month: str
    municipality: str
    actual: float
    forecast: float
    within_band: bool

    @property
    def ape(self) -> float:
        """Absolute percentage error, 0-1."""
        return abs(self.forecast - self.actual) / abs(self.actual) if self.actual else 0.0


@dataclass(frozen=True)
class Backtest:
    """Errors of a forecast fitted on the first months of a history."""

    fitted: tuple[str, ...]
    errors: tuple[Error, ...]
    forecast: Forecast

    def mape(self, month: str | None = None, municipality: str | None = None) -> float:
        """Mean absolute percentage error of the chosen lines (``all`` is the area)."""
        town = municipality or ""
        chosen = [
            e.ape
            for e in self.errors
            if (month is None or e.month == month)
            and (e.municipality == town if municipality else e.municipality != "all")
        ]
        return float(np.mean(chosen)) if chosen else 0.0

    @property
    def coverage(self) -> float:
        """Share of municipality-months whose bill fell inside the p5-p95 band."""
        own = [e.within_band for e in self.errors if e.municipality != "all"]
        return float(np.mean(own)) if own else 0.0


def backtest(
    history: History, rules: RuleSet, fit_months: int, settings: Settings | None = None
) -> Backtest:
    """Fit on the first ``fit_months`` months of ``history``, forecast the rest."""
    months = history.months
    if not 1 <= fit_months < len(months):
        raise BillError(
            [
                Finding(
                    Level.ERROR,
                    "bill_backtest",
                    file=history.file,
                    found=fit_months,
                    params={"months": len(months), "fit": fit_months, "last": len(months) - 1},
                )
            ]
        )
    start = months[fit_months]
    span = _months_between(start, months[-1])  # the horizon, gaps in the file included
    result = forecast(history, rules, start, span, settings)
    present = {(r.month, r.municipality) for r in history.rows}
    errors = []
    for bill in result.months:
        town = None if bill.municipality == "all" else bill.municipality
        if bill.month not in months or (town is not None and (bill.month, town) not in present):
            continue  # Kela has no bill for it in the file: nothing to hold the forecast to
        actual = history.total(bill.month, town)
        if actual == 0:
            continue  # no percentage error of a zero bill
        inside = bill.eur_p5 <= actual <= bill.eur_p95
        errors.append(Error(bill.month, bill.municipality, actual, bill.eur_mean, inside))
    return Backtest(tuple(months[:fit_months]), tuple(errors), result)


def _months_between(first: str, last: str) -> int:
    """How many months from ``first`` to ``last`` (YYYY-MM), both included."""
    a = int(first[:4]) * 12 + int(first[5:7])
    b = int(last[:4]) * 12 + int(last[5:7])
    return b - a + 1


def outlook(
    history: History, rules: RuleSet, months: int, settings: Settings | None = None
) -> tuple[Forecast, Backtest | None]:
    """The forecast of ``months`` after the file's last month, and a back-test on the
    file's first half when it holds four months or more (what the report and the
    dashboard show)."""
    start = next_months(history.months[-1], 2)[1]
    result = forecast(history, rules, start, months, settings)
    fit = len(history.months) // 2
    test = backtest(history, rules, fit, settings) if len(history.months) >= 4 else None
    return result, test
