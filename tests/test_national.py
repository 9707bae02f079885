"""polku simulate --areas all: every employment area on a generated national dataset."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polku import default_region
from polku.cli import app
from polku.cli.common import console
from polku.national import national_areas, run_national
from polku.national.chart import national_spec
from polku.simulation.runner import Settings, find_scenario
from polku.sources.classification import load
from polku.sources.classification.listing import entries

REGION = default_region()
YEAR = 2026


def test_every_employment_area_is_sized_by_its_municipalities() -> None:
    areas = national_areas(REGION, YEAR)
    bundled = entries(YEAR, "employment_area")
    assert [a.code for a in areas] == [e.code for e in bundled]
    own = sum(1 for a in REGION.areas if a.level.value == "municipality")
    for area, entry in zip(areas, bundled, strict=True):
        assert area.municipalities == len(entry.members)
        assert area.scale == pytest.approx(len(entry.members) / own)
        assert area.region.startswith("MK")
        assert area.region_name("fi") != area.region  # named from the classification
    in_areas = {m.code for m in load().in_year(YEAR) if m.employment_area}
    assert sum(a.municipalities for a in areas) == len(in_areas)


def test_an_area_costs_its_scale_times_the_region_at_the_regions_prices() -> None:
    """Expected mode is linear in the counts: an area twice the size pays twice."""
    scenario = find_scenario("rules-2025", REGION)
    national = run_national(REGION, scenario, Settings(mode="expected"), year=YEAR)
    same = next(r for r in national.rows if r.area.scale == 1.0)  # the region's own size
    for row in national.rows:
        assert row.baseline == pytest.approx(row.area.scale * same.baseline, rel=1e-6)
        assert row.difference == pytest.approx(row.area.scale * same.difference, rel=1e-6)
        assert row.scenario == pytest.approx(row.baseline + row.difference, rel=1e-9)
    assert same.difference > 0  # the 2025 reform makes municipalities pay more
    total = national.total()
    assert total["difference"] == pytest.approx(sum(r.difference for r in national.rows))


def test_stochastic_bands_hold_the_mean_and_a_seed_repeats() -> None:
    scenario = find_scenario("rules-2025", REGION)
    settings = Settings(mode="stochastic", replications=40, seed=7, months=24)
    first = run_national(REGION, scenario, settings, year=YEAR)
    again = run_national(REGION, scenario, settings, year=YEAR)
    assert [r.difference for r in first.rows] == [r.difference for r in again.rows]
    for row in first.rows:
        assert row.p5 <= row.difference <= row.p95
        assert row.p5 < row.p95  # drawn, not expected values


def test_areas_on_two_threads_give_the_rows_of_one() -> None:
    pytest.importorskip("numba")
    scenario = find_scenario("rules-2025", REGION)
    one = Settings(mode="stochastic", replications=30, seed=3, months=24, engine="compiled")
    two = dataclasses.replace(one, workers=2)
    seen: list[tuple[int, int]] = []
    alone = run_national(REGION, scenario, one, year=YEAR)
    paired = run_national(REGION, scenario, two, year=YEAR, done=lambda i, n: seen.append((i, n)))
    assert [r.area.code for r in paired.rows] == [r.area.code for r in alone.rows]
    assert [(r.baseline, r.p5, r.p95) for r in paired.rows] == [
        (r.baseline, r.p5, r.p95) for r in alone.rows
    ]
    assert seen == [(i, len(alone.rows)) for i in range(1, len(alone.rows) + 1)]


def test_the_chart_is_a_tile_per_area_in_rows_by_region() -> None:
    national = run_national(
        REGION, find_scenario("rules-2025", REGION), Settings(mode="expected"), year=YEAR
    )
    spec = national_spec(national, "fi")
    values = spec["data"]["values"]
    assert len(values) == len(national.rows) == 45
    assert len({(v["region"], v["column"]) for v in values}) == 45  # no two tiles overlap
    assert spec["layer"][0]["mark"]["type"] == "rect"
    assert "työllisyysalueittain" in spec["title"]
    assert "Tuotettu" in spec["usermeta"]["note"]  # says the dataset is generated


def test_polku_simulate_areas_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "width", 200)
    runner = CliRunner()
    out = tmp_path / "national"
    result = runner.invoke(
        app,
        ["simulate", "--areas", "all", "--out", str(out), "--format", "json", "--lang", "fi"],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["generated"] is True
    assert len(doc["areas"]) == 45
    assert doc["scenario"] == "rules-2025"
    assert sorted(p.name for p in out.iterdir()) == [
        "national-en.svg",
        "national-fi.svg",
        "national.csv",
        "national.json",
    ]
    svg = (out / "national-fi.svg").read_text("utf-8")
    assert "<svg" in svg
    assert "Kuntaosuuden muutos" in svg
    assert len((out / "national.csv").read_text("utf-8").splitlines()) == 46
    table = runner.invoke(app, ["simulate", "--areas", "all", "--lang", "fi"])
    assert table.exit_code == 0, table.output
    assert "Koko maa" in table.stdout
    assert "Tuotettu" in table.stdout
    again = runner.invoke(app, ["simulate", "--areas", "all", "--out", str(out)])
    assert again.exit_code != 0  # the folder is kept without --force
    assert (out / "national.json").read_text("utf-8") == json.dumps(
        doc, ensure_ascii=False, indent=2
    )


def test_areas_takes_only_all() -> None:
    result = CliRunner().invoke(app, ["simulate", "--areas", "some"])
    assert result.exit_code == 2
    assert "expected all" in result.output
