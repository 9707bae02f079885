"""Bounded resources (issue 16, item 7): a run's memory is estimated before anything is
allocated and refused above the limit, settings are checked, and counts the engine
cannot draw are refused with a clear error instead of NumPy's ValueError."""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import set_cell
from polku import default_region
from polku.cli import run as cli
from polku.errors import AssumptionError, DatasetError, ResourceLimitError
from polku.rules import load_rules
from polku.simulation import limits
from polku.simulation.engine import run
from polku.simulation.footprint import simulation_bytes, sweep_bytes
from polku.simulation.limits import check_memory, parse_size, run_size
from polku.simulation.money import prices
from polku.simulation.results import summary, write
from polku.simulation.runner import Settings, find_scenario, simulate
from polku.simulation.sweep import Base, one_at_a_time, sobol
from tiny_network import tiny_network

GIB = 2**30


def test_the_estimate_is_within_a_factor_of_two_of_what_a_run_allocates(
    calibration: Any,
) -> None:
    import pandas  # noqa: F401  # imported before measuring: modules are not the run's
    import pyarrow  # noqa: F401

    region, scenario = default_region(), find_scenario("proposal-500")
    settings = Settings(mode="stochastic", replications=600, months=36)
    tracemalloc.start()
    try:
        sim = simulate(region, [scenario], settings=settings, calibration=calibration)
        summary(sim)
        with tempfile.TemporaryDirectory() as folder:
            write(sim, folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    estimate = simulation_bytes(calibration.network, 600, [36, 36])
    assert peak / 2 < estimate < peak * 2, (estimate, peak)
    records = sum(
        getattr(r.trajectory, k).nbytes
        for r in sim.runs
        for k in ("u_by_bin", "queue", "in_measure", "exits", "final_q")
    )
    assert estimate > records  # the kept records alone are below the estimate


def test_a_huge_run_is_refused_before_anything_is_allocated(calibration: Any) -> None:
    settings = Settings(mode="stochastic", replications=10_000_000, months=600)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ResourceLimitError) as info:
            simulate(default_region(), [], settings=settings, calibration=calibration)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - start < 10
    assert peak < 200 * 2**20
    text = str(info.value)
    assert "--max-memory" in text
    assert "GiB" in text
    assert "10,000,000 replications" in text  # English, then Finnish
    assert "muistia" in text


def test_the_limit_is_a_setting(calibration: Any) -> None:
    region = default_region()
    small = Settings(mode="stochastic", replications=50, months=12, memory_limit=2**20)
    with pytest.raises(ResourceLimitError, match=r"limit is 1\.0 MiB \(given\)"):
        simulate(region, [], settings=small, calibration=calibration)
    roomy = Settings(mode="stochastic", replications=50, months=12, memory_limit=64 * GIB)
    assert simulate(region, [], settings=roomy, calibration=calibration).baseline


def test_the_default_limit_is_half_the_machine_or_4_gib(monkeypatch: pytest.MonkeyPatch) -> None:
    real = limits.machine_memory()
    assert real is None or real > 0
    monkeypatch.setattr(limits, "machine_memory", lambda: 16 * GIB)
    assert limits.default_memory_limit() == 8 * GIB
    with pytest.raises(ResourceLimitError, match="the default, 50% of this machine's memory"):
        check_memory(9 * GIB, None, run_size(100_000, 1, 60))
    check_memory(7 * GIB, None, run_size(100_000, 1, 60))
    monkeypatch.setattr(limits, "machine_memory", lambda: None)
    assert limits.default_memory_limit() == limits.FALLBACK_MEMORY == 4 * GIB


