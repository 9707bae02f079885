"""Nothing lost, nothing crashes, at the command line: exit codes, --force, atomic
outputs, data shown as text (issue 16)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from polku import files
from polku.cli import run
from polku.cli.exits import BAD_OPTION, INTERNAL, RESOURCE, UNREADABLE


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path


def test_an_internal_error_is_one_line_and_a_log_file(
    here: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("polku.cli.rules.load_rules", boom)
    assert run(["rules", "--date", "2020-01-01"]) == INTERNAL
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert "Internal error (RuntimeError)" in err
    (log,) = (here / "state" / "polku" / "log").glob("crash-*.txt")
    assert "RuntimeError: a bug" in log.read_text("utf-8")
    with pytest.raises(RuntimeError):  # --debug shows the real thing
        run(["rules", "--date", "2020-01-01", "--debug"])


def test_usage_errors_are_bad_options_not_crashes(
    here: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    assert run([]) == 0  # the help
    assert run(["check", "--no-such-option"]) == BAD_OPTION
    assert run(["simulate", "--seed", "-1"]) == BAD_OPTION
    assert run(["sweep", "--dask", "notanaddress"]) == BAD_OPTION
    (here / "empty").mkdir()
    assert run(["rules", "--rules", str(here / "empty")]) == UNREADABLE
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert "tcp://host:8786" in err
    assert "*.yaml" in err


def test_an_output_is_replaced_only_with_force(here: Path) -> None:
    quick = ["--mode", "expected", "--years", "1"]
    assert run(["report", *quick, "--out", "r.html", "--lang", "fi"]) == 0
    first = (here / "r.html").read_bytes()
    assert run(["report", *quick, "--out", "r.html", "--lang", "en"]) == BAD_OPTION
    assert (here / "r.html").read_bytes() == first
    assert run(["report", *quick, "--out", "r.html", "--lang", "en", "--force"]) == 0
    assert (here / "r.html").read_bytes() != first
    assert run(["simulate", "--years", "1", "--out", "sim"]) == 0
    assert run(["simulate", "--years", "1", "--out", "sim"]) == BAD_OPTION
    (here / "sim" / "stale.csv").write_text("x", "utf-8")  # not the command's own file
    assert run(["simulate", "--years", "1", "--out", "sim", "--force"]) == BAD_OPTION
    (here / "sim" / "stale.csv").unlink()
    assert run(["simulate", "--years", "1", "--out", "sim", "--force"]) == 0
    assert sorted(p.name for p in (here / "sim").iterdir()) == [
        "series.csv",
        "series.parquet",
        "summary.json",
    ]
    assert run(["template", "--out", "t.xlsx"]) == 0
    assert run(["template", "--out", "t.xlsx"]) == BAD_OPTION
    assert run(["template", "--out", "t.xlsx", "--force"]) == 0
    assert not list(here.glob(".*.part"))


def test_outputs_that_would_lose_something_are_refused(
    here: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    assert run(["export", "--out", "ds"]) == 0
    areas = (here / "ds" / "areas.csv").read_bytes()
    quick = ["--mode", "expected", "--years", "1"]
    assert run(["report", "ds", *quick, "--out", "ds/areas.csv", "--force"]) == BAD_OPTION
    assert (here / "ds" / "areas.csv").read_bytes() == areas
    assert run(["report", *quick, "--out", "x.html", "--xlsx", "x.html"]) == BAD_OPTION
    assert run(["report", *quick, "--out", "no/such/x.html"]) == BAD_OPTION
    assert run(["report", *quick, "--out", "ds"]) == BAD_OPTION  # a folder, not a file
    assert run(["simulate", "--years", "1", "--out", "ds", "--force"]) == BAD_OPTION
    (here / "mine").mkdir()
    (here / "mine" / "notes.txt").write_text("keep", "utf-8")
    assert run(["export", "--out", "mine", "--force"]) == BAD_OPTION  # not a dataset
    assert (here / "mine" / "notes.txt").read_text("utf-8") == "keep"
    err = capfd.readouterr().err
    assert "inside the dataset folder" in err
    assert "the same path as --out" in err
    assert "not a dataset folder" in err


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The next fsync finds the disk full: the write has happened, but not to disk."""

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)


def test_a_full_disk_leaves_the_previous_outputs_whole(
    here: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    quick = ["--mode", "expected", "--years", "1"]
    assert run(["report", *quick, "--out", "r.html", "--xlsx", "r.xlsx"]) == 0
    assert run(["simulate", "--years", "1", "--out", "sim"]) == 0
    assert run(["template", "--out", "t.xlsx"]) == 0
    before = {p: p.read_bytes() for p in here.rglob("*") if p.is_file() and "state" not in p.parts}
    with monkeypatch.context() as patch:
        _full_disk(patch)
        args = [*quick, "--lang", "en", "--force"]
        assert run(["report", *args, "--out", "r.html", "--xlsx", "r.xlsx"]) == RESOURCE
        assert run(["simulate", "--years", "2", "--out", "sim", "--force"]) == RESOURCE
        assert run(["template", "--out", "t.xlsx", "--lang", "en", "--force"]) == RESOURCE
    after = {p: p.read_bytes() for p in here.rglob("*") if p.is_file() and "state" not in p.parts}
    assert after == before  # every previous file whole, no half-written one left
    err = capfd.readouterr().err
    assert "the disk is full" in err
    assert "Traceback" not in err


def test_text_from_the_data_is_shown_as_it_is(
    here: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A cell holding Rich markup is printed literally, never interpreted or crashing."""
    assert run(["export", "--out", "ds"]) == 0
    areas = here / "ds" / "areas.csv"
    lines = areas.read_text("utf-8").splitlines(keepends=True)
    head = lines[0].rstrip("\n").split(",")
    row = lines[1].rstrip("\n").split(",")
    row[head.index("parent")] = "[/red][bold]country"
    lines[1] = ",".join(row) + "\n"
    areas.write_text("".join(lines), "utf-8")
    capfd.readouterr()
    assert run(["check", "ds"]) in (0, 1)
    out = capfd.readouterr()
    assert "[/red][bold]country" in out.out + out.err
    assert "MarkupError" not in out.out + out.err
    assert "[yellow]" not in out.out  # Polku's own colours are styles, not markup text


def test_check_with_no_argument_is_always_the_embedded_dataset(
    here: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from polku.data.embedded import DEFAULT_DATASET

    (here / DEFAULT_DATASET).mkdir()  # a folder of the same name, not a dataset
    assert run(["check"]) == 0
    assert run(["check", DEFAULT_DATASET]) == UNREADABLE  # named: the folder is meant
    shutil.rmtree(here / DEFAULT_DATASET)
    assert run(["check", DEFAULT_DATASET]) == 0


def test_places_only_outside_the_region_stop_the_simulation_cleanly(
    here: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """service_capacity.csv with rows, none for the region: check refuses it, and the
    simulation says why instead of crashing in the month step."""
    assert run(["export", "--out", "ds"]) == 0
    places = here / "ds" / "service_capacity.csv"
    head, *rows = places.read_text("utf-8").splitlines(keepends=True)
    region = rows[0].split(",")[0]
    areas = (here / "ds" / "areas.csv").read_text("utf-8").splitlines()
    cols = areas[0].split(",")
    child = next(
        a.split(",")[cols.index("code")]
        for a in areas[1:]
        if a.split(",")[cols.index("parent")] == region
    )
    places.write_text(head + "".join(r.replace(region + ",", child + ",", 1) for r in rows))
    assert run(["simulate", "ds", "--years", "1"]) == 1
    assert "service_capacity.csv has no rows for" in capfd.readouterr().err
