"""Dated rules: values by date, provenance, and clear errors for broken rule files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from polku.errors import RuleError
from polku.rules import load_rules

RULES = load_rules()


def test_municipal_share_2006_to_2014() -> None:
    scale = RULES.at("2010-06-01").scale("municipal_share.rates")
    assert [scale.rate_pct(d) for d in (100, 499, 500, 501, 2000)] == [0, 0, 0, 50, 50]


def test_municipal_share_2015_to_2024() -> None:
    rules = RULES.at("2016-07-01")
    scale = rules.scale("municipal_share.rates")
    assert [scale.rate_pct(d) for d in (299, 300, 301, 999, 1000, 1001)] == [0, 0, 50, 50, 50, 70]
    assert rules.flag("municipal_share.counts_service_days") is False
    assert rules.flag("municipal_share.applies_during_services") is False
    assert RULES.at("2024-12-31").scale("municipal_share.rates") == scale


def test_reform_2025_steps_as_the_law_gives_them() -> None:
    rules = RULES.at("2025-01-01")
    scale = rules.scale("municipal_share.rates")  # the labour market subsidy (TTL 14:3 a)
    days = (100, 101, 200, 201, 300, 301, 400, 401, 700, 701, 2000)
    assert [scale.rate_pct(d) for d in days] == [0, 10, 10, 20, 20, 30, 30, 40, 40, 50, 50]
    allowance = rules.scale("municipal_share.rates_daily_allowance")  # TTL 14:3 b, 555/1998
    assert [allowance.rate_pct(d) for d in days] == [0, 10, 10, 20, 20, 30, 30, 40, 40, 40, 40]
    assert rules.flag("municipal_share.counts_service_days") is True
    assert rules.flag("municipal_share.applies_during_services") is True
    assert rules.get("municipal_share.rates").verified
    assert "385/2023" in rules.get("municipal_share.rates").entry.reference
    # before 2025 the basic allowance had no municipal share
    assert RULES.at("2024-12-31").scale("municipal_share.rates_daily_allowance").rate_pct(900) == 0


def test_yleistuki_takes_effect_on_1_may_2026() -> None:
    assert RULES.at("2026-04-30").flag("municipal_share.general_benefit") is False
    assert RULES.at("2026-05-01").flag("municipal_share.general_benefit") is True


def test_every_month_2015_to_2026_has_every_rule_or_a_named_gap() -> None:
    """Every parameter has a value each month 2015-2026, or an entry that says it is not
    entered (a dated gap that stops with a clear message when used); the money the
    simulation and the bill need is never a gap."""
    needed = (
        "labour_market_subsidy.full_daily_rate",
        "municipal_share.rates",
        "municipal_share.rates_daily_allowance",
        "municipal_share.applies_during_services",
        "municipal_share.general_benefit",
        "services.expense_allowance_per_day",
        "services.rehabilitative_work_state_compensation_per_day",
    )
    for year in range(2015, 2027):
        for month in range(1, 13):
            day = dt.date(year, month, 1)
            rules = RULES.at(day)
            for name, parameter in RULES.parameters.items():
                if name in needed or name in rules.values:
                    rules.get(name)  # raises RuleError when a value is missing
                else:
                    entry = parameter.entry_at(day)
                    assert entry is not None, name
                    assert entry.value is None, name
                    assert entry.note, name


@pytest.mark.parametrize(
    ("day", "rate"), [("2015-06-01", 32.80), ("2016-01-01", 32.68), ("2017-12-31", 32.40)]
)
def test_daily_rate_by_year(day: str, rate: float) -> None:
    value = RULES.at(day).get("labour_market_subsidy.full_daily_rate")
    assert value.value == rate
    assert value.verified
    assert value.parameter.unit == "eur_per_day"
    assert value.entry.reference


def test_allowance_and_compensation() -> None:
    rules = RULES.at(dt.date(2016, 12, 1))
    assert rules.number("services.expense_allowance_per_day") == 9.0
    assert rules.number("services.rehabilitative_work_state_compensation_per_day") == 10.09


def test_value_not_known_for_a_date_is_a_clear_error() -> None:
    with pytest.raises(RuleError) as info:
        RULES.at("2010-01-01").number("labour_market_subsidy.full_daily_rate")
    assert "has no value on 2010-01-01" in str(info.value)
    with pytest.raises(RuleError, match="no value on 2000-01-01"):
        RULES.at("2000-01-01").scale("municipal_share.rates")


def test_unknown_parameter_names_the_known_ones() -> None:
    with pytest.raises(RuleError, match=r"municipal_share\.rates"):
        RULES.parameter("municipal_share.rate")


def test_every_parameter_is_documented() -> None:
    for parameter in RULES.parameters.values():
        assert parameter.description
        assert parameter.description_fi
        assert parameter.reference
        for entry in parameter.history:
            assert entry.reference
            assert entry.verified or entry.note, f"{parameter.name} {entry.start}: say why"


@pytest.mark.parametrize(
    ("name", "code", "line", "column"),
    [
        ("malformed", "rule_yaml", 4, None),
        ("duplicate", "rule_yaml", 9, None),
        ("unknown-key", "rule_key_unknown", 7, "rate.refrence"),
        ("missing-reference", "rule_key_missing", 1, "rate"),
        ("bad-date", "rule_date", 8, "rate.values.1.1.2015"),
        ("bad-scale", "rule_scale", 11, "rate.values.2015-01-01.2"),
        ("wrong-type", "rule_value_type", 8, "rate.values.2015-01-01"),
        ("bad-unit", "rule_value_type", 4, "rate.unit"),
    ],
)
def test_broken_rule_file(
    tmp_path: Path, name: str, code: str, line: int, column: str | None
) -> None:
    shutil.copyfile(FIXTURES / "rules" / f"{name}.yaml", tmp_path / "rate.yaml")
    with pytest.raises(RuleError) as info:
        load_rules(tmp_path)
    (finding,) = info.value.findings
    assert (finding.code, finding.file, finding.row) == (code, "rate.yaml", line)
    if column is not None:
        assert finding.column == column
    assert "rate.yaml" in str(info.value)
    assert finding.what("fi")
    assert finding.expected("fi")


def test_missing_rules_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="not found"):
        load_rules(tmp_path / "nowhere")


def test_polku_rules_answers_every_month_2015_to_2026() -> None:
    from typer.testing import CliRunner

    from polku.cli import app

    runner = CliRunner()
    for year in range(2015, 2027):
        for month in range(1, 13):
            day = f"{year}-{month:02d}-01"
            result = runner.invoke(app, ["rules", "--date", day, "--lang", "en"])
            assert result.exit_code == 0, (day, result.output)
            assert "municipal_share.rates" in result.output
