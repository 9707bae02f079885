"""Many draws at once from the compiled engine's samplers, for tests and for the
benchmark's cost floor (nanoseconds a draw on the engine's own counts)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from . import jit_allocating
from .streams import binomial, month_key, poisson, split, start

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]


@jit_allocating
def _binomials(key: np.uint64, n: Ints, p: Floats, out: Ints) -> int:
    state = np.zeros(3, np.uint64)
    start(state, month_key(key, 0, 0), 0)
    for i in range(n.size):
        out[i] = binomial(state, n[i], p[i])
    return int(state[1])


@jit_allocating
def _poissons(key: np.uint64, lam: Floats, out: Ints) -> None:
    state = np.zeros(3, np.uint64)
    start(state, month_key(key, 0, 0), 0)
    for i in range(lam.size):
        out[i] = poisson(state, lam[i])


@jit_allocating
def _splits(key: np.uint64, n: Ints, cond: Floats, last: int, out: Ints) -> None:
    state = np.zeros(3, np.uint64)
    start(state, month_key(key, 0, 0), 0)
    for i in range(n.size):
        split(state, n[i], cond, last, out, i)


def _key(seed: int) -> np.uint64:
    return np.uint64(np.random.SeedSequence([seed, 11]).generate_state(1, np.uint64)[0])


def binomials(seed: int, n: Ints, p: Floats) -> tuple[Ints, int]:
    """One binomial draw for each ``(n[i], p[i])``, and how many uniforms they used."""
    n, p = np.broadcast_arrays(np.asarray(n, dtype=np.int64), np.asarray(p, dtype=np.float64))
    out = np.zeros(n.size, np.int64)
    used = _binomials(
        _key(seed), np.ascontiguousarray(n).ravel(), np.ascontiguousarray(p).ravel(), out
    )
    return out.reshape(n.shape), used


def poissons(seed: int, lam: Floats) -> Ints:
    """One Poisson draw for each mean in ``lam``."""
    lam = np.ascontiguousarray(lam, dtype=np.float64)
    out = np.zeros(lam.size, np.int64)
    _poissons(_key(seed), lam.ravel(), out)
    return out.reshape(lam.shape)


def splits(seed: int, n: Ints, probs: Floats) -> Ints:
    """``[len(n), K]``: each ``n[i]`` split by the category shares ``probs`` (as the
    engine splits, by conditional binomials)."""
    from ..draws import Shares

    shares = Shares(np.asarray(probs, dtype=np.float64))
    n = np.ascontiguousarray(n, dtype=np.int64)
    out = np.zeros((n.size, shares.probs.shape[-1]), np.int64)
    _splits(_key(seed), n, np.ascontiguousarray(shares.cond[0]), int(shares.last[0]), out)
    return out
