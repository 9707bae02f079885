"""The fuzzer (``tools/fuzz.py``) in CI: a small run finds no traceback and nothing that
``polku check`` passed but a later command refused.

The large run the docs quote (``docs/robustness.md``) is the same script with ``--n 1000``.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_embedded

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import fuzz  # noqa: E402  (a script, not a package)


def test_a_small_run_has_no_traceback_and_no_later_failure(tmp_path: Path) -> None:
    script = str(ROOT / "tools" / "fuzz.py")
    result = subprocess.run(
        [sys.executable, script, "--n", "30", "--seed", "5", "--workers", "2"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "30 corruptions, seed 5" in result.stdout
    total = next(line for line in result.stdout.splitlines() if line.startswith("total"))
    assert sum(int(n) for n in total.split()[1:]) == 30


@pytest.mark.parametrize("kind", sorted(fuzz.KINDS))
def test_every_kind_changes_the_dataset(tmp_path: Path, kind: str) -> None:
    template = copy_embedded(tmp_path / "template")
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    what = fuzz.KINDS[kind](folder, random.Random(kind))
    assert what
    changed = [
        p.name for p in template.iterdir() if p.read_bytes() != (folder / p.name).read_bytes()
    ]
    assert changed, f"{kind}: {what} changed nothing"


def test_a_case_is_the_same_whatever_the_workers(tmp_path: Path) -> None:
    template = copy_embedded(tmp_path / "template")
    first = fuzz.run_case(9, 4, template)
    again = fuzz.run_case(9, 4, template)
    assert (first.kind, first.edit, first.outcome) == (again.kind, again.edit, again.outcome)


def test_the_tally_counts_each_outcome() -> None:
    cases = [
        fuzz.Case(0, "zero", "x", "error"),
        fuzz.Case(1, "zero", "y", "ran"),
        fuzz.Case(2, "huge", "z", "error"),
    ]
    lines = fuzz.tally(cases).splitlines()
    assert lines[0].split()[1:] == list(fuzz.OUTCOMES)
    zero = next(line for line in lines if line.startswith("zero "))
    assert zero.split()[1:3] == ["1", "1"]
    assert lines[-1].split()[1:3] == ["2", "1"]
