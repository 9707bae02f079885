"""Where the engine's randomness comes from: expected values, or draws from one Generator.

The engine asks a :class:`Draws` object for binomial, Poisson and multinomial counts.
:class:`Expected` answers with their means (deterministic propagation of expected
counts); :class:`Random` draws them from one ``numpy.random.Generator``. The engine
is the same code in both modes.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from .arrays import live_cells

Array = NDArray[np.float64]
_DENSE = 20_000  # below this many cells, drawing every cell beats finding the live ones
STEPS = 8  # random streams a month may use


class Shares:
    """Category shares (last axis) prepared once for many multinomial splits.

    A multinomial is drawn as conditional binomials: category ``j`` takes its share of
    those not yet placed in an earlier category, ``p_j / (1 - p_0 - ... - p_{j-1})``;
    the last category with a positive share takes the rest. Those conditional shares are
    computed here once, not every month.
    """

    def __init__(self, probs: Array) -> None:
        p = np.clip(np.asarray(probs, dtype=np.float64), 0.0, None)
        p = p / np.maximum(p.sum(axis=-1, keepdims=True), 1e-300)
        self.probs = p
        self.shape = p.shape[:-1]  # the rows' own shape, broadcast against the counts
        rows = p.reshape(-1, p.shape[-1])
        k = rows.shape[1]
        positive = rows > 0
        # the rest goes to the last category with a share (the last of all if none has)
        self.last = np.where(
            positive.any(axis=1), k - 1 - np.argmax(positive[:, ::-1], axis=1), k - 1
        )
        before = np.cumsum(rows, axis=1) - rows
        cond = np.where(rows > 0, rows / np.maximum(1.0 - before, 1e-300), 0.0)
        cond[np.arange(k)[None, :] >= self.last[:, None]] = 0.0
        self.cond = np.clip(cond, 0.0, 1.0)
        self.drawn = tuple(int(j) for j in np.flatnonzero(self.cond.any(axis=0)))

    def rows(self, cells: NDArray[np.intp], shape: tuple[int, ...]) -> NDArray[np.intp]:
        """The share row of each flat cell index of an array of ``shape``."""
        if not self.shape:
            return np.zeros(cells.shape[0], dtype=np.intp)
        index = np.unravel_index(cells, shape)[len(shape) - len(self.shape) :]
        index = tuple(
            i if n > 1 else np.zeros_like(i) for i, n in zip(index, self.shape, strict=True)
        )
        return np.ravel_multi_index(index, self.shape)


class Draws:
    """Interface: counts drawn (or expected) for the engine."""

    stochastic = False

    def binomial(self, n: Array, p: Array | float) -> Array:
        """Successes out of ``n`` with probability ``p`` (broadcast)."""
        raise NotImplementedError

    def poisson(self, lam: Array) -> Array:
        """Poisson counts with mean ``lam``."""
        raise NotImplementedError

    def multinomial(self, n: Array, p: Array) -> Array:
        """Split ``n`` into categories with probabilities ``p`` (last axis)."""
        return self.split(n, Shares(p))

    def split(self, n: Array, shares: Shares) -> Array:
        """Split ``n`` into categories by prepared ``shares`` (broadcast)."""
        raise NotImplementedError

    def dirichlet(self, alpha: Array, mean: Array, size: int) -> Array:
        """``size`` share vectors: Dirichlet(alpha) draws, or ``mean`` where alpha is 0."""
        raise NotImplementedError

    def uniform(self, low: float, high: float, size: int) -> Array:
        """``size`` values from a range: uniform draws, or its midpoint when expected."""
        raise NotImplementedError

    def stream(self, month: int, step: int) -> None:
        """Switch to the random stream of a month and a step (below :data:`STEPS`): runs
        that differ only in their counts then share their random numbers step by step
        (common random numbers). A no-op in the expected mode."""


class Expected(Draws):
    """Expected values: the deterministic mode."""

    def binomial(self, n: Array, p: Array | float) -> Array:
        return n * p

    def poisson(self, lam: Array) -> Array:
        return np.asarray(lam, dtype=np.float64)

    def multinomial(self, n: Array, p: Array) -> Array:
        return n[..., None] * p

    def split(self, n: Array, shares: Shares) -> Array:
        return np.asarray(n[..., None] * shares.probs, dtype=np.float64)

    def dirichlet(self, alpha: Array, mean: Array, size: int) -> Array:
        return np.broadcast_to(mean, (size, *mean.shape)).copy()

    def uniform(self, low: float, high: float, size: int) -> Array:
        return np.full(size, (low + high) / 2.0)


class Random(Draws):
    """Draws from one ``numpy.random.Generator``: the stochastic mode."""

    stochastic = True

    def __init__(self, rng: np.random.Generator, seed: int | None = None, chunk: int = 0) -> None:
        self.seed = seed
        self.chunk = chunk
        self.rng = rng
        if seed is not None:  # streams by month and step (see stream)
            self._bits = np.random.PCG64(np.random.SeedSequence([seed, chunk]))
            self._start = self._bits.state
            self.rng = np.random.Generator(self._bits)

    def stream(self, month: int, step: int) -> None:
        # Each (month, step) starts its own stretch of the chunk's PCG64 sequence, 2**64
        # numbers after the previous one: far more than a step uses, and a jump costs
        # microseconds where seeding a new generator costs tens.
        if self.seed is not None:
            self._bits.state = self._start
            self._bits.advance((month * STEPS + step) << 64)

    def binomial(self, n: Array, p: Array | float) -> Array:
        # Only cells with people and a probability strictly between 0 and 1 are drawn:
        # most cells of the state are empty, so this is where the time goes.
        if n.size <= _DENSE:
            dense = np.clip(np.asarray(p, dtype=np.float64), 0.0, 1.0)
            return np.asarray(self.rng.binomial(n.astype(np.int64), dense), dtype=np.float64)
        flat_n = n.reshape(-1)
        live = live_cells(flat_n)
        out = np.zeros(flat_n.shape[0])
        if live.size:
            if np.ndim(p) == 0:
                prob: Array | float = float(p)
            else:
                # index the broadcast view at the live cells only: no full-size copy
                view = np.broadcast_to(np.asarray(p, dtype=np.float64), n.shape)
                prob = view[np.unravel_index(live, n.shape)]
            counts = flat_n[live].astype(np.int64)
            prob = np.clip(prob, 0.0, 1.0)
            if np.ndim(prob) == 0:
                out[live] = self.rng.binomial(counts, prob)
            else:
                # a probability of 1 takes everyone, of 0 no one: only the rest is drawn
                out[live] = np.where(prob >= 1.0, counts, 0)
                drawn = np.flatnonzero((prob > 0.0) & (prob < 1.0))
                out[live[drawn]] = self.rng.binomial(counts[drawn], prob[drawn])
        return out.reshape(n.shape)

    def poisson(self, lam: Array) -> Array:
        return self.rng.poisson(lam).astype(np.float64)

    def split(self, n: Array, shares: Shares) -> Array:
        """Multinomial counts by conditional binomials, for the cells that hold people."""
        if not shares.drawn:  # every row sends everyone to one category: nothing to draw
            return np.asarray(n[..., None] * shares.probs, dtype=np.float64)
        shape = np.broadcast_shapes(n.shape, shares.shape)
        k = shares.probs.shape[-1]
        counts = np.broadcast_to(n, shape).reshape(-1)
        live = live_cells(counts)
        out = np.zeros((counts.shape[0], k))
        if live.size:
            rows = shares.rows(live, shape)
            cond = shares.cond[rows]
            remaining = counts[live].astype(np.int64)
            drawn = np.zeros((live.size, k))
            for j in shares.drawn:
                take = np.flatnonzero((cond[:, j] > 0) & (remaining > 0))
                if take.size:
                    x = self.rng.binomial(remaining[take], cond[take, j])
                    drawn[take, j] = x
                    remaining[take] -= x
            drawn[np.arange(live.size), shares.last[rows]] += remaining
            out[live] = drawn
        return out.reshape(*shape, k)

    def uniform(self, low: float, high: float, size: int) -> Array:
        return np.asarray(self.rng.uniform(low, high, size), dtype=np.float64)

    def dirichlet(self, alpha: Array, mean: Array, size: int) -> Array:
        if not np.any(alpha > 0):
            return np.broadcast_to(mean, (size, *mean.shape)).copy()
        out = np.broadcast_to(mean, (size, *mean.shape)).copy()
        rows = np.flatnonzero(alpha.reshape(-1, alpha.shape[-1]).sum(axis=1) > 0)
        flat_alpha = alpha.reshape(-1, alpha.shape[-1])
        flat_out = out.reshape(size, -1, alpha.shape[-1])
        for row in rows:
            positive = flat_alpha[row] > 0
            flat_out[:, row, :] = 0.0
            # each row its own stream: changing one measure's shares leaves the others'
            # draws; each chunk its own too (chunk 0 keeps the stream it always had)
            rng = self.rng
            if self.seed is not None:
                key = [self.seed, 1_000_000 + int(row)] + ([self.chunk] if self.chunk else [])
                rng = np.random.default_rng(key)
            flat_out[:, row, positive] = rng.dirichlet(flat_alpha[row, positive], size=size)
        return out
