"""Fuzz ``polku check``: corrupt the embedded dataset N times and see that check vouches.

Each corruption copies the embedded dataset, breaks one file in one way (a table cut
to its header, a row deleted, a cell blanked or made huge, negative, zero, NaN, text,
a row doubled, two columns swapped, a period reversed, an area its own parent, markup
or a NUL byte in a cell, a file cut mid-row, another encoding) and runs ``polku
check``. When check passes, it runs ``analyse``, ``simulate`` (expected, and a small
stochastic run), ``report`` and ``producers`` on the same folder, in-process through
:func:`polku.cli.run`. The tally counts, for each kind, the outcomes:

- ``error``: check found errors (exit 1 or 2), the clean outcome for a broken file;
- ``ran``: check passed and every later command completed (exit 0);
- ``later_failed``: check passed but a later command stopped (check should have caught
  it);
- ``traceback``: a command ended in an internal error (exit 70);
- ``unlocated``: check refused the dataset without naming the file of each error, or
  with an exit code other than 1 (the data have errors) or 2 (cannot be read).

Python warnings are errors here (as in the test suite): a ``RuntimeWarning`` of NumPy
dividing by zero is a traceback, not a figure of NaN in a report.

    python tools/fuzz.py --n 1000 --seed 1 --workers 2

The exit status is 1 if there was any ``later_failed``, ``traceback`` or ``unlocated``.
Every case is drawn from its own seed (``seed`` and its index), so the tally does not
depend on the number of workers, and ``--case I`` replays one case and prints it.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

Rows = list[list[str]]
OUTCOMES = ("error", "ran", "later_failed", "traceback", "unlocated")
BAD = ("later_failed", "traceback", "unlocated")


@dataclass(frozen=True)
class Case:
    """One corruption and what came of it."""

    index: int
    kind: str
    edit: str  # what was done, e.g. "indicators.csv row 3 value = 1e40"
    outcome: str
    command: str = ""  # the command that failed or crashed
    code: int = 0
    detail: str = ""  # the first lines of its output


# --- reading and writing the CSVs -------------------------------------------------


def _read(path: Path) -> Rows:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: Rows) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def _tables(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.csv"))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cells(rows: Rows, test: Callable[[str, str], bool]) -> list[tuple[int, int]]:
    """(row, column) of every data cell whose header and text pass ``test``."""
    header = rows[0]
    return [
        (r, c)
        for r in range(1, len(rows))
        for c in range(min(len(header), len(rows[r])))
        if test(header[c], rows[r][c])
    ]


def _set_cell(
    folder: Path, rng: random.Random, test: Callable[[str, str], bool], value: str
) -> str:
    """Set a random cell that passes ``test`` to ``value``; what was done."""
    choices = [
        (name, r, c) for name in _tables(folder) for r, c in _cells(_read(folder / name), test)
    ]
    if not choices:
        return "no such cell"
    name, r, c = rng.choice(choices)
    rows = _read(folder / name)
    old = rows[r][c]
    rows[r][c] = value
    _write(folder / name, rows)
    return f"{name} row {r + 1} {rows[0][c]}: {old!r} -> {value!r}"


def _numeric(column: str, text: str) -> bool:
    return _is_number(text) and column not in {"estimate", "interviewed", "municipality"}


def _with_rows(folder: Path, rng: random.Random) -> tuple[str, Rows]:
    """A random table that has data rows, and its rows."""
    names = [n for n in _tables(folder) if len(_read(folder / n)) > 1]
    name = rng.choice(names)
    return name, _read(folder / name)


# --- the corruptions --------------------------------------------------------------


def cut_to_header(folder: Path, rng: random.Random) -> str:
    name, rows = _with_rows(folder, rng)
    _write(folder / name, rows[:1])
    return f"{name} cut to its header"


def delete_row(folder: Path, rng: random.Random) -> str:
    name, rows = _with_rows(folder, rng)
    r = rng.randrange(1, len(rows))
    del rows[r]
    _write(folder / name, rows)
    return f"{name} row {r + 1} deleted"


def duplicate_row(folder: Path, rng: random.Random) -> str:
    name, rows = _with_rows(folder, rng)
    r = rng.randrange(1, len(rows))
    rows.insert(r, list(rows[r]))
    _write(folder / name, rows)
    return f"{name} row {r + 1} doubled"


def blank_cell(folder: Path, rng: random.Random) -> str:
    return _set_cell(folder, rng, lambda _, text: text != "", "")


def huge(folder: Path, rng: random.Random) -> str:
    return _set_cell(folder, rng, _numeric, rng.choice(["1e40", "1e12", "99999999999"]))


def negative(folder: Path, rng: random.Random) -> str:
    return _set_cell(folder, rng, _numeric, rng.choice(["-1", "-5000", "-0.5"]))


def zero(folder: Path, rng: random.Random) -> str:
    return _set_cell(folder, rng, _numeric, "0")


def scale(folder: Path, rng: random.Random) -> str:
    """A number multiplied by 10, 1000 or a million: plausible text, absurd figure."""
    factor = rng.choice([10, 1000, 1_000_000])
    choices = [
        (name, r, c) for name in _tables(folder) for r, c in _cells(_read(folder / name), _numeric)
    ]
    name, r, c = rng.choice(choices)
    rows = _read(folder / name)
    old = rows[r][c]
    value = float(old) * factor
    rows[r][c] = str(int(value)) if value.is_integer() else str(value)
    _write(folder / name, rows)
    return f"{name} row {r + 1} {rows[0][c]}: {old!r} x {factor}"


def not_finite(folder: Path, rng: random.Random) -> str:
    return _set_cell(folder, rng, _numeric, rng.choice(["NaN", "nan", "inf", "-inf", "Infinity"]))


def wrong_type(folder: Path, rng: random.Random) -> str:
    value = rng.choice(["abc", "12 persons", "true", "2016-03", "x" * 300, "1,5"])
    return _set_cell(folder, rng, lambda _, text: text != "", value)


def swap_columns(folder: Path, rng: random.Random) -> str:
    name, rows = _with_rows(folder, rng)
    a, b = rng.sample(range(len(rows[0])), 2)
    for row in rows[1:]:
        if len(row) > max(a, b):
            row[a], row[b] = row[b], row[a]
    _write(folder / name, rows)
    return f"{name} values of {rows[0][a]} and {rows[0][b]} swapped"


def reverse_period(folder: Path, rng: random.Random) -> str:
    def flip(text: str) -> str:
        if "/" in text:
            start, end = text.split("/", 1)
            return f"{end}/{start}"
        year = int(text[:4])
        return f"{year + 1}{text[4:]}/{text}"

    choices = [
        (name, r, c)
        for name in _tables(folder)
        for r, c in _cells(_read(folder / name), lambda col, text: col == "period" and text != "")
    ]
    name, r, c = rng.choice(choices)
    rows = _read(folder / name)
    old = rows[r][c]
    rows[r][c] = flip(old)
    _write(folder / name, rows)
    return f"{name} row {r + 1} period {old!r} -> {rows[r][c]!r}"


def year_zero(folder: Path, rng: random.Random) -> str:
    value = rng.choice(["0000", "0000-01", "0001/2016", "9999"])
    return _set_cell(folder, rng, lambda c, text: c in {"period", "month"} and text != "", value)


def self_parent(folder: Path, rng: random.Random) -> str:
    rows = _read(folder / "areas.csv")
    code, parent = rows[0].index("code"), rows[0].index("parent")
    r = rng.randrange(1, len(rows))
    if rng.random() < 0.5:  # its own parent
        rows[r][parent] = rows[r][code]
        what = f"areas.csv row {r + 1}: {rows[r][code]} its own parent"
    else:  # a cycle of two: the area's parent gets the area as its parent
        up = next((i for i, row in enumerate(rows) if row[code] == rows[r][parent]), None)
        if up is None:
            rows[r][parent] = rows[r][code]
            what = f"areas.csv row {r + 1}: {rows[r][code]} its own parent"
        else:
            rows[up][parent] = rows[r][code]
            what = f"areas.csv: {rows[r][code]} and {rows[up][code]} each other's parent"
    _write(folder / "areas.csv", rows)
    return what


def markup(folder: Path, rng: random.Random) -> str:
    value = rng.choice(
        ["[/red]", "[bold]country", "<script>alert(1)</script>", "\u202eevil", "😀", "{row}", "%s"]
    )
    return _set_cell(folder, rng, lambda _, text: text != "", value)


def nul_byte(folder: Path, rng: random.Random) -> str:
    name = rng.choice(_tables(folder))
    data = (folder / name).read_bytes()
    at = rng.randrange(len(data) + 1)
    (folder / name).write_bytes(data[:at] + b"\x00" + data[at:])
    return f"{name}: NUL at byte {at}"


def truncate(folder: Path, rng: random.Random) -> str:
    name = rng.choice([*_tables(folder), "datapackage.yaml"])
    data = (folder / name).read_bytes()
    at = rng.randrange(len(data))
    (folder / name).write_bytes(data[:at])
    return f"{name} cut at byte {at} of {len(data)}"


def encoding(folder: Path, rng: random.Random) -> str:
    name = rng.choice(_tables(folder))
    text = (folder / name).read_text("utf-8")
    how = rng.choice(["latin-1", "utf-16", "cp1252", "bytes"])
    if how == "bytes":
        data = text.encode("utf-8")
        at = rng.randrange(len(data) + 1)
        (folder / name).write_bytes(data[:at] + b"\xff\xfe\xc3" + data[at:])
    else:
        (folder / name).write_bytes(text.encode(how, errors="replace"))
    return f"{name} written as {how}"


KINDS: dict[str, Callable[[Path, random.Random], str]] = {
    f.__name__: f
    for f in (
        cut_to_header,
        delete_row,
        blank_cell,
        huge,
        negative,
        zero,
        scale,
        not_finite,
        wrong_type,
        duplicate_row,
        swap_columns,
        reverse_period,
        year_zero,
        self_parent,
        markup,
        nul_byte,
        truncate,
        encoding,
    )
}


# --- running the commands ---------------------------------------------------------


def _run(argv: list[str]) -> tuple[int, str, str]:
    """Polku on ``argv`` in this process: the exit code, its output and its errors."""
    from polku.cli import run

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(argv)
    return code, out.getvalue(), err.getvalue()


def located(output: str) -> bool:
    """``polku check --format json`` printed errors that each name their file."""
    try:
        findings = json.loads(output)["findings"]
    except (ValueError, KeyError, TypeError):
        return False
    wrong = [f for f in findings if f["level"] == "error" and not (f["file"] or f["table"])]
    return bool(findings) and not wrong


def _traceback(argv: list[str]) -> str:
    """The traceback of a command that ended in an internal error, run again."""
    import traceback

    from polku.cli import run

    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            run([*argv, "--debug"])
    except BaseException as exc:  # the internal error itself, re-raised by --debug
        return "".join(traceback.format_exception(exc)[-6:])
    return out.getvalue()


def commands(folder: Path, work: Path) -> list[list[str]]:
    """The commands run on a dataset that check passed, fast settings."""
    ds = str(folder)
    return [
        ["analyse", ds, "--format", "json"],
        ["simulate", ds, "--years", "2", "--format", "json", "--scenario", "proposal-500"],
        [
            *("simulate", ds, "--years", "2", "--format", "json", "--mode", "stochastic"),
            *("--replications", "20", "--workers", "1"),
        ],
        [
            *("report", ds, "--out", str(work / "report.html"), "--force", "--mode", "expected"),
            *("--years", "1", "--scenario", "proposal-500", "--workers", "1"),
        ],
        ["producers", ds, "--format", "json"],
    ]


def run_case(seed: int, index: int, template: Path) -> Case:
    """Corruption ``index`` of seed ``seed``, checked and, if check passes, used."""
    rng = random.Random(f"{seed}:{index}")
    kind = rng.choice(sorted(KINDS))
    with tempfile.TemporaryDirectory(prefix="polku-fuzz-") as tmp:
        work = Path(tmp)
        folder = work / "data"
        shutil.copytree(template, folder)
        edit = KINDS[kind](folder, rng)
        for argv in [["check", str(folder), "--format", "json"], *commands(folder, work)]:
            argv = [*argv, "--lang", "en"]
            code, out, err = _run(argv)
            name = " ".join(a for a in argv if not a.startswith(str(work)))
            if code == 70:
                return Case(index, kind, edit, "traceback", name, code, _traceback(argv))
            if argv[0] == "check" and code != 0:
                if code in (1, 2) and located(out):
                    return Case(index, kind, edit, "error", "check", code)
                return Case(index, kind, edit, "unlocated", name, code, (out + err)[-1500:])
            if code != 0:
                return Case(index, kind, edit, "later_failed", name, code, err[-1500:])
        return Case(index, kind, edit, "ran")


_TEMPLATE: Path | None = None


def _worker_init(template: str, state: str) -> None:
    global _TEMPLATE
    _TEMPLATE = Path(template)
    os.environ["XDG_STATE_HOME"] = state  # crash logs of internal errors stay in the temp
    os.environ["COLUMNS"] = "160"
    warnings.simplefilter("error")


def _one(args: tuple[int, int]) -> Case:
    assert _TEMPLATE is not None
    return run_case(args[0], args[1], _TEMPLATE)


def tally(cases: list[Case]) -> str:
    """The outcomes by kind as a text table."""
    counts = Counter((c.kind, c.outcome) for c in cases)
    width = max(len(k) for k in KINDS)
    lines = [f"{'kind':<{width}}  " + "  ".join(f"{o:>12}" for o in OUTCOMES)]
    for kind in sorted(KINDS):
        lines.append(f"{kind:<{width}}  " + "  ".join(f"{counts[(kind, o)]:>12}" for o in OUTCOMES))
    totals = Counter(c.outcome for c in cases)
    lines.append(f"{'total':<{width}}  " + "  ".join(f"{totals[o]:>12}" for o in OUTCOMES))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--n", type=int, default=100, help="corruptions to make")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--case", type=int, help="replay one case and show it")
    parser.add_argument("--json", type=Path, help="also write every case to this file")
    args = parser.parse_args(argv)
    from polku.data.embedded import DEFAULT_DATASET, dataset_resource

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="polku-fuzz-") as tmp:
        template = Path(tmp) / "template"
        with contextlib.ExitStack() as stack:
            from importlib import resources

            source = stack.enter_context(resources.as_file(dataset_resource(DEFAULT_DATASET)))
            shutil.copytree(source, template)
        state = Path(tmp) / "state"
        indices = [args.case] if args.case is not None else list(range(args.n))
        jobs = [(args.seed, i) for i in indices]
        if args.workers > 1:
            with ProcessPoolExecutor(
                args.workers, initializer=_worker_init, initargs=(str(template), str(state))
            ) as pool:
                cases = list(pool.map(_one, jobs, chunksize=4))
        else:
            _worker_init(str(template), str(state))
            cases = [_one(job) for job in jobs]
    bad = [c for c in cases if c.outcome in BAD]
    if args.case is not None:
        print(json.dumps(cases[0].__dict__, indent=2, ensure_ascii=False))
    for case in bad:
        print(f"--- case {case.index} ({case.kind}): {case.outcome} in `polku {case.command}`")
        print(f"    {case.edit}")
        print("    " + case.detail.strip().replace("\n", "\n    "))
    if args.json is not None:
        args.json.write_text(json.dumps([c.__dict__ for c in cases], ensure_ascii=False, indent=1))
    print(f"{len(cases)} corruptions, seed {args.seed}, {time.monotonic() - started:.0f} s")
    print(tally(cases))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
