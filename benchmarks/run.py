"""Polku's performance benchmarks: ``python benchmarks/run.py [--quick]``.

Prints, all measured in this one process (engines and SimPy timed in turns):

1. Peer ratio: the compiled engine (and the NumPy one) against SimPy on the same
   queueing network (60 months), per replication, with the mean stocks side by side,
   the queues also as the engine counts them (at the month's end, after its places
   are filled) and before the fill.
2. The embedded region, 60 months: expected mode; 1000 replications on the compiled
   engine (one and two threads) and the NumPy one; peak memory.
3. The draw-cost floor: the compiled engine's own draws (their (n, p), recorded from
   two replications) timed in a tight loop, times the draws a 1000-replication run
   makes, beside that run's time.
4. 300 areas (the embedded region scaled to each area's size) x 1000 replications,
   measured end to end with ``run_areas``, and whether two threads pay.

Numbers are ratios and timings of this machine; nothing here is asserted (benchmarks
are not tests).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from floor import engine_mix, ns_per_draw
from network import ARRIVALS, LONG_QUEUES, MEASURES, MONTHS, STAY_MONTHS, benchmark_network

from polku import default_region
from polku.simulation.areas import run_areas
from polku.simulation.calibrate import build
from polku.simulation.engine import run

WORKERS = max(1, min(2, os.cpu_count() or 1))  # this machine has two cores
REPEATS = 5  # timed runs of the engine; the median is reported (the machine is shared)
SIMPY_REPLICATIONS = 5


def simpy_replication(
    seed: int, measures: dict[str, tuple[float, int, float]] = MEASURES
) -> dict[str, float]:
    """The benchmark network in SimPy, continuous time; mean stocks over months 13-60."""
    import simpy

    rng = random.Random(seed)
    env = simpy.Environment()
    resources = {
        name: simpy.Resource(env, capacity=places) for name, (_, places, _) in measures.items()
    }
    counts = {
        "unemployed": 0,
        **{f"in_{n}": 0 for n in measures},
        **{f"waiting_{n}": 0 for n in measures},
    }
    area = dict.fromkeys(counts, 0.0)
    since = dict.fromkeys(counts, 0.0)

    def change(key: str, step: int) -> None:
        """Count ``step`` more in ``key``, adding its stock x time since its last change."""
        now = env.now
        if now > 12.0:
            area[key] += counts[key] * (now - max(since[key], 12.0))
        since[key] = now
        counts[key] += step

    def person() -> simpy.events.Event:
        while True:
            change("unemployed", 1)
            yield env.timeout(rng.expovariate(1.0 / STAY_MONTHS))
            change("unemployed", -1)
            x, chosen = rng.random(), None
            for name, (share, _, _) in measures.items():
                if x < share:
                    chosen = name
                    break
                x -= share
            if chosen is None:
                return
            change(f"waiting_{chosen}", 1)
            with resources[chosen].request() as request:
                yield request
                change(f"waiting_{chosen}", -1)
                change(f"in_{chosen}", 1)
                yield env.timeout(rng.expovariate(1.0 / measures[chosen][2]))
                change(f"in_{chosen}", -1)
            if rng.random() >= 0.3:
                return

    def arrivals() -> simpy.events.Event:
        while True:
            yield env.timeout(rng.expovariate(ARRIVALS))
            env.process(person())

    ends = dict.fromkeys(counts, 0.0)  # the stocks at each month's end, months 13-60

    def month_ends() -> simpy.events.Event:
        while True:
            yield env.timeout(1.0)
            if env.now > 12.5:
                for key, value in counts.items():
                    ends[key] += value

    env.process(arrivals())
    env.process(month_ends())
    env.run(until=MONTHS + 1e-9)
    for key in counts:
        change(key, 0)  # the stocks' last stretch, to the end of the horizon
    out = {k: v / (MONTHS - 12.0) for k, v in area.items()}
    out.update({f"end {k}": v / (MONTHS - 12.0) for k, v in ends.items()})
    return out


def engine_means(
    replications: int,
    seed: int,
    workers: int,
    engine: str = "compiled",
    measures: dict[str, tuple[float, int, float]] | None = None,
) -> tuple[dict[str, float], float]:
    """The same network in the engine; mean stocks over months 13-60, and seconds.
    ``before fill`` is the queue just before the month's places were filled (its
    month-end queue and those placed that month)."""
    net = benchmark_network(measures)
    start = time.perf_counter()
    traj = run(
        net,
        mode="stochastic",
        replications=replications,
        seed=seed,
        workers=workers,
        engine=engine,
    )
    seconds = time.perf_counter() - start
    out = {"unemployed": float(traj.u_by_bin[:, 12:].sum(axis=2).mean())}
    for i, name in enumerate(MEASURES):
        out[f"in_{name}"] = float(traj.in_measure[:, 12:, i].sum(axis=(2, 3)).mean())
        waiting = traj.queue[:, 12:, i].sum(axis=2)
        out[f"waiting_{name}"] = float(waiting.mean())
        out[f"before fill {name}"] = float((waiting + traj.placed[:, 12:, i]).mean())
    return out, seconds


def peer(simpy_reps: int, engine_reps: int) -> float:
    """SimPy and the engines timed in turns (a SimPy replication, then a run of each
    engine), so that a change in the machine's speed hits all alike. Returns the
    compiled engine's median ratio."""
    print("1. Peer ratio: the engine against SimPy on the benchmark network, 60 months")
    for engine in ("compiled", "numpy"):
        engine_means(engine_reps, 0, 1, engine)  # warm up (and compile)
    sims, simpy_times = [], []
    times: dict[str, list[float]] = {"compiled": [], "numpy": []}
    means: dict[str, dict[str, float]] = {}
    for i in range(simpy_reps):
        start = time.perf_counter()
        sims.append(simpy_replication(i))
        simpy_times.append(time.perf_counter() - start)
        for engine, runs in times.items():
            means[engine], seconds = engine_means(engine_reps, 1 + i, 1, engine)
            runs.append(seconds)
    simpy_mean = {k: float(np.mean([s[k] for s in sims])) for k in sims[0]}
    simpy_each = float(np.median(simpy_times))
    print(f"   SimPy : {simpy_reps} replications, median {simpy_each:.3f} s each")
    ratio = 0.0
    for engine, runs in times.items():
        each = float(np.median(runs)) / engine_reps
        turns = [a / (b / engine_reps) for a, b in zip(simpy_times, runs, strict=True)]
        print(
            f"   {engine:8}: {engine_reps} replications in {np.median(runs):.3f} s (median of "
            f"{simpy_reps}, one thread), {each * 1e6:.1f} us each; ratio SimPy / engine "
            f"{simpy_each / each:,.0f} (turn by turn {min(turns):,.0f}-{max(turns):,.0f})"
        )
        if engine == "compiled":
            ratio = simpy_each / each
    engine = means["compiled"]
    print(f"   {'mean stock, months 13-60':32} {'SimPy':>10} {'engine':>10} {'diff':>8}")
    for key in (k for k in simpy_mean if not k.startswith("end ")):
        a, b = simpy_mean[key], engine[key]
        # near-empty queues: a relative difference says nothing, show persons instead
        diff = f"{(b - a) / a:8.1%}" if a >= 50 else f"{b - a:+7.1f}p"
        print(f"   {key:32} {a:10.1f} {b:10.1f} {diff:>8}")
    print("   queues, persons: SimPy time average | SimPy at month ends | engine at month")
    print("   ends (after the fill) | engine before the month's fill | NumPy engine")
    for name in MEASURES:
        key = f"waiting_{name}"
        print(
            f"   {name:22} {simpy_mean[key]:7.1f} {simpy_mean['end ' + key]:7.1f} "
            f"{engine[key]:7.1f} {engine['before fill ' + name]:7.1f} {means['numpy'][key]:7.1f}"
        )
    return ratio


