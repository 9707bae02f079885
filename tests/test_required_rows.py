"""``polku check`` fails on a dataset that lacks a row a command needs, naming the row.

The cases live in ``fixtures/broken/missing-rows.yaml``: each removes (or doubles, or
zeroes) a row of the embedded dataset. ``polku check`` must exit 1 with an error that
names the file and the row; every command the error says needs the row must then stop,
so that no row is asked for that nothing needs. Rows with a fallback are not errors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import FIXTURES, copy_embedded, read_rows, set_cell, write_rows
from polku import load
from polku.cli import app
from polku.data.required import NEEDS, needs, region_code
from polku.findings import Level

CASES: dict[str, dict[str, Any]] = yaml.safe_load(
    (FIXTURES / "broken" / "missing-rows.yaml").read_text("utf-8")
)


def _apply(folder: Path, edit: dict[str, Any]) -> None:
    ((op, arg),) = edit.items()
    path = folder / arg["file"]
    if op == "delete":
        rows = read_rows(path)
        head = rows[0]
        kept = [
            r
            for r in rows[1:]
            if not all(r[head.index(k)] == str(v) for k, v in arg["where"].items())
        ]
        assert len(kept) < len(rows) - 1, f"fixture edit deletes nothing: {arg}"
        write_rows(path, [head, *kept])
    elif op == "append":
        path.write_text(path.read_text("utf-8") + arg["line"] + "\n", "utf-8")
    elif op == "set":
        set_cell(path, arg["row"], arg["column"], arg["value"])
    elif op == "replace":
        text = path.read_text("utf-8")
        assert arg["old"] in text, f"fixture edit does not apply: {arg['old']!r}"
        path.write_text(text.replace(arg["old"], arg["new"], 1), "utf-8")
    else:  # pragma: no cover - a typo in the fixture file
        raise AssertionError(f"unknown edit {op}")


def _broken(tmp_path: Path, name: str) -> Path:
    folder = copy_embedded(tmp_path / name)
    for edit in CASES[name]["edits"]:
        _apply(folder, edit)
    return folder


def _check(folder: Path, lang: str = "en") -> tuple[int, list[dict[str, Any]]]:
    result = CliRunner().invoke(app, ["check", str(folder), "--format", "json", "--lang", lang])
    return result.exit_code, json.loads(result.output)["findings"]


COMMANDS = {
    "polku analyse": ["analyse", "{folder}", "--format", "json"],
    "polku report": ["report", "{folder}", "--out", "{out}/report.html"],
    "polku simulate": ["simulate", "{folder}", "--years", "1", "--format", "json"],
    "polku producers": ["producers", "{folder}", "--format", "json"],
}


def _run(command: str, folder: Path, out: Path) -> int:
    args = [a.format(folder=folder, out=out) for a in COMMANDS[command]]
    return CliRunner().invoke(app, args).exit_code


def _names(finding: dict[str, Any], expect: dict[str, Any]) -> bool:
    """The finding is the expected one: its code, its file, and the row in its text."""
    same = (finding["code"], finding["file"]) == (expect["code"], expect["file"])
    return same and expect["row"] in finding["what"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_fails_naming_the_missing_row(tmp_path: Path, name: str) -> None:
    expect = CASES[name]["expect"]
    folder = _broken(tmp_path, name)
    code, findings = _check(folder)
    assert code == 1, findings
    errors = [f for f in findings if f["level"] == "error"]
    hits = [f for f in errors if _names(f, expect)]
    assert len(hits) == 1, f"{name}: no one {expect} in {errors}"
    (hit,) = hits
    assert "needed by polku" in hit["expected"] or "one period" in hit["expected"], hit
    assert hit["place"].startswith(expect["file"])
    _, finnish = _check(folder, "fi")
    (fi,) = [f for f in finnish if _names(f, expect)]
    assert fi["expected"] != hit["expected"]  # said in Finnish, not English
    assert "{" not in fi["what"] + fi["expected"] + hit["what"] + hit["expected"]
    # the dataset still loads: the rest of it can be computed and shown
    assert load(folder).region is not None


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_command_named_stops_without_the_row(tmp_path: Path, name: str) -> None:
    expect = CASES[name]["expect"]
    folder = _broken(tmp_path, name)
    (finding,) = [
        f
        for f in load(folder).findings
        if f.level is Level.ERROR
        and (f.code, f.file, f.params["row"]) == (expect["code"], expect["file"], expect["row"])
    ]
    commands = str(finding.params["commands"]).split(", ")
    assert set(commands) <= set(COMMANDS)
    for command in commands:
        assert _run(command, folder, tmp_path) != 0, f"{name}: {command} ran without the row"


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_embedded(tmp_path_factory.mktemp("embedded") / "region")


def test_every_needed_row_has_a_case(embedded: Path) -> None:
    region = load(embedded).region
    assert region is not None
    area = region_code(region)
    assert area == "MK09"
    rows = {(e["expect"]["file"], e["expect"]["row"]) for e in CASES.values()}
    for need in needs(region, area):
        assert (f"{need.table}.csv", need.row(area)) in rows, need
    assert len(needs(region, area)) > len(NEEDS)  # the outcomes of each measure with places


def test_the_embedded_dataset_lacks_nothing(embedded: Path) -> None:
    code, findings = _check(embedded)
    assert code == 0
    assert not [f for f in findings if f["level"] == "error"]


# Rows the commands can do without: a printed total (derived from its parts), a figure
# only divided by or shown, the shares the simulation replaces by a default.
OPTIONAL = {
    "all-recipients": ("benefit_days.csv", {"days_class": "all"}, ["polku analyse"]),
    "recipients-300-plus": ("benefit_days.csv", {"days_class": "300+"}, ["polku analyse"]),
    "all-unemployed": ("jobseekers.csv", {"service_line": "all"}, ["polku analyse"]),
    "printed-line-sum": ("jobseekers.csv", {"service_line": "03+05"}, ["polku analyse"]),
    "residents": ("indicators.csv", {"indicator": "residents"}, ["polku analyse"]),
    "rehabilitative-work-need": (
        "indicators.csv",
        {"indicator": "rehabilitative_work_need"},
        ["polku analyse"],
    ),
    "client-base": ("client_base.csv", {}, ["polku analyse"]),
    "segments": ("segments.csv", {}, ["polku analyse", "polku simulate"]),
    "purchases": (
        "indicators.csv",
        {"indicator": "third_sector_purchases"},
        ["polku simulate"],
    ),
    "income-shares": ("income_mix.csv", {}, ["polku analyse", "polku simulate"]),
    "added-places": ("proposals.csv", {"item": "added_places"}, ["polku analyse"]),
}


@pytest.mark.parametrize("name", sorted(OPTIONAL))
def test_a_row_with_a_fallback_is_no_error(tmp_path: Path, name: str) -> None:
    file, where, commands = OPTIONAL[name]
    folder = copy_embedded(tmp_path / name)
    _apply(folder, {"delete": {"file": file, "where": where}})
    code, findings = _check(folder)
    assert code == 0, [f for f in findings if f["level"] == "error"]
    for command in commands:
        assert _run(command, folder, tmp_path) == 0, f"{name}: {command} stopped"


def test_a_region_made_in_python_is_checked_the_same_way() -> None:
    from polku.data import missing_rows
    from small_region import small_region, three_producer_region

    missing = {(f.file, f.params["row"]) for f in missing_rows(small_region())}
    # the small region carries the analyses but not the simulation
    assert missing == {
        ("measure_periods.csv", "area MK19, measure rehabilitative_work, producer all"),
        ("outcomes.csv", "area MK19, measure rehabilitative_work"),
    }
    assert missing_rows(three_producer_region()) == []
