"""Scenario files a careless user or a hostile one would write: each is refused with its
file, line and key (issue 16, item 6), and nothing invalid reaches summary.json."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from polku.cli import run
from polku.errors import ScenarioError
from polku.simulation.results import summary, summary_json
from polku.simulation.runner import Settings, simulate
from polku.simulation.scenario import load_scenario, scenario_from_data
from polku.simulation.scenario_checks import check_horizons, check_names

PLACES = "  places: {rehabilitative_work: {add: 50}}\n"


def _file(tmp_path: Path, body: str, name: str = "s") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def _refused(path: Path) -> list[Any]:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return info.value.findings


def _at(findings: list[Any], column: str) -> Any:
    hits = [f for f in findings if f.column == column]
    assert hits, [f.describe() for f in findings]
    return hits[0]


@pytest.mark.parametrize(
    ("body", "column", "line", "expected"),
    [
        ("name: baseline\n", "name", 1, "reserved"),
        ("name: Baseline\n", "name", 1, "reserved"),
        ("name: a\nchanges:\n  months: 12.5\n", "changes.months", 3, "whole number"),
        ("name: a\nchanges:\n  from_month: 2.5\n", "changes.from_month", 3, "whole number"),
        (
            "name: a\nchanges:\n  places: {rehabilitative_work: {add: 5, from_month: 1.5}}\n",
            "changes.places.rehabilitative_work.from_month",
            3,
            "whole number",
        ),
        ("name: a\nchanges:\n  months: 12\n  from_month: 12\n", "changes.from_month", 4, "horizon"),
        (
            "name: a\nchanges:\n  months: 24\n  places: {pay_subsidy: {add: 5, from_month: 30}}\n",
            "changes.places.pay_subsidy.from_month",
            4,
            "horizon",
        ),
        ("name: a\nchanges:\n  months: 601\n", "changes.months", 3, "to 600"),
        (
            "name: a\nchanges:\n  segment_shares: {green: 100, yellow: 100, red: 100}\n",
            "changes.segment_shares",
            3,
            "sum to 100",
        ),
        (
            f"name: a\nchanges:\n{PLACES}  price: {{per_week: .inf}}\n",
            "changes.price.per_week",
            4,
            "finite",
        ),
        (
            f"name: a\nchanges:\n{PLACES}  price: {{per_day: .nan}}\n",
            "changes.price.per_day",
            4,
            "finite",
        ),
        ("name: a\nchanges:\n  inflow_factor: -.inf\n", "changes.inflow_factor", 3, "finite"),
        (
            "name: a\nchanges:\n  assumptions: {sim.abandon_pct: .inf}\n",
            "changes.assumptions.sim.abandon_pct",
            3,
            "finite",
        ),
        (
            "name: a\nchanges:\n  outcomes:\n    education: {open_market: .nan, unknown: 100}\n",
            "changes.outcomes.education.open_market",
            4,
            "finite",
        ),
        ("name: a\ndescription: .inf\n", "description", 2, "finite"),
        ("name: a\nchanges:\n  inflow_factor: true\n", "changes.inflow_factor", 3, "a number"),
        ("name: a\nchanges:\n  months: yes\n", "changes.months", 3, "a number"),
        (
            "name: a\nchanges:\n  places: {pay_subsidy: {set: -5}}\n",
            "changes.places.pay_subsidy.set",
            3,
            "from 0",
        ),
        (
            "name: a\nchanges:\n  segment_shares: {green: -10, yellow: 60, red: 50}\n",
            "changes.segment_shares.green",
            3,
            "from 0",
        ),
        (
            "name: a\nchanges:\n  rules_date: 2025-01-01 10:00:00\n",
            "changes.rules_date",
            3,
            "without a time",
        ),
    ],
)
def test_a_bad_scenario_is_refused_with_file_line_and_key(
    tmp_path: Path, body: str, column: str, line: int, expected: str
) -> None:
    finding = _at(_refused(_file(tmp_path, body, "bad")), column)
    assert finding.row == line
    assert finding.file == "bad.yaml"
    assert expected in finding.expected()


def test_an_invalid_date_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    findings = _refused(_file(tmp_path, "name: a\nchanges:\n  rules_date: 2025-13-01\n"))
    assert findings[0].row == 3
    with pytest.raises(ScenarioError) as info:  # the same date as a string (web API)
        scenario_from_data({"name": "a", "changes": {"rules_date": "2025-13-01"}}, "web")
    assert _at(info.value.findings, "changes.rules_date").expected().startswith("a date")


def test_one_finding_per_key_and_every_key_reported(tmp_path: Path) -> None:
    body = f"name: baseline\nchanges:\n{PLACES}  price: {{per_week: .inf}}\n  months: 0.5\n"
    findings = _refused(_file(tmp_path, body))
    columns = [f.column for f in findings]
    assert sorted(columns) == ["changes.months", "changes.price.per_week", "name"]


def test_whole_months_given_as_floats_are_kept(tmp_path: Path) -> None:
    scenario = load_scenario(_file(tmp_path, "name: a\nchanges:\n  months: 24.0\n"))
    assert scenario.months == 24


def test_two_scenarios_with_one_name_are_refused(tmp_path: Path) -> None:
    first = load_scenario(_file(tmp_path, "name: twin\n", "first"))
    second = load_scenario(_file(tmp_path, "title: other\nname: twin\n", "second"))
    with pytest.raises(ScenarioError) as info:
        check_names([first, second])
    finding = _at(info.value.findings, "name")
    assert (finding.file, finding.row) == ("second.yaml", 2)
    assert "first.yaml" in finding.expected()
    with pytest.raises(ScenarioError):  # simulate refuses before it calibrates
        simulate(None, [first, second])  # type: ignore[arg-type]


def test_a_start_beyond_the_run_s_horizon_is_refused(tmp_path: Path) -> None:
    late = load_scenario(_file(tmp_path, "name: late\nchanges:\n  from_month: 70\n"))
    with pytest.raises(ScenarioError) as info:
        check_horizons([late], 60)
    finding = _at(info.value.findings, "changes.from_month")
    assert (finding.file, finding.row) == ("s.yaml", 3)
    assert "60 months" in finding.expected()
    check_horizons([late], 72)  # inside a longer run
    own = load_scenario(_file(tmp_path, "name: own\nchanges:\n  months: 80\n  from_month: 70\n"))
    check_horizons([own], 60)  # it runs for its own 80 months


def test_cli_exit_code_3_for_bad_scenarios(tmp_path: Path) -> None:
    bad = _file(tmp_path, f"name: a\nchanges:\n{PLACES}  price: {{per_week: .inf}}\n")
    assert run(["simulate", "--scenario", str(bad), "--mode", "expected", "--years", "1"]) == 3
    twin = _file(tmp_path, "name: proposal-500\n", "twin")
    args = ["simulate", "--scenario", "proposal-500", "--scenario", str(twin), "--years", "1"]
    assert run(args) == 3
    reserved = _file(tmp_path, "name: baseline\n", "reserved")
    assert run(["simulate", "--scenario", str(reserved), "--years", "1"]) == 3


def _no_constants(text: str) -> None:
    def refuse(name: str) -> float:
        raise AssertionError(f"{name} in the JSON")

    json.loads(text, parse_constant=refuse)


def test_summary_json_is_always_valid_json(calibration: Any) -> None:
    from polku import default_region

    changes = {"places": {"rehabilitative_work": {"add": 50}}, "price": {"per_week": 30}}
    price = scenario_from_data({"name": "p", "changes": changes})
    sim = simulate(default_region(), [price], settings=Settings(months=12), calibration=calibration)
    _no_constants(summary_json(summary(sim)))
    with pytest.raises(ValueError, match="JSON"):
        summary_json({"x": math.inf})
    with pytest.raises(ValueError, match="JSON"):
        summary_json({"x": [math.nan]})
