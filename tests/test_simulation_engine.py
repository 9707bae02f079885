"""The engine: conservation, non-negativity, seeds, modes, and an independent check."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polku.simulation.engine import Trajectory, chunk_size, run
from polku.simulation.network import exit_probability
from tiny_network import tiny_network


def _balance(traj: Trajectory) -> np.ndarray:
    """Initial people + inflow so far - exits so far - people now: zero every month."""
    net = traj.network
    initial = net.initial_u.sum() + net.initial_q.sum() + net.initial_m.sum()
    if traj.mode == "stochastic":
        initial = (
            np.floor(net.initial_u).sum()
            + np.floor(net.initial_q).sum()
            + np.floor(net.initial_m).sum()
        )
    inflow = np.cumsum(traj.inflow, axis=1)
    exits = np.cumsum(traj.exits.sum(axis=(2, 3)), axis=1)
    return np.asarray(initial + inflow - exits - traj.people())


@pytest.mark.parametrize("mode", ["expected", "stochastic"])
def test_people_are_conserved_every_month(mode: str) -> None:
    traj = run(tiny_network(abandon=0.05), mode=mode, replications=20, seed=1)
    assert np.abs(_balance(traj)).max() < 1e-6


def test_people_are_conserved_in_the_region(simulation_network) -> None:  # type: ignore[no-untyped-def]
    for mode in ("expected", "stochastic"):
        traj = run(simulation_network.with_months(24), mode=mode, replications=20, seed=2)
        assert np.abs(_balance(traj)).max() < 1e-6, mode


@settings(max_examples=40, deadline=None)
@given(
    hazard=st.floats(0.0, 1.0),
    route=st.floats(0.0, 1.0),
    places=st.floats(0.0, 200.0),
    mean_months=st.floats(1.0, 24.0),
    back=st.floats(0.0, 1.0),
    abandon=st.floats(0.0, 1.0),
    inflow=st.floats(0.0, 300.0),
    seed=st.integers(0, 2**32 - 1),
)
def test_counts_never_negative_and_conserved(
    hazard: float,
    route: float,
    places: float,
    mean_months: float,
    back: float,
    abandon: float,
    inflow: float,
    seed: int,
) -> None:
    net = tiny_network(
        months=12,
        hazard=hazard,
        route=min(route, 1.0 - hazard),
        places=places,
        mean_months=mean_months,
        back=back,
        abandon=abandon,
        inflow=inflow,
    )
    for mode in ("expected", "stochastic"):
        traj = run(net, mode=mode, replications=5, seed=seed)
        for name in ("u_by_bin", "queue", "in_measure", "exits", "placed"):
            assert getattr(traj, name).min() >= -1e-9, (mode, name)
        assert traj.in_measure.sum(axis=(3, 4)).max() <= places + 1e-6
        assert np.abs(_balance(traj)).max() < 1e-6


def test_same_seed_same_result_and_the_seed_is_recorded() -> None:
    net = tiny_network(abandon=0.1)
    a = run(net, mode="stochastic", replications=30, seed=42)
    b = run(net, mode="stochastic", replications=30, seed=42)
    c = run(net, mode="stochastic", replications=30, seed=43)
    assert a.seed == 42
    assert np.array_equal(a.u_by_bin, b.u_by_bin)
    assert np.array_equal(a.exits, b.exits)
    assert not np.array_equal(a.u_by_bin, c.u_by_bin)


def test_discrete_durations_match_continuous_means() -> None:
    """A measure fed at lambda a month with p = 1/tau holds lambda * tau (Little's law)."""
    tau, lam = 6.0, 20.0
    assert exit_probability(tau) == pytest.approx(1.0 / tau)
    # everyone leaving unemployment goes to the measure, which never fills
    net = tiny_network(
        months=240, inflow=lam, hazard=0.0, route=1.0, places=1e9, mean_months=tau, back=0.0
    )
    traj = run(net)
    assert traj.in_measure[0, -1].sum() == pytest.approx(lam * tau, rel=1e-6)


def test_expected_mode_equals_the_stochastic_mean(simulation_network) -> None:  # type: ignore[no-untyped-def]
    net = simulation_network.with_months(24)
    expected = run(net)
    draws = run(net, mode="stochastic", replications=300, seed=7)
    for name in ("u_by_bin", "in_measure", "queue"):
        e = getattr(expected, name)[0, -1].sum()
        last = getattr(draws, name)[:, -1]
        values = last.reshape(last.shape[0], -1).sum(axis=1)
        se = values.std(ddof=1) / np.sqrt(values.size)
        assert abs(values.mean() - e) <= max(4 * se, 0.01 * e), name


def _individuals(net_kwargs: dict[str, float], months: int, seed: int) -> dict[str, float]:
    """The tiny network simulated person by person, in the engine's order of events."""
    rng = random.Random(seed)
    hazard, route = net_kwargs["hazard"], net_kwargs["route"]
    places, p_end, back = net_kwargs["places"], 1 / net_kwargs["mean_months"], net_kwargs["back"]
    unemployed, queue, inside = 0, [], 0  # queue: months waited per person
    for _ in range(months):
        ended = sum(rng.random() < p_end for _ in range(inside))
        inside -= ended
        returning = sum(rng.random() < back for _ in range(ended))
        stay, referred = 0, 0
        for _ in range(unemployed):
            x = rng.random()
            if x < hazard:
                continue
            if x < hazard + route:
                referred += 1
            else:
                stay += 1
        queue += [0] * referred
        free = max(int(places) - inside, 0)
        queue.sort(reverse=True)  # first come (longest waiting) first
        taken, queue = queue[:free], queue[free:]
        inside += len(taken)
        queue = [w + 1 for w in queue]
        arrivals = sum(1 for _ in range(int(net_kwargs["inflow"])))
        unemployed = stay + returning + arrivals
    return {"unemployed": unemployed, "queue": len(queue), "inside": inside}


@pytest.mark.parametrize("engine", ["compiled", "numpy"])
def test_an_independent_individual_simulation_agrees(engine: str) -> None:
    kwargs = {
        "inflow": 40.0,
        "hazard": 0.2,
        "route": 0.15,
        "places": 30.0,
        "mean_months": 3.0,
        "back": 0.3,
    }
    months, reps = 36, 120
    people = [_individuals(kwargs, months, seed) for seed in range(reps)]
    net = dataclasses.replace(
        tiny_network(months=months, **kwargs), inflow=np.full(months, kwargs["inflow"])
    )
    traj = run(net, mode="stochastic", replications=400, seed=11, engine=engine)
    assert traj.engine == engine
    engine_values = {
        "unemployed": traj.u_by_bin[:, -1].sum(axis=1),
        "queue": traj.queue[:, -1].sum(axis=(1, 2)),
        "inside": traj.in_measure[:, -1].sum(axis=(1, 2, 3)),
    }
    for key, values in engine_values.items():
        own = np.array([p[key] for p in people], dtype=float)
        se = np.sqrt(own.var(ddof=1) / own.size + values.var(ddof=1) / values.size)
        assert abs(own.mean() - values.mean()) <= 4 * se + 0.5, (key, own.mean(), values.mean())


def test_assumption_ranges_are_drawn_per_replication() -> None:
    from polku.simulation.draws import Expected, Random
    from polku.simulation.month import State

    net = tiny_network(mean_months=4.0)
    net = dataclasses.replace(
        net,
        abandon_range=(0.02, 0.10),
        measures=tuple(dataclasses.replace(m, months_range=(2.0, 8.0)) for m in net.measures),
    )
    drawn = State(net, Random(np.random.default_rng(3)), 200)
    months = 1.0 / drawn.exit_p[:, 0]
    assert months.min() >= 2.0 - 1e-9
    assert months.max() <= 8.0 + 1e-9
    assert months.std() > 1.0
    assert 0.02 <= drawn.abandon.min() <= drawn.abandon.max() <= 0.10
    expected = State(net, Expected(), 1)
    assert 1.0 / expected.exit_p[0, 0] == pytest.approx(5.0)  # the midpoint


def test_results_do_not_depend_on_the_number_of_workers() -> None:
    net = tiny_network(abandon=0.05, months=12)
    chunk = chunk_size(net)
    one = run(net, mode="stochastic", replications=chunk + 40, seed=8)
    two = run(net, mode="stochastic", replications=chunk + 40, seed=8, workers=2)
    assert one.replications == chunk + 40
    assert np.array_equal(one.u_by_bin, two.u_by_bin)
    assert np.array_equal(one.in_measure, two.in_measure)
    assert not np.array_equal(one.u_by_bin[:40], one.u_by_bin[chunk:])  # chunks differ


def test_progress_runs_forward_over_all_chunks() -> None:
    seen: list[tuple[int, int]] = []
    net = tiny_network(months=6)
    reps = 2 * chunk_size(net) + 1
    run(
        net, mode="stochastic", replications=reps, seed=3, progress=lambda d, t: seen.append((d, t))
    )
    done = [d for d, _ in seen]
    assert done == sorted(done)  # never backwards, though chunks restart their months
    assert seen[-1][0] == seen[-1][1] == 3 * 6  # three chunks of six months
