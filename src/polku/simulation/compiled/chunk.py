"""The compiled engine's side of a run: what each replication draws before its
months (:func:`parameters`, for the whole run at once), and a chunk of replications
through the kernel (:func:`run_chunk`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..draws import Array, Random, Shares
from ..month import ORIGINS, priority_order
from ..network import Network
from . import kernel

Ints = NDArray[np.int64]


@dataclass(frozen=True)
class Parameters:
    """What each replication of a run draws before its first month, ``[R, ...]``: the
    measures' exit probabilities and outcome shares, the queue's abandonment."""

    key: np.uint64  # the run's stream key, from its seed
    exit_p: Array  # [R, M]
    abandon: Array  # [R]
    cont: Array  # [R, M] a next period of the same measure
    back: Array  # [R, M] back to unemployment, of those not continuing
    dest_cond: Array  # [R, rows, K] where leavers go, as conditional shares (ORIGINS rows)
    dest_last: Ints  # [R, rows]

    def rows(self, start: int, stop: int) -> Parameters:
        """The replications ``start`` to ``stop - 1``."""
        part = slice(start, stop)
        return Parameters(
            self.key,
            self.exit_p[part],
            self.abandon[part],
            self.cont[part],
            self.back[part],
            self.dest_cond[part],
            self.dest_last[part],
        )


def run_seed(seed: int | None) -> int:
    """``seed``, or a fresh one from the operating system's entropy for ``None``."""
    if seed is not None:
        return seed
    return int(np.random.SeedSequence().generate_state(1, np.uint64)[0] >> np.uint64(1))


def parameters(net: Network, seed: int, replications: int) -> Parameters:
    """Every replication's own draws, for the whole run: each from a generator keyed by
    the seed and what it is for, so a replication's values do not depend on chunks."""
    key = np.random.SeedSequence([seed, 7]).generate_state(1, np.uint64)[0]

    def between(low: float, high: float, stream: int) -> Array:
        rng = np.random.default_rng([seed, stream])
        return np.asarray(rng.uniform(low, high, replications), dtype=np.float64)

    months = np.stack(
        [
            between(*m.months_range, 2_000_000 + i)
            if m.months_range
            else np.full(replications, 1.0 / m.exit_prob)
            for i, m in enumerate(net.measures)
        ],
        axis=1,
    )
    abandon = (
        between(*net.abandon_range, 3_000_000)
        if net.abandon_range
        else np.full(replications, net.abandon_prob)
    )
    means = np.stack([m.outcomes for m in net.measures])
    alphas = np.stack([m.outcome_alpha for m in net.measures])
    # the NumPy engine's Dirichlet draws, one generator per measure keyed by the seed
    outcomes = Random(np.random.default_rng(seed), seed).dirichlet(alphas, means, replications)
    cont = outcomes[:, :, -1]
    back = np.clip(outcomes[:, :, -2] / np.maximum(1.0 - cont, 1e-12), 0.0, 1.0)
    by_segment = np.broadcast_to(net.destinations, (replications, *net.destinations.shape))
    rows = np.concatenate([by_segment, by_segment, outcomes[:, :, :-2]], axis=1)
    shares = Shares(rows)
    n_rows, n_k = rows.shape[1], rows.shape[2]
    return Parameters(
        np.uint64(key),
        np.ascontiguousarray(np.minimum(1.0, 1.0 / np.maximum(months, 1.0))),
        np.ascontiguousarray(abandon),
        np.ascontiguousarray(cont),
        np.ascontiguousarray(back),
        np.ascontiguousarray(shares.cond.reshape(replications, n_rows, n_k)),
        np.ascontiguousarray(shares.last.reshape(replications, n_rows).astype(np.int64)),
    )