def long_queues(simpy_reps: int, engine_reps: int) -> None:
    """The SimPy comparison where queues are long: the work trial overloaded (55 places
    of 3 months, 18.3 freeing a month, for 22 referred), so its queue grows all along."""
    print("1b. Long queues: the work trial at 120 % load, SimPy against the engine")
    sims = [simpy_replication(100 + i, LONG_QUEUES) for i in range(simpy_reps)]
    simpy_mean = {k: float(np.mean([s[k] for s in sims])) for k in sims[0]}
    engine, _ = engine_means(engine_reps, 7, 1, "compiled", LONG_QUEUES)
    numpy_engine, _ = engine_means(engine_reps, 7, 1, "numpy", LONG_QUEUES)
    key = "waiting_work_trial"
    a, end, b = simpy_mean[key], simpy_mean["end " + key], engine[key]
    before = engine["before fill work_trial"]
    spread = np.std([x[key] for x in sims], ddof=1) / np.sqrt(len(sims)) if len(sims) > 1 else 0
    print(
        f"   queue, persons (months 13-60): SimPy time average {a:.1f} (+- {spread:.1f}, "
        f"{len(sims)} replications), at month ends {end:.1f}; engine at month ends {b:.1f} "
        f"({(b - end) / end:+.1%} against SimPy's month ends), before the fill {before:.1f}; "
        f"NumPy engine {numpy_engine[key]:.1f}"
    )
    for stock in ("in_work_trial", "unemployed"):
        x, y = simpy_mean[stock], engine[stock]
        print(f"   {stock:22} SimPy {x:8.1f}  engine {y:8.1f}  ({(y - x) / x:+.1%})")


def _timed(net: object, replications: int, workers: int, engine: str, seed: int) -> float:
    start = time.perf_counter()
    run(
        net,  # type: ignore[arg-type]
        mode="stochastic",
        replications=replications,
        seed=seed,
        workers=workers,
        engine=engine,
    )
    return time.perf_counter() - start


