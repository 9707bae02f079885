"""Random numbers for the compiled engine: counter-based streams and exact draws.

**Streams.** Every (replication, month, step) has a stream of its own: a 64-bit key
hashed from the run's seed, the replication's number in the whole run, the month and
the step; its ``i``-th number is ``mix(key ^ mix(i * G))``, with SplitMix64's
finaliser ``mix`` and golden-ratio constant ``G``. Nothing depends on which chunk or
process a replication runs in, so a seed gives the same bits on any number of
processes and with any chunk size, and a scenario shares each step's stream with its
baseline (common random numbers).

**Binomial** (:func:`binomial`): no draw for ``n = 0`` or ``p`` of 0 or 1; up to
:data:`BERNOULLI` people one uniform each; ``p > 1/2`` is drawn as ``n`` less a draw
with ``1 - p``. Then, as NumPy
does: for ``n p <= 30`` inversion (one uniform, the probabilities walked up from 0);
above it BTPE (Kachitvichyanukul and Schmeiser 1988, the triangle-parallelogram-
exponential rejection sampler). Both are
exact; tests compare their frequencies with the binomial probabilities.

**Poisson** (:func:`poisson`): multiplication of uniforms below a mean of 10, PTRS
(Hörmann 1993, transformed rejection with squeeze) above, both exact.

**Multinomial** (:func:`split`): conditional binomials on shares prepared once
(:class:`polku.simulation.draws.Shares`), an empty cell drawing nothing.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from . import jit

U64 = NDArray[np.uint64]
Floats = NDArray[np.float64]
Ints = NDArray[np.int64]

_G = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_ONE = np.uint64(1)
_S11, _S27, _S30, _S31 = np.uint64(11), np.uint64(27), np.uint64(30), np.uint64(31)
_UNIT = 2.0**-53
STEPS = 8  # streams a month may use
BERNOULLI = 8  # up to this many people, a binomial is drawn person by person


@jit
def mix(z: np.uint64) -> np.uint64:
    """SplitMix64's finaliser: a bijection of 64-bit words that scatters every bit."""
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return np.uint64(z ^ (z >> _S31))


@jit
def seed_key(seed: int) -> np.uint64:
    """The run's key from its seed (0 to 2**63 - 1)."""
    return mix(mix(np.uint64(seed)) + _G)


@jit
def start(state: U64, key: np.uint64, replication: int, month: int, step: int) -> None:
    """Point ``state`` at the stream of (replication, month, step) of the run ``key``.
    A state is three words: the stream's key, the numbers it has given, and the draws
    made with random numbers since the state was made (kept across streams)."""
    word = np.uint64(replication) * np.uint64(1 << 20) + np.uint64(month * STEPS + step)
    state[0] = mix(key ^ mix(word * _G + _ONE))
    state[1] = np.uint64(0)


@jit
def uniform(state: U64) -> float:
    """The stream's next number, uniform on the open interval (0, 1)."""
    state[1] += _ONE
    x = mix(state[0] ^ mix(state[1] * _G))
    return (float(x >> _S11) + 0.5) * _UNIT


@jit
def _power(q: float, n: int) -> float:
    """``q ** n`` by repeated squaring, inline: no library call, no logarithm."""
    out, base = 1.0, q
    while n:
        if n & 1:
            out *= base
        base *= base
        n >>= 1
    return out


@jit
def _inversion(state: U64, n: int, p: float) -> int:
    """Inversion for ``n p <= 30``: the probabilities walked up from 0 with one uniform.
    The recurrence's division does not wait on the running probability, so a step
    costs about a multiplication. A walk past ``n`` (rounding left ``u`` above the
    total) starts again with a new uniform."""
    q = 1.0 - p
    s = p / q
    a = (n + 1) * s
    qn = _power(q, n)
    x, px, u = 0, qn, uniform(state)
    while u > px:
        u -= px
        x += 1
        px *= a / x - s
        if x > n or px <= 0.0:
            x, px, u = 0, qn, uniform(state)
    return x


@jit
def _stirling(a: float) -> float:
    a2 = a * a
    return (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / a2) / a2) / a2) / a2) / a / 166320.0


