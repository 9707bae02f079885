"""The compiled engine against the NumPy reference: the same bits for a seed whatever the
processes and chunks, the same distributions within Monte Carlo error, and the checks
of the engine (conservation, an independent person-level simulation) on both."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("numba")

from polku.errors import AssumptionError
from polku.simulation.compiled import kernel
from polku.simulation.engine import Trajectory, run
from polku.simulation.network import MAX_REFERRAL
from test_simulation_engine import _balance
from tiny_network import tiny_network

RECORDS = (
    "u_by_bin",
    "u_by_segment",
    "queue",
    "placed",
    "in_measure",
    "exits",
    "returns",
    "referral_rate",
    "inflow",
    "final_u",
    "final_q",
    "final_m",
)


def _same(a: Trajectory, b: Trajectory, reps: int | None = None) -> None:
    for name in RECORDS:
        x, y = getattr(a, name)[:reps], getattr(b, name)[:reps]
        assert x.shape == y.shape, name
        assert np.array_equal(x, y), name


def test_same_seed_same_bits_whatever_the_processes_and_chunks(simulation_network) -> None:  # type: ignore[no-untyped-def]
    net = simulation_network.with_months(18)
    kwargs = {"mode": "stochastic", "replications": 130, "seed": 5, "engine": "compiled"}
    one = run(net, **kwargs)  # type: ignore[arg-type]
    assert one.engine == "compiled"
    _same(one, run(net, chunk=37, **kwargs))  # type: ignore[arg-type]
    two = run(net, chunk=50, workers=2, **kwargs)  # type: ignore[arg-type]
    _same(one, two)
    assert one.draws == two.draws
    assert one.draws is not None
    assert one.draws > 130 * 18 * 50  # dozens of draws a replication and month
    # a replication's numbers are its own: fewer replications are a prefix
    fewer = run(net, mode="stochastic", replications=40, seed=5, engine="compiled")
    _same(one, fewer, 40)
    other = run(net, mode="stochastic", replications=40, seed=6, engine="compiled")
    assert not np.array_equal(one.u_by_bin[:40], other.u_by_bin)
    assert not np.array_equal(one.u_by_bin[:40], one.u_by_bin[40:80])


def test_a_run_written_over_old_records_gives_the_bits_of_a_fresh_one(simulation_network) -> None:  # type: ignore[no-untyped-def]
    net = simulation_network.with_months(18)
    kwargs = {"mode": "stochastic", "replications": 60, "engine": "compiled"}
    fresh = run(net, seed=5, **kwargs)  # type: ignore[arg-type]
    reuse: dict[str, np.ndarray] = {}
    first = run(net, seed=9, reuse=reuse, **kwargs)  # type: ignore[arg-type]
    assert first.u_by_bin is reuse["u_by_bin"]  # filled with the run's records
    for values in reuse.values():
        values[...] = 7.0  # old values anywhere must not matter
    again = run(net, seed=5, reuse=reuse, **kwargs)  # type: ignore[arg-type]
    assert again.in_measure is reuse["in_measure"]  # written over, not made anew
    _same(fresh, again)
    other = run(net.with_months(12), seed=5, reuse=reuse, **kwargs)  # type: ignore[arg-type]
    assert other.u_by_bin is reuse["u_by_bin"]  # another shape: new records, kept
    assert reuse["u_by_bin"].shape[1] == 12
    assert again.u_by_bin.shape[1] == 18  # the old ones are left to the old trajectory


def test_a_run_with_ranges_and_uncertain_outcomes_is_reproducible() -> None:
    net = tiny_network(abandon=0.05, months=12)
    net = dataclasses.replace(
        net,
        abandon_range=(0.02, 0.10),
        measures=tuple(dataclasses.replace(m, months_range=(2.0, 8.0)) for m in net.measures),
    )
    a = run(net, mode="stochastic", replications=90, seed=3, engine="compiled", chunk=20)
    b = run(net, mode="stochastic", replications=90, seed=3, engine="compiled", workers=2, chunk=45)
    _same(a, b)


def _quantile_se(values: np.ndarray, q: float) -> float:
    """Standard error of the ``q`` quantile of a sample, by the normal approximation."""
    from scipy import stats

    density = stats.norm.pdf(stats.norm.ppf(q)) / max(values.std(ddof=1), 1e-9)
    return float(np.sqrt(q * (1 - q) / values.size) / density)


def _series(traj: Trajectory) -> dict[str, np.ndarray]:
    """Per replication: stocks at the last month and flows summed over the run."""
    out = {
        "unemployed": traj.u_by_bin[:, -1].sum(axis=1),
        "segmented": traj.u_by_segment[:, -1, 1:].sum(axis=1),
        "inflow": traj.inflow.sum(axis=1),
    }
    for i, m in enumerate(traj.network.measures):
        out[f"waiting {m.name}"] = traj.queue[:, -1, i].sum(axis=1)
        out[f"in {m.name}"] = traj.in_measure[:, -1, i].sum(axis=(1, 2))
        out[f"placed {m.name}"] = traj.placed[:, :, i].sum(axis=1)
        out[f"returns {m.name}"] = traj.returns[:, :, i].sum(axis=1)
    for o in range(traj.exits.shape[2]):
        for d in range(traj.exits.shape[3]):
            out[f"exits {o}-{d}"] = traj.exits[:, :, o, d].sum(axis=1)
    return out


def test_compiled_and_numpy_engines_agree_within_monte_carlo_error(simulation_network) -> None:  # type: ignore[no-untyped-def]
    net = simulation_network.with_months(24)
    reps = 400
    a = _series(run(net, mode="stochastic", replications=reps, seed=21, engine="compiled"))
    b = _series(run(net, mode="stochastic", replications=reps, seed=22, engine="numpy"))
    compared = 0
    for key, x in a.items():
        y = b[key]
        se = np.sqrt(x.var(ddof=1) / reps + y.var(ddof=1) / reps)
        assert abs(x.mean() - y.mean()) <= 4.5 * se + 0.5, (key, x.mean(), y.mean())
        for q in (0.05, 0.95):
            tol = 4.5 * np.hypot(_quantile_se(x, q), _quantile_se(y, q)) + 1.0
            assert abs(np.quantile(x, q) - np.quantile(y, q)) <= tol, (key, q)
        compared += x.std() > 0
    assert compared >= 20  # most series vary: the comparison says something


@pytest.mark.parametrize("engine", ["compiled", "numpy"])
def test_both_engines_conserve_people(engine: str, simulation_network) -> None:  # type: ignore[no-untyped-def]
    for net in (tiny_network(abandon=0.05, waiting=0.2, mode="pull"), simulation_network):
        traj = run(net.with_months(24), mode="stochastic", replications=30, seed=2, engine=engine)
        assert np.abs(_balance(traj)).max() < 1e-6
        for name in RECORDS:
            assert getattr(traj, name).min() >= 0, name


def test_choosing_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    net = tiny_network(months=3)
    assert run(net, engine="compiled").engine == "numpy"  # the expected mode is NumPy's
    assert run(net, mode="stochastic", replications=3, seed=1).engine == "compiled"
    monkeypatch.setenv("POLKU_ENGINE", "numpy")
    assert run(net, mode="stochastic", replications=3, seed=1).engine == "numpy"
    with pytest.raises(AssumptionError, match="engine"):
        run(net, mode="stochastic", replications=3, seed=1, engine="fortran")


def test_a_run_without_a_seed_records_the_seed_it_drew() -> None:
    net = tiny_network(months=6)
    a = run(net, mode="stochastic", replications=5, engine="compiled")
    assert a.seed is not None
    _same(a, run(net, mode="stochastic", replications=5, seed=a.seed, engine="compiled"))


def test_the_kernel_uses_the_networks_referral_cap() -> None:
    assert kernel.MAX_REFERRAL == MAX_REFERRAL


def test_without_numba_the_numpy_engine_runs() -> None:
    """A plain install (no Numba): nothing imports it, ``auto`` runs NumPy, and asking
    for the compiled engine says what to install."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['numba'] = None\n"
        "sys.path.insert(0, 'tests')\n"
        "from tiny_network import tiny_network\n"
        "from polku.errors import AssumptionError\n"
        "from polku.simulation.engine import run\n"
        "t = run(tiny_network(months=6), mode='stochastic', replications=5, seed=1)\n"
        "assert t.engine == 'numpy', t.engine\n"
        "try:\n"
        "    run(tiny_network(months=6), mode='stochastic', replications=5, engine='compiled')\n"
        "except AssumptionError as e:\n"
        "    assert 'polku[fast]' in str(e)\n"
        "else:\n"
        "    raise SystemExit('no error')\n"
    )
    from pathlib import Path

    root = Path(__file__).parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_numpy_chunks_draw_their_own_outcome_shares(simulation_network) -> None:  # type: ignore[no-untyped-def]
    """Each chunk of the NumPy engine draws its own outcome shares (they were the same
    in every chunk); the compiled engine draws them once for the whole run."""
    from polku.simulation.draws import Random
    from polku.simulation.month import State

    def shares(chunk: int) -> np.ndarray:
        rng = np.random.default_rng(0)
        return State(simulation_network, Random(rng, 4, chunk), 50).outcomes

    assert np.array_equal(shares(0), shares(0))
    assert not np.array_equal(shares(0), shares(1))
    assert not np.array_equal(shares(1), shares(2))


