"""``polku producers``, the report's producer section and its workbook sheets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from polku import default_region
from polku.cli import app
from polku.producers.run import analyse_producers
from polku.report import build_report, write_xlsx
from polku.report.xlsx import sheet_names


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, ["producers", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def doc() -> dict[str, object]:
    out = _run("--format", "json", "--scenario", "pay-subsidy-cut-35", "--scenario", "market-path")
    loaded: dict[str, object] = json.loads(out)
    return loaded


def test_json_has_every_part(doc: dict[str, object]) -> None:
    assert set(doc) >= {
        "finances",
        "health",
        "stress",
        "funding_models",
        "market_path",
        "pooling",
        "areas",
        "inputs",
    }
    health = doc["health"]
    assert isinstance(health, dict)
    assert set(health) == {"baseline", "pay-subsidy-cut-35", "market-path"}


def test_the_35_percent_pay_subsidy_cut_puts_the_associations_in_deficit(
    doc: dict[str, object],
) -> None:
    health = doc["health"]
    assert isinstance(health, dict)
    base = health["baseline"]["producers"][0]
    cut = health["pay-subsidy-cut-35"]
    # the associations spend what they receive in the data (S13: input per client x
    # clients = income), so next year's baseline is as likely a deficit as a surplus:
    # the band has a real width (project money and sales vary from year to year) ...
    assert base["next_year_mean"] == pytest.approx(8.1e6, rel=0.02)
    assert base["next_year_p5"] < base["next_year_mean"] < base["next_year_p95"]
    assert base["next_year_p95"] - base["next_year_p5"] > 0.05 * base["next_year_mean"]
    assert 0.2 < base["deficit_probability"] < 0.8
    # ... and 35 % less pay-subsidy income from month 1 is a deficit in almost every year
    assert cut["income_change"]["pay_subsidies"] == pytest.approx(-0.35 * 11 / 12, abs=0.01)
    assert cut["producers"][0]["deficit_probability"] > 0.95
    market = health["market-path"]
    assert market["income_change"]["employment_grants"] == -1.0
    assert market["income_change"]["state_grants"] == -1.0


def test_same_seed_same_figures() -> None:
    region = default_region()
    a = analyse_producers(region, seed=5)
    b = analyse_producers(region, seed=5)
    assert a.models == b.models
    assert a.runs == b.runs


def test_tables_in_finnish_and_english() -> None:
    fi = _run("--lang", "fi")
    en = _run("--lang", "en")
    assert "Stressitesti" in fi
    assert "palveluseteli" in fi
    assert "Stress test" in en
    assert "service voucher" in en


def test_csv_is_flat_keys_and_values() -> None:
    out = _run("--format", "csv")
    lines = out.splitlines()
    assert lines[0] == "key,value"
    keys = {line.split(",", 1)[0] for line in lines[1:]}
    assert "stress.rows.0.lost" in keys
    assert "areas.threshold_clients" in keys


def test_a_bad_scenario_switch_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nchanges:\n  market_path: 3\n", "utf-8")
    result = CliRunner().invoke(app, ["producers", "--scenario", str(bad), "--lang", "en"])
    assert result.exit_code != 0
    assert "market_path" in result.output
    assert "true or false" in result.output


def test_report_section_and_workbook_in_both_languages(tmp_path: Path) -> None:
    region = default_region()
    producers = analyse_producers(region)
    for lang, title in (("fi", "Järjestöjen rahoituspohja"), ("en", "funding base")):
        report = build_report(region, lang, producers=producers)  # type: ignore[arg-type]
        (section,) = [s for s in report.sections if s.id == "s7"]
        assert title in section.title
        ids = {getattr(i, "id", "") for i in section.items}
        assert {"t_prod_finances", "f_prod_stress", "t_prod_models", "t_prod_areas"} <= ids
        book = load_workbook(write_xlsx(report, tmp_path / f"{lang}.xlsx"))
        names = sheet_names(report)
        producer_sheets = [names[t] for t in names if t.startswith("t_prod_")]
        assert producer_sheets
        assert set(producer_sheets) <= set(book.sheetnames)


def test_a_misspelt_scenario_or_assumption_gets_a_helpful_message(tmp_path: Path) -> None:
    missing = CliRunner().invoke(app, ["producers", "--scenario", "pay-subsidy-cut35"])
    assert missing.exit_code == 3  # a bad scenario
    assert "pay-subsidy-cut-35" in missing.output  # the shipped ones are listed
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: x\nchanges: [\n", "utf-8")
    bad_yaml = CliRunner().invoke(app, ["producers", "--scenario", str(broken), "--lang", "en"])
    assert "scenario file is not valid YAML" in bad_yaml.output
    typo = CliRunner().invoke(app, ["producers", "--set", "producers.cost_adjustmen_pct=3"])
    assert typo.exit_code == 3
    assert "did you mean producers.cost_adjustment_pct" in typo.output


def test_a_dataset_the_simulation_cannot_carry_still_gets_its_report(tmp_path: Path) -> None:
    from polku.data.writer import write_region
    from small_region import small_region

    region = small_region()
    report = build_report(region, "fi")
    (section,) = [s for s in report.sections if s.id == "s7"]
    assert section.items == []
    assert section.paragraphs[0].startswith("Ei laskettu tälle aineistolle: ")
    folder = write_region(region, tmp_path / "small")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", str(folder), "--lang", "en", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Not computed for this dataset" in out.read_text("utf-8")
    refused = CliRunner().invoke(app, ["producers", str(folder), "--lang", "en"])
    assert refused.exit_code == 1  # the data lack what the analysis needs
    assert "measure_periods.csv" in refused.output
