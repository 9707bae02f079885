"""``polku check`` vouches for a dataset: what it passes, every later command computes.

Each rule that holds a dataset to what the commands can compute with (magnitudes,
denominators, periods, the area tree, tables the simulation cannot do without, counts
against the population) has a broken case; the later commands then stop with a clean
error, never a traceback (exit 70). A property test perturbs the embedded dataset
(scales, zeroes, drops rows, cuts tables) and, whenever check finds no errors, runs
the analyses, the simulation (expected and stochastic), the producers and the report.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import copy_embedded, read_rows, set_cell, write_rows
from polku.cli import run
from polku.consistency import check_region
from polku.data.reader import load
from polku.findings import Level, errors
from test_broken_datasets import CASES, _broken

RULE_CASES = (
    "service-capacity-cut-to-header",
    "inflow-1e40",
    "count-beyond-bounds",
    "price-beyond-bounds",
    "negative-inflow",
    "zero-residents",
    "associations-income-zero",
    "no-unemployed-jobseekers",
    "reversed-period",
    "year-zero",
    "year-far-ahead",
)


def _commands(folder: Path, out: Path) -> list[list[str]]:
    ds = str(folder)
    return [
        ["analyse", ds, "--format", "json"],
        ["simulate", ds, "--years", "2", "--format", "json"],
        ["producers", ds, "--format", "json"],  # a stochastic run of its own
        [
            *("report", ds, "--out", str(out / "report.html"), "--force", "--mode", "expected"),
            *("--years", "1", "--scenario", "proposal-500", "--workers", "1"),
        ],
    ]


def _run(argv: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return run([*argv, "--lang", "en"])


def _check(folder: Path) -> int:
    return _run(["check", str(folder)])


def _later(folder: Path, out: Path) -> dict[str, int]:
    return {" ".join(argv[:1] + argv[2:9]): _run(argv) for argv in _commands(folder, out)}


@pytest.fixture(autouse=True)
def _crash_logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An internal error's log goes to the test's folder, not the user's."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


def test_the_rule_cases_are_in_the_broken_cases() -> None:
    assert set(RULE_CASES) <= set(CASES)


@pytest.mark.parametrize("name", RULE_CASES)
def test_no_later_command_crashes_on_a_rule_case(tmp_path: Path, name: str) -> None:
    folder = _broken(tmp_path, name)
    assert _check(folder) == 1
    codes = _later(folder, tmp_path)
    assert all(code == 1 for code in codes.values()), codes  # the data have errors


def _findings(folder: Path) -> list[tuple[str, str | None, int | None, str | None]]:
    result = load(folder)
    return [(f.code, f.file, f.row, f.column) for f in result.findings if f.level is Level.ERROR]


ON_THE_REGION = {
    # areas.csv row 3 is MK09, row 4 SK091, row 7 KU405 (in SK091)
    "own-parent": (
        [("areas.csv", 3, "parent", "MK09")],
        ("area_parent_self", "areas.csv", 3, "parent"),
    ),
    "loop-of-two": (
        [("areas.csv", 4, "parent", "KU405")],
        ("area_cycle", "areas.csv", 4, "parent"),
    ),
    "loop-through-the-country": (
        [("areas.csv", 2, "parent", "SK091")],
        ("area_cycle", "areas.csv", 2, "parent"),
    ),
    "inflow-above-population": (
        [("indicators.csv", 5, "value", "200000")],
        ("exceeds_population", "indicators.csv", 5, "value"),
    ),
    "stock-above-population": (
        [("benefit_days.csv", 3, "recipients", "150000")],
        ("exceeds_population", "benefit_days.csv", 3, "recipients"),
    ),
    "no-ended-work-trials": (  # the only producer with work-trial outcomes
        [("measure_periods.csv", 5, "ended_periods", "0")],
        ("outcome_weights_zero", "measure_periods.csv", 5, "ended_periods"),
    ),
}


@pytest.mark.parametrize("name", sorted(ON_THE_REGION))
def test_rules_on_the_loaded_region(tmp_path: Path, name: str) -> None:
    edits, expect = ON_THE_REGION[name]
    folder = copy_embedded(tmp_path / name)
    for file, row, column, value in edits:
        set_cell(folder / file, row, column, value)
    assert expect in _findings(folder)
    assert _check(folder) == 1
    # the dataset still loads; what runs on it runs, and nothing crashes
    assert load(folder).region is not None
    codes = _later(folder, tmp_path)
    assert all(code in (0, 1) for code in codes.values()), codes


def test_every_rule_speaks_both_languages(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "many")
    set_cell(folder / "areas.csv", 3, "parent", "MK09")
    set_cell(folder / "indicators.csv", 5, "value", "200000")
    findings = [f for f in load(folder).findings if f.level is Level.ERROR]
    assert {f.code for f in findings} >= {"area_parent_self", "exceeds_population"}
    for finding in findings:
        for lang in ("en", "fi"):
            text = finding.describe(lang)
            assert "{" not in text, text
            assert finding.file
            assert finding.file in text


def test_a_population_bound_names_the_residents_row(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "inflow")
    set_cell(folder / "indicators.csv", 5, "value", "200000")
    (finding,) = [f for f in load(folder).findings if f.code == "exceeds_population"]
    assert finding.describe("en") == (
        "indicators.csv, row 5, column value: unemployment_inflow (200000) is more than the "
        "residents of MK09 (130533) (expected: at most the residents of MK09 "
        "(indicators.csv, row 11); found: '200000')"
    )


def test_the_new_messages_replace_none() -> None:
    from polku import messages
    from polku.messages_bill import BILL
    from polku.messages_data import DATA

    source = Path(messages.__file__).read_text("utf-8")
    clashes = [code for code in DATA if f'"{code}"' in source or code in BILL]
    assert not clashes


TABLES = sorted(p.name for p in copy_embedded(Path(tempfile.mkdtemp()) / "t").glob("*.csv"))


@pytest.mark.parametrize("table", TABLES)
def test_a_table_cut_to_its_header(tmp_path: Path, table: str) -> None:
    """Check refuses the table, or every command runs without it."""
    folder = copy_embedded(tmp_path / "cut")
    write_rows(folder / table, read_rows(folder / table)[:1])
    passed = _check(folder) == 0
    codes = _later(folder, tmp_path)
    if passed:
        assert all(code == 0 for code in codes.values()), codes
    else:  # a clean stop: data errors, or a missing assumption the message names
        assert all(code in (0, 1, 3) for code in codes.values()), codes


# --- the property: whatever check passes, the commands compute ------------------------


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


_TEMPLATE = copy_embedded(Path(tempfile.mkdtemp(prefix="polku-vouch-")) / "region")
_NUMERIC = {
    name: [
        (r, c)
        for r, row in enumerate(rows[1:], start=1)
        for c, cell in enumerate(row)
        if rows[0][c] not in ("estimate", "interviewed", "municipality") and _is_number(cell)
    ]
    for name in TABLES
    if (rows := read_rows(_TEMPLATE / name))
}

edit = st.one_of(
    st.tuples(
        st.just("scale"),
        st.sampled_from(TABLES),
        st.integers(0, 10_000),
        st.sampled_from([0.0, 0.01, 0.5, 2.0, 10.0, 1000.0]),
    ),
    st.tuples(st.just("drop"), st.sampled_from(TABLES), st.integers(0, 10_000), st.just(0.0)),
    st.tuples(st.just("cut"), st.sampled_from(TABLES), st.just(0), st.just(0.0)),
)


def _perturb(folder: Path, op: tuple[str, str, int, float]) -> None:
    kind, table, index, factor = op
    rows = read_rows(folder / table)
    if kind == "cut":
        rows = rows[:1]
    elif kind == "drop" and len(rows) > 1:
        del rows[1 + index % (len(rows) - 1)]
    elif kind == "scale" and _NUMERIC.get(table):
        cells = _NUMERIC[table]
        r, c = cells[index % len(cells)]
        if r < len(rows) and c < len(rows[r]) and rows[r][c]:
            value = float(rows[r][c]) * factor
            whole = value.is_integer() and "." not in rows[r][c]
            rows[r][c] = str(int(value)) if whole else f"{value:.6g}"
    write_rows(folder / table, rows)


def _computes(folder: Path) -> None:
    """The analyses, the simulation, the producers and the report on ``folder``."""
    from polku.analysis import Assumptions, analyse
    from polku.producers.run import analyse_producers
    from polku.report import build_report, render_html
    from polku.rules import load_rules
    from polku.simulation.runner import Settings, find_scenario, simulate

    region = load(folder).region
    assert region is not None
    rules, assumptions = load_rules(), Assumptions()
    analysis = analyse(region, rules, assumptions)
    chosen = [find_scenario("proposal-500", region)]
    expected = simulate(
        region, chosen, settings=Settings(months=24), rules=rules, assumptions=assumptions
    )
    stochastic = simulate(
        region,
        chosen,
        settings=Settings(mode="stochastic", replications=20, months=24),
        rules=rules,
        assumptions=assumptions,
    )
    producers = analyse_producers(
        region,
        chosen,
        rules=rules,
        assumptions=assumptions,
        calibration=stochastic.calibration,
        simulation=stochastic,
    )
    for lang in ("fi", "en"):
        report = build_report(
            region,
            lang,
            rules=rules,
            analysis=analysis,
            simulation=expected,
            producers=producers,
        )
        assert render_html(report)


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ops=st.lists(edit, min_size=1, max_size=3))
def test_what_check_passes_every_command_computes(ops: list[tuple[str, str, int, float]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "region"
        shutil.copytree(_TEMPLATE, folder)
        for op in ops:
            _perturb(folder, op)
        result = load(folder)
        found = list(result.findings)
        if result.region is not None:
            found += check_region(result.region, result.lines)
        if errors(found):
            event("refused")
            return  # refused, with located errors: nothing to vouch for
        event("passed")
        _computes(folder)
