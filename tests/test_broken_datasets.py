"""Every kind of bad input gets its own clear finding, in place, with the right exit code.

The cases live in ``fixtures/broken/cases.yaml``: each copies the embedded dataset,
breaks it on purpose and names the finding and exit code it must produce.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import FIXTURES, copy_embedded, read_rows, set_cell, write_rows
from polku import DatasetError, DatasetUnreadableError, load, read_region
from polku.cli import app
from polku.findings import Finding, Level

BROKEN = FIXTURES / "broken"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((BROKEN / "cases.yaml").read_text("utf-8"))


def _apply(folder: Path, edit: dict[str, Any]) -> None:
    ((op, arg),) = edit.items()
    if op == "set":
        set_cell(folder / arg["file"], arg["row"], arg["column"], arg["value"])
    elif op == "remove":
        (folder / arg).unlink()
    elif op == "replace":
        path = folder / arg["file"]
        text = path.read_text("utf-8")
        assert arg["old"] in text, f"fixture edit does not apply: {arg['old']!r}"
        path.write_text(text.replace(arg["old"], arg["new"], 1), "utf-8")
    elif op == "copy":
        shutil.copyfile(BROKEN / arg["from"], folder / arg["to"])
    elif op == "drop_column":
        rows = read_rows(folder / arg["file"])
        index = rows[0].index(arg["column"])
        write_rows(folder / arg["file"], [r[:index] + r[index + 1 :] for r in rows])
    elif op == "duplicate_row":
        rows = read_rows(folder / arg["file"])
        rows.insert(arg["row"], rows[arg["row"] - 1])
        write_rows(folder / arg["file"], rows)
    else:  # pragma: no cover - a typo in cases.yaml
        raise AssertionError(f"unknown edit {op}")


def _broken(tmp_path: Path, name: str) -> Path:
    folder = copy_embedded(tmp_path / name)
    for edit in CASES[name]["edits"]:
        _apply(folder, edit)
    return folder


def _matches(finding: Finding, expect: dict[str, Any]) -> bool:
    keys = ("code", "file", "table", "row", "column", "found")
    return all(str(getattr(finding, k)) == str(expect[k]) for k in keys if k in expect)


def _findings(folder: Path) -> list[Finding]:
    try:
        return load(folder).findings
    except DatasetUnreadableError as exc:
        return exc.findings


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_gives_its_finding(tmp_path: Path, name: str) -> None:
    expect = CASES[name]["expect"]
    findings = _findings(_broken(tmp_path, name))
    hits = [f for f in findings if f.level is Level.ERROR and _matches(f, expect)]
    assert hits, f"{name}: no finding like {expect}; got {[f.describe() for f in findings]}"
    for finding in hits:  # the message names the place and what was expected, in both
        for lang in ("en", "fi"):
            assert finding.what(lang)
            assert finding.expected(lang)
            assert "{" not in finding.what(lang) + finding.expected(lang)
        if finding.file:
            assert finding.file in finding.describe()


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_exit_code_and_no_traceback(tmp_path: Path, name: str) -> None:
    folder = _broken(tmp_path, name)
    result = CliRunner().invoke(app, ["check", str(folder), "--lang", "en"])
    assert result.exit_code == CASES[name]["expect"]["exit"], result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("name", sorted(CASES))
def test_read_region_raises_only_dataset_error(tmp_path: Path, name: str) -> None:
    folder = _broken(tmp_path, name)
    with pytest.raises(DatasetError) as info:
        read_region(folder)
    assert info.value.findings
    assert isinstance(info.value, DatasetUnreadableError) == (CASES[name]["expect"]["exit"] == 2)


def test_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "dataset folder not found" in result.output


def test_messages_read_as_expected(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "fractional-count")
    (finding,) = [f for f in load(folder).findings if f.level is Level.ERROR]
    assert finding.describe("en") == (
        "measure_periods.csv, row 2, column ended_periods: a count must be a whole number "
        "(expected: a whole number, e.g. 12; found: '324.5')"
    )
    assert finding.describe("fi") == (
        "measure_periods.csv, rivi 2, sarake ended_periods: lukumäärän on oltava kokonaisluku "
        "(odotettu: kokonaisluku, esim. 12; havaittu: '324.5')"
    )


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "many")
    set_cell(folder / "jobseekers.csv", 4, "count", "paljon")
    set_cell(folder / "outcomes.csv", 2, "share_pct", "140")
    set_cell(folder / "indicators.csv", 3, "area", "KU000")
    (folder / "survival.csv").unlink()
    findings = load(folder).findings
    codes = {(f.file, f.code) for f in findings if f.level is Level.ERROR}
    assert codes == {
        ("jobseekers.csv", "not_a_number"),
        ("outcomes.csv", "share_out_of_range"),
        ("indicators.csv", "unknown_reference"),
        ("survival.csv", "file_missing"),
    }


def test_json_output_of_errors(tmp_path: Path) -> None:
    import json

    folder = _broken(tmp_path, "negative-count")
    result = CliRunner().invoke(app, ["check", str(folder), "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    errors = [f for f in payload["findings"] if f["level"] == "error"]
    assert errors == [
        {
            "level": "error",
            "code": "below_minimum",
            "file": "benefit_days.csv",
            "table": "benefit_days",
            "row": 3,
            "column": "recipients",
            "what": "value is below 0",
            "expected": "a value of at least 0",
            "found": "-683",
            "place": "benefit_days.csv, row 3, column recipients",
            "expected_value": None,  # a bound, not one expected number
            "found_value": -683,
            "parts": None,
        }
    ]


def test_a_broken_areas_file_does_not_bury_its_cause(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "areas")
    shutil.copyfile(BROKEN / "areas-latin1.csv", folder / "areas.csv")
    errors = [f for f in load(folder).findings if f.level is Level.ERROR]
    assert [(f.file, f.code) for f in errors] == [("areas.csv", "encoding")]
