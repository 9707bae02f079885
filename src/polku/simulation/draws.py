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
        probability = np.clip(np.broadcast_to(p, n.shape), 0.0, 1.0)
        return self.rng.binomial(n.astype(np.int64), probability).astype(np.float64)

    def poisson(self, lam: Array) -> Array:
        return self.rng.poisson(lam).astype(np.float64)

    def multinomial(self, n: Array, p: Array) -> Array:
        probs = np.clip(p, 0.0, None)
        probs = probs / probs.sum(axis=-1, keepdims=True)
        counts = n.astype(np.int64)
        shape = np.broadcast_shapes(counts.shape, probs.shape[:-1])
        out = self.rng.multinomial(
            np.broadcast_to(counts, shape), np.broadcast_to(probs, (*shape, probs.shape[-1]))
        )
        return np.asarray(out, dtype=np.float64)

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
