"""The compiled month step: one Numba kernel runs a chunk of replications through a
stretch of months, replication by replication, cell by cell.

It is the NumPy step of :mod:`polku.simulation.month` written as loops, step for step
in the same order (measures end, the queue is abandoned, the unemployed split, places
are filled and the queue ages, the unemployed advance and the inflow joins, leavers
find their destinations), on the streams of :mod:`polku.simulation.compiled.streams`.
Counts are whole numbers (``int64``); the records are the engine's ``float64`` arrays,
``[replication, month, ...]``, each replication's written as ``[month, cell]``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from . import jit, jit_allocating, jit_inline
from .streams import U64, binomial, month_key, poisson, split, start

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
MAX_REFERRAL = 0.5  # as polku.simulation.network.MAX_REFERRAL (a test checks they agree)


@jit
def _measures_end(
    st: U64,
    m: Ints,
    q: Ints,
    exit_p: Floats,
    cont: Floats,
    back_share: Floats,
    back: Ints,
    leaving: Ints,
) -> None:
    """Step 0: measures end; a next period waits again, some go back, the rest leave.
    ``leaving`` gets those who leave, by measure, ``back`` the returners by cell."""
    n_m, n_c, n_s = m.shape
    leaving[:] = 0
    back[:] = 0
    for i in range(n_m):
        for c in range(n_c):
            for s in range(n_s):
                n = m[i, c, s]
                if n == 0:
                    continue
                ended = binomial(st, n, exit_p[i])
                if ended == 0:
                    continue
                m[i, c, s] = n - ended
                again = binomial(st, ended, cont[i])
                q[i, 0, c, s] += again
                rest = ended - again
                home = binomial(st, rest, back_share[i])
                back[i, c, s] = home
                leaving[i] += rest - home


@jit_inline
def _abandon(st: U64, q: Ints, p: float, left: Ints) -> None:
    """Step 1: a share ``p`` of everyone waiting stops waiting; ``left`` by segment."""
    left[:] = 0
    if p <= 0.0:
        return
    n_m, n_w, n_c, n_s = q.shape
    for i in range(n_m):
        for w in range(n_w):
            for c in range(n_c):
                for s in range(n_s):
                    n = q[i, w, c, s]
                    if n > 0:
                        gone = binomial(st, n, p)
                        q[i, w, c, s] = n - gone
                        left[s] += gone


@jit_inline
def _rates(
    u: Ints,
    m: Ints,
    q: Ints,
    places: Floats,
    waiting_share: Floats,
    weight: Floats,
    pull: bool,
    push_rate: Floats,
    rate: Floats,
    pool: Floats,
    t: int,
) -> None:
    """The month's referral rate by measure (pull: enough to fill the free places and
    keep the waiting list; push: 1, the weights being the rates)."""
    n_b, n_s, n_m = weight.shape
    if not pull:
        for i in range(n_m):
            rate[i] = push_rate[i]
        return
    pool[:] = 0.0
    for b in range(n_b):
        for s in range(n_s):
            n = u[b, s]
            if n > 0:
                for i in range(n_m):
                    pool[i] += n * weight[b, s, i]
    n_c, n_w = m.shape[1], q.shape[1]
    for i in range(n_m):
        busy, waiting = 0, 0
        for c in range(n_c):
            for s in range(n_s):
                busy += m[i, c, s]
                for w in range(n_w):
                    waiting += q[i, w, c, s]
        free = max(places[i, t] - busy, 0.0)
        target = free + places[i, t] * waiting_share[i] - waiting
        rate[i] = min(max(target / max(pool[i], 1e-9), 0.0), MAX_REFERRAL)


@jit_inline
def _split(
    st: U64,
    u: Ints,
    q: Ints,
    hazard: Floats,
    bin_class: Ints,
    weight: Floats,
    rate: Floats,
    pull: bool,
    leavers: Ints,
    refer: Floats,
) -> None:
    """Step 2: each unemployed cell splits into leavers, referrals (to the queue) and
    those who stay: first everyone who moves (one binomial with the sum of the
    shares), then the movers by conditional binomials, leavers first. The same
    multinomial as conditional binomials on the whole cell, with one draw on the
    cell's count where that made one for each way out (four for the embedded region),
    each a walk of the cumulative probabilities from ``exp(n log q)``."""
    n_b, n_s, n_m = weight.shape
    leavers[:] = 0
    for b in range(n_b):
        leave_p = min(max(hazard[b], 0.0), 1.0)
        room = min(max(1.0 - hazard[b], 0.0), 1.0)
        for s in range(n_s):
            n = u[b, s]
            if n == 0:
                continue
            referred = 0.0
            for i in range(n_m):
                refer[i] = (rate[i] if pull else 1.0) * weight[b, s, i]
                referred += refer[i]
            if referred > room:
                for i in range(n_m):
                    refer[i] *= room / max(referred, 1e-12)
            total = leave_p + min(referred, room)
            movers = binomial(st, n, min(total, 1.0))
            if movers == 0:
                continue
            last = -1  # the last way out with a share: it takes whoever is left
            for i in range(n_m):
                if refer[i] > 0.0:
                    last = i
            left, rest = movers, total
            gone = movers if last < 0 else binomial(st, movers, min(leave_p / rest, 1.0))
            leavers[s] += gone
            left -= gone
            rest -= leave_p
            for i in range(last + 1):
                if left == 0:
                    break
                if refer[i] > 0.0:
                    x = left if i == last else binomial(st, left, min(refer[i] / rest, 1.0))
                    left -= x
                    q[i, 0, bin_class[b], s] += x
                    rest -= refer[i]
            u[b, s] = n - movers


@jit_inline
def _place(
    st: U64,
    m: Ints,
    q: Ints,
    rows: tuple[Ints, Ints, Ints],
    places: Floats,
    t: int,
    order: Ints,
    queue_advance: Floats,
    top: int,
    seg: tuple[Floats, int, bool],
    placed: Ints,
) -> None:
    """Step 3: whole free places are filled from the queue in priority order; the
    queue ages a month, its benefit-day classes advance, and anyone who passed into
    the client base while waiting gets a segment. ``order`` holds the flat (w, c, s)
    cells in priority order and, after them, each one's flat (c, s) cell; ``rows`` are
    the queue and the measures as ``[measure, cell]`` and the queue as ``[cell, s]``
    (views made once a replication: a view made here each month cost as much as a draw)."""
    n_m, n_w, n_c, n_s = q.shape
    qi, mi, q_rows = rows
    seg_cond, seg_last, segments = seg
    cells, n_cs = n_w * n_c * n_s, n_c * n_s
    for i in range(n_m):
        busy = 0
        for j in range(n_cs):
            busy += mi[i, j]
        free = int(np.floor(max(places[i, t] - busy, 0.0)))
        placed[i] = 0
        for j in range(cells):
            if free <= 0:
                break
            cell = order[j]
            taken = min(free, qi[i, cell])
            if taken > 0:
                qi[i, cell] -= taken
                mi[i, order[cells + j]] += taken
                placed[i] += taken
                free -= taken
        waiting = 0
        if n_w > 1:  # the queue ages; the last bin keeps its own
            for j in range(n_cs):
                qi[i, (n_w - 1) * n_cs + j] += qi[i, (n_w - 2) * n_cs + j]
            for w in range(n_w - 2, 0, -1):
                for j in range(n_cs):
                    qi[i, w * n_cs + j] = qi[i, (w - 1) * n_cs + j]
            for j in range(n_cs):
                qi[i, j] = 0
        for j in range(cells):
            waiting += qi[i, j]
        if top == 0 or waiting == 0:
            continue
        for w in range(n_w):
            for c in range(top - 1, -1, -1):  # downwards: a move is drawn once
                for s in range(n_s):
                    n = q[i, w, c, s]
                    if n > 0:
                        x = binomial(st, n, queue_advance[c])
                        q[i, w, c, s] = n - x
                        q[i, w, c + 1, s] += x
            if segments:
                for c in range(1, n_c):
                    late = q[i, w, c, 0]
                    if late > 0:
                        q[i, w, c, 0] = 0
                        split(st, late, seg_cond, seg_last, q_rows, (i * n_w + w) * n_c + c)


@jit_inline
def _grow(
    st: U64,
    u: Ints,
    back: Ints,
    advance: Floats,
    k: int,
    return_bin: Ints,
    seg_cond: Floats,
    seg_last: int,
    moving: Ints,
) -> None:
    """Step 4 before the inflow: the unemployed advance a bin (entering the client base
    at bin ``k`` with a segment), and returners join at their class's bin."""
    n_b, n_s = u.shape
    for b in range(n_b):
        p = advance[b]
        for s in range(n_s):  # a monthly bin (p = 1) moves everyone: a branch per bin
            moving[b, s] = u[b, s] if p >= 1.0 else binomial(st, u[b, s], p)
            u[b, s] -= moving[b, s]
    for b in range(n_b - 1, 0, -1):
        for s in range(n_s):
            u[b, s] += moving[b - 1, s]
    segments = 0 < k < n_b
    if segments and moving[k - 1, 0] > 0:
        entering = moving[k - 1, 0]
        u[k, 0] -= entering
        split(st, entering, seg_cond, seg_last, u, k)
    n_m, n_c, _ = back.shape
    for i in range(n_m):
        for c in range(n_c):
            for s in range(n_s):
                u[return_bin[c], s] += back[i, c, s]
    if segments:
        for b in range(k, n_b):
            late = u[b, 0]
            if late > 0:
                u[b, 0] = 0
                split(st, late, seg_cond, seg_last, u, b)


