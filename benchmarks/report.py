"""The report end to end: ``python benchmarks/report.py [--repeats N]``.

Times what the README's main command does after installing: ``polku check`` and
``polku report`` with a scenario, stochastic (the default: check, analyses, scenarios
with bands, producers, charts, HTML and XLSX), each as a fresh process, as a user runs
it. The reference is the same report in the expected mode, timed in turns with it in
this process, so the ratio says what the stochastic bands cost whatever the machine's
speed at the moment. The target is 10 s on this project's 2-core machine.

Numbers are timings of this machine; nothing here is asserted (benchmarks are not tests).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 10.0


def _polku(*args: str) -> list[str]:
    return [sys.executable, "-m", "polku", *args]


def end_to_end(folder: Path, mode: str) -> float:
    """Seconds for ``polku check`` then ``polku report`` (HTML and XLSX), fresh processes."""
    start = time.perf_counter()
    subprocess.run(_polku("check"), check=True, capture_output=True)
    out, xlsx = folder / f"report-{mode}.html", folder / f"report-{mode}.xlsx"
    for old in (out, xlsx):
        old.unlink(missing_ok=True)
    subprocess.run(
        _polku(
            "report",
            "--lang",
            "fi",
            "--scenario",
            "from-data",
            "--mode",
            mode,
            "--out",
            str(out),
            "--xlsx",
            str(xlsx),
        ),
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    stochastic, expected = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for _ in range(args.repeats):  # in turns, so a slow spell hits both
            stochastic.append(end_to_end(folder, "stochastic"))
            expected.append(end_to_end(folder, "expected"))
    s, e = statistics.median(stochastic), statistics.median(expected)
    print("Report end to end (polku check + polku report --scenario from-data, HTML + XLSX)")
    runs = {k: ", ".join(f"{x:.2f}" for x in v) for k, v in (("s", stochastic), ("e", expected))}
    print(f"  stochastic (default): median {s:.2f} s (runs {runs['s']})")
    print(f"  expected (reference): median {e:.2f} s (runs {runs['e']})")
    print(f"  ratio stochastic / expected: {s / e:.2f}")
    verdict = "met" if s <= TARGET_S else "NOT met"
    print(f"  target {TARGET_S:.0f} s: {verdict} ({s / TARGET_S:.0%} of it)")


if __name__ == "__main__":
    main()
