"""Sweeps: one at a time, Sobol, and the same results on a Dask cluster."""

from __future__ import annotations

from typing import Any

import pytest

from polku import default_region
from polku.errors import AssumptionError
from polku.rules import load_rules
from polku.simulation.money import prices
from polku.simulation.runner import Settings
from polku.simulation.sweep import Base, dask_mapper, local_mapper, one_at_a_time, sobol


@pytest.fixture(scope="module")
def base(calibration: Any) -> Base:
    net = calibration.network.with_months(24)
    return Base(net, prices(default_region(), load_rules(), net), Settings(months=24))


def test_one_at_a_time_moves_the_right_way(base: Base) -> None:
    doc = one_at_a_time(
        base,
        ["places.rehabilitative_work", "inflow_factor"],
        ("in_rehabilitative_work", "long_term"),
    )
    rows = {(r["parameter"], r["metric"]): r for r in doc["rows"]}
    places = rows["places.rehabilitative_work", "in_rehabilitative_work"]
    assert places["at_high"] > places["baseline"] + 100
    assert places["at_low"] == pytest.approx(places["baseline"])  # low end adds no places
    inflow = rows["inflow_factor", "long_term"]
    assert inflow["at_low"] < inflow["baseline"] < inflow["at_high"]


def test_sobol_indices(base: Base) -> None:
    doc = sobol(
        base,
        8,
        ["places.rehabilitative_work", "price.per_week"],
        ("in_rehabilitative_work", "cost_organiser_per_year"),
    )
    assert doc["samples"] == 8 * (2 + 2)
    clients = doc["indices"]["in_rehabilitative_work"]
    assert clients["price.per_week"]["ST"] == pytest.approx(0.0, abs=1e-9)  # price moves no one
    assert clients["places.rehabilitative_work"]["ST"] > 0.5


def test_local_processes_and_dask_give_the_same_results(base: Base) -> None:
    from distributed import LocalCluster

    stochastic = Base(
        base.network, base.prices, Settings(mode="stochastic", replications=5, seed=9, months=12)
    )
    names = ["places.rehabilitative_work", "sim.abandon_pct"]
    inline = one_at_a_time(stochastic, names, ("long_term",), local_mapper(1))
    pooled = one_at_a_time(stochastic, names, ("long_term",), local_mapper(2))
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster:
        on_dask = one_at_a_time(
            stochastic, names, ("long_term",), dask_mapper(cluster.scheduler_address)
        )
    assert inline["rows"] == pooled["rows"] == on_dask["rows"]


def test_unknown_parameter(base: Base) -> None:
    with pytest.raises(AssumptionError, match="unknown sweep parameter"):
        one_at_a_time(base, ["places.nothing"])
