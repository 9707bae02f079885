"""The calibrated region model, scenarios and money, and ``polku simulate``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from polku import default_region
from polku.cli import app
from polku.errors import ScenarioError
from polku.simulation.runner import Settings, example_names, find_scenario, simulate
from polku.simulation.scenario import load_scenario


def test_calibration_meets_the_targets(calibration) -> None:  # type: ignore[no-untyped-def]
    checks = {c.target: c for c in calibration.checks}
    for months in (1, 3, 6, 12):
        assert abs(checks[f"survival_{months}m"].error) <= 0.005  # 0.5 percentage points
    assert abs(checks["stock_rehabilitative_work"].relative) <= 0.02
    assert checks["stock_rehabilitative_work"].data == 605
    for name in ("recipients_300-499_days", "recipients_500-999_days", "recipients_1000+_days"):
        assert abs(checks[name].relative) <= 0.10, name  # S4, fitted
    # Little's law: 605 clients and 2434 ended periods a year
    assert calibration.durations["rehabilitative_work"] == pytest.approx(605 / (2434 / 12))


def test_examples_ship_and_load() -> None:
    assert set(example_names()) >= {
        "proposal-500",
        "proposal-700",
        "pay-subsidy-cut-35",
        "rules-2025",
    }
    proposal = find_scenario("proposal-500")
    assert proposal.changes["places"]["rehabilitative_work"]["add"] == 500
    assert proposal.changes["price"] == {"per_week": 35, "per_day": 10}


@pytest.fixture(scope="module")
def scenarios_run() -> Any:
    names = ("proposal-500", "pay-subsidy-cut-35", "rules-2025")
    return simulate(
        default_region(),
        [find_scenario(n) for n in names],
        settings=Settings(mode="expected", months=36),
    )


def _last_year(run: Any, array: np.ndarray) -> float:
    return float(array[0, -12:].sum(axis=tuple(range(1, array.ndim - 1))).mean())


def test_the_proposal_adds_clients_and_cuts_long_term_unemployment(scenarios_run: Any) -> None:
    base, proposal = scenarios_run.baseline, scenarios_run.scenarios[0]
    names = [m.name for m in base.trajectory.network.measures]
    rehab = names.index("rehabilitative_work")
    before = base.trajectory.in_measure[0, -1, rehab].sum()
    after = proposal.trajectory.in_measure[0, -1, rehab].sum()
    assert before == pytest.approx(605, rel=0.01)
    assert after > before + 200
    assert proposal.trajectory.u_by_bin[0, -1].sum() < base.trajectory.u_by_bin[0, -1].sum()


def test_the_pay_subsidy_cut_takes_income_from_the_associations(scenarios_run: Any) -> None:
    base, cut = scenarios_run.baseline, scenarios_run.scenarios[1]
    assert cut.money.income[0, -1].sum() < base.money.income[0, -1].sum()
    sources = ("purchased_services", "maintenance_compensation", "pay_subsidies", "sales")
    ps = sources.index("pay_subsidies")
    assert cut.money.income[0, -1, ps] == pytest.approx(
        base.money.income[0, -1, ps] * 0.65, rel=0.02
    )


def test_the_2025_rules_raise_the_municipal_share(scenarios_run: Any) -> None:
    base, reform = scenarios_run.baseline, scenarios_run.scenarios[2]
    assert reform.money.prices.rules_date.isoformat() == "2025-06-01"
    assert reform.money.payers[0, -1, 2] > base.money.payers[0, -1, 2]


def test_baseline_money_is_near_the_reported_figures(scenarios_run: Any) -> None:
    base = scenarios_run.baseline
    income = base.money.income[0, -12:].sum(axis=0)
    # associations' income by source in the baseline year against S13 (8.1 M EUR)
    assert income.sum() == pytest.approx(8_100_000, rel=0.05)


@pytest.mark.parametrize(
    ("name", "column", "expected"),
    [
        ("unknown-key", "changes.placez", "one of: places"),
        ("unknown-measure", "changes.places.kuntouttava", "one of: pay_subsidy"),
        ("negative-places", "changes.places.rehabilitative_work.set", "a number from 0"),
        ("outcomes-sum", "changes.outcomes.rehabilitative_work", "sum to 100"),
        ("bad-priority", "changes.priority", "one of: first_come"),
        ("bad-date", "changes.rules_date", "a date YYYY-MM-DD"),
        ("no-name", "name", "a name"),
    ],
)
def test_broken_scenarios_say_where_and_what(name: str, column: str, expected: str) -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario(FIXTURES / "scenarios" / f"{name}.yaml")
    hits = [f for f in info.value.findings if f.column == column]
    assert hits, [f.describe() for f in info.value.findings]
    assert expected in hits[0].expected()
    assert hits[0].row is not None
    assert f"{name}.yaml" in str(info.value)


def test_malformed_scenario_yaml() -> None:
    with pytest.raises(ScenarioError, match=r"malformed\.yaml, row"):
        load_scenario(FIXTURES / "scenarios" / "malformed.yaml")


def test_simulate_cli_writes_results_with_bands(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "simulate",
            "--scenario",
            "proposal-500",
            "--mode",
            "stochastic",
            "--replications",
            "40",
            "--years",
            "2",
            "--seed",
            "5",
            "--out",
            str(tmp_path),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert doc["seed"] == 5
    assert doc["replications"] == 40
    diff = doc["scenarios"]["proposal-500"]["difference"]["in_rehabilitative_work"]
    assert diff["p5"] <= diff["p50"] <= diff["p95"]
    assert diff["mean"] > 0
    frame = pd.read_parquet(tmp_path / "series.parquet")
    assert set(frame["scenario"]) == {"baseline", "proposal-500"}
    assert (frame["p5"] <= frame["p95"] + 1e-9).all()
    assert (tmp_path / "series.csv").read_text("utf-8").startswith("scenario,month,series")


def test_simulate_cli_table_and_bad_scenario(tmp_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(
        app, ["simulate", "--scenario", "pay-subsidy-cut-35", "--years", "1", "--lang", "fi"]
    )
    assert table.exit_code == 0, table.output
    assert "perusura" in table.output
    bad = runner.invoke(
        app, ["simulate", "--scenario", str(FIXTURES / "scenarios" / "bad-priority.yaml")]
    )
    assert bad.exit_code == 3  # a bad scenario
    assert "bad-priority.yaml" in bad.output
    assert "Traceback" not in bad.output


def test_documented_summary_keys(tmp_path: Path) -> None:
    text = (Path(__file__).parents[1] / "docs" / "simulation-json.md").read_text("utf-8")
    result = CliRunner().invoke(
        app, ["simulate", "--years", "1", "--format", "json", "--scenario", "proposal-500"]
    )
    doc = json.loads(result.output)
    for key in (
        "schema_version",
        "dataset",
        "mode",
        "replications",
        "seed",
        "months",
        "calibration",
        "durations_months",
        "metrics",
        "scenarios",
    ):
        assert key in doc
        assert f"`{key}`" in text, key
    for metric in doc["metrics"]:
        assert f"`{metric}`" in text or metric.split("_")[0] + "_" in text, metric


def _scenario(changes: dict[str, Any]) -> Any:
    from polku.simulation.scenario import Scenario

    return Scenario("test", changes=changes)


def test_runs_share_random_numbers_until_they_differ(calibration: Any) -> None:
    from polku.simulation.engine import run

    net = calibration.network.with_months(24)
    later = net.with_places("rehabilitative_work", 1000.0, from_month=12)
    a = run(net, mode="stochastic", replications=50, seed=4)
    b = run(later, mode="stochastic", replications=50, seed=4)
    assert np.array_equal(a.u_by_bin[:, :12], b.u_by_bin[:, :12])  # identical before the change
    assert not np.array_equal(a.u_by_bin[:, 12:], b.u_by_bin[:, 12:])
    x, y = a.u_by_bin[:, 12].sum(axis=1), b.u_by_bin[:, 12].sum(axis=1)
    assert np.corrcoef(x, y)[0, 1] > 0.5  # and still paired the month the change starts


def test_counts_stay_whole_in_the_stochastic_mode(calibration: Any) -> None:
    from polku.simulation.engine import run

    traj = run(calibration.network.with_months(12), mode="stochastic", replications=20, seed=1)
    for state in (traj.final_u, traj.final_q, traj.final_m):
        assert np.array_equal(state, np.round(state))


def test_everyone_past_300_days_has_a_segment(calibration: Any) -> None:
    from polku.simulation.engine import run

    net = calibration.network.with_months(36)
    for mode in ("expected", "stochastic"):
        traj = run(net, mode=mode, replications=10, seed=2)
        assert traj.final_u[:, net.segment_bin :, 0].sum() == pytest.approx(0.0, abs=1e-6)
        assert traj.final_q[:, :, :, 1:, 0].sum() == pytest.approx(0.0, abs=1e-6)


def test_a_funding_cut_keeps_other_place_changes(calibration: Any) -> None:
    from polku.rules import load_rules
    from polku.simulation.money import prices
    from polku.simulation.scenario import apply

    net = calibration.network
    p = prices(default_region(), load_rules(), net)
    base = float(net.measures[0].places[0])
    changed, new_prices, _ = apply(
        _scenario(
            {
                "places": {"pay_subsidy": {"add": 100, "from_month": 12}},
                "funding_cut": {"pay_subsidies": 35, "maintenance_compensation": 50},
                "from_month": 6,
            }
        ),
        net,
        p,
    )
    places = changed.measures[0].places
    keep = 1 - 0.35 * p.pay_subsidy_shares["association"]
    assert places[0] == pytest.approx(base)
    assert places[6] == pytest.approx(base * keep)
    assert places[12] == pytest.approx((base + 100) * keep)
    shares = new_prices.association_ps_share
    assert shares is not None
    assert shares[0] == pytest.approx(p.pay_subsidy_shares["association"])
    assert shares[6] < shares[0]


def test_waiting_list_follows_the_places() -> None:
    from polku.simulation.engine import run
    from tiny_network import tiny_network

    net = tiny_network(
        months=24,
        inflow=200,
        hazard=0.05,
        route=1.0,
        places=40,
        mean_months=3,
        waiting=0.5,
        mode="pull",
    )
    for places in (40.0, 80.0):
        traj = run(net.with_places("m", places))
        assert traj.queue[0, -1].sum() == pytest.approx(0.5 * places, rel=1e-6)


def test_a_kept_calibration_gives_the_same_results_at_any_horizon() -> None:
    from polku.simulation.calibrate import build
    from polku.simulation.results import summary

    region = default_region()
    kept = build(region)  # 60 months, as the web app keeps it
    scenarios = [find_scenario("proposal-500")]
    for months in (24, 84):
        fresh = summary(simulate(region, scenarios, settings=Settings(months=months)))
        reused = summary(
            simulate(region, scenarios, settings=Settings(months=months), calibration=kept)
        )
        assert reused == fresh


def test_scenarios_given_as_data_are_checked_like_files() -> None:
    from polku.simulation.scenario import scenario_from_data

    ok = scenario_from_data({"name": "web", "changes": {"rules_date": "2025-06-01"}}, "web")
    assert ok.changes["rules_date"].isoformat() == "2025-06-01"
    with pytest.raises(ScenarioError) as caught:
        scenario_from_data({"name": "", "changes": {"rules_date": "soon", "x": 1}}, "web")
    columns = {f.column for f in caught.value.findings}
    assert {"name", "changes.rules_date", "changes.x"} <= columns
