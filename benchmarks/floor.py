"""The draw-cost floor: what the engine's own draws cost when drawn in a tight loop.

``python benchmarks/floor.py OUT.npy`` runs two replications of the embedded region with
Numba switched off (``NUMBA_DISABLE_JIT=1``, set by :func:`engine_mix` for a child
process) and saves every binomial's ``(n, p)`` that used a random number; the benchmark
then times the compiled sampler and NumPy's on exactly those pairs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def _record(out: Path) -> None:
    from polku import default_region
    from polku.simulation.calibrate import build
    from polku.simulation.compiled import kernel, streams
    from polku.simulation.engine import run

    pairs: list[tuple[int, float]] = []
    binomial = streams.binomial

    def recording(state: np.ndarray, n: int, p: float) -> int:
        if n > 0 and 0.0 < p < 1.0:
            pairs.append((n, p))
        return int(binomial(state, n, p))

    kernel.binomial = recording  # type: ignore[assignment]
    streams.binomial = recording  # type: ignore[assignment]
    run(build(default_region()).network, mode="stochastic", replications=2, seed=1)
    np.save(out, np.array(pairs))


def engine_mix() -> np.ndarray:
    """``[K, 2]`` the (n, p) of every draw of two replications of the embedded region."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "mix.npy"
        env = {**os.environ, "NUMBA_DISABLE_JIT": "1", "PYTHONWARNINGS": "ignore"}
        subprocess.run([sys.executable, __file__, str(out)], check=True, env=env)
        return np.asarray(np.load(out))


def ns_per_draw(mix: np.ndarray, repeats: int = 5) -> tuple[float, float]:
    """Median nanoseconds a draw on ``mix`` (tiled to about 2 million draws): the
    compiled sampler's and NumPy's vector ``Generator.binomial``."""
    from polku.simulation.compiled.sample import binomials

    tiles = max(1, 2_000_000 // len(mix))
    n = np.tile(mix[:, 0].astype(np.int64), tiles)
    p = np.tile(mix[:, 1], tiles)
    binomials(0, n[:10], p[:10])  # compile
    rng = np.random.default_rng(0)
    ours, numpy = [], []
    for i in range(repeats):
        start = time.perf_counter()
        binomials(i, n, p)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        rng.binomial(n, p)
        numpy.append(time.perf_counter() - start)
    return float(np.median(ours)) / n.size * 1e9, float(np.median(numpy)) / n.size * 1e9


if __name__ == "__main__":
    _record(Path(sys.argv[1]))