@jit
def _btpe(state: U64, n: int, p: float) -> int:
    """BTPE for ``p <= 1/2`` and ``n p > 30``, as in NumPy's ``random_binomial_btpe``."""
    r, q = p, 1.0 - p
    fm = n * r + r
    m = math.floor(fm)
    nrq = n * r * q
    p1 = math.floor(2.195 * math.sqrt(nrq) - 4.6 * q) + 0.5
    xm = m + 0.5
    xl, xr = xm - p1, xm + p1
    c = 0.134 + 20.5 / (15.3 + m)
    a = (fm - xl) / (fm - xl * r)
    laml = a * (1.0 + a / 2.0)
    a = (xr - fm) / (xr * q)
    lamr = a * (1.0 + a / 2.0)
    p2 = p1 * (1.0 + 2.0 * c)
    p3 = p2 + c / laml
    p4 = p3 + c / lamr
    while True:
        u = uniform(state) * p4
        v = uniform(state)
        if u <= p1:  # the triangle: accepted at once
            return math.floor(xm - p1 * v + u)
        if u <= p2:  # the parallelograms
            x = xl + (u - p1) / c
            v = v * c + 1.0 - abs(m - x + 0.5) / p1
            if v > 1.0:
                continue
            y = math.floor(x)
        elif u <= p3:  # the left exponential tail
            y = math.floor(xl + math.log(v) / laml)
            if y < 0:
                continue
            v = v * (u - p2) * laml
        else:  # the right exponential tail
            y = math.floor(xr - math.log(v) / lamr)
            if y > n:
                continue
            v = v * (u - p3) * lamr
        k = abs(y - int(m))
        if k <= 20 or k >= nrq / 2.0 - 1.0:  # the probability ratio, term by term
            s = r / q
            aa = s * (n + 1)
            f = 1.0
            if m < y:
                for i in range(int(m) + 1, y + 1):
                    f *= aa / i - s
            elif m > y:
                for i in range(y + 1, int(m) + 1):
                    f /= aa / i - s
            if v <= f:
                return y
            continue
        # squeeze, then Stirling's formula for the log probability ratio
        rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
        t = -k * k / (2.0 * nrq)
        big_a = math.log(v)
        if big_a < t - rho:
            return y
        if big_a > t + rho:
            continue
        x1, f1, z, w = y + 1.0, m + 1.0, n + 1.0 - m, n - y + 1.0
        bound = (
            xm * math.log(f1 / x1)
            + (n - m + 0.5) * math.log(z / w)
            + (y - m) * math.log(w * r / (x1 * q))
            + _stirling(f1)
            + _stirling(z)
            + _stirling(x1)
            + _stirling(w)
        )
        if big_a <= bound:
            return y


@jit
def binomial(state: U64, n: int, p: float) -> int:
    """A binomial(n, p) count; no number is used for n = 0 or p of 0 or 1."""
    if n <= 0 or p <= 0.0:
        return 0
    if p >= 1.0:
        return n
    state[2] += _ONE
    if n <= BERNOULLI:  # a few people: one uniform each, no branch to mispredict
        x = 0
        for _ in range(n):
            x += uniform(state) < p
        return x
    low = p if p <= 0.5 else 1.0 - p
    x = _inversion(state, n, low) if n * low <= 30.0 else _btpe(state, n, low)
    return x if p <= 0.5 else n - x


@jit
def poisson(state: U64, lam: float) -> int:
    """A Poisson(lam) count."""
    if lam <= 0.0:
        return 0
    state[2] += _ONE
    if lam < 10.0:
        limit, x, prod = math.exp(-lam), 0, uniform(state)
        while prod > limit:
            x += 1
            prod *= uniform(state)
        return x
    slam, loglam = math.sqrt(lam), math.log(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    inv_alpha = 1.1239 + 1.1328 / (b - 3.4)
    vr = 0.9277 - 3.6224 / (b - 2.0)
    while True:
        u = uniform(state) - 0.5
        v = uniform(state)
        us = 0.5 - abs(u)
        k = math.floor((2.0 * a / us + b) * u + lam + 0.43)
        if us >= 0.07 and v <= vr:
            return int(k)
        if k < 0 or (us < 0.013 and v > us):
            continue
        left = math.log(v) + math.log(inv_alpha) - math.log(a / (us * us) + b)
        if left <= -lam + k * loglam - math.lgamma(k + 1.0):
            return int(k)


@jit
def split(state: U64, n: int, cond: Floats, last: int, out: Ints) -> None:
    """Add a multinomial split of ``n`` to ``out``: category ``j`` takes a binomial
    share ``cond[j]`` of those left, category ``last`` the rest."""
    left = n
    for j in range(last):
        if left == 0:
            break
        if cond[j] > 0.0:
            x = binomial(state, left, cond[j])
            out[j] += x
            left -= x
    out[last] += left