@jit_inline
def _destinations(
    st: U64, leavers: Ints, cond: Floats, last: Ints, groups: Ints, exits: Floats, t: int
) -> None:
    """Step 5: each origin row's leavers split by their destinations into the
    replication's ``exits`` (``[month, group, destination]``; a view is free here)."""
    for row in range(leavers.shape[0]):
        if leavers[row] > 0:
            split(st, leavers[row], cond[row], last[row], exits[t], groups[row])


Net = tuple[
    Floats, Floats, Ints, Floats, Floats, Floats, Floats, Floats, Ints, Ints, Floats, Floats, Ints
]
PerReplication = tuple[Floats, Floats, Floats, Floats, Floats, Ints]
Records = tuple[Floats, Floats, Floats, Floats, Floats, Floats, Floats, Floats, Floats]


@jit_inline
def _record(
    u: Ints, q: Ints, m: Ints, back: Ints, placed: Ints, rate: Floats, rec: Records, t: int
) -> None:
    """The month's stocks and flows into the replication's records, ``[month, cell]``."""
    _, r_bin, r_seg, r_queue, r_placed, r_in, r_returns, r_rate, _ = rec
    n_b, n_s = u.shape
    n_m, n_w, n_c, _ = q.shape
    for s in range(n_s):
        total = 0
        for b in range(n_b):
            total += u[b, s]
        r_seg[t, s] = total
    for b in range(n_b):
        total = 0
        for s in range(n_s):
            total += u[b, s]
        r_bin[t, b] = total
    for i in range(n_m):
        returns = 0
        for c in range(n_c):
            waiting = 0
            for s in range(n_s):
                for w in range(n_w):
                    waiting += q[i, w, c, s]
                r_in[t, (i * n_c + c) * n_s + s] = m[i, c, s]
                returns += back[i, c, s]
            r_queue[t, i * n_c + c] = waiting
        r_placed[t, i] = placed[i]
        r_returns[t, i] = returns
        r_rate[t, i] = rate[i]


