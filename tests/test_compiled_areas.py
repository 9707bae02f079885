"""Many areas in one run: each area its own seed, the same summaries on one process or
two, and an area's summary reproduced by running it alone."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

pytest.importorskip("numba")

from polku.simulation.areas import QUANTILES, area_seed, largest_first, run_areas, summarise
from polku.simulation.engine import run
from polku.simulation.network import Network
from tiny_network import tiny_network


def _areas() -> list[Network]:
    base = tiny_network(abandon=0.05, months=12)
    out = []
    for factor in (0.5, 1.0, 3.0):
        measures = tuple(dataclasses.replace(m, places=m.places * factor) for m in base.measures)
        out.append(dataclasses.replace(base, inflow=base.inflow * factor, measures=measures))
    return out


def test_areas_give_the_same_summaries_on_one_process_or_two() -> None:
    nets = _areas()
    told: list[tuple[int, int]] = []
    one = run_areas(nets, replications=60, seed=4, done=lambda d, t: told.append((d, t)))
    two = run_areas(nets, replications=60, seed=4, workers=2)
    assert told == [(1, 3), (2, 3), (3, 3)]
    assert largest_first(nets) == [2, 1, 0]  # workers take the largest first
    assert [a.index for a in two] == [0, 1, 2]  # and give the summaries back in order
    for a, b in zip(one, two, strict=True):
        assert a.seed == b.seed
        assert a.draws == b.draws
        for key in a.mean:
            assert np.array_equal(a.mean[key], b.mean[key]), key
            assert np.array_equal(a.quantiles[key], b.quantiles[key]), key
    # areas differ by size and by their streams
    assert len({a.seed for a in one}) == 3
    assert one[2].mean["inflow"].mean() > 5 * one[0].mean["inflow"].mean()


def test_an_area_alone_gives_its_summary() -> None:
    nets = _areas()
    summary = run_areas(nets, replications=40, seed=9)[1]
    assert summary.seed == area_seed(9, 1)
    alone = run(nets[1], mode="stochastic", replications=40, seed=summary.seed)
    again = summarise(1, summary.seed, alone)
    for key, values in summary.mean.items():
        assert np.array_equal(values, again.mean[key]), key
    assert np.array_equal(summary.mean["people"], alone.people().mean(axis=0))
    low, mid, high = summary.quantiles["people"]
    assert len(QUANTILES) == 3
    assert (low <= mid).all()
    assert (mid <= high).all()
    assert (low < high).any()
