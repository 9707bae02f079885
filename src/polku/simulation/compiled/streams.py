"""Random numbers for the compiled engine: counter-based streams and exact draws.

**Streams.** Every (replication, month) has a 64-bit key hashed from the run's seed,
the replication's number in the whole run and the month (:func:`month_key`), and each
step of the month a stream of its own: its ``i``-th number is
``mix(key + (step * 2**40 + i) * G)``, SplitMix64 itself (Steele, Lea and Flood 2014)
started at the key: the finaliser ``mix`` of a Weyl sequence with the golden-ratio
constant ``G``, a step's numbers the stretch of the month's sequence from
``step * 2**40`` on, which no other step reaches (the key hashed once a month, not
once a step: 0.97 of the peer network's time). Nothing depends on which chunk or
process a replication runs in, so a seed gives the same bits on any number of
processes and with any chunk size, and a scenario shares each step's stream with its
baseline (common random numbers).

**Binomial** (:func:`binomial`): no draw for ``n = 0`` or ``p`` of 0 or 1; up to
:data:`BERNOULLI` people one uniform each; ``p > 1/2`` is drawn as ``n`` less a draw
with ``1 - p``. Then for ``n p < 10`` inversion (one uniform against the cumulative
probabilities from ``q^n``, made by squaring, the first six summed without a branch);
from 10 BTRS (Hörmann 1993, transformed rejection with squeeze: about two uniforms and
no loop over the counts, where BTPE walks up to 20 ratios one division after another),
its exact test on log-factorials from a table. Both are exact; tests compare their
frequencies with the binomial probabilities.

**Poisson** (:func:`poisson`): multiplication of uniforms below a mean of 10, PTRS
(Hörmann 1993, transformed rejection with squeeze) above, both exact.

**Multinomial** (:func:`split`): conditional binomials on shares prepared once
(:class:`polku.simulation.draws.Shares`), an empty cell drawing nothing.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from . import jit, jit_inline

U64 = NDArray[np.uint64]
Floats = NDArray[np.float64]
Ints = NDArray[np.int64]

_G = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_ONE = np.uint64(1)
_S11, _S27, _S30, _S31 = np.uint64(11), np.uint64(27), np.uint64(30), np.uint64(31)
_UNIT = 2.0**-53
STEP_NUMBERS = 1 << 40  # numbers a step's stream may use before the next step's
_STEP = np.uint64((0x9E3779B97F4A7C15 * STEP_NUMBERS) % (1 << 64))
BERNOULLI = 8  # up to this many people, a binomial is drawn person by person
INVERSION = 10.0  # below this n p, inversion; from it, BTRS (valid for n p >= 10)
UNROLLED = 6  # terms of the inversion summed without a branch (fewer than BERNOULLI + 1)
LOG_FACTORIALS = 16384  # log k! from a table below this (128 kB), Stirling's series above
_LOG_FACTORIAL = np.array([math.lgamma(k + 1.0) for k in range(LOG_FACTORIALS)])
_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


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
def month_key(key: np.uint64, replication: int, month: int) -> np.uint64:
    """The key of (replication, month) in the run ``key`` (months below 2**20)."""
    word = np.uint64(replication) * np.uint64(1 << 20) + np.uint64(month)
    return mix(key ^ mix(word * _G + _ONE))


@jit_inline
def start(state: U64, month: np.uint64, step: int) -> None:
    """Point ``state`` at step ``step``'s stream of the month whose key is ``month``.
    A state is three words: the stream's start, the numbers it has given, and the draws
    made with random numbers since the state was made (kept across streams)."""
    state[0] = month + np.uint64(step) * _STEP
    state[1] = np.uint64(0)


@jit_inline
def uniform(state: U64) -> float:
    """The stream's next number, uniform on the open interval (0, 1)."""
    state[1] += _ONE
    x = mix(state[0] + state[1] * _G)
    return (float(x >> _S11) + 0.5) * _UNIT


POWER_SQUARING = 4096  # below this n, q^n by squaring; from it, exp(n log q)


@jit_inline
def power(q: float, n: int) -> float:
    """``q^n`` for ``0 < q < 1``: below :data:`POWER_SQUARING` by squaring (a product
    for each bit of ``n``, relative error below ``n`` units of 2**-53: each rounding is
    raised to the powers that follow it; tested), from it ``exp(n log q)``. Squaring took
    0.87-0.91 of small areas' time: ``exp`` and ``log`` were a quarter of it."""
    if n >= POWER_SQUARING:
        return math.exp(n * math.log(q))
    result, base = 1.0, q
    while n > 0:
        result *= base if n & 1 else 1.0
        base *= base
        n >>= 1
    return result


