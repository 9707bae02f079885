"""Running the model: chunks of replications, on one or more processes, recorded as a
:class:`Trajectory` (the month step itself is :mod:`polku.simulation.month`)."""

from __future__ import annotations

import mmap
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .arrays import total
from .draws import Array, Draws, Expected, Random
from .limits import check_inputs, check_settings
from .month import ORIGINS, State
from .network import DESTINATIONS, Network

Progress = Callable[[int, int], None]
Shape = tuple[int, ...]


@dataclass(frozen=True)
class Trajectory:
    """What a run records, month by month: ``[replication, month, ...]`` arrays."""

    network: Network
    mode: str
    seed: int | None
    u_by_bin: Array  # [R, T, B] unemployed by benefit bin
    u_by_segment: Array  # [R, T, S]
    queue: Array  # [R, T, M, C] waiting by benefit-day class
    placed: Array  # [R, T, M] placements in the month
    in_measure: Array  # [R, T, M, C, S]
    exits: Array  # [R, T, origin, destination]
    returns: Array  # [R, T, M]
    referral_rate: Array  # [R, T, M] monthly referral probability of an eligible cell
    inflow: Array  # [R, T]
    final_u: Array  # [R, B, S] state at the end of the last month
    final_q: Array  # [R, M, W, C, S]
    final_m: Array  # [R, M, C, S]

    @property
    def replications(self) -> int:
        """Number of replications R."""
        return int(self.inflow.shape[0])

    def people(self) -> Array:
        """[R, T] everyone in the system at the end of each month."""
        total: Array = self.u_by_bin.sum(axis=2) + self.queue.sum(axis=(2, 3))
        total += self.in_measure.sum(axis=(2, 3, 4))
        return total


CHUNK_CELLS = 200_000  # state cells a chunk of replications holds: 500 of the embedded dataset


