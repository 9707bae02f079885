"""The cost-benefit account: hand-worked cases, its link to the yearly money, the CLI."""

from __future__ import annotations

import numpy as np
import pytest
from typer.testing import CliRunner

from polku import default_region
from polku.assumptions import Assumptions
from polku.cli import app
from polku.cli.common import console
from polku.simulation.cba import cost_benefit, discount
from polku.simulation.money import PAYERS
from polku.simulation.results import summary
from polku.simulation.runner import Settings, find_scenario, simulate

FLAT = Assumptions({"cba.discount_rate_pct": 0.0, "cba.optimism_bias_pct": 0.0})


def _payers(months: int, **monthly: list[float] | float) -> np.ndarray:
    out = np.zeros((1, months, len(PAYERS)))
    for payer, values in monthly.items():
        out[0, :, PAYERS.index(payer)] = values
    return out


def _account(scenario: np.ndarray, a: Assumptions = FLAT) -> dict[str, object]:
    months = scenario.shape[1]
    income = np.zeros((1, months, 1))
    return cost_benefit(_payers(months), scenario, income, income, a).to_dict()


def test_a_purchase_that_saves_the_municipalities_more_than_it_costs() -> None:
    # the organiser pays 100 a month more, the municipal share falls by 150: 12 months
    doc = _account(_payers(12, organiser=100.0, municipal_share=-150.0))
    npv = doc["npv"]
    assert npv["organiser"]["mean"] == -1200
    assert npv["municipal_share"]["mean"] == 1800
    assert npv["public"]["mean"] == 600
    assert doc["bcr"]["mean"] == 1.5
    assert doc["payback"]["month_p50"] == 1


def test_payback_and_optimism_bias_on_a_cost_first() -> None:
    net = [100.0] * 6 + [-150.0] * 6  # the organiser pays first, then saves
    doc = _account(_payers(12, organiser=net))
    assert doc["payback"]["month_p50"] == 10  # -600 + 4 x 150 = 0
    biased = _account(
        _payers(12, organiser=net),
        Assumptions({"cba.discount_rate_pct": 0.0, "cba.optimism_bias_pct": 10.0}),
    )
    assert biased["bias_pv"]["mean"] == pytest.approx(60)
    assert biased["payback"]["month_p50"] == 11  # -660 + 5 x 150 > 0
    assert biased["npv"]["public"]["mean"] == pytest.approx(300 - 60)
    assert biased["npv"]["organiser"]["mean"] == 300  # unadjusted


def test_a_transfer_between_payers_is_neutral() -> None:
    a = Assumptions({"cba.optimism_bias_pct": 25.0})
    doc = _account(_payers(24, state=-500.0, municipal_share=500.0), a)
    assert doc["npv"]["public"]["mean"] == pytest.approx(0)
    assert doc["bias_pv"]["mean"] == 0
    assert doc["bcr"]["mean"] == pytest.approx(1.0)
    assert doc["payback"]["month_p50"] == 1


def test_discounting_is_yearly_compounding_by_month() -> None:
    factors = discount(24, 3.5)
    assert factors[11] == pytest.approx(1 / 1.035)
    assert factors[23] == pytest.approx(1 / 1.035**2)
    assert np.all(np.diff(factors) < 0)


def test_the_account_adds_up_to_the_simulations_yearly_money() -> None:
    """Undiscounted and unbiased, a payer's net saving over five years is five times the
    fall of its yearly money in the summary."""
    region = default_region()
    sim = simulate(
        region,
        [find_scenario("proposal-500", region)],
        settings=Settings(mode="expected", months=60),
        assumptions=FLAT,
    )
    doc = summary(sim)["scenarios"]["proposal-500"]
    cba = doc["cba"]
    for payer in ("state", "municipal_share", "organiser"):
        yearly = doc["difference"][f"cost_{payer}_per_year"]["mean"]
        assert cba["npv"][payer]["mean"] == pytest.approx(-5 * yearly, rel=1e-6)
    total = sum(cba["npv"][p]["mean"] for p in ("state", "municipal_share", "organiser"))
    assert cba["npv"]["public"]["mean"] == pytest.approx(total)
    assert cba["benefits_pv"]["mean"] - cba["costs_pv"]["mean"] == pytest.approx(total)
    income = doc["difference"]["income_total_per_year"]["mean"]
    assert cba["associations_income_pv"]["mean"] == pytest.approx(5 * income, rel=1e-6)


def test_stochastic_bands_and_the_default_assumptions() -> None:
    region = default_region()
    sim = simulate(
        region,
        [find_scenario("proposal-500", region)],
        settings=Settings(mode="stochastic", replications=60, seed=3, months=36),
    )
    cba = summary(sim)["scenarios"]["proposal-500"]["cba"]
    assert cba["discount_rate_pct"] == 3.5
    assert cba["optimism_bias_pct"] == 10.0
    for key in ("benefits_pv", "costs_pv"):
        assert cba[key]["p5"] < cba[key]["mean"] < cba[key]["p95"]
    assert 0 <= cba["payback"]["share_paid_back"] <= 1


def test_polku_simulate_prints_the_account(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "width", 200)
    result = CliRunner().invoke(
        app, ["simulate", "--scenario", "proposal-500", "--lang", "fi", "--years", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "kustannus-hyötylaskelma perusuraan verrattuna, 24 kuukautta" in result.stdout
    assert "Hyöty-kustannussuhde" in result.stdout
    english = CliRunner().invoke(
        app, ["simulate", "--scenario", "proposal-500", "--lang", "en", "--years", "2"]
    )
    assert "Benefit-cost ratio" in english.stdout


def test_the_baseline_table_is_headed_in_the_readers_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The baseline alone is headed by its title (Perusura), not by its internal key."""
    monkeypatch.setattr(console, "width", 200)
    result = CliRunner().invoke(app, ["simulate", "--lang", "fi", "--years", "1"])
    assert result.exit_code == 0, result.output
    first = next(line for line in result.stdout.splitlines() if line.strip())
    assert first.strip() == "Perusura"
    assert "baseline" not in result.stdout


def test_the_report_shows_the_account_of_each_scenario() -> None:
    from polku.i18n import fmt_number
    from polku.report import build_report

    region = default_region()
    scenarios = [find_scenario("proposal-500", region), find_scenario("rules-2025", region)]
    sim = simulate(region, scenarios, settings=Settings(mode="expected", months=60))
    cba = {n: summary(sim)["scenarios"][n]["cba"] for n in ("proposal-500", "rules-2025")}
    for lang, label in (("fi", "Hyöty-kustannussuhde"), ("en", "Benefit-cost ratio")):
        report = build_report(region, lang, simulation=sim)
        table = next(t for t in report.tables() if t.id == "t_cba")
        assert len(table.columns) == 3  # the item and each scenario
        rows = {r[0]: r[1:] for r in table.rows}
        assert label in rows
        public = next(k for k in rows if k.startswith(("Julkinen", "Public")))
        expected = [fmt_number(round(cba[n]["npv"]["public"]["mean"]), lang) for n in cba]
        assert rows[public] == expected
