"""How much per-client income varies with the number of clients (S18, S19).

A producer's clients come and go independently: starts at a steady rate, stays of mean
``m`` months (exponential). The number of clients is then Poisson with mean ``n`` and
autocovariance ``n * exp(-|t|/m)``, and its average over a year of ``T`` months, which
is what per-client pricing pays for, has the variance::

    Var = (2 n m / T) * (1 - (m/T) * (1 - exp(-T/m)))

so the coefficient of variation of the income is ``sqrt(Var) / n``: it falls as
``1/sqrt(n)``. A producer that can carry a variation of at most ``cv`` needs at least
``n* = (2 m / T) * (1 - (m/T) * (1 - exp(-T/m))) / cv**2`` clients; below that, block
funding (which moves the variation to the organiser) suits it better (S19). Pooling
independent producers adds their clients, and with them lowers the variation (S18).
"""

from __future__ import annotations

import math

YEAR = 12.0


def _factor(months: float, horizon: float) -> float:
    if months <= 0 or horizon <= 0:
        raise ValueError("the stay and the horizon must be positive")
    ratio = months / horizon
    return 2.0 * ratio * (1.0 - ratio * (1.0 - math.exp(-horizon / months)))


def income_cv(clients: float, months: float, horizon: float = YEAR) -> float:
    """Coefficient of variation of a year's per-client income with ``clients`` on average.

    Examples:
        >>> round(income_cv(100, 3.0), 3)
        0.061
        >>> income_cv(25, 3.0) > income_cv(100, 3.0)
        True
    """
    if clients <= 0:
        return math.inf
    return math.sqrt(clients * _factor(months, horizon)) / clients


def threshold(max_cv: float, months: float, horizon: float = YEAR) -> float:
    """The average number of clients at which the income varies by exactly ``max_cv``.

    Examples:
        >>> n = threshold(0.10, 3.0)
        >>> round(income_cv(n, 3.0), 6)
        0.1
    """
    if max_cv <= 0:
        raise ValueError("the largest tolerable variation must be positive")
    return _factor(months, horizon) / max_cv**2


def pooled_cv(means: list[float], sds: list[float]) -> float:
    """Coefficient of variation of the sum of independent incomes.

    Examples:
        >>> round(pooled_cv([100.0, 100.0], [10.0, 10.0]), 4)
        0.0707
    """
    total = sum(means)
    return math.sqrt(sum(s * s for s in sds)) / total if total else 0.0
