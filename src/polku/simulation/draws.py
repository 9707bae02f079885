"""Where the engine's randomness comes from: expected values, or draws from one Generator.

The engine asks a :class:`Draws` object for binomial, Poisson and multinomial counts.
:class:`Expected` answers with their means (deterministic propagation of expected
counts); :class:`Random` draws them from one ``numpy.random.Generator``. The engine
is the same code in both modes.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


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
        raise NotImplementedError

    def dirichlet(self, alpha: Array, mean: Array, size: int) -> Array:
        """``size`` share vectors: Dirichlet(alpha) draws, or ``mean`` where alpha is 0."""
        raise NotImplementedError


class Expected(Draws):
    """Expected values: the deterministic mode."""

    def binomial(self, n: Array, p: Array | float) -> Array:
        return n * p

    def poisson(self, lam: Array) -> Array:
        return np.asarray(lam, dtype=np.float64)

    def multinomial(self, n: Array, p: Array) -> Array:
        return n[..., None] * p

    def dirichlet(self, alpha: Array, mean: Array, size: int) -> Array:
        return np.broadcast_to(mean, (size, *mean.shape)).copy()


class Random(Draws):
    """Draws from one ``numpy.random.Generator``: the stochastic mode."""

    stochastic = True

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng

    def binomial(self, n: Array, p: Array | float) -> Array:
        # Only cells with people and a probability strictly between 0 and 1 are drawn:
        # most cells of the state are empty, so this is where the time goes.
        flat_n = n.reshape(-1)
        live = np.flatnonzero(flat_n)
        out = np.zeros(flat_n.shape[0])
        if live.size:
            if np.ndim(p) == 0:
                prob: Array | float = float(p)
            else:
                # index the broadcast view at the live cells only: no full-size copy
                view = np.broadcast_to(np.asarray(p, dtype=np.float64), n.shape)
                prob = view[np.unravel_index(live, n.shape)]
            counts = flat_n[live].astype(np.int64)
            out[live] = self.rng.binomial(counts, np.clip(prob, 0.0, 1.0))
        return out.reshape(n.shape)

    def poisson(self, lam: Array) -> Array:
        return self.rng.poisson(lam).astype(np.float64)

    def multinomial(self, n: Array, p: Array) -> Array:
        """Sequential conditional binomials over the categories, drawn only where needed."""
        probs = np.clip(p, 0.0, None)
        probs = probs / np.maximum(probs.sum(axis=-1, keepdims=True), 1e-300)
        shape = np.broadcast_shapes(n.shape, probs.shape[:-1])
        k = probs.shape[-1]
        probs = np.broadcast_to(probs, (*shape, k))
        remaining = np.broadcast_to(n, shape).astype(np.float64).copy()
        left = np.ones(shape)
        out = np.zeros((*shape, k))
        for j in range(k - 1):
            share = np.where(left > 1e-12, probs[..., j] / np.maximum(left, 1e-300), 0.0)
            out[..., j] = self.binomial(remaining, np.clip(share, 0.0, 1.0))
            remaining -= out[..., j]
            left = left - probs[..., j]
        out[..., -1] = remaining
        return out

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
            flat_out[:, row, positive] = self.rng.dirichlet(flat_alpha[row, positive], size=size)
        return out
