"""Small hand-built networks for simulation tests and benchmarks."""

from __future__ import annotations

import numpy as np

from polku.simulation.network import Measure, Network

SEGMENTS = 4


def tiny_network(
    *,
    months: int = 36,
    inflow: float = 50.0,
    hazard: float = 0.25,
    route: float = 0.3,
    places: float = 40.0,
    mean_months: float = 4.0,
    back: float = 0.3,
    abandon: float = 0.0,
    waiting: float = 0.0,
    mode: str = "push",
) -> Network:
    """One unemployment bin, one measure with a queue: the shape of the SimPy benchmark.

    People leave unemployment with probability ``hazard`` a month; of the unemployed, a
    share ``route`` a month is referred to the measure (push mode). The measure has
    ``places`` and a mean stay of ``mean_months``; afterwards a share ``back`` returns.
    """
    outcomes = np.zeros(7)
    outcomes[0] = 1.0 - back  # open market
    outcomes[5] = back
    measure = Measure(
        "m",
        np.full(months, places),
        1.0 / mean_months,
        0,
        np.array([route, 0.0, 0.0, 0.0]),
        outcomes,
        np.zeros(7),
        waiting,
    )
    destinations = np.zeros((SEGMENTS, 5))
    destinations[:, 0] = 1.0
    return Network(
        months=months,
        inflow=np.full(months, inflow),
        hazard=np.array([hazard]),
        advance=np.array([0.0]),
        bin_class=np.array([0], dtype=np.int64),
        bin_days=np.array([0.0]),
        segment_bin=0,
        segment_shares=np.array([1.0, 0.0, 0.0, 0.0]),
        destinations=destinations,
        measures=(measure,),
        queue_months=4,
        abandon_prob=abandon,
        priority="first_come",
        segment_priority=(2, 1, 3, 0),
        return_bin=np.zeros(4, dtype=np.int64),
        referral_mode=mode,
        initial_u=np.zeros((1, SEGMENTS)),
        initial_q=np.zeros((1, 4, 4, SEGMENTS)),
        initial_m=np.zeros((1, 4, SEGMENTS)),
    )
