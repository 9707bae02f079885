"""``polku analyse``: the documented JSON keys, overrides, and clear errors."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from polku.analysis import flatten
from polku.cli import app

ROOT = Path(__file__).parents[1]
REQUIRED = [
    "client_base.narrow",
    "client_base.broad",
    "segments.broad.green",
    "segments.broad.yellow",
    "segments.broad.red",
    "segments.narrow.green",
    "segments.narrow.yellow",
    "segments.narrow.red",
    "capacity_gap.rehabilitative_work.need",
    "capacity_gap.rehabilitative_work.available",
    "capacity_gap.rehabilitative_work.gap",
    "effectiveness.pay_subsidy.company.open_market_upper_bound",
    "funding.cost_per_client",
    "municipal_share.per_resident",
    "municipal_share.paid_fraction",
    "pricing.break_even_per_week",
    "inflow.monthly",
    "survival.1",
    "survival.3",
    "survival.6",
    "survival.12",
]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["analyse", *args])
    return result.exit_code, result.output


def _json(*args: str) -> dict[str, Any]:
    code, output = _run("--format", "json", *args)
    assert code == 0, output
    doc: dict[str, Any] = json.loads(output)
    return doc


def _get(doc: dict[str, Any], key: str) -> Any:
    value: Any = doc
    for part in key.split("."):
        value = value[part]
    return value


def test_json_has_the_required_keys() -> None:
    doc = _json()
    for key in REQUIRED:
        assert _get(doc, key) is not None, key
    assert _get(doc, "client_base.narrow") == 2500
    assert _get(doc, "effectiveness.pay_subsidy.company.open_market_upper_bound") == (
        pytest.approx(0.228, abs=5e-4)
    )


def test_every_documented_key_exists_and_every_key_is_documented() -> None:
    text = (ROOT / "docs" / "analysis-json.md").read_text("utf-8")
    documented = set(re.findall(r"^\| `([^`]+)` \|", text, flags=re.M))
    keys = {k for k, _ in flatten(_json())}
    patterns = [re.compile("^" + re.escape(d).replace(r"\*", r"[^.]+") + "$") for d in documented]
    undocumented = {k for k in keys if not any(p.match(k) for p in patterns)}
    assert not undocumented
    for pattern, key in zip(patterns, documented, strict=True):
        assert any(pattern.match(k) for k in keys), f"documented but missing: {key}"


def test_set_overrides_an_assumption() -> None:
    doc = _json(
        "--set", "client_base.broad_basis=service_lines", "--set", "client_base.rounding=100"
    )
    assert doc["client_base"]["broad"] == 4200  # 4185 to the nearest 100
    assert doc["assumptions"]["client_base.rounding"]["set_by_user"] is True
    cheaper = _json("--set", "pricing.organiser_cost_per_week=0")
    assert cheaper["pricing"]["break_even_per_week"] > _json()["pricing"]["break_even_per_week"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("client_base.rounding=abc", "expected a number"),
        ("client_base.rounding=-5", "at least 1"),
        ("client_base.narrow_basis=median", "one of: mean, benefit_days, service_lines"),
        ("no.such=1", "unknown assumption 'no.such'"),
        ("client_base.rounding", "expected NAME=VALUE"),
        ("municipal_share.rules_date=2016-13-01", "a date YYYY-MM-DD"),
    ],
)
def test_bad_set_values_are_refused_clearly(setting: str, message: str) -> None:
    code, output = _run("--set", setting)
    assert code == 3  # a bad option
    assert message in output
    assert "Traceback" not in output


def test_malformed_rules_folder(tmp_path: Path) -> None:
    shutil.copyfile(FIXTURES / "rules" / "bad-scale.yaml", tmp_path / "municipal_share.yaml")
    code, output = _run("--rules", str(tmp_path), "--lang", "en")
    assert code == 2
    assert "municipal_share.yaml, row 11" in output


def test_rules_without_a_needed_value(tmp_path: Path) -> None:
    code, output = _run("--set", "municipal_share.rules_date=2010-06-01")
    assert code == 2
    assert "labour_market_subsidy.full_daily_rate has no value on 2010-06-01" in output


def test_csv_output() -> None:
    code, output = _run("--format", "csv")
    assert code == 0
    rows = dict(csv.reader(io.StringIO(output)))
    assert rows["client_base.broad"] == "4500"
    assert "pricing.break_even_per_week" in rows


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_table_is_a_document_of_the_survey_figures(lang: str) -> None:
    from polku import default_region
    from polku.analysis import analyse
    from polku.cli.analyse_tables import survey_tables

    code, output = _run("--lang", lang)
    assert code == 0, output
    tables = survey_tables(default_region(), analyse(default_region()), lang)  # type: ignore[arg-type]
    flat = " ".join(output.split())
    for table in tables:  # every figure's table with its title, in the reader's language
        assert " ".join(table.caption.split()) in flat, table.caption
    figures = set(re.findall(r"\(S(\d+)", output))
    assert {"2", "3", "4", "5", "6", "7", "8", "10", "11", "13", "16"} <= figures
    source = {"fi": "Lähde:", "en": "Source:"}[lang]
    assert output.count(source) == sum(1 for t in tables if t.sources)
    assert "narrow_components" not in output  # no flattened keys
    assert "segments.broad.green" not in output
    thousands = {"fi": "8\u00a0854", "en": "8,854"}[lang]  # S3's unemployed, March 2017
    # numbers right-aligned: the count ends at its column's border
    assert re.search(rf"│\s+{thousands} │", output), output[:2000]


def test_the_document_hides_what_the_report_hides(tmp_path: Path) -> None:
    from polku import default_region
    from polku.analysis import analyse
    from polku.cli.analyse_tables import survey_tables

    region = default_region()
    a = analyse(region)
    shown = {t.id: t for t in survey_tables(region, a, "en")}
    from polku.report import build_report

    report = {t.id: t for t in build_report(region, "en", analysis=a).tables()}
    for key, table in shown.items():
        assert table.rows == report[key].rows, key  # the same cells, small counts hidden alike
