"""Sweeps: one at a time, Sobol, and the same results on a Dask cluster."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from typer.testing import CliRunner

from polku import default_region
from polku.cli import app
from polku.errors import AssumptionError
from polku.i18n import Lang, fmt_number
from polku.rules import load_rules
from polku.simulation.money import prices
from polku.simulation.runner import Settings
from polku.simulation.sweep import (
    PARAMETERS,
    Base,
    dask_mapper,
    local_mapper,
    one_at_a_time,
    sobol,
)
from polku.simulation.sweep_parameters import value_text


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


def test_price_range_is_around_the_calibrated_price(base: Base) -> None:
    price = PARAMETERS["price.per_week"]
    calibrated = base.prices.price_per_week
    assert calibrated > price.high  # the fixed 20-60 EUR would leave the baseline outside
    low, high = price.bounds(base.network, base.prices)
    assert (low, high) == pytest.approx((0.5 * calibrated, 1.5 * calibrated))
    assert price.baseline(base.network, base.prices) == pytest.approx(calibrated)
    # no places added in the baseline: the fixed range stays
    assert PARAMETERS["places.rehabilitative_work"].bounds(base.network, base.prices) == (0, 700)


def test_a_fixed_range_is_widened_to_the_baseline(base: Base) -> None:
    dear = replace(base.prices, organiser_cost_per_week=45.0)
    cost = PARAMETERS["pricing.organiser_cost_per_week"]
    assert cost.bounds(base.network, dear) == (0.0, 45.0)
    unpriced = replace(base.prices, price_per_week=0.0)  # no purchases in the data
    assert PARAMETERS["price.per_week"].bounds(base.network, unpriced) == (0.0, 60.0)


def test_the_baseline_lies_between_the_results_at_low_and_high(base: Base) -> None:
    doc = one_at_a_time(
        base, ["price.per_week"], ("cost_organiser_per_year", "income_purchased_services_per_year")
    )
    for row in doc["rows"]:  # the price is monotone in both: every place is repriced
        assert row["low"] < row["baseline_value"] < row["high"]
        assert row["at_low"] < row["baseline"] < row["at_high"], row["metric"]
    (entry,) = doc["parameters"]
    assert entry["baseline"] == pytest.approx(base.prices.price_per_week)
    assert (entry["low"], entry["high"]) == (doc["rows"][0]["low"], doc["rows"][0]["high"])
    assert entry["label"].startswith("fixed price of work activity, EUR")
    assert doc["metrics"]["cost_organiser_per_year"]["unit"] == "eur_per_year"
    assert doc["metrics"]["cost_organiser_per_year"]["description_fi"]


def _sweep_cli(lang: Lang, *extra: str) -> str:
    result = CliRunner().invoke(
        app,
        [
            "sweep",
            "--param",
            "price.per_week",
            "--param",
            "places.rehabilitative_work",
            "--metric",
            "cost_organiser_per_year",
            "--years",
            "1",
            "--workers",
            "1",
            "--lang",
            lang,
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_tornado_shows_the_values_used_and_readable_names(base: Base, lang: Lang) -> None:
    doc = json.loads(_sweep_cli(lang, "--format", "json"))
    text = _sweep_cli(lang)
    price = PARAMETERS["price.per_week"]
    low, high = (value_text(v, lang) for v in price.bounds(base.network, base.prices))
    at_base = value_text(base.prices.price_per_week, lang)
    if lang == "fi":
        assert "," in low  # a decimal comma
        shown = f"työtoiminnan kiinteä hinta, € asiakasviikolta ({low}…{high}; perusura {at_base})"
    else:
        shown = (
            f"fixed price of work activity, EUR a client-week ({low} to {high}; baseline {at_base})"
        )
    (line,) = [x for x in text.splitlines() if shown in x]
    # the line's results in the order at low, baseline, at high, and the baseline between
    row = next(r for r in doc["rows"] if r["parameter"] == "price.per_week")
    assert row["at_low"] < row["baseline"] < row["at_high"]
    cells = [c.strip() for c in line.split("│") if c.strip()]
    assert cells[1:] == [
        fmt_number(row[k], lang, 0) for k in ("at_low", "baseline", "at_high", "swing")
    ]
    # readable metric names from the metric list, not the keys
    entry = doc["metrics"]["cost_organiser_per_year"]
    assert entry["description_fi" if lang == "fi" else "description"] in text
    assert "cost_organiser_per_year" not in text
    assert "price.per_week" not in text


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
    entries = {e["name"]: e for e in doc["parameters"]}
    low, high = PARAMETERS["price.per_week"].bounds(base.network, base.prices)
    assert (entries["price.per_week"]["low"], entries["price.per_week"]["high"]) == (low, high)
    assert set(doc["metrics"]) == {"in_rehabilitative_work", "cost_organiser_per_year"}


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


def test_unknown_metric(base: Base) -> None:
    with pytest.raises(AssumptionError, match="unknown metric 'nothing'"):
        one_at_a_time(base, ["inflow_factor"], ("nothing",))
