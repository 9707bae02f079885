"""The abstract model the engine runs: compartments, rates and capacities as arrays.

A :class:`Network` is built once (from a dataset by :mod:`polku.simulation.calibrate`,
or by hand, as the benchmark does) and then simulated. Axis order is fixed here and
nowhere else:

- unemployed ``U[r, b, s]``: replication, benefit bin (``b``: one bin a month for the
  first months, then one bin per benefit-day class, the last absorbing), segment
  (``none`` before entering the client base, then green, yellow, red);
- waiting ``Q[r, m, w, c, s]``: replication, measure, months waiting (last absorbing),
  benefit-day class, segment;
- in a measure ``M[r, m, c, s]``: replication, measure, benefit-day class, segment.

Time steps are months. A constant monthly exit probability ``p`` keeps a person in a
state for ``1/p`` month-ends on average, so ``p = 1/tau`` makes the discrete model's
mean stock equal the continuous-time stock ``lambda * tau`` (Little's law); see
:func:`exit_probability`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]

SEGMENTS = ("none", "green", "yellow", "red")
CLASSES = ("0-299", "300-499", "500-999", "1000+")
DESTINATIONS = ("open_market", "subsidised", "education", "pension_other", "unknown")
PRIORITIES = ("first_come", "segment", "benefit_days")
MAX_REFERRAL = 0.5  # pull mode: at most half of an eligible cell is referred in a month
DAYS_PER_MONTH = 21.75  # benefit days in a month: five days a week


def exit_probability(mean_months: float) -> float:
    """Monthly exit probability whose discrete mean stay equals ``mean_months``.

    Examples:
        >>> exit_probability(4.0)
        0.25
    """
    return min(1.0, 1.0 / max(mean_months, 1.0))


CLASS_BOUNDS = (0.0, 300.0, 500.0, 1000.0)


def benefit_class(days: float) -> int:
    """The benefit-day class (index into :data:`CLASSES`) of ``days`` of benefit."""
    return 0 if days < 300 else 1 if days < 500 else 2 if days < 1000 else 3


@dataclass(frozen=True)
class Measure:
    """One capacity-limited measure."""

    name: str
    places: Array  # [T] places each month
    exit_prob: float  # monthly probability of ending the measure
    min_class: int  # benefit-day class (index into CLASSES) needed to be referred
    route: Array  # [S] push: monthly referral probability of an eligible person; pull: 0/1 mask
    outcomes: Array  # [len(DESTINATIONS) + 2]: destinations, back to unemployment, next period
    outcome_alpha: Array  # Dirichlet parameters for parameter uncertainty (0 = none)
    waiting_share: float = 0.0  # pull: people kept referred and waiting, share of places
    months_range: tuple[float, float] | None = None  # mean stay drawn per replication


@dataclass(frozen=True)
class Network:
    """Everything the engine needs, as arrays over months, benefit bins and segments."""

    months: int  # horizon T
    inflow: Array  # [T] expected new unemployed a month
    hazard: Array  # [B] monthly probability of leaving unemployment other than to a measure
    advance: Array  # [B] monthly probability of moving to the next benefit bin
    bin_class: NDArray[np.int64]  # [B] benefit-day class of each bin
    bin_days: Array  # [B] representative accumulated benefit days of each bin
    segment_bin: int  # bin where the client base starts and segments are assigned
    segment_shares: Array  # [S] shares on entering the client base (share of none = 0)
    destinations: Array  # [S, len(DESTINATIONS)] where those who leave unemployment go
    measures: tuple[Measure, ...]
    queue_months: int  # W, waiting bins
    abandon_prob: float  # monthly probability of leaving the queue (and unemployment)
    priority: str  # one of PRIORITIES
    segment_priority: tuple[int, ...]  # segment indexes in priority order
    return_bin: NDArray[np.int64]  # [C] bin at which a measure's returners rejoin U
    referral_mode: str  # "push": fixed referral rates; "pull": referrals fill free places
    initial_u: Array  # [B, S] expected starting stock
    initial_q: Array  # [M, W, C, S]
    initial_m: Array  # [M, C, S]
    queue_advance: Array = field(default_factory=lambda: np.zeros(4))  # [C] class advance
    abandon_range: tuple[float, float] | None = None  # monthly probability, per replication
    names: dict[str, str] = field(default_factory=dict)

    @property
    def bins(self) -> int:
        """B, the number of benefit bins."""
        return int(self.hazard.shape[0])

    def measure_index(self, name: str) -> int:
        """Position of measure ``name``."""
        return [m.name for m in self.measures].index(name)

    def eligible(self) -> Array:
        """[M, B, S] 1 where an unemployed cell may be referred to a measure."""
        out = np.zeros((len(self.measures), self.bins, len(self.segment_shares)))
        for i, m in enumerate(self.measures):
            out[i] = (self.bin_class >= m.min_class)[:, None] * (m.route > 0)[None, :]
        return out

    def referral(self) -> Array:
        """[M, B, S] push mode: monthly referral probability of each cell to each measure."""
        out = np.zeros((len(self.measures), self.bins, len(self.segment_shares)))
        for i, m in enumerate(self.measures):
            out[i] = (self.bin_class >= m.min_class)[:, None] * m.route[None, :]
        return out

    def with_places(self, name: str, places: float, from_month: int = 0) -> Network:
        """A copy with ``places`` for measure ``name`` from ``from_month`` on."""
        index = self.measure_index(name)
        old = self.measures[index]
        new_places = old.places.copy()
        new_places[from_month:] = places
        measures = list(self.measures)
        measures[index] = replace(old, places=new_places)
        return replace(self, measures=tuple(measures))

    def with_months(self, months: int) -> Network:
        """A copy with a horizon of ``months``, extending the last month's inputs."""

        def fit(values: Array) -> Array:
            if values.shape[0] >= months:
                return values[:months].copy()
            return np.concatenate([values, np.repeat(values[-1:], months - values.shape[0])])

        measures = tuple(replace(m, places=fit(m.places)) for m in self.measures)
        return replace(self, months=months, inflow=fit(self.inflow), measures=measures)
