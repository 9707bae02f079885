"""Many areas in one run: :func:`run_areas` runs a network per area, each with its own
stream key from the run's seed and its number, and keeps what a reader of a national
table needs of each (:class:`AreaSummary`), so that memory stays that of one area.

Areas are batched whole, one after another in each process: with the compiled engine a
run's fixed cost is a few milliseconds, so 300 areas cost about 300 times one area's
work. With two or more areas and ``workers`` above one, areas are dealt out to threads
(the compiled engine, whose kernel releases the GIL) or to forked processes (the NumPy
engine), which send back summaries only, the largest areas first (by their inflow over
the horizon), so that no large area is left to run alone at the end while the other
workers wait; the summaries come back in the order given.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

import numpy as np

from .draws import Array
from .engine import Trajectory, choose_engine, run
from .limits import check_settings
from .network import Network

QUANTILES = (0.05, 0.5, 0.95)


@dataclass(frozen=True)
class AreaSummary:
    """One area's run in brief: by month, the mean and the 5th, 50th and 95th
    percentiles over replications (``[3, T]``) of each stock and flow."""

    index: int  # the area's position in the run
    seed: int  # the area's own seed (reproduces it alone with the same replications)
    replications: int
    mean: dict[str, Array]  # name -> [T]
    quantiles: dict[str, Array]  # name -> [len(QUANTILES), T]
    draws: int | None  # draws made with random numbers (compiled engine)


def series(traj: Trajectory) -> dict[str, Array]:
    """``[R, T]`` series of a run: everyone in the system, the unemployed, those
    waiting, those in a measure, placements, exits and the inflow."""
    return {
        **traj.stocks(),  # everyone, the unemployed, those waiting, those in a measure
        "placed": traj.placed.sum(axis=2),
        "exits": traj.exits.sum(axis=(2, 3)),
        "inflow": traj.inflow,
    }


def summarise(index: int, seed: int, traj: Trajectory) -> AreaSummary:
    """The summary of area ``index``'s trajectory."""
    values = series(traj)
    return AreaSummary(
        index,
        seed,
        traj.replications,
        {k: v.mean(axis=0) for k, v in values.items()},
        {k: np.quantile(v, QUANTILES, axis=0) for k, v in values.items()},
        traj.draws,
    )


def area_seed(seed: int, index: int) -> int:
    """Area ``index``'s own seed, from the run's: independent streams for every area."""
    word = np.random.SeedSequence([seed, index, 20]).generate_state(1, np.uint64)[0]
    return int(word >> np.uint64(1))


def largest_first(nets: Sequence[Network]) -> list[int]:
    """The areas' positions, the largest first by inflow over the horizon (ties in
    the order given): the order in which workers take them."""
    return sorted(range(len(nets)), key=lambda i: -float(nets[i].inflow.sum()))


Job = tuple[int, str, int, int, str | None]
_NETS: list[Network] = []  # a forked worker's view of the parent's areas
_OWN = threading.local()  # each thread's records, written over area after area


def _job(job: Job) -> AreaSummary:
    index, mode, replications, seed, engine = job
    own = area_seed(seed, index)
    if not hasattr(_OWN, "records"):
        _OWN.records = {}
    net = _NETS[index]
    traj = run(
        net, mode=mode, replications=replications, seed=own, engine=engine, reuse=_OWN.records
    )
    return summarise(index, own, traj)  # before the thread's next area writes over it


def run_areas(
    nets: Sequence[Network],
    *,
    mode: str = "stochastic",
    replications: int = 1000,
    seed: int = 0,
    workers: int = 1,
    engine: str | None = None,
    done: Callable[[int, int], Any] | None = None,
) -> list[AreaSummary]:
    """Every area of ``nets`` for its horizon, summarised, in the order given.

    Area ``i`` draws with :func:`area_seed` of (``seed``, ``i``), so a result does not
    depend on ``workers``; ``done(areas done, areas)`` is told as areas finish.
    """
    check_settings(mode, replications, seed, 1, workers, None)
    jobs: list[Job] = [(i, mode, replications, seed, engine) for i in range(len(nets))]
    _NETS[:] = list(nets)
    out: list[AreaSummary] = []
    try:
        if workers > 1 and len(nets) > 1:
            import multiprocessing as mp
            from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

            from .compiled import one_blas_thread

            size = min(workers, len(nets))
            threads = choose_engine(engine, mode) == "compiled"
            pool: Executor = (  # the compiled kernel releases the GIL: threads suffice
                ThreadPoolExecutor(size)
                if threads
                else ProcessPoolExecutor(size, mp.get_context("fork"))
            )
            largest = [jobs[i] for i in largest_first(nets)]
            with one_blas_thread() if threads else nullcontext(), pool:
                for summary in pool.map(_job, largest, chunksize=1):
                    out.append(summary)
                    if done is not None:
                        done(len(out), len(jobs))
            out.sort(key=lambda summary: summary.index)
        else:
            for job in jobs:
                out.append(_job(job))
                if done is not None:
                    done(len(out), len(jobs))
    finally:
        _NETS.clear()
        vars(_OWN).clear()  # this thread's records (a pool's threads end with it)
    return out
