"""Running the model: chunks of replications, on one or more processes, recorded as a
:class:`Trajectory` (the month step itself is :mod:`polku.simulation.month`)."""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .arrays import total
from .draws import Array, Draws, Expected, Random
from .limits import check_inputs, check_settings
from .month import ORIGINS, State
from .network import DESTINATIONS, Network

if TYPE_CHECKING:
    from .compiled.chunk import Parameters

ENGINES = ("auto", "numpy", "compiled")
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
    engine: str = "numpy"  # which engine drew it: "numpy" or "compiled" (see choose_engine)
    draws: int | None = None  # draws made with random numbers (counted by the compiled engine)

    @property
    def replications(self) -> int:
        """Number of replications R."""
        return int(self.inflow.shape[0])

    def stocks(self) -> dict[str, Array]:
        """``[R, T]`` stocks at the end of each month: everyone in the system
        (``people``), the unemployed, those waiting and those in a measure."""
        unemployed = self.u_by_bin.sum(axis=2)
        waiting = self.queue.sum(axis=(2, 3))
        in_measure = self.in_measure.sum(axis=(2, 3, 4))
        return {
            "people": unemployed + waiting + in_measure,
            "unemployed": unemployed,
            "waiting": waiting,
            "in_measure": in_measure,
        }

    def people(self) -> Array:
        """[R, T] everyone in the system at the end of each month."""
        return self.stocks()["people"]


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


def _records(
    net: Network, reps: int, *, shared: bool = False, month_major: bool = True
) -> dict[str, Array]:
    """Zeroed arrays for everything a run records (see :class:`Trajectory`); ``shared``
    puts them in anonymous shared memory, which forked workers write into directly.

    The monthly series are ``[replication, month, ...]``. ``month_major`` lays them out
    month by month, for the NumPy engine, which writes a month of every replication at
    once; the compiled engine writes a replication's months one after another, and in
    month-major memory each of its writes fell on another page (a month's record of the
    embedded region took 1.0 us there against 0.77 us replication by replication).
    """
    monthly, final = record_shapes(net)
    if month_major:
        out = {
            k: np.moveaxis(_zeros((net.months, reps, *s), shared), 0, 1) for k, s in monthly.items()
        }
    else:
        out = {k: _zeros((reps, net.months, *s), shared) for k, s in monthly.items()}
    out.update({k: _zeros((reps, *s), shared) for k, s in final.items()})
    return out


def _fits(records: dict[str, Array], net: Network, reps: int) -> bool:
    """Whether ``records`` have the shapes of ``reps`` replications of ``net`` (every
    record is written whole by the compiled engine, so old values do not matter)."""
    monthly, final = record_shapes(net)
    shapes = {k: (reps, net.months, *s) for k, s in monthly.items()}
    shapes.update({k: (reps, *s) for k, s in final.items()})
    return bool(records) and {k: v.shape for k, v in records.items()} == shapes


def _zeros(shape: tuple[int, ...], shared: bool) -> Array:
    if not shared:
        return np.zeros(shape)
    size = int(np.prod(shape))
    buffer = mmap.mmap(-1, max(size * 8, 1))  # MAP_SHARED | MAP_ANONYMOUS, zeroed
    return np.frombuffer(buffer, dtype=np.float64, count=size).reshape(shape)


def choose_engine(engine: str | None, mode: str) -> str:
    """The engine a run uses: ``numpy`` (the reference, and the expected mode always)
    or ``compiled`` (Numba kernels, :mod:`polku.simulation.compiled`). ``None`` reads
    the environment variable ``POLKU_ENGINE``; ``auto`` (its default) takes the
    compiled engine for a stochastic run where Numba can be imported."""
    from polku.errors import AssumptionError

    from .compiled import available

    chosen = engine or os.environ.get("POLKU_ENGINE", "") or "auto"
    if chosen not in ENGINES:
        raise AssumptionError(f"engine: expected one of {', '.join(ENGINES)}, got {chosen!r}")
    if chosen == "compiled" and not available():
        raise AssumptionError("engine: the compiled engine needs Numba (pip install polku[fast])")
    if mode == "expected" or chosen == "numpy" or not available():
        return "numpy"
    return "compiled"


def compiles_first(mode: str, engine: str | None) -> bool:
    """Whether a run with these settings waits for the compiled engine's first
    compilation (its kernel not yet in the disk cache), so that a caller can say so."""
    if choose_engine(engine, mode) != "compiled":
        return False
    from .compiled import cached

    return not cached()


def _run_chunk(
    net: Network,
    mode: str,
    seed: int | None,
    chunk: int,
    rec: dict[str, Array],
    progress: Progress | None = None,
    compiled: tuple[Parameters, int] | None = None,
) -> int | None:
    """One chunk of replications, recorded into ``rec`` (the chunk's slices of
    :func:`_records`). The NumPy engine keys its random streams by (seed, chunk); the
    compiled one (``compiled``: the chunk's parameters and its first replication) by
    (seed, replication), so its chunks do not matter."""
    if compiled is not None:
        from .compiled.chunk import run_chunk

        return run_chunk(net, compiled[0], compiled[1], rec, progress)
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
    return None


