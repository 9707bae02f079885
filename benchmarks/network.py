"""The peer benchmark's network, defined once for SimPy and for the engine.

Poisson arrivals 1521 a month into unemployment; after a stay of mean 4 months, 6 % go
to rehabilitative work (600 places, mean 6 months), 1.4 % to a work trial (70 places,
mean 3 months), 6 % to pay-subsidised work (800 places, mean 8 months), the rest leave;
after a measure 30 % return to unemployment, the rest leave; measures queue first come,
first served when full. 60 months from empty.
"""

from __future__ import annotations

import numpy as np

from polku.simulation.network import Measure, Network

ARRIVALS = 1521.0  # a month
STAY_MONTHS = 4.0
MONTHS = 60
MEASURES = {  # name: (share of those leaving unemployment, places, mean months)
    "rehabilitative_work": (0.06, 600, 6.0),
    "work_trial": (0.014, 70, 3.0),
    "pay_subsidy": (0.06, 800, 8.0),
}
RETURN = 0.3
LONG_QUEUES = {**MEASURES, "work_trial": (0.014, 55, 3.0)}  # 22 referred for 18.3 freeing


def benchmark_network(measures: dict[str, tuple[float, int, float]] | None = None) -> Network:
    """The network above in the engine: one unemployment bin, push referrals, one
    segment and one benefit-day class (all this network needs); ``measures`` another
    set of places (``LONG_QUEUES``: the work trial overloaded, its queue grows)."""
    measures_spec = MEASURES if measures is None else measures
    leave = 1.0 / STAY_MONTHS
    outcomes = np.zeros(7)
    outcomes[0], outcomes[5] = 1.0 - RETURN, RETURN
    measures = tuple(
        Measure(
            name,
            np.full(MONTHS, float(places)),
            1.0 / months,
            0,
            np.array([leave * share]),
            outcomes,
            np.zeros(7),
        )
        for name, (share, places, months) in measures_spec.items()
    )
    routed = sum(share for share, _, _ in measures_spec.values())
    destinations = np.zeros((1, 5))
    destinations[:, 0] = 1.0
    n = len(measures)
    return Network(
        months=MONTHS,
        inflow=np.full(MONTHS, ARRIVALS),
        hazard=np.array([leave * (1 - routed)]),
        advance=np.array([0.0]),
        bin_class=np.array([0], dtype=np.int64),
        bin_days=np.array([0.0]),
        segment_bin=0,
        segment_shares=np.array([1.0]),
        destinations=destinations,
        measures=measures,
        queue_months=4,
        abandon_prob=0.0,
        priority="first_come",
        segment_priority=(0,),
        return_bin=np.zeros(1, dtype=np.int64),
        referral_mode="push",
        initial_u=np.zeros((1, 1)),
        initial_q=np.zeros((n, 4, 1, 1)),
        initial_m=np.zeros((n, 1, 1)),
        queue_advance=np.zeros(1),
    )
