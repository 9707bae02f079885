"""``polku check`` on the embedded dataset: exit 0 and every known inconsistency with numbers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import set_cell
from polku.cli import app


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.output


def _findings(*args: str) -> list[dict[str, object]]:
    code, output = _check(*args, "--format", "json")
    assert code == 0, output
    found: list[dict[str, object]] = json.loads(output)["findings"]
    return found


def test_embedded_dataset_passes_with_warnings() -> None:
    code, output = _check("--lang", "en")
    assert code == 0
    assert "0 errors, 11 warnings" in output


def test_s1_service_line_sum_is_reported() -> None:
    hits = [f for f in _findings() if f["code"] == "parts_sum" and f["file"] == "jobseekers.csv"]
    assert [(f["found"], f["expected"]) for f in hits] == [(2480, "2,483 = 1788 (03) + 695 (05)")]


def test_s1_subregion_sums_are_reported() -> None:
    hits = [f for f in _findings() if f["code"] == "rollup_sum"]
    assert sorted((f["found"], f["expected"]) for f in hits) == [
        (1788, "1,742 = 1173 (SK091) + 569 (SK093)"),
        (2480, "2,437 = 1632 (SK091) + 805 (SK093)"),
    ]


def test_s4_bins_against_totals_are_reported() -> None:
    hits = [f for f in _findings() if f["file"] == "benefit_days.csv"]
    assert sorted((f["found"], str(f["expected"]).split(" = ")[0]) for f in hits) == [
        (1526, "1,523"),
        (3245, "3,241"),
        (4771, "4,764"),
    ]


def test_s5_columns_not_summing_to_100_are_reported() -> None:
    hits = [f for f in _findings() if f["code"] == "shares_sum" and f["file"] == "outcomes.csv"]
    sums = sorted(float(str(f["found"])) for f in hits)
    assert sums == [88.0, 90.0, 103.0, 105.0]  # the association column sums to 100


def test_s10_text_against_chart_is_reported() -> None:
    (hit,) = [f for f in _findings() if f["code"] == "text_share"]
    assert hit["found"] == 30
    assert hit["expected"] == "24.63 % (149 / 605)"


def test_no_other_warnings_on_the_embedded_dataset() -> None:
    codes = sorted(str(f["code"]) for f in _findings())
    assert codes == ["parts_sum"] * 4 + ["rollup_sum"] * 2 + ["shares_sum"] * 4 + ["text_share"]


def test_fixing_a_figure_removes_its_warning(dataset: Path) -> None:
    set_cell(dataset / "jobseekers.csv", 10, "count", "2483")
    hits = [f for f in _findings(str(dataset)) if f["file"] == "jobseekers.csv"]
    # the parts_sum warning is gone; 1788 and 2483 still differ from their subregions
    assert [f["code"] for f in hits] == ["rollup_sum", "rollup_sum"]


def test_checks_catch_new_disagreements(dataset: Path) -> None:
    set_cell(dataset / "jobseekers.csv", 3, "reported_share_pct", "5.0")  # 300 / 8854
    set_cell(dataset / "segments.csv", 2, "reported_clients", "1200")  # 24.8 % of 4500
    set_cell(dataset / "survival.csv", 4, "share_pct", "50")  # rises after 46.54
    set_cell(dataset / "indicators.csv", 11, "value", "140000")  # residents
    codes = {str(f["code"]) for f in _findings(str(dataset))}
    assert {"reported_share", "reported_clients", "survival_increasing", "derived_value"} <= codes


def test_finnish_output() -> None:
    code, output = _check("--lang", "fi")
    assert code == 0
    assert "varoitus" in output
    assert "2\u00a0483" in output  # Finnish thousands separator (no-break space)


def test_unknown_language_is_refused() -> None:
    code, output = _check("--lang", "de")
    assert code == 2
    assert "fi, en, sv" in output


def test_embedded_dataset_by_name() -> None:
    code, _ = _check("south-karelia-2017")
    assert code == 0


def test_console_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "polku", "check", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["errors"] == 0


def test_export_then_check(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "mine"
    assert runner.invoke(app, ["export", "--out", str(out)]).exit_code == 0
    assert _check(str(out))[0] == 0
    again = runner.invoke(app, ["export", "--out", str(out)])
    assert again.exit_code == 3  # a bad option: the output exists
    assert "--force" in again.output


def test_a_row_the_analyses_need_is_an_error_that_names_it(dataset: Path) -> None:
    from conftest import read_rows, write_rows

    rows = read_rows(dataset / "indicators.csv")
    write_rows(dataset / "indicators.csv", [r for r in rows if "recently_long_term_share" not in r])
    code, output = _check(str(dataset), "--format", "json", "--lang", "en")
    assert code == 1
    payload = json.loads(output)
    (error,) = [f for f in payload["findings"] if f["level"] == "error"]
    assert (error["code"], error["file"], error["column"]) == (
        "row_missing",
        "indicators.csv",
        "indicator",
    )
    assert error["what"] == "no row with area MK09, indicator recently_long_term_share"
    assert error["expected"] == (
        "a row with area MK09, indicator recently_long_term_share, needed by polku analyse, "
        "polku report for the broad client base (S6), or give it with --set "
        "client_base.recently_long_term_pct=PERCENT"
    )
    assert payload["errors"] == 1
    assert payload["warnings"] == 11  # the survey's own inconsistencies, as before


def test_json_findings_carry_their_numbers_as_fields() -> None:
    result = CliRunner().invoke(app, ["check", "--format", "json", "--lang", "fi"])
    doc = json.loads(result.output)
    sums = [f for f in doc["findings"] if f["code"] in ("parts_sum", "rollup_sum")]
    assert sums
    for f in sums:  # the sum is the parts' sum, read from fields, not from the text
        assert f["expected_value"] == sum(p["value"] for p in f["parts"])
        assert f["found_value"] != f["expected_value"]
        assert all(str(p["value"]) in f["expected"] for p in f["parts"])
    rollup = next(f for f in sums if f["code"] == "rollup_sum")
    assert {p["key"] for p in rollup["parts"]} <= {a["code"] for a in _areas()}
    shares = [f for f in doc["findings"] if f["code"] == "shares_sum"]
    assert all(f["expected_value"] == 100 and f["parts"] is None for f in shares)
    assert all(isinstance(f["found_value"], int | float) for f in shares)


def _areas() -> list[dict[str, str]]:
    from polku import default_region

    return [{"code": a.code} for a in default_region().areas]
