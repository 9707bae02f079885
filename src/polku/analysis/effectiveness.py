"""Effectiveness of measures (S5): outcome shares, column sums, bounds and intervals."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from polku.assumptions import Assumptions
from polku.model.region import Region, rows_where
from polku.model.vocabulary import Outcome
from polku.provenance import Input

from .base import Result, data_input, main_area, maybe


def wilson(share: float, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``share`` observed in ``n`` trials.

    Examples:
        >>> low, high = wilson(0.13, 283)
        >>> round(low, 3), round(high, 3)
        (0.096, 0.174)
    """
    if n <= 0:
        return 0.0, 1.0
    z = NormalDist().inv_cdf(0.5 + confidence / 2.0)
    denominator = 1.0 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class OutcomeCell:
    """One outcome of one measure and producer kind."""

    measure: str
    producer: str
    outcome: str
    share: float  # 0-1, as printed
    low: float  # Wilson interval
    high: float
    estimate: bool  # the cell is uncertain in the source


@dataclass(frozen=True)
class Column:
    """A measure and producer kind: its periods, column sum and the open-market bound."""

    measure: str
    producer: str
    ended_periods: int | None
    share_sum: float  # 0-1; not always 1 in the source
    open_market: float | None
    unknown: float | None
    open_market_upper_bound: float | None  # open_market / (1 - unknown)


@dataclass(frozen=True)
class Effectiveness(Result):
    """Outcome shares by measure and producer kind (S5)."""

    columns: tuple[Column, ...]
    cells: tuple[OutcomeCell, ...]
    confidence: float

    def records(self) -> list[dict[str, Any]]:
        return [vars(c) for c in self.cells]

    def column(self, measure: str, producer: str) -> Column:
        """The column of ``measure`` and ``producer``."""
        return next(c for c in self.columns if (c.measure, c.producer) == (measure, producer))


def effectiveness(region: Region, assumptions: Assumptions | None = None) -> Effectiveness:
    """Each column's shares, sum, unknown-adjusted upper bound, and Wilson intervals.

    The upper bound shares the "unknown" outcomes out in the same proportions as the
    known ones: open market / (1 - unknown).
    """
    a = assumptions or Assumptions()
    confidence = a.number("effectiveness.confidence")
    area = main_area(region)
    rows = rows_where(region.outcomes, area=area)
    newest = {(r.measure, r.producer): r.period for r in sorted(rows, key=lambda r: r.period)}
    keys = list(
        dict.fromkeys((r.measure, r.producer, newest[(r.measure, r.producer)]) for r in rows)
    )
    inputs: list[Input] = [a.input("effectiveness.confidence")]
    columns, cells = [], []
    for measure, producer, period in keys:
        own = [r for r in rows if (r.measure, r.producer, r.period) == (measure, producer, period)]
        periods = maybe(
            region.measure_periods, area=area, period=period, measure=measure, producer=producer
        )
        n = periods.ended_periods if periods else 0
        if periods is not None:
            inputs.append(data_input(periods, n))
        shares = {r.outcome: r.share_pct / 100.0 for r in own}
        for r in own:
            low, high = wilson(r.share_pct / 100.0, n, confidence)
            cells.append(
                OutcomeCell(
                    measure.value,
                    producer.value,
                    r.outcome.value,
                    r.share_pct / 100.0,
                    low,
                    high,
                    r.estimate,
                )
            )
            inputs.append(data_input(r, r.share_pct))
        open_market = shares.get(Outcome.OPEN_MARKET)
        unknown = shares.get(Outcome.UNKNOWN)
        bound = None
        if open_market is not None and unknown is not None and unknown < 1.0:
            bound = open_market / (1.0 - unknown)
        columns.append(
            Column(
                measure.value,
                producer.value,
                n or None,
                sum(shares.values()),
                open_market,
                unknown,
                bound,
            )
        )
    return Effectiveness(tuple(inputs), tuple(columns), tuple(cells), confidence)
