"""The month step: the state of a chunk of replications and how one month moves it.

Every replication lies along the first array axis. One month, in order: measures end (a
next period joins the queue again, returners go back to unemployment, the rest leave
by their outcome shares); waiting people abandon the queue; each unemployed cell splits
into those who leave (by destination), those referred to each measure (who join its
queue) and those who stay; free places are filled from the queue by the priority rule,
so a referral can start the same month; the queue ages; those who stay advance a
benefit bin with its advance probability (entering the client base at
``segment_bin``, where they get a segment); returners and the month's inflow join the
unemployed. Stocks are recorded at the end of the month.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from .arrays import live_cells, total
from .draws import Array, Draws, Random, Shares
from .network import MAX_REFERRAL, Network

ORIGINS = ("unemployed", "queue", "measure")


def priority_order(net: Network) -> NDArray[np.int64]:
    """Order of the flattened queue cells (w, c, s) in which places are given."""
    w, c, s = np.meshgrid(
        np.arange(net.queue_months),
        np.arange(net.initial_m.shape[1]),
        np.arange(len(net.segment_shares)),
        indexing="ij",
    )
    rank_segment = np.argsort(np.array(net.segment_priority))[s]
    keys = {
        "first_come": (-w, -c, rank_segment),
        "segment": (rank_segment, -w, -c),
        "benefit_days": (-c, -w, rank_segment),
    }[net.priority]
    # np.lexsort sorts by the last key first
    return np.lexsort(tuple(k.ravel() for k in reversed(keys))).astype(np.int64)


def _fill(queue: Array, free: Array, order: NDArray[np.int64]) -> Array:
    """Places given from every measure's queue ``[R, M, W, C, S]`` by priority order."""
    flat = queue.reshape(*queue.shape[:2], -1)
    # only the cells where someone waits in some replication: most of the queue is empty
    cells = order[np.asarray(flat.any(axis=(0, 1)), dtype=bool)[order]]
    waiting = flat[:, :, cells]
    before = np.cumsum(waiting, axis=2) - waiting
    taken = np.minimum(np.maximum(free[:, :, None] - before, 0.0), waiting)
    out = np.zeros_like(flat)
    out[:, :, cells] = taken
    return out.reshape(queue.shape)