def _network(net: Network) -> kernel.Net:
    """The network's arrays in the kernel's order (see :func:`kernel.months`)."""
    pull = net.referral_mode != "push"
    weight = net.eligible() if pull else net.referral()  # [M, B, S]
    n_s, n_m = net.destinations.shape[0], len(net.measures)
    groups = np.repeat(np.arange(len(ORIGINS)), [n_s, n_s, n_m]).astype(np.int64)
    return (
        np.ascontiguousarray(net.hazard, dtype=np.float64),
        np.ascontiguousarray(net.advance, dtype=np.float64),
        np.ascontiguousarray(net.bin_class, dtype=np.int64),
        np.ascontiguousarray(net.inflow, dtype=np.float64),
        np.ascontiguousarray(np.stack([m.places for m in net.measures]), dtype=np.float64),
        np.ascontiguousarray(np.moveaxis(weight, 0, -1), dtype=np.float64),  # [B, S, M]
        np.ascontiguousarray(net.referral().max(axis=(1, 2))),
        np.array([m.waiting_share for m in net.measures], dtype=np.float64),
        _order(net),
        np.ascontiguousarray(net.return_bin, dtype=np.int64),
        np.ascontiguousarray(net.queue_advance, dtype=np.float64),
        np.ascontiguousarray(Shares(net.segment_shares).cond[0]),
        groups,
    )


RECORDS = (
    "exits",
    "u_by_bin",
    "u_by_segment",
    "queue",
    "placed",
    "in_measure",
    "returns",
    "referral_rate",
    "inflow",
)


Arguments = tuple[
    tuple[Ints, Ints, Ints],
    kernel.Net,
    tuple[bool, int, int, int],
    kernel.PerReplication,
    kernel.Records,
]


def _arguments(net: Network, params: Parameters, rec: dict[str, Array]) -> Arguments:
    """The kernel's arguments after the months and the key: the starting state (whole
    people), the network, its flags, the replications' draws and the records."""
    reps = rec["inflow"].shape[0]
    u, q, m = (
        np.ascontiguousarray(np.broadcast_to(np.floor(x), (reps, *x.shape)), dtype=np.int64)
        for x in (net.initial_u, net.initial_q, net.initial_m)
    )
    # [R, T, ...] as the engine made them: contiguous, so that an index is found
    # without reading strides (views as [T, R, ...] cost the embedded region's small
    # areas 7 % of their time)
    records: kernel.Records = tuple(rec[k] for k in RECORDS)  # type: ignore[assignment]
    last = int(Shares(net.segment_shares).last[0])
    flags = (net.referral_mode != "push", int(net.segment_bin), _top(net), last)
    per_rep = (params.exit_p, params.abandon, params.cont, params.back)
    rows = (*per_rep, params.dest_cond, params.dest_last)
    return (u, q, m), _network(net), flags, rows, records


def warm(net: Network, params: Parameters, rec: dict[str, Array]) -> None:
    """Compile the kernel (or load it from the disk cache) for the argument types of a
    chunk recorded into ``rec``, in this process, before a run's threads start: they
    then share it rather than each compiling it at once."""
    import numba

    args = (0, 1, 0, params.key, *_arguments(net, params, rec))
    dispatcher: Any = kernel.months  # a Numba dispatcher where Numba is installed
    typeof: Any = numba.typeof  # not typed
    if hasattr(dispatcher, "compile"):
        dispatcher.compile(tuple(typeof(a) for a in args))


def run_chunk(
    net: Network,
    params: Parameters,
    first_rep: int,
    rec: dict[str, Array],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Replications ``first_rep`` onwards (as many as ``rec`` holds) through the kernel,
    written into ``rec`` (the engine's ``[R, T, ...]`` records); with ``progress`` a
    month at a time, so that it can be told. Returns the draws made."""
    state, arrays, flags, rows, records = _arguments(net, params, rec)
    steps = [(0, net.months)] if progress is None else [(t, t + 1) for t in range(net.months)]
    draws = 0
    for first, stop in steps:
        draws += kernel.months(
            first, stop, first_rep, params.key, state, arrays, flags, rows, records
        )
        if progress is not None:
            progress(stop, net.months)
    u, q, m = state
    rec["final_u"][:] = u
    rec["final_q"][:] = q
    rec["final_m"][:] = m
    return draws


def _order(net: Network) -> Ints:
    """The queue's flat (w, c, s) cells in priority order, then each one's (c, s) cell."""
    order = priority_order(net)
    return np.concatenate([order, order % (net.initial_q.shape[2] * net.initial_q.shape[3])])


def _top(net: Network) -> int:
    """One past the last benefit-day class whose waiting people advance (0: none)."""
    moves = np.flatnonzero(net.queue_advance)
    return int(moves.max()) + 1 if moves.size else 0
