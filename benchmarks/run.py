"""Polku's performance benchmarks: ``python benchmarks/run.py [--quick]``.

Prints, all measured in this one process:

1. Peer ratio: the engine against SimPy on the same queueing network (60 months),
   per replication, with both models' mean stocks side by side.
2. South Karelia baseline, 60 months: expected mode, stochastic 1000 replications,
   peak memory.
3. Scale: many areas (the embedded region scaled to each area's size) x replications,
   and how time and memory grow with each.

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

from network import ARRIVALS, MEASURES, MONTHS, STAY_MONTHS, benchmark_network

from polku import default_region
from polku.simulation.calibrate import build
from polku.simulation.engine import chunk_size, run

WORKERS = max(1, min(2, os.cpu_count() or 1))  # this machine has two cores
REPEATS = 5  # timed runs of the engine; the median is reported (the machine is shared)
SIMPY_REPLICATIONS = 5


def simpy_replication(seed: int) -> dict[str, float]:
    """The benchmark network in SimPy, continuous time; mean stocks over months 13-60."""
    import simpy

    rng = random.Random(seed)
    env = simpy.Environment()
    resources = {
        name: simpy.Resource(env, capacity=places) for name, (_, places, _) in MEASURES.items()
    }
    counts = {
        "unemployed": 0,
        **{f"in_{n}": 0 for n in MEASURES},
        **{f"waiting_{n}": 0 for n in MEASURES},
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
            for name, (share, _, _) in MEASURES.items():
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
                yield env.timeout(rng.expovariate(1.0 / MEASURES[chosen][2]))
                change(f"in_{chosen}", -1)
            if rng.random() >= 0.3:
                return

    def arrivals() -> simpy.events.Event:
        while True:
            yield env.timeout(rng.expovariate(ARRIVALS))
            env.process(person())

    env.process(arrivals())
    env.run(until=MONTHS)
    for key in counts:
        change(key, 0)  # the stocks' last stretch, to the end of the horizon
    return {k: v / (MONTHS - 12.0) for k, v in area.items()}


def engine_means(replications: int, seed: int, workers: int) -> tuple[dict[str, float], float]:
    """The same network in the engine; mean stocks over months 13-60, and seconds."""
    net = benchmark_network()
    start = time.perf_counter()
    traj = run(net, mode="stochastic", replications=replications, seed=seed, workers=workers)
    seconds = time.perf_counter() - start
    out = {"unemployed": float(traj.u_by_bin[:, 12:].sum(axis=2).mean())}
    for i, name in enumerate(MEASURES):
        out[f"in_{name}"] = float(traj.in_measure[:, 12:, i].sum(axis=(2, 3)).mean())
        out[f"waiting_{name}"] = float(traj.queue[:, 12:, i].sum(axis=2).mean())
    return out, seconds


def peer(simpy_reps: int, engine_reps: int) -> None:
    """SimPy and the engine timed in turns (a SimPy replication, then an engine run with
    each process count), so that a change in the machine's speed hits both alike."""
    print("1. Peer ratio: the engine against SimPy on the benchmark network, 60 months")
    engine_means(engine_reps, 0, 1)  # warm up
    sims, simpy_times = [], []
    engine_times: dict[int, list[float]] = {w: [] for w in sorted({1, WORKERS})}
    engine: dict[str, float] = {}
    for i in range(simpy_reps):
        start = time.perf_counter()
        sims.append(simpy_replication(i))
        simpy_times.append(time.perf_counter() - start)
        for workers, times in engine_times.items():
            engine, seconds = engine_means(engine_reps, 1 + i, workers)
            times.append(seconds)
    simpy_mean = {k: float(np.mean([s[k] for s in sims])) for k in sims[0]}
    simpy_each = float(np.median(simpy_times))
    workers = min(engine_times, key=lambda w: float(np.median(engine_times[w])))
    chunks = -(-engine_reps // chunk_size(benchmark_network()))
    workers = min(workers, chunks)  # one chunk runs in one process whatever is asked
    seconds = float(np.median(engine_times[workers]))
    engine_each = seconds / engine_reps
    ratios = [
        a / (b / engine_reps) for a, b in zip(simpy_times, engine_times[workers], strict=True)
    ]
    print(f"   SimPy : {simpy_reps} replications, median {simpy_each:.3f} s each")
    print(
        f"   engine: {engine_reps} replications in {seconds:.3f} s (median of {simpy_reps} "
        f"runs, {workers} process(es)), {engine_each * 1000:.3f} ms each"
    )
    print(
        f"   speed ratio per replication (SimPy / engine): {simpy_each / engine_each:,.0f} "
        f"(turn by turn {min(ratios):,.0f}-{max(ratios):,.0f})"
    )
    print(f"   {'mean stock, months 13-60':32} {'SimPy':>10} {'engine':>10} {'diff':>8}")
    for key in simpy_mean:
        a, b = simpy_mean[key], engine[key]
        # near-empty queues: a relative difference says nothing, show persons instead
        diff = f"{(b - a) / a:8.1%}" if a >= 50 else f"{b - a:+7.1f}p"
        print(f"   {key:32} {a:10.1f} {b:10.1f} {diff:>8}")


def south_karelia(replications: int) -> None:
    print("2. South Karelia baseline, 60 months")
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
    for workers in sorted({1, WORKERS}):
        times = []
        for i in range(REPEATS):
            start = time.perf_counter()
            run(net, mode="stochastic", replications=replications, seed=1 + i, workers=workers)
            times.append(time.perf_counter() - start)
        print(
            f"   stochastic, {replications} replications, {workers} process(es): "
            f"median {np.median(times):.2f} s, best {min(times):.2f} s ({REPEATS} runs)"
        )
    tracemalloc.start()  # a separate run: tracing slows NumPy down
    run(net, mode="stochastic", replications=replications, seed=1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"   peak memory (one process): {peak / 2**20:.0f} MiB")


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


def scale(grid: list[tuple[int, int]]) -> None:
    print("3. Scale: areas x replications, 60 months (areas run one after another)")
    base = build(default_region()).network
    rng = np.random.default_rng(0)
    print(f"   {'areas':>6} {'replications':>13} {'seconds':>9} {'peak MiB':>9}")
    timings = []
    for areas, reps in grid:
        factors = rng.lognormal(-1.5, 1.0, size=areas)
        start = time.perf_counter()
        for factor in factors:
            run(
                scaled(base, float(factor)),
                mode="stochastic",
                replications=reps,  # type: ignore[arg-type]
                seed=int(factor * 1e6),
            )
        seconds = time.perf_counter() - start
        tracemalloc.start()  # memory of one area's run, measured apart from the timing
        run(scaled(base, float(factors[0])), mode="stochastic", replications=reps, seed=1)  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"   {areas:6d} {reps:13d} {seconds:9.2f} {peak / 2**20:9.0f}")
        timings.append((areas, reps, seconds, peak))
    # time = areas x (a + b x replications): fit a and b, then extrapolate
    x = np.array([[a, a * r] for a, r, _, _ in timings], dtype=float)
    y = np.array([t for _, _, t, _ in timings])
    (per_area, per_run), *_ = np.linalg.lstsq(x, y, rcond=None)
    memory = max(p / r for _, r, _, p in timings)
    print(
        f"   fit: {per_area:.3f} s per area + {per_run * 1000:.3f} ms per area-replication;"
        f" memory grows with replications only (areas run in turn), about "
        f"{memory / 2**10:.0f} KiB per replication"
    )
    print(
        f"   300 areas x 1000 replications, extrapolated: "
        f"{300 * (per_area + 1000 * per_run) / 60:.1f} min, "
        f"peak about {memory * 1000 / 2**20:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer replications and areas")
    args = parser.parse_args()
    if args.quick:
        peer(1, 100)
        south_karelia(100)
        scale([(3, 50), (6, 50), (3, 100)])
    else:
        peer(SIMPY_REPLICATIONS, 1000)
        south_karelia(1000)
        scale([(10, 100), (20, 100), (10, 300), (40, 10)])


if __name__ == "__main__":
    main()