@jit
def _inversion(state: U64, n: int, p: float) -> int:
    """Inversion for ``n p < INVERSION`` and ``n > BERNOULLI``: the cumulative
    probabilities from ``q^n`` (:func:`power`) up, with one uniform. The first
    :data:`UNROLLED` terms are summed without a branch (the count is how many of them
    ``u`` exceeds: most draws end there, and a loop's exit at a random step costs a
    mispredicted branch); a larger count walks on one term at a time. A walk past
    ``n`` (rounding left ``u`` above the total) starts again with a new uniform."""
    q = 1.0 - p
    s = p / q
    a = (n + 1) * s  # P(x) = P(x - 1) (a / x - s)
    qn = power(q, n)
    while True:
        u = uniform(state)
        px = cum = qn
        x = int(u > cum)  # the terms for 1 to UNROLLED - 1, written out (a loop over a
        px *= a - s  # table of 1/x was a quarter slower)
        cum += px
        x += u > cum
        px *= a * 0.5 - s
        cum += px
        x += u > cum
        px *= a * (1.0 / 3.0) - s
        cum += px
        x += u > cum
        px *= a * 0.25 - s
        cum += px
        x += u > cum
        px *= a * 0.2 - s
        cum += px
        x += u > cum
        if u <= cum:
            return x
        while x <= n and px > 0.0:  # x is UNROLLED here, the next term's count
            px *= a / x - s
            cum += px
            if u <= cum:
                return x
            x += 1


@jit
def log_factorial(k: int) -> float:
    """``log k!``: from a table for ``k < LOG_FACTORIALS``, else Stirling's series to
    the ``1/k^5`` term (relative error below 1e-15 there, tested against ``lgamma``)."""
    if k < LOG_FACTORIALS:
        return float(_LOG_FACTORIAL[k])
    x = k + 1.0
    r = 1.0 / x
    r2 = r * r
    series = r * (1.0 / 12.0 - r2 * (1.0 / 360.0 - r2 / 1260.0))
    return (x - 0.5) * math.log(x) - x + _HALF_LOG_2PI + series


@jit
def _btrs(state: U64, n: int, p: float) -> int:
    """BTRS for ``p <= 1/2`` and ``n p >= INVERSION`` (Hörmann 1993, "The generation of
    binomial random variates", transformed rejection with squeeze): two uniforms give a
    candidate ``k``; most are accepted by the squeeze, the rest against the exact ratio
    of ``P(k)`` to ``P(mode)`` from log-factorials (:func:`log_factorial`)."""
    q = 1.0 - p
    spq = math.sqrt(n * p * q)
    b = 1.15 + 2.53 * spq
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    inv_b = 1.0 / b  # one division for the two constants
    v_r = 0.92 - 4.2 * inv_b
    alpha = (2.83 + 5.1 * inv_b) * spq
    m = math.floor((n + 1) * p)
    log_r, log_mode = 0.0, math.nan  # made when the squeeze first fails: most never need it
    while True:
        u = uniform(state) - 0.5
        v = uniform(state)
        us = 0.5 - abs(u)
        k = math.floor((2.0 * a / us + b) * u + c)
        if us >= 0.07 and v <= v_r:
            return k
        if k < 0 or k > n:
            continue
        if math.isnan(log_mode):
            log_r = math.log(p / q)
            log_mode = log_factorial(m) + log_factorial(n - m)
        ratio = log_mode - log_factorial(k) - log_factorial(n - k) + (k - m) * log_r
        if math.log(v * alpha / (a / (us * us) + b)) <= ratio:
            return k


@jit_inline
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
    x = _inversion(state, n, low) if n * low < INVERSION else _btrs(state, n, low)
    return x if p <= 0.5 else n - x


@jit_inline
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
        left = math.log(v * inv_alpha / (a / (us * us) + b))  # one log, not three: 0.94
        if left <= -lam + k * loglam - log_factorial(k):
            return int(k)


@jit_inline
def split(state: U64, n: int, cond: Floats, last: int, out: Ints, row: int) -> None:
    """Add a multinomial split of ``n`` to row ``row`` of ``out``: category ``j`` takes
    a binomial share ``cond[j]`` of those left, category ``last`` the rest. (A row and
    its index, not a view of the row: a view made in the month loop costs as much as a
    draw, for its reference count.)"""
    left = n
    for j in range(last):
        if left == 0:
            break
        if cond[j] > 0.0:
            x = binomial(state, left, cond[j])
            out[row, j] += x
            left -= x
    out[row, last] += left