def _threads(
    net: Network,
    params: Parameters,
    bounds: list[tuple[int, int]],
    records: dict[str, Array],
    workers: int,
) -> list[int | None]:
    """The compiled engine's chunks on ``workers`` threads: its kernel releases the
    GIL, so threads run it side by side in this process's memory, with nothing to fork,
    copy or share. It is compiled (or loaded from the disk cache) here first, once."""
    from concurrent.futures import ThreadPoolExecutor

    from .compiled import one_blas_thread
    from .compiled.chunk import warm

    def chunk(bound: tuple[int, int]) -> int | None:
        start, stop = bound
        rec = {k: v[start:stop] for k, v in records.items()}
        return _run_chunk(net, "stochastic", None, 0, rec, None, (params.rows(start, stop), start))

    for start, stop in {bounds[0], bounds[-1]}:
        warm(net, params.rows(start, stop), {k: v[start:stop] for k, v in records.items()})
    with one_blas_thread(), ThreadPoolExecutor(workers) as pool:
        return list(pool.map(chunk, bounds))


def _chunk_progress(progress: Progress | None, chunk: int, chunks: int) -> Progress | None:
    """Progress over all chunks: chunk ``i`` of ``n`` covers months ``i*T .. (i+1)*T``."""
    if progress is None or chunks == 1:
        return progress
    report = progress
    return lambda done, total: report(chunk * total + done, chunks * total)


_SHARED: dict[str, Array] = {}  # a forked worker's view of the parent's shared records


def _attach(records: dict[str, Array]) -> None:
    _SHARED.update(records)  # inherited through fork, not pickled


Task = tuple[Network, str, int | None, int, int, int]


def _chunk_task(task: Task) -> int | None:
    """A NumPy-engine chunk in a forked worker, written into the shared records."""
    net, mode, seed, chunk, start, stop = task
    return _run_chunk(net, mode, seed, chunk, {k: v[start:stop] for k, v in _SHARED.items()})


def run(
    net: Network,
    *,
    mode: str = "expected",
    replications: int = 1,
    seed: int | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    engine: str | None = None,
    chunk: int | None = None,
    reuse: dict[str, Array] | None = None,
) -> Trajectory:
    """Simulate ``net`` for its horizon; ``mode`` is ``expected`` or ``stochastic``.

    The stochastic mode draws every count from generators seeded with ``seed``; the
    same seed gives identical results. Replications run in chunks of :func:`chunk_size`,
    each with its own random streams, on ``workers`` threads (the compiled engine, whose
    kernel releases the GIL) or forked processes (the NumPy one): the chunking is fixed,
    so the results do not depend on the number of workers.

    ``engine`` is ``auto``, ``numpy`` or ``compiled`` (:func:`choose_engine`); the
    compiled engine's streams are keyed by replication, so its results do not depend
    on ``chunk`` (replications per chunk, :func:`chunk_size` by default) either.

    ``reuse`` (the compiled engine) is a dict of records to write into when they fit
    this network and number of replications; it is filled with new ones otherwise. The
    trajectory returned is then a view of them, overwritten by the next run given the
    same dict: :func:`~polku.simulation.areas.run_areas` keeps one a thread, as an
    area's fresh records cost their pages' first touch (6 % of a small area's time).

    Bad settings are an :class:`~polku.errors.AssumptionError`, counts in ``net`` that
    are not finite or beyond :data:`~polku.simulation.limits.MAX_COUNT` a
    :class:`~polku.errors.DatasetError` (:mod:`polku.simulation.limits`).
    """
    check_settings(mode, replications, 0 if seed is None else seed, 1, workers, None)
    check_inputs(net)
    used = choose_engine(engine, mode)
    reps = 1 if mode == "expected" else replications
    size = chunk or chunk_size(net)
    bounds = [(start, min(start + size, reps)) for start in range(0, reps, size)]
    parallel = workers > 1 and len(bounds) > 1
    if reuse is not None and used == "compiled" and _fits(reuse, net, reps):
        records = reuse
    else:
        records = _records(
            net, reps, shared=parallel and used == "numpy", month_major=used == "numpy"
        )
        if reuse is not None and used == "compiled":
            reuse.clear()
            reuse.update(records)
    params: Parameters | None = None
    if used == "compiled":
        from .compiled.chunk import parameters, run_seed

        seed = run_seed(seed)
        params = parameters(net, seed, reps)
    if parallel and params is not None:
        counts = _threads(net, params, bounds, records, workers)
        if progress is not None:
            progress(net.months, net.months)
    elif parallel:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        tasks: list[Task] = [
            (net, mode, seed, i, start, stop) for i, (start, stop) in enumerate(bounds)
        ]
        context = mp.get_context("fork")
        with ProcessPoolExecutor(
            workers, context, initializer=_attach, initargs=(records,)
        ) as pool:
            counts = list(pool.map(_chunk_task, tasks))
        if progress is not None:
            progress(net.months, net.months)
    else:
        counts = []
        for i, (start, stop) in enumerate(bounds):
            rec = {k: v[start:stop] for k, v in records.items()}
            own = None if params is None else (params.rows(start, stop), start)
            report = _chunk_progress(progress, i, len(bounds))
            counts.append(_run_chunk(net, mode, seed, i, rec, report, own))
    draws = None if used == "numpy" else sum(c or 0 for c in counts)
    return Trajectory(net, mode, seed, **records, engine=used, draws=draws)
