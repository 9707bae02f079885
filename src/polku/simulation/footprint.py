"""The memory a simulation needs, estimated from its network before anything is allocated.

Every array is float64. For each replication and month, a run (the baseline or a
scenario) keeps its records (:func:`polku.simulation.engine.record_shapes`) and its
money (payers, income by source and the money flows) until the command ends. Beside
them it holds, for a while, temporaries of the same ``[R, T]`` shape:

- pricing a run: its stock by measure and class, the income noise and about
  :data:`MONEY_WORK` arrays of one number a replication-month;
- making the results: the series of the baseline and of one scenario
  (:func:`series_count` each) and a copy of one for the quantiles, and the rows of
  ``series.csv`` (:data:`ROW_BYTES` a run, series and month, whatever the replications);
- the month step: :data:`STATE_COPIES` copies of one chunk's state, on each worker.

The estimate is every run's kept arrays plus the largest temporary; on the embedded
dataset it is within a factor of two of what a small run allocates (the tests measure
it). :func:`simulation_bytes` is for ``polku simulate`` (and the report and the web
app), :func:`sweep_bytes` for a sweep, whose processes each run one variant at a time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .engine import chunk_size, record_shapes
from .income import SOURCES
from .money import PAYERS
from .network import DESTINATIONS, SEGMENTS, Network

FLOAT = 8  # bytes of a float64
MONEY_FLOWS = 10  # the flows Money keeps (benefits, municipal share, ...)
MONEY_WORK = 30  # [R, T] temporaries while a run is priced
STATE_COPIES = 8  # copies of a chunk's state a month step holds at once
SERIES_PER_MEASURE = 5  # in the measure, waiting, placed, months waited, places in use
ROW_BYTES = 600  # a row of series.csv (run, series, month) while the files are written


def replications_of(mode: str, replications: int) -> int:
    """Replications a run records: one in the expected mode."""
    return 1 if mode == "expected" else replications


def kept_per_month(net: Network) -> int:
    """Floats a run keeps for each replication and month: records and money."""
    monthly, _ = record_shapes(net)
    records = sum(math.prod(shape) for shape in monthly.values())
    return records + len(PAYERS) + len(SOURCES) + MONEY_FLOWS


def kept_once(net: Network) -> int:
    """Floats a run keeps once for each replication: the final state."""
    _, final = record_shapes(net)
    return sum(math.prod(shape) for shape in final.values())


def series_count(net: Network) -> int:
    """The ``[R, T]`` series :func:`polku.simulation.results.series` makes of a run."""
    return (
        2
        + len(SEGMENTS)
        - 1
        + SERIES_PER_MEASURE * len(net.measures)
        + len(DESTINATIONS)
        + len(PAYERS)
        + len(SOURCES)
        + 1
    )


def _transient(net: Network, runs: int) -> int:
    """Floats per replication-month held for a while: pricing, or ``runs`` runs' series."""
    pricing = net.initial_m[..., 0].size + 2 * len(SOURCES) + MONEY_WORK
    results = min(runs, 2) * series_count(net) + 1
    return max(pricing, results)


def _state(net: Network, replications: int, workers: int) -> int:
    """Floats of the month step's working state: a chunk's, on each busy worker."""
    size = chunk_size(net)
    busy = min(workers, max(1, math.ceil(replications / size)))
    cells = net.initial_u.size + net.initial_q.size + net.initial_m.size
    return busy * min(replications, size) * cells * STATE_COPIES


def simulation_bytes(
    net: Network, replications: int, horizons: Sequence[int], workers: int = 1
) -> int:
    """Bytes a simulation of runs with ``horizons`` (months: the baseline's first, then
    each scenario's) needs at its peak, with ``replications`` each (already one in the
    expected mode) on ``workers`` processes."""
    reps = replications
    kept = sum(reps * (t * kept_per_month(net) + kept_once(net)) for t in horizons)
    transient = reps * max(horizons, default=0) * _transient(net, len(horizons))
    rows = ROW_BYTES * series_count(net) * sum(horizons)
    return FLOAT * (kept + transient + _state(net, reps, workers)) + rows


def sweep_bytes(net: Network, replications: int, months: int, workers: int = 1) -> int:
    """Bytes a sweep needs: ``workers`` processes, each running one variant of
    ``months`` with ``replications`` (already one in the expected mode) at a time."""
    one = simulation_bytes(net, replications, (months,))
    return workers * one