Scratch = tuple[Ints, Ints, Ints, Ints, Ints, Floats, Ints, Ints, Floats, Floats]
Views = tuple[Ints, Ints, Ints, tuple[Ints, Ints, Ints]]
Own = tuple[Floats, Floats, Floats, float, Floats, Ints]


@jit
def _replication(
    span: tuple[int, int, int],
    key: np.uint64,
    st: U64,
    views: Views,
    net: Net,
    flags: tuple[bool, int, int, int],
    own: Own,
    scratch: Scratch,
    rec: Records,
) -> None:
    """Months ``first`` to ``stop - 1`` of replication ``rep`` of the run, ``span =
    (first, stop, rep)``: its state ``views`` move on in place, its records ``rec`` are
    written; most steps written in (docs/simulation.md, "Calls written in")."""
    first, stop, rep = span
    u, q, m, rows = views
    hazard, advance, bin_class, inflow, places, weight, push_rate, wait = net[:8]
    order, return_bin, qadv, seg, groups = net[8:]
    pull, k, top, seg_last = flags
    e_r, c_r, b_r, a_r, d_cond, d_last = own
    back, moving, leavers, left_q, left_u, rate, placed, left_m, pool, refer = scratch
    r_exits, r_inflow = rec[0], rec[8]
    n_s, n_m = u.shape[1], q.shape[0]
    seg_flags = (seg, seg_last, 0 < k < u.shape[0])
    for t in range(first, stop):
        month = month_key(key, rep, t)
        start(st, month, 0)
        _measures_end(st, m, q, e_r, c_r, b_r, back, left_m)
        if a_r > 0.0:  # a stream only for a step that may draw
            start(st, month, 1)
        _abandon(st, q, a_r, left_q)
        start(st, month, 2)
        _rates(u, m, q, places, wait, weight, pull, push_rate, rate, pool, t)
        _split(st, u, q, hazard, bin_class, weight, rate, pull, left_u, refer)
        if top > 0:
            start(st, month, 3)
        _place(st, m, q, rows, places, t, order, qadv, top, seg_flags, placed)
        start(st, month, 4)
        _grow(st, u, back, advance, k, return_bin, seg, seg_last, moving)
        arrivals = poisson(st, inflow[t])
        u[0, 0] += arrivals
        start(st, month, 5)
        for s in range(n_s):
            leavers[s], leavers[n_s + s] = left_u[s], left_q[s]
        for i in range(n_m):
            leavers[2 * n_s + i] = left_m[i]
        for g in range(r_exits.shape[1]):
            for d in range(r_exits.shape[2]):
                r_exits[t, g, d] = 0.0
        _destinations(st, leavers, d_cond, d_last, groups, r_exits, t)
        _record(u, q, m, back, placed, rate, rec, t)
        r_inflow[t] = arrivals


