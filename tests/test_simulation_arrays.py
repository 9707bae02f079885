"""The engine's array primitives and prepared multinomial shares against plain NumPy."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from polku.simulation.arrays import live_cells, total
from polku.simulation.draws import Expected, Random, Shares

shapes = st.lists(st.integers(1, 9), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(shape=shapes, data=st.data())
def test_total_sums_like_numpy(shape: list[int], data: st.DataObject) -> None:
    values = np.random.default_rng(len(shape)).integers(0, 50, size=shape).astype(np.float64)
    values = np.repeat(values, 300 // values.size + 1, axis=0)  # past the small-array path
    axes = data.draw(st.sets(st.integers(0, values.ndim - 1), min_size=1))
    assert np.array_equal(total(values, tuple(axes)), values.sum(axis=tuple(axes)))
    assert np.array_equal(live_cells(values), np.flatnonzero(values))


def test_split_conserves_people_and_keeps_the_shares() -> None:
    probs = np.array([[0.55, 0.0, 0.15, 0.05, 0.25], [0.0, 1.0, 0.0, 0.0, 0.0], [0.0] * 5])
    shares = Shares(probs)
    n = np.full((20_000, 3), 40.0)
    drawn = Random(np.random.default_rng(1)).split(n, shares)
    assert np.array_equal(drawn.sum(axis=-1), n)  # everyone goes somewhere
    assert np.all(drawn[:, 0, 1] == 0)  # a zero share gets no one
    assert np.all(drawn[:, 1, 1] == 40)  # a share of 1 takes all
    assert np.all(drawn[:, 2, -1] == 40)  # no share at all: the last category
    mean = drawn[:, 0].mean(axis=0) / 40
    assert np.allclose(mean, probs[0], atol=0.005)
    assert np.allclose(Expected().split(n[:1], shares)[0, 0], 40 * probs[0])


def test_split_broadcasts_one_row_of_shares_over_many_cells() -> None:
    shares = Shares(np.array([0.0, 0.25, 0.5, 0.25]))
    n = np.array([[10.0, 0.0], [5.0, 100.0]])
    drawn = Random(np.random.default_rng(2)).split(n, shares)
    assert drawn.shape == (2, 2, 4)
    assert np.array_equal(drawn.sum(axis=-1), n)
    assert np.all(drawn[..., 0] == 0)
