"""polku optimise: the search finds a hand-worked optimum, keeps its constraints, returns
a non-dominated front, reproduces from its seed, and the command answers a planner."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from polku import default_region
from polku.cli import app
from polku.cli.common import console
from polku.optimise import (
    Evaluation,
    Evaluator,
    Objective,
    Problem,
    Variable,
    non_dominated,
    optimise,
    search,
)

BUDGET = 50.0


def _known(mixes: list[dict[str, Any]]) -> list[Evaluation]:
    """One measure of ``x`` places: a linear cost ``x`` and a concave benefit
    ``12 sqrt(x)``; their difference is largest at x = 36 (12 / (2 sqrt x) = 1)."""
    out = []
    for mix in mixes:
        x = float(mix["places.rehabilitative_work"])
        values = {
            "net": 12 * math.sqrt(x) - x,
            "cost": x,
            "benefit": 12 * math.sqrt(x),
        }
        objectives = {k: {"mean": v, "p5": v, "p95": v} for k, v in values.items()}
        out.append(Evaluation(mix, {}, objectives, x, 0.0, x <= BUDGET))
    return out


def _problem(*objectives: Objective, trials: int = 240) -> Problem:
    return Problem(
        (Variable("places.rehabilitative_work", 0, 100, 1),),
        objectives,
        "organiser",
        BUDGET,
        trials=trials,
        seed=5,
    )


def _violation(e: Evaluation) -> tuple[float, ...]:
    return ((e.added_cost or 0.0) - BUDGET,)


def test_the_search_finds_the_hand_worked_optimum() -> None:
    problem = _problem(Objective("net", "max"))
    found = search(problem, _known, _violation)
    best = max(found, key=lambda e: e.objectives["net"]["mean"])
    assert best.mix["places.rehabilitative_work"] == 36
    assert best.objectives["net"]["mean"] == pytest.approx(36.0)


def test_the_front_is_the_trade_off_within_the_budget() -> None:
    problem = _problem(Objective("cost", "min"), Objective("benefit", "max"))
    found = search(problem, _known, _violation)
    front = non_dominated(found, problem)
    places = [int(e.mix["places.rehabilitative_work"]) for e in front]
    assert all(e.feasible and e.added_cost is not None for e in found)
    assert max(places) == BUDGET  # the most benefit the budget allows, known by hand
    assert min(places) == 0  # and the cheapest
    assert len(places) >= 20  # a spread of the trade-off, not a point
    for a in front:  # nobody on the front is beaten on both objectives
        for b in front:
            better = (
                b.objectives["cost"]["mean"] <= a.objectives["cost"]["mean"]
                and b.objectives["benefit"]["mean"] >= a.objectives["benefit"]["mean"]
            )
            strictly = (
                b.objectives["cost"]["mean"] < a.objectives["cost"]["mean"]
                or b.objectives["benefit"]["mean"] > a.objectives["benefit"]["mean"]
            )
            assert not (better and strictly)


def test_the_region_search_keeps_the_budget_and_reproduces() -> None:
    region = default_region()
    problem = Problem(
        (
            Variable("places.rehabilitative_work", 0, 1000, 50),
            Variable("places.work_trial", 0, 200, 20),
        ),
        (Objective("long_term", "min"), Objective("npv_public", "max")),
        "organiser",
        500_000.0,
        trials=48,
        seed=2,
    )
    first = optimise(Evaluator(region, problem), replications=20)
    again = optimise(Evaluator(region, problem), replications=20)
    assert first.to_dict() == again.to_dict()
    assert first.front
    for e in first.front + first.best:
        assert e.added_cost is not None
        assert e.added_cost <= 500_000.0 + 1e-6
    for e in first.best:  # confirmed with bands
        band = e.objectives["long_term"]
        assert band["p5"] < band["p95"]


def test_polku_optimise_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "width", 220)
    runner = CliRunner()
    out = tmp_path / "opt"
    args = ["optimise", "--trials", "48", "--replications", "20", "--seed", "3"]
    result = runner.invoke(app, [*args, "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["seed"] == 3
    assert doc["evaluations"] >= 48
    assert doc["front"]
    assert set(doc["front"][0]) >= {"changes", "objectives", "bands"}
    assert doc["budget"]["payer"] == "organiser"
    assert doc["budget"]["eur_per_year"] > 0  # the dataset's purchases
    assert sorted(p.name for p in out.iterdir()) == [
        "front.json",
        "trade-off-en.svg",
        "trade-off-fi.svg",
    ]
    assert "Mihin seuraava euro menee" in (out / "trade-off-fi.svg").read_text("utf-8")
    table = runner.invoke(app, [*args, "--lang", "fi"])
    assert table.exit_code == 0, table.output
    assert "Viisi tasapainoisinta yhdistelmää" in table.stdout
    assert "Aineiston ehdotus vertailuksi" in table.stdout


def test_a_bad_problem_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "problem.yaml"
    bad.write_text(
        "variables:\n  places.dancing: {low: 0, high: 5}\nobjectives: {long_term: min}\n"
    )
    result = CliRunner().invoke(app, ["optimise", "--problem", str(bad), "--trials", "4"])
    assert result.exit_code != 0
    assert "problem.yaml" in result.output
    assert "places.dancing" in result.output
    assert "Traceback" not in result.output


def test_the_report_answers_in_its_own_section() -> None:
    from polku.optimise import optimise_region
    from polku.report import build_report, render_html

    region = default_region()
    done = optimise_region(region, trials=48, replications=20, seed=4)
    report = build_report(region, "fi", optimised=done)
    section = report.sections[-2]  # before the appendix
    assert section.title == "8 Mihin seuraava euro menee"
    figure = next(i for i in section.items if getattr(i, "id", "") == "f_optimise")
    assert figure.spec["layer"][2]["mark"]["type"] == "point"
    best = next(t for t in report.tables() if t.id == "t_optimise")
    assert len(best.rows) == len(done.answer.best) + 1  # and the proposal
    assert best.rows[-1][1] == "Aineiston ehdotus"
    assert any(p.startswith("1. +") for p in section.paragraphs)  # a sentence a mix
    html = render_html(report)
    assert "Mihin seuraava euro menee" in html
    assert "default" not in " ".join(best.sources)


def test_the_opening_month_is_searched_when_asked(tmp_path: Path) -> None:
    spec = tmp_path / "problem.yaml"
    spec.write_text(
        "variables:\n"
        "  places.work_trial: {low: 100, high: 100, step: 10}\n"
        "  start.work_trial: {low: 1, high: 25, step: 12}\n"
        "objectives: {long_term: min, npv_public: max}\n"
        "trials: 24\n",
        encoding="utf-8",
    )
    from polku.optimise import load_problem, sentence

    problem = load_problem(spec, ("long_term",))
    assert problem.changes({"places.work_trial": 100, "start.work_trial": 13}) == {
        "places": {"work_trial": {"add": 100, "from_month": 13}}
    }
    evaluator = Evaluator(default_region(), problem)
    early, late = evaluator.evaluate(
        [
            {"places.work_trial": 100, "start.work_trial": 1},
            {"places.work_trial": 100, "start.work_trial": 25},
        ]
    )
    # places that open two years later do less over the horizon
    assert early.objectives["long_term"]["mean"] < late.objectives["long_term"]["mean"]
    assert "from month 25" in sentence(late, problem, "en")


def test_the_producers_deficit_risk_is_an_objective(tmp_path: Path) -> None:
    from polku.optimise import load_problem, sentence
    from polku.producers.next_year import deficit_risk
    from polku.producers.run import analyse_producers
    from polku.simulation.runner import Settings, find_scenario, simulate

    region = default_region()
    scenario = find_scenario("pay-subsidy-cut-35", region)
    sim = simulate(
        region, [scenario], settings=Settings(mode="stochastic", replications=60, seed=5)
    )
    risk = deficit_risk(region, sim)
    producers = analyse_producers(region, [scenario], simulation=sim)
    for run in producers.runs:  # the producers' page and the optimiser say the same
        worst = max(h.deficit_probability or 0.0 for h in run.health)
        assert risk[run.scenario] == pytest.approx(worst)
    assert risk[scenario.name] > risk["baseline"]  # a cut of their income raises the risk

    spec = tmp_path / "problem.yaml"
    spec.write_text(
        "variables:\n  places.pay_subsidy: {low: 0, high: 200, step: 50}\n"
        "objectives: {long_term: min, deficit_probability: min}\n"
        "trials: 24\nrisk_replications: 40\n",
        encoding="utf-8",
    )
    problem = load_problem(spec, ("long_term",))
    evaluator = Evaluator(region, problem)
    once, twice = (evaluator.evaluate([{"places.pay_subsidy": 100}])[0] for _ in range(2))
    assert once.objectives == twice.objectives  # one seed: the same draws every time
    assert 0.0 <= once.objectives["deficit_probability"]["mean"] <= 1.0
    assert "risk of a deficit next year" in sentence(once, problem, "en")


def test_the_producers_capacity_bounds_the_places_of_all_measures(tmp_path: Path) -> None:
    from polku.optimise import load_problem, run_search

    spec = tmp_path / "problem.yaml"
    spec.write_text(
        "variables:\n"
        "  places.rehabilitative_work: {low: 0, high: 600, step: 50}\n"
        "  places.work_trial: {low: 0, high: 200, step: 50}\n"
        "objectives: {long_term: min, npv_public: max}\n"
        "constraints: {capacity: 300}\n"
        "trials: 48\n",
        encoding="utf-8",
    )
    problem = load_problem(spec, ("long_term",))
    assert problem.capacity == 300
    found = run_search(Evaluator(default_region(), problem))
    assert found
    for e in found:
        assert problem.places(e.mix) <= 300
    assert max(problem.places(e.mix) for e in found) == 300  # the limit is reached