def test_the_issue_s_cases_are_refused_on_a_16_gib_machine(
    monkeypatch: pytest.MonkeyPatch, calibration: Any
) -> None:
    # simulate --replications 100000 used 8.4 GB; sweep --replications 10000000, 76 GiB
    monkeypatch.setattr(limits, "machine_memory", lambda: 16 * GIB)
    net = calibration.network
    assert 7 * GIB < simulation_bytes(net, 100_000, [60]) < 14 * GIB
    args = ["simulate", "--mode", "stochastic", "--replications", "100000", "--scenario"]
    assert cli([*args, "proposal-500"]) == 4
    money = prices(default_region(), load_rules(), net)
    huge = Base(net, money, Settings(mode="stochastic", replications=10_000_000))
    start = time.perf_counter()
    with pytest.raises(ResourceLimitError, match="1 at once"):
        one_at_a_time(huge, ["inflow_factor"])
    with pytest.raises(ResourceLimitError):
        sobol(huge, 8, ["inflow_factor"])
    assert time.perf_counter() - start < 5
    assert sweep_bytes(net, 1000, 60, 4) == 4 * sweep_bytes(net, 1000, 60, 1)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("seed", -1),
        ("seed", 2**63),
        ("seed", 1.5),
        ("seed", True),
        ("replications", 0),
        ("replications", 2.0),
        ("replications", False),
        ("months", 0),
        ("months", 601),
        ("months", 12.5),
        ("workers", 0),
        ("mode", "random"),
        ("memory_limit", 0),
        ("memory_limit", -5),
        ("memory_limit", True),
    ],
)
def test_bad_settings_are_refused_by_name(field: str, value: Any) -> None:
    with pytest.raises(AssumptionError) as info:
        Settings(**{field: value})
    shown = "memory limit" if field == "memory_limit" else field
    assert shown in str(info.value)
    assert " / " in str(info.value)  # English / Finnish


def test_the_engine_checks_its_own_settings() -> None:
    net = tiny_network(months=3)
    with pytest.raises(AssumptionError, match="seed -1"):
        run(net, mode="stochastic", replications=5, seed=-1)
    with pytest.raises(AssumptionError, match="replications 0"):
        run(net, mode="stochastic", replications=0, seed=1)
    with pytest.raises(AssumptionError, match="mode"):
        run(net, mode="monte-carlo")
    with pytest.raises(AssumptionError, match="samples 0"):
        sobol(None, 0, ["inflow_factor"])  # type: ignore[arg-type]
    assert run(net, mode="stochastic", replications=5, seed=0).replications == 5


def test_a_negative_seed_on_the_command_line_is_a_bad_option() -> None:
    assert cli(["simulate", "--mode", "stochastic", "--seed", "-1", "--years", "1"]) == 3


@pytest.mark.parametrize(
    ("text", "size"),
    [("16G", 16 * GIB), ("512M", 512 * 2**20), ("1.5GiB", 3 * 2**29), ("2,5 gb", 5 * 2**29)],
)
def test_sizes_are_read_in_binary_units(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-1G", "0", "16X", "1e9"])
def test_a_bad_size_names_the_option(text: str) -> None:
    with pytest.raises(AssumptionError, match="--max-memory"):
        parse_size(text)


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"inflow": np.full(3, 1e40)}, "inflow"),
        ({"inflow": np.array([1.0, np.nan, 1.0])}, "inflow"),
        ({"inflow": np.full(3, -1.0)}, "inflow"),
        ({"initial_u": np.full((1, 4), np.inf)}, "initial_u"),
        ({"hazard": np.array([np.nan])}, "hazard"),
    ],
)
def test_counts_the_engine_cannot_draw_are_a_dataset_error(
    change: dict[str, Any], name: str
) -> None:
    from dataclasses import replace

    net = replace(tiny_network(months=3), **change)
    for mode in ("expected", "stochastic"):
        with pytest.raises(DatasetError) as info:
            run(net, mode=mode, replications=3, seed=1)
        assert [f.column for f in info.value.findings] == [name]
        assert info.value.findings[0].expected("fi")  # both languages in the catalogue


def test_an_inflow_of_1e40_in_the_data_is_a_clean_data_error(dataset: Path) -> None:
    path = dataset / "indicators.csv"
    rows = path.read_text("utf-8").splitlines()
    row = next(i for i, r in enumerate(rows, start=1) if ",unemployment_inflow," in r)
    set_cell(path, row, "value", "1e40")
    args = ["simulate", str(dataset), "--mode", "stochastic", "--replications", "20"]
    assert cli([*args, "--years", "1"]) == 1