def south_karelia(replications: int) -> tuple[float, float, int]:
    """The embedded region; returns the compiled engine's median on one thread, its
    best median over the worker counts (seconds) and the draws a run makes."""
    print("2. The embedded region (South Karelia), baseline, 60 months")
    start = time.perf_counter()
    net = build(default_region()).network
    print(f"   calibration: {time.perf_counter() - start:.2f} s")
    run(net)
    times = []
    for _ in range(20):
        start = time.perf_counter()
        run(net)
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"   expected mode: median {times[10] * 1000:.1f} ms, best {times[0] * 1000:.1f} ms")
    for workers in sorted({1, WORKERS}):  # warm up: compile, fork once
        _timed(net, 50, workers, "compiled", 0)
    runs: dict[tuple[str, int], list[float]] = {("compiled", w): [] for w in sorted({1, WORKERS})}
    runs[("numpy", 1)] = []
    for i in range(REPEATS):  # in turns
        for (engine, workers), seconds in runs.items():
            if engine == "numpy" and i >= 2:
                continue  # the reference: two runs are enough
            seconds.append(_timed(net, replications, workers, engine, 1 + i))
    medians = {key: float(np.median(seconds)) for key, seconds in runs.items()}
    for (engine, workers), seconds in runs.items():
        print(
            f"   stochastic, {replications} replications, {engine}, {workers} worker(s): "
            f"median {medians[(engine, workers)]:.3f} s, best {min(seconds):.3f} s "
            f"({len(seconds)} runs)"
        )
    one = medians[("compiled", 1)]
    best = min(v for (engine, _), v in medians.items() if engine == "compiled")
    traj = run(net, mode="stochastic", replications=replications, seed=1)
    draws = int(traj.draws or 0)
    del traj
    tracemalloc.start()  # a separate run: tracing slows NumPy down
    run(net, mode="stochastic", replications=replications, seed=1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"   peak memory (one process): {peak / 2**20:.0f} MiB")
    return one, best, draws


def floor(replications: int, one: float, best: float, draws: int) -> None:
    print("3. Draw-cost floor: the engine's own draws, timed alone")
    mix = engine_mix()
    ours, numpy = ns_per_draw(mix)
    print(
        f"   {len(mix)} draws recorded from 2 replications; a draw costs {ours:.1f} ns "
        f"compiled, {numpy:.1f} ns with NumPy's vector Generator.binomial"
    )
    cost = draws * ours * 1e-9
    print(
        f"   {replications} replications make {draws:,} draws: floor {cost:.3f} s on one "
        f"core, {cost / WORKERS:.3f} s on {WORKERS}"
    )
    print(
        f"   the engine: {one:.3f} s on one thread = {one / cost:.2f} x its one-core floor; "
        f"best {best:.3f} s = {best / (cost / WORKERS):.2f} x the {WORKERS}-core floor"
    )


def scaled(net: object, factor: float) -> object:
    """The region scaled to an area ``factor`` times its size."""
    from polku.simulation.network import Network

    assert isinstance(net, Network)
    measures = tuple(dataclasses.replace(m, places=m.places * factor) for m in net.measures)
    return dataclasses.replace(
        net,
        inflow=net.inflow * factor,
        measures=measures,
        initial_u=net.initial_u * factor,
        initial_q=net.initial_q * factor,
        initial_m=net.initial_m * factor,
    )


def areas(count: int, replications: int, probe: int) -> None:
    print(f"4. {count} areas x {replications} replications, 60 months, end to end")
    base = build(default_region()).network
    factors = np.random.default_rng(0).lognormal(-1.5, 1.0, size=count)
    nets = [scaled(base, float(f)) for f in factors]
    print(
        f"   areas: the embedded region scaled by {factors.min():.2f}-{factors.max():.2f} "
        f"(median {np.median(factors):.2f}); summaries kept, trajectories not"
    )
    pays = {}
    for workers in sorted({1, WORKERS}):  # do two threads pay? the first areas on each
        start = time.perf_counter()
        run_areas(nets[:probe], replications=replications, seed=1, workers=workers)  # type: ignore[arg-type]
        pays[workers] = time.perf_counter() - start
    chosen = min(pays, key=lambda w: pays[w])
    print(
        "   first "
        + f"{probe} areas: "
        + ", ".join(f"{w} worker(s) {t:.1f} s" for w, t in pays.items())
        + f": the run uses {chosen}"
    )
    start = time.perf_counter()
    out = run_areas(nets, replications=replications, seed=2, workers=chosen)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    draws = sum(a.draws or 0 for a in out)
    print(
        f"   measured: {seconds:.1f} s ({seconds / count * 1000:.0f} ms an area, "
        f"{draws:,} draws, {chosen} worker(s))"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer replications and areas")
    args = parser.parse_args()
    reps = 100 if args.quick else 1000
    peer(1 if args.quick else SIMPY_REPLICATIONS, reps)
    long_queues(1 if args.quick else SIMPY_REPLICATIONS, reps)
    one, best, draws = south_karelia(reps)
    floor(reps, one, best, draws)
    if args.quick:
        areas(20, 100, 6)
    else:
        areas(300, 1000, 20)


if __name__ == "__main__":
    main()
