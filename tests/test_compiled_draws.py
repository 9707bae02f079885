"""The compiled engine's samplers: frequencies against the exact distributions (chi-square
with fixed seeds), means and variances, and no random number spent on a certain count."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

pytest.importorskip("numba")

from polku.simulation.compiled.sample import binomials, poissons, splits

DRAWS = 60_000


def _chi_square(counts: np.ndarray, probs: np.ndarray) -> float:
    """p-value of observed ``counts`` against ``probs``, cells pooled to 5 expected."""
    expected = probs / probs.sum() * counts.sum()
    order = np.argsort(expected)
    obs, exp, pool_o, pool_e = [], [], 0.0, 0.0
    for i in order:  # pool the smallest cells until each has 5 expected
        pool_o, pool_e = pool_o + counts[i], pool_e + expected[i]
        if pool_e >= 5:
            obs.append(pool_o)
            exp.append(pool_e)
            pool_o, pool_e = 0.0, 0.0
    if exp:
        obs[-1] += pool_o
        exp[-1] += pool_e
    o, e = np.array(obs), np.array(exp)
    return float(stats.chi2.sf(((o - e) ** 2 / e).sum(), len(o) - 1))


CASES = [
    (1, 0.3),  # person by person
    (7, 0.5),
    (8, 0.93),
    (9, 0.2),  # inversion
    (9, 0.45),  # inversion walking past its unrolled terms up to n
    (12, 0.85),
    (40, 0.02),
    (199, 0.05),  # inversion with n p = 9.95
    (200, 0.05),  # BTRS from n p = 10
    (21, 0.48),  # BTRS, few people
    (600, 0.045),  # BTRS with n p = 27
    (61, 0.5),
    (1000, 0.3),
    (100_000, 0.45),
    (300, 0.93),  # 1 - p: BTRS
    (20, 0.97),  # 1 - p: inversion
]


@pytest.mark.parametrize(("n", "p"), CASES)
def test_binomial_frequencies_match_the_binomial(n: int, p: float) -> None:
    x, _ = binomials(5, np.full(DRAWS, n), np.full(DRAWS, p))
    assert x.min() >= 0
    assert x.max() <= n
    counts = np.bincount(x, minlength=n + 1).astype(float)
    assert _chi_square(counts, stats.binom.pmf(np.arange(n + 1), n, p)) > 1e-4
    mean, var = n * p, n * p * (1 - p)
    assert abs(x.mean() - mean) <= 5 * np.sqrt(var / DRAWS)
    # the variance of a sample variance is about 2 var^2 / N for near-normal counts
    assert abs(x.var() - var) <= 6 * var * np.sqrt(3.0 / DRAWS) + 1e-3


def test_binomials_of_mixed_cells_keep_each_cells_mean() -> None:
    """A stream shared by cells of different sizes: every cell keeps its own law."""
    rng = np.random.default_rng(0)
    n = rng.integers(0, 400, 200_000)
    p = rng.uniform(0.01, 0.99, n.size)
    x, _ = binomials(9, n, p)
    z = (x - n * p) / np.sqrt(np.maximum(n * p * (1 - p), 1e-12))
    live = n > 0
    assert abs(z[live].mean()) < 5 / np.sqrt(live.sum())
    assert abs(z[live].var() - 1.0) < 0.02


def test_a_certain_count_spends_no_random_number() -> None:
    x, used = binomials(1, np.array([0, 0, 5, 9, 0]), np.array([0.3, 1.0, 0.0, 1.0, 0.0]))
    assert x.tolist() == [0, 0, 0, 9, 0]
    assert used == 0
    _, used = binomials(1, np.array([3]), np.array([0.3]))
    assert used == 3  # person by person: a uniform each
    _, used = binomials(1, np.array([20]), np.array([0.3]))
    assert used == 1  # inversion: one uniform


def test_same_seed_same_draws_other_seed_other_draws() -> None:
    n, p = np.full(1000, 50), np.full(1000, 0.2)
    assert np.array_equal(binomials(3, n, p)[0], binomials(3, n, p)[0])
    assert not np.array_equal(binomials(3, n, p)[0], binomials(4, n, p)[0])


@pytest.mark.parametrize("lam", [0.4, 3.5, 9.9, 25.0, 1521.0])
def test_poisson_frequencies_match_the_poisson(lam: float) -> None:
    x = poissons(2, np.full(DRAWS, lam))
    top = int(x.max()) + 1
    counts = np.bincount(x, minlength=top + 1).astype(float)
    probs = stats.poisson.pmf(np.arange(top + 1), lam)
    probs[-1] += stats.poisson.sf(top, lam)
    assert _chi_square(counts, probs) > 1e-4
    assert abs(x.mean() - lam) <= 5 * np.sqrt(lam / DRAWS)


def test_multinomial_split_matches_the_multinomial() -> None:
    probs = np.array([0.5, 0.0, 0.2, 0.3])
    n = 5
    x = splits(4, np.full(DRAWS, n), probs)
    assert (x.sum(axis=1) == n).all()
    assert (x[:, 1] == 0).all()  # a category without a share gets no one
    outcomes, counts = np.unique(x, axis=0, return_counts=True)
    expected = stats.multinomial.pmf(outcomes, n, probs)
    assert expected.sum() == pytest.approx(1.0)  # every possible outcome was seen
    assert _chi_square(counts.astype(float), expected) > 1e-4


def test_a_split_of_no_one_is_empty() -> None:
    assert splits(1, np.zeros(3, dtype=np.int64), np.array([0.2, 0.8])).sum() == 0


@pytest.mark.parametrize(("n", "p"), [(21, 0.48), (250, 0.04), (5000, 0.3)])
def test_btrs_keeps_the_binomial_law_over_a_million_draws(n: int, p: float) -> None:
    """BTRS is written here, not taken from a library: a million draws would show an
    error in its acceptance test as a misfit of a few tenths of a percent."""
    x, used = binomials(13, np.full(1_000_000, n), np.full(1_000_000, p))
    counts = np.bincount(x, minlength=n + 1).astype(float)
    assert _chi_square(counts, stats.binom.pmf(np.arange(n + 1), n, p)) > 1e-4
    assert 2.0 <= used / x.size < 3.0  # two uniforms a try, no walk over the counts


@pytest.mark.parametrize(("n", "p"), [(9, 0.45), (60, 0.1), (199, 0.05)])
def test_inversion_keeps_the_binomial_law_over_a_million_draws(n: int, p: float) -> None:
    """The inversion's first terms are summed without a branch and the rest walked:
    a million draws would show a term off by one as a misfit at its count."""
    x, used = binomials(17, np.full(1_000_000, n), np.full(1_000_000, p))
    counts = np.bincount(x, minlength=n + 1).astype(float)
    assert _chi_square(counts, stats.binom.pmf(np.arange(n + 1), n, p)) > 1e-4
    assert used / x.size < 1.001  # one uniform a draw, a restart only after rounding


def test_log_factorials_agree_with_log_gamma_on_both_sides_of_the_table() -> None:
    import math

    from polku.simulation.compiled.streams import LOG_FACTORIALS, log_factorial

    ks = [*range(0, 50), *range(LOG_FACTORIALS - 5, LOG_FACTORIALS + 5), 10**5, 10**8]
    for k in ks:
        exact = math.lgamma(k + 1.0)
        assert log_factorial(k) == pytest.approx(exact, rel=2e-15, abs=1e-15), k


def test_power_by_squaring_keeps_its_error_bound_and_hands_over_to_exp_and_log() -> None:
    """``q^n`` by squaring is within ``n`` units of 2**-53 of the exact power (a
    rational power of the same double, exact to 60 digits), on both sides of the limit
    where ``exp(n log q)`` takes over, wherever the inversion asks (``n p < 10``): its
    first probability is this."""
    from decimal import Decimal, getcontext

    from polku.simulation.compiled.streams import POWER_SQUARING, power

    getcontext().prec = 60
    rng = np.random.default_rng(5)
    ns = [0, 1, 2, 3, 9, 63, 64, 65, 1000, POWER_SQUARING - 1, POWER_SQUARING, 10**5]
    worst = 0.0
    for n in ns:
        low = max(0.5, 1.0 - 10.0 / max(n, 1))  # where the inversion asks: n p < 10
        for q in [low, 1.0 - 1e-9, *rng.uniform(low, 1.0, 20)]:
            exact = Decimal(float(q)) ** n
            got = Decimal(power(float(q), n))
            error = abs(got / exact - 1)
            bound = max(n, 1) * 2.0**-53 if n < POWER_SQUARING else 20 * 2.0**-53
            assert error <= Decimal(bound), (n, q, error)
            worst = max(worst, float(error) / max(n, 1) / 2.0**-53)
    assert worst > 0.0  # the check compared something that rounds