class State:
    """The state of a chunk of replications and the month step."""

    def __init__(self, net: Network, draws: Draws, replications: int) -> None:
        self.net, self.draws, self.r = net, draws, replications
        stochastic = draws.stochastic
        start = np.floor if stochastic else np.asarray
        self.u = np.broadcast_to(start(net.initial_u), (replications, *net.initial_u.shape)).copy()
        self.q = np.broadcast_to(start(net.initial_q), (replications, *net.initial_q.shape)).copy()
        self.m = np.broadcast_to(start(net.initial_m), (replications, *net.initial_m.shape)).copy()
        self.cls = net.bin_class
        # referral weights as [B, S, M]: a cell's weights for every measure side by side
        self.referral = np.ascontiguousarray(np.moveaxis(net.referral(), 0, -1))
        self.eligible = np.ascontiguousarray(np.moveaxis(net.eligible(), 0, -1))
        leave = np.broadcast_to(
            net.hazard[None, :, None, None], (replications, *net.initial_u.shape, 1)
        )
        self.leave = np.ascontiguousarray(leave)  # [R, B, S, 1] monthly exit probability
        self.room = np.minimum(np.maximum(1.0 - self.leave, 0.0), 1.0)
        self.waiting_share = np.array([m.waiting_share for m in net.measures])[None, :]
        self.places = np.stack([m.places for m in net.measures])  # [M, T]
        self.rate = np.zeros((replications, len(net.measures)))
        # assumptions given as ranges: each replication draws its own value (stochastic mode)
        months = np.stack(
            [
                draws.uniform(*m.months_range, replications)
                if m.months_range
                else np.full(replications, 1.0 / m.exit_prob)
                for m in net.measures
            ],
            axis=1,
        )  # [R, M]
        self.exit_p = np.minimum(1.0, 1.0 / np.maximum(months, 1.0))
        self.abandon = (
            draws.uniform(*net.abandon_range, replications)
            if net.abandon_range
            else np.full(replications, net.abandon_prob)
        )
        means = np.stack([m.outcomes for m in net.measures])  # [M, K+1]
        alphas = np.stack([m.outcome_alpha for m in net.measures])
        self.outcomes = draws.dirichlet(alphas, means, replications)  # [R, M, K+1]
        # where those who leave go, one row per origin group (ORIGINS): the unemployed
        # and the queue by segment, then each measure
        by_segment = np.broadcast_to(net.destinations, (replications, *net.destinations.shape))
        self.to_destination = Shares(
            np.concatenate([by_segment, by_segment, self.outcomes[:, :, :-2]], axis=1)
        )
        # [R, M] a measure's ending: a next period, else back to unemployment, else away
        self.cont_share = self.outcomes[:, :, -1]
        back = self.outcomes[:, :, -2] / np.maximum(1.0 - self.cont_share, 1e-12)
        self.back_share = np.clip(back, 0.0, 1.0)
        n_s, n_m = net.destinations.shape[0], len(net.measures)
        self.origin_of = np.repeat(np.eye(len(ORIGINS)), [n_s, n_s, n_m], axis=1)  # [O, rows]
        self.to_segment = Shares(net.segment_shares)
        self.order = priority_order(net)
        self.class_masks = np.stack([self.cls == c for c in range(net.initial_m.shape[1])]).astype(
            np.float64
        )
        self.return_to = np.eye(net.bins)[:, net.return_bin]  # [B, C] a returner's bin
        moves = np.flatnonzero(net.queue_advance)  # benefit-day classes that advance
        self.top = int(moves.max()) + 1 if moves.size else 0
        self.class_advance = net.queue_advance[None, None, None, : self.top, None]

    def _measures_end(self) -> tuple[Array, Array]:
        if isinstance(self.draws, Random):
            return self._measures_end_live(self.draws.rng)
        ended = self.draws.binomial(self.m, self.exit_p[:, :, None, None])
        self.m -= ended
        cont = self.draws.binomial(ended, self.cont_share[:, :, None, None])
        self.q[:, :, 0] += cont
        rest = ended - cont
        back = self.draws.binomial(rest, self.back_share[:, :, None, None])
        return back, total(rest - back, (2, 3))  # [R, M] who leave

    def _measures_end_live(self, rng: np.random.Generator) -> tuple[Array, Array]:
        """The stochastic end of measures on the cells that hold people only: the same
        three binomials (end, next period, back to unemployment) as the dense code."""
        shape = self.m.shape  # [R, M, C, S]
        self.m = np.ascontiguousarray(self.m)
        flat = self.m.reshape(-1)
        live = live_cells(flat)
        r, m, _, _ = np.unravel_index(live, shape)
        ended = rng.binomial(flat[live].astype(np.int64), self.exit_p[r, m])
        # the cells where someone ended: the next period and the way back are drawn there
        some = live_cells(ended)
        r_some, m_some = r[some], m[some]
        cont = np.zeros_like(ended)
        if self.cont_share.any():  # no next periods (a common case) draws nothing
            cont[some] = rng.binomial(ended[some], self.cont_share[r_some, m_some])
        rest = ended - cont
        back_n = np.zeros_like(ended)
        back_n[some] = rng.binomial(rest[some], self.back_share[r_some, m_some])
        flat[live] -= ended
        scatter = np.zeros(flat.shape[0])
        scatter[live] = cont
        self.q[:, :, 0] += scatter.reshape(shape)
        back = np.zeros(flat.shape[0])
        back[live] = back_n
        n_m = shape[1]
        leaving = np.bincount(
            r * n_m + m, weights=(rest - back_n).astype(np.float64), minlength=shape[0] * n_m
        ).reshape(shape[0], n_m)
        return back.reshape(shape), np.asarray(leaving, dtype=np.float64)

    def _abandon(self) -> Array:
        left_rs: Array  # [R, S] who left the queue
        if not self.abandon.any():
            return np.zeros((self.r, self.q.shape[4]))
        if isinstance(self.draws, Random):
            shape = self.q.shape  # [R, M, W, C, S]
            self.q = np.ascontiguousarray(self.q)
            flat = self.q.reshape(-1)
            live = live_cells(flat)
            r, _, _, _, s = np.unravel_index(live, shape)
            gone = self.draws.rng.binomial(flat[live].astype(np.int64), self.abandon[r])
            flat[live] -= gone
            n_s = shape[4]
            left_rs = np.asarray(
                np.bincount(r * n_s + s, weights=gone.astype(np.float64), minlength=shape[0] * n_s),
                dtype=np.float64,
            ).reshape(shape[0], n_s)
        else:
            left = self.draws.binomial(self.q, self.abandon[:, None, None, None, None])
            self.q -= left
            left_rs = total(left, (1, 2, 3))
        return left_rs

    def _place(self, month: int) -> Array:
        free = np.maximum(self.places[None, :, month] - total(self.m, (2, 3)), 0.0)  # [R, M]
        if self.draws.stochastic:
            free = np.floor(free)  # whole people: 533.3 places hold 533
        placed = _fill(self.q, free, self.order)
        self.q -= placed
        self.m += total(placed, 2)
        aged = np.zeros_like(self.q)
        aged[:, :, 1:] = self.q[:, :, :-1]
        aged[:, :, -1] += self.q[:, :, -1]
        # those waiting are unemployed: their benefit days accumulate, classes advance
        if top := self.top:
            moving = self.draws.binomial(
                np.ascontiguousarray(aged[:, :, :, :top]), self.class_advance
            )
            aged[:, :, :, :top] -= moving
            aged[:, :, :, 1 : top + 1] += moving
            # someone reached 300 days while waiting: they get a segment
            if 0 < self.net.segment_bin < self.net.bins and aged[:, :, :, 1:, 0].any():
                late = aged[:, :, :, 1:, 0].copy()
                aged[:, :, :, 1:, 0] = 0.0
                aged[:, :, :, 1:, :] += self.draws.split(late, self.to_segment)
        self.q = aged
        return total(placed, (2, 3, 4))

    def _rates(self, month: int) -> tuple[Array, Array]:
        """This month's referral as ``rate[R, M] x weight[B, S, M]``."""
        if self.net.referral_mode == "push":
            self.rate = np.broadcast_to(self.referral.max(axis=(0, 1)), (self.r, self.m.shape[1]))
            return np.ones((self.r, self.m.shape[1])), self.referral
        free = np.maximum(self.places[None, :, month] - total(self.m, (2, 3)), 0.0)
        waiting = self.places[None, :, month] * self.waiting_share
        target = free + waiting - total(self.q, (2, 3, 4))
        pool = self.u.reshape(self.r, -1) @ self.eligible.reshape(-1, self.eligible.shape[-1])
        rate = np.minimum(np.maximum(target / np.maximum(pool, 1e-9), 0.0), MAX_REFERRAL)
        self.rate = rate
        return rate, self.eligible

    def _split(self, month: int) -> Array:
        """Unemployed cells leave, are referred (joining the queue) or stay."""
        rate, weight = self._rates(month)
        if isinstance(self.draws, Random):
            return self._split_live(rate, weight)
        refer = rate[:, None, None, :] * weight[None]  # [R, B, S, M]
        leave, room = self.leave, self.room
        referred = total(refer, -1)[..., None]
        refer = np.where(referred > room, refer * room / np.maximum(referred, 1e-12), refer)
        stay = np.minimum(np.maximum(1.0 - leave - total(refer, -1)[..., None], 0.0), 1.0)
        split = self.draws.multinomial(self.u, np.concatenate([leave, refer, stay], axis=-1))
        self.q[:, :, 0] += np.einsum("rbsm,cb->rmcs", split[..., 1:-1], self.class_masks)
        self.u = split[..., -1]
        return total(split[..., 0], 1)  # [R, S] who leave

    def _split_live(self, rate: Array, weight: Array) -> Array:
        """The stochastic split, drawn on the cells that hold people only: the same
        conditional binomials in the same order (leave, each measure, stay) as the dense
        split, without building the full [R, B, S, categories] arrays."""
        assert isinstance(self.draws, Random)
        rng, net = self.draws.rng, self.net
        shape = self.u.shape  # [R, B, S]
        flat = self.u.reshape(-1)
        live = live_cells(flat)
        r, b, s = np.unravel_index(live, shape)
        left_n = flat[live].astype(np.int64)
        leave_p = net.hazard[b]
        refer = rate[r, :] * weight[b, s]  # [L, M]
        room = np.clip(1.0 - leave_p, 0.0, 1.0)
        referred = total(refer, 1)
        refer *= np.where(referred > room, room / np.maximum(referred, 1e-12), 1.0)[:, None]
        gone = rng.binomial(left_n, np.clip(leave_p, 0.0, 1.0))
        left_n = left_n - gone
        left_p = 1.0 - leave_p
        n_m, n_c, n_s = refer.shape[1], self.q.shape[3], shape[2]
        cls = net.bin_class[b]
        queue0 = np.zeros(self.r * n_m * n_c * n_s)
        for m in range(n_m):
            share = np.where(left_p > 1e-12, refer[:, m] / np.maximum(left_p, 1e-300), 0.0)
            take = np.flatnonzero((share > 0) & (left_n > 0))
            if take.size:
                x = rng.binomial(left_n[take], np.minimum(share[take], 1.0))
                left_n[take] -= x
                slot = ((r[take] * n_m + m) * n_c + cls[take]) * n_s + s[take]
                queue0 += np.bincount(slot, weights=x, minlength=queue0.size)
            left_p = left_p - refer[:, m]
        self.q[:, :, 0] += queue0.reshape(self.r, n_m, n_c, n_s)
        stay = np.zeros(flat.shape[0])
        stay[live] = left_n
        self.u = stay.reshape(shape)
        leavers = np.bincount(r * n_s + s, weights=gone.astype(np.float64), minlength=self.r * n_s)
        return np.asarray(leavers, dtype=np.float64).reshape(self.r, n_s)

    def _grow(self, month: int, back: Array) -> Array:
        """Those who stay advance a bin; returners and the month's inflow join."""
        net = self.net
        moving = self.draws.binomial(self.u, net.advance[None, :, None])
        self.u -= moving
        self.u[:, 1:] += moving[:, :-1]
        k = net.segment_bin
        if 0 < k < net.bins:
            entering = moving[:, k - 1, 0]
            self.u[:, k, 0] -= entering
            self.u[:, k, :] += self.draws.split(entering, self.to_segment)
        self.u += np.matmul(self.return_to, total(back, 1))  # [B, C] @ [R, C, S]
        # returners who passed 300 days before their segment was known get one now
        if 0 < k < net.bins and self.u[:, k:, 0].any():
            late = self.u[:, k:, 0].copy()
            self.u[:, k:, 0] = 0.0
            self.u[:, k:, :] += self.draws.split(late, self.to_segment)
        arrivals = self.draws.poisson(np.full(self.r, net.inflow[month]))
        self.u[:, 0, 0] += arrivals
        return arrivals

    def _destinations(self, measures: Array, queue: Array, unemployed: Array) -> Array:
        """[R, origin, destination]: where this month's leavers go, all drawn at once."""
        leavers = np.concatenate([unemployed, queue, measures], axis=1)  # as ORIGINS
        gone = self.draws.split(leavers, self.to_destination)
        return np.asarray(np.matmul(self.origin_of, gone), dtype=np.float64)

    def step(self, month: int) -> tuple[Array, Array, Array, Array]:
        """One month: returners by cell ``[R, M, C, S]``, placements ``[R, M]``, the
        inflow ``[R]`` and exits ``[R, origin, destination]``. Each step draws from its
        own random stream (see :meth:`Draws.stream`)."""
        draws = self.draws
        draws.stream(month, 0)
        back, measure_leavers = self._measures_end()
        draws.stream(month, 1)
        queue_leavers = self._abandon()
        draws.stream(month, 2)
        u_leavers = self._split(month)
        draws.stream(month, 3)
        placed = self._place(month)
        draws.stream(month, 4)
        inflow = self._grow(month, back)
        draws.stream(month, 5)
        exits = self._destinations(measure_leavers, queue_leavers, u_leavers)
        return back, placed, inflow, exits