@pytest.mark.parametrize("engine", ["numpy", "compiled"])
def test_simulate_engine_option_is_used_and_said_in_the_summary(engine: str) -> None:
    """``polku simulate --engine`` picks the engine, and summary.json says which drew the
    run; the two engines' means of the embedded region agree within their bands."""
    from typer.testing import CliRunner

    from polku.cli import app

    args = ["simulate", "--mode", "stochastic", "--replications", "200", "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--engine", engine])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["engine"] == engine
    other = json.loads(CliRunner().invoke(app, [*args, "--engine", "auto"]).stdout)
    assert other["engine"] == "compiled"  # auto, with Numba installed here
    mine, theirs = (d["scenarios"]["baseline"]["metrics"] for d in (doc, other))
    assert set(mine) == set(theirs)
    for name in ("unemployed", "long_term"):  # the mean within the other's p5-p95
        assert theirs[name]["p5"] <= mine[name]["mean"] <= theirs[name]["p95"], name


def test_a_run_that_would_compile_first_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kernel's first compilation takes about 20 s: ``polku simulate`` says so when
    the disk cache holds no kernel, and is silent when it does (or when nothing is
    compiled: the expected mode, the NumPy engine)."""
    from typer.testing import CliRunner

    from polku.cli import app
    from polku.simulation import compiled
    from polku.simulation.engine import compiles_first

    run(tiny_network(), mode="stochastic", replications=2, seed=1, engine="compiled")
    assert compiled.cached()
    assert not compiles_first("stochastic", "compiled")
    assert not compiles_first("expected", "compiled")
    assert not compiles_first("stochastic", "numpy")
    args = ["simulate", "--mode", "stochastic", "--replications", "2", "--years", "1"]
    quiet = CliRunner().invoke(app, [*args, "--lang", "en"])
    assert quiet.exit_code == 0, quiet.output
    assert "compiles the engine" not in quiet.stderr
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # another user's empty cache
    compiled.cache_dir.cache_clear()
    try:
        assert compiles_first("stochastic", None)
        said = CliRunner().invoke(app, [*args, "--lang", "fi"])
        assert said.exit_code == 0, said.output
        assert "kääntää laskentamoottorin valmiiksi (noin 20 sekuntia)" in said.stderr
    finally:
        compiled.cache_dir.cache_clear()