def chunk_size(net: Network) -> int:
    """Replications per chunk: about :data:`CHUNK_CELLS` cells of state, in hundreds
    (100-5000). A small network runs more replications along one axis, so NumPy's
    per-call cost is shared by more of them. It depends on the network only, never on
    the workers, so a run gives the same numbers on any number of processes."""
    cells = net.initial_u.size + net.initial_q.size + net.initial_m.size
    return int(min(5000, max(100, CHUNK_CELLS // cells // 100 * 100)))


def record_shapes(net: Network) -> tuple[dict[str, Shape], dict[str, Shape]]:
    """The shapes a run records for one replication: each month's (``[R, T, *shape]``
    arrays) and the final state's (``[R, *shape]``), as in :class:`Trajectory`."""
    n_m, n_c = len(net.measures), net.initial_m.shape[1]
    monthly: dict[str, Shape] = {
        "u_by_bin": (net.bins,),
        "u_by_segment": (len(net.segment_shares),),
        "queue": (n_m, n_c),
        "placed": (n_m,),
        "in_measure": net.initial_m.shape,
        "exits": (len(ORIGINS), len(DESTINATIONS)),
        "returns": (n_m,),
        "referral_rate": (n_m,),
        "inflow": (),
    }
    final = {"final_u": net.initial_u, "final_q": net.initial_q, "final_m": net.initial_m}
    return monthly, {k: start.shape for k, start in final.items()}


def _records(net: Network, reps: int, *, shared: bool = False) -> dict[str, Array]:
    """Zeroed arrays for everything a run records (see :class:`Trajectory`); ``shared``
    puts them in anonymous shared memory, which forked workers write into directly.

    The monthly series are ``[replication, month, ...]`` views of month-major memory:
    a month's record is then one contiguous block, written once a month.
    """
    monthly, final = record_shapes(net)
    out = {k: np.moveaxis(_zeros((net.months, reps, *s), shared), 0, 1) for k, s in monthly.items()}
    out.update({k: _zeros((reps, *s), shared) for k, s in final.items()})
    return out


def _zeros(shape: tuple[int, ...], shared: bool) -> Array:
    if not shared:
        return np.zeros(shape)
    size = int(np.prod(shape))
    buffer = mmap.mmap(-1, max(size * 8, 1))  # MAP_SHARED | MAP_ANONYMOUS, zeroed
    return np.frombuffer(buffer, dtype=np.float64, count=size).reshape(shape)


def _run_chunk(
    net: Network,
    mode: str,
    seed: int | None,
    chunk: int,
    rec: dict[str, Array],
    progress: Progress | None = None,
) -> None:
    """One chunk of replications, recorded into ``rec`` (the chunk's slices of
    :func:`_records`); its random streams are keyed by (seed, chunk)."""
    draws: Draws = (
        Expected() if mode == "expected" else Random(np.random.default_rng(seed), seed, chunk)
    )
    reps, t_count = rec["inflow"].shape
    state = State(net, draws, reps)
    for month in range(t_count):
        back, placed, inflow, exits = state.step(month)
        rec["exits"][:, month] = exits
        rec["u_by_bin"][:, month] = total(state.u, 2)
        rec["u_by_segment"][:, month] = total(state.u, 1)
        rec["queue"][:, month] = total(state.q, (2, 4))
        rec["placed"][:, month] = placed
        rec["in_measure"][:, month] = state.m
        rec["returns"][:, month] = total(back, (2, 3))
        rec["referral_rate"][:, month] = state.rate
        rec["inflow"][:, month] = inflow
        if progress is not None:
            progress(month + 1, t_count)
    rec["final_u"][:] = state.u
    rec["final_q"][:] = state.q
    rec["final_m"][:] = state.m


def _chunk_progress(progress: Progress | None, chunk: int, chunks: int) -> Progress | None:
    """Progress over all chunks: chunk ``i`` of ``n`` covers months ``i*T .. (i+1)*T``."""
    if progress is None or chunks == 1:
        return progress
    report = progress
    return lambda done, total: report(chunk * total + done, chunks * total)


_SHARED: dict[str, Array] = {}  # a forked worker's view of the parent's shared records


def _attach(records: dict[str, Array]) -> None:
    _SHARED.update(records)  # inherited through fork, not pickled


def _chunk_task(task: tuple[Network, str, int | None, int, int, int]) -> None:
    net, mode, seed, chunk, start, stop = task
    _run_chunk(net, mode, seed, chunk, {k: v[start:stop] for k, v in _SHARED.items()})


def run(
    net: Network,
    *,
    mode: str = "expected",
    replications: int = 1,
    seed: int | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> Trajectory:
    """Simulate ``net`` for its horizon; ``mode`` is ``expected`` or ``stochastic``.

    The stochastic mode draws every count from generators seeded with ``seed``; the
    same seed gives identical results. Replications run in chunks of :func:`chunk_size`,
    each with its own random streams, on ``workers`` processes: the chunking is fixed,
    so the results do not depend on the number of workers.

    Bad settings are an :class:`~polku.errors.AssumptionError`, counts in ``net`` that
    are not finite or beyond :data:`~polku.simulation.limits.MAX_COUNT` a
    :class:`~polku.errors.DatasetError` (:mod:`polku.simulation.limits`).
    """
    check_settings(mode, replications, 0 if seed is None else seed, 1, workers, None)
    check_inputs(net)
    reps = 1 if mode == "expected" else replications
    size = chunk_size(net)
    bounds = [(start, min(start + size, reps)) for start in range(0, reps, size)]
    parallel = workers > 1 and len(bounds) > 1
    records = _records(net, reps, shared=parallel)
    if parallel:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        tasks = [(net, mode, seed, i, start, stop) for i, (start, stop) in enumerate(bounds)]
        context = mp.get_context("fork")
        with ProcessPoolExecutor(
            workers, context, initializer=_attach, initargs=(records,)
        ) as pool:
            list(pool.map(_chunk_task, tasks))
        if progress is not None:
            progress(net.months, net.months)
    else:
        for i, (start, stop) in enumerate(bounds):
            rec = {k: v[start:stop] for k, v in records.items()}
            _run_chunk(net, mode, seed, i, rec, _chunk_progress(progress, i, len(bounds)))
    return Trajectory(net, mode, seed, **records)