@jit_allocating
def months(
    first: int,
    stop: int,
    rep0: int,
    key: np.uint64,
    state: tuple[Ints, Ints, Ints],
    net: Net,
    flags: tuple[bool, int, int, int],
    per_rep: PerReplication,
    rec: Records,
) -> int:
    """Months ``first`` to ``stop - 1`` of a chunk whose first replication is number
    ``rep0`` of the run: ``state`` (u, q, m) moves on in place and the records
    ``rec`` (``[replication, month, ...]``, contiguous) are written. Returns the number of
    draws made with random numbers (a binomial of 0 people, or of a probability of 0
    or 1, is not one)."""
    u_all, q_all, m_all = state
    exit_p, abandon, cont, back_share, dest_cond, dest_last = per_rep
    n_r, n_m, _, n_c, n_s = q_all.shape
    n_b = u_all.shape[1]
    n_t = rec[8].shape[1]
    st = np.zeros(3, np.uint64)
    scratch = (
        np.zeros((n_m, n_c, n_s), np.int64),  # back
        np.zeros((n_b, n_s), np.int64),  # moving
        np.zeros(dest_cond.shape[1], np.int64),  # leavers
        np.zeros(n_s, np.int64),  # left the queue
        np.zeros(n_s, np.int64),  # left unemployment
        np.zeros(n_m),  # rate
        np.zeros(n_m, np.int64),  # placed
        np.zeros(n_m, np.int64),  # left a measure
        np.zeros(n_m),  # pool
        np.zeros(n_m),  # refer
    )
    for r in range(n_r):  # the views a replication needs, made once: not in the months
        u, q, m = u_all[r], q_all[r], m_all[r]
        views = (u, q, m, (q.reshape(n_m, -1), m.reshape(n_m, -1), q.reshape(-1, n_s)))
        own = (exit_p[r], cont[r], back_share[r], abandon[r], dest_cond[r], dest_last[r])
        span = (first, stop, rep0 + r)
        mine = (  # the replication's records as [month, cell]: one index less to make
            rec[0][r],
            rec[1][r].reshape(n_t, -1),
            rec[2][r].reshape(n_t, -1),
            rec[3][r].reshape(n_t, -1),
            rec[4][r].reshape(n_t, -1),
            rec[5][r].reshape(n_t, -1),
            rec[6][r].reshape(n_t, -1),
            rec[7][r].reshape(n_t, -1),
            rec[8][r],
        )
        _replication(span, key, st, views, net, flags, own, scratch, mine)
    return int(st[2])
