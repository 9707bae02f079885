"""Hostile and broken input files: each is refused quickly with a located error that
names the file (and its line or row), never a traceback; and writes are atomic, so a
full disk leaves the previous dataset folder or workbook as it was."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

import polku.files
from conftest import FIXTURES, copy_embedded, read_rows, set_cell, write_rows
from polku import default_region, load, read_region, strictyaml
from polku.cli import run
from polku.data.cells import decimal_comma
from polku.data.workbook import import_workbook, read_workbook, write_template
from polku.data.writer import FolderNotEmptyError, write_region
from polku.errors import (
    DatasetError,
    DatasetUnreadableError,
    OutputError,
    ResourceLimitError,
    RuleError,
    ScenarioError,
)
from polku.findings import Finding, Level
from polku.rules.loader import load_file, load_folder
from polku.simulation.scenario import load_scenario

HOSTILE = FIXTURES / "hostile"
SCENARIO = "name: hostile\ntitle: A scenario\nchanges:\n  places:\n    pay_subsidy: {add: 10}\n"


def _unreadable(folder: Path) -> Finding:
    with pytest.raises(DatasetUnreadableError) as info:
        load(folder)
    (finding,) = info.value.findings
    return finding


def _errors(folder: Path) -> list[Finding]:
    return [f for f in load(folder).findings if f.level is Level.ERROR]


def _descriptor(tmp_path: Path, text: str | bytes) -> Path:
    folder = copy_embedded(tmp_path / "region")
    path = folder / "datapackage.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return folder


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = run(list(args))
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text
    return code, text


# --- YAML: aliases, keys, depth, size, values ---------------------------------------


def test_alias_bomb_in_the_descriptor_is_refused_quickly(tmp_path: Path) -> None:
    folder = _descriptor(tmp_path, (HOSTILE / "billion-laughs.yaml").read_text("utf-8"))
    began = time.perf_counter()
    finding = _unreadable(folder)
    assert time.perf_counter() - began < 1
    assert (finding.code, finding.file, finding.row) == (
        "descriptor_malformed",
        "datapackage.yaml",
        3,
    )
    assert "alias (*a) is not allowed" in finding.describe()


def test_alias_bomb_check_exits_2_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _descriptor(tmp_path, (HOSTILE / "billion-laughs.yaml").read_text("utf-8"))
    code, text = _cli(capsys, "check", str(folder), "--format", "json", "--lang", "en")
    assert code == 2
    (finding,) = json.loads(text)["findings"]
    assert finding["place"] == "datapackage.yaml, row 3"


def test_alias_bomb_in_a_scenario_is_a_scenario_error(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    shutil.copyfile(HOSTILE / "billion-laughs.yaml", path)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    (finding,) = info.value.findings
    assert (finding.code, finding.file, finding.row) == ("scenario_yaml", "bomb.yaml", 3)


def test_alias_bomb_scenario_on_the_command_line_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bomb.yaml"
    shutil.copyfile(HOSTILE / "billion-laughs.yaml", path)
    code, text = _cli(capsys, "simulate", "--scenario", str(path))
    assert code == 3
    assert "bomb.yaml" in text
    assert "alias" in text


def test_alias_bomb_in_a_rule_file_is_a_rule_error(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    shutil.copyfile(HOSTILE / "billion-laughs.yaml", path)
    _, findings = load_file(path)
    assert [(f.code, f.file, f.row) for f in findings] == [("rule_yaml", "bomb.yaml", 3)]


def test_a_list_as_a_key_is_located(tmp_path: Path) -> None:
    finding = _unreadable(_descriptor(tmp_path, (HOSTILE / "unhashable-key.yaml").read_text()))
    assert (finding.code, finding.row) == ("descriptor_malformed", 3)
    assert "a list as a key" in finding.describe()


def test_a_mapping_as_a_key_is_located() -> None:
    with pytest.raises(yaml.YAMLError) as info:
        strictyaml.load("name: x\n{a: 1}: x\n")
    assert strictyaml.describe(info.value) == (
        2,
        "a mapping as a key: a key must be text, a number or a date",
    )


def test_an_empty_key_is_located() -> None:
    with pytest.raises(yaml.YAMLError) as info:
        strictyaml.load("name: x\n~: 1\n")
    assert strictyaml.describe(info.value)[0] == 2


def test_an_unhashable_key_in_a_rule_file_is_a_rule_error(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("full_daily_rate:\n  ? [a, b]\n  : 1\n", "utf-8")
    _, findings = load_file(path)
    assert [(f.code, f.row) for f in findings] == [("rule_yaml", 2)]


def test_a_list_as_a_rule_kind_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "kind.yaml"
    path.write_text(
        "rate:\n  description: a\n  description_fi: a\n  unit: none\n  kind: [number]\n"
        "  reference: law\n  values:\n    2020-01-01: 1\n",
        "utf-8",
    )
    _, findings = load_file(path)
    assert [(f.code, f.row) for f in findings] == [("rule_value_type", 5)]


def test_5000_nested_brackets_in_the_descriptor(tmp_path: Path) -> None:
    finding = _unreadable(_descriptor(tmp_path, (HOSTILE / "deep.yaml").read_text("utf-8")))
    assert (finding.code, finding.row) == ("descriptor_malformed", 2)
    assert "nested more than" in finding.describe()


def test_5000_nested_brackets_in_a_scenario(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("name: deep\nchanges: " + "[" * 5000 + "\n", "utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert info.value.findings[0].row == 2


def test_a_huge_descriptor_is_refused_by_size(tmp_path: Path) -> None:
    text = "name: big\nnote: " + "x" * (strictyaml.MAX_YAML_BYTES + 10) + "\n"
    finding = _unreadable(_descriptor(tmp_path, text))
    assert (finding.code, finding.file) == ("file_too_large", "datapackage.yaml")


def test_too_many_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(strictyaml, "MAX_NODES", 1000)  # the mechanism, not a slow parse
    with pytest.raises(yaml.YAMLError, match="more than 1000 values in one file"):
        strictyaml.load("[" + "1," * 1000 + "1]")


@pytest.mark.parametrize("value", ["2025-13-01", "0000-01-01", "1" * 5000])
def test_a_value_yaml_cannot_hold_is_located_in_a_scenario(tmp_path: Path, value: str) -> None:
    path = tmp_path / "dates.yaml"
    path.write_text(f"{SCENARIO}rules_date: {value}\n", "utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    (finding,) = info.value.findings
    assert (finding.code, finding.file, finding.row) == ("scenario_yaml", "dates.yaml", 6)


def test_a_scenario_that_is_a_folder_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path)
    assert info.value.findings[0].code == "file_unreadable"


def test_the_shipped_files_still_load() -> None:
    assert default_region().name
    from polku.rules import load_rules

    assert load_rules().parameters


# --- encodings and NUL bytes ----------------------------------------------------------


def test_a_utf16_descriptor_is_named_as_such(tmp_path: Path) -> None:
    finding = _unreadable(_descriptor(tmp_path, "name: x\n".encode("utf-16")))
    assert (finding.code, finding.file, finding.found) == ("encoding", "datapackage.yaml", "UTF-16")


def test_a_utf16_descriptor_without_a_bom_is_named_as_such(tmp_path: Path) -> None:
    finding = _unreadable(_descriptor(tmp_path, "name: x\ntitle: y\n".encode("utf-16-le")))
    assert finding.found == "UTF-16"


def test_a_latin1_csv_is_named_at_its_row(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "region")
    path = folder / "areas.csv"
    path.write_bytes(path.read_text("utf-8").encode("latin-1"))
    ((finding),) = _errors(folder)
    assert (finding.code, finding.file) == ("encoding", "areas.csv")
    assert finding.row == 3  # the first line with a letter outside ASCII
    assert "latin-1" in finding.describe()
    assert "UTF-8" in finding.describe()


def test_a_latin1_scenario_says_save_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes((SCENARIO + "description: Työ \u2013 ä\n").encode("cp1252"))
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    (finding,) = info.value.findings
    assert (finding.file, finding.row) == ("latin.yaml", 6)
    assert "latin-1" in finding.describe()
    assert "save it as UTF-8" in finding.describe()


def test_a_utf16_rule_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "rates.yaml"
    path.write_bytes("rate: 1\n".encode("utf-16"))
    with pytest.raises(RuleError) as info:
        load_folder(tmp_path)
    assert [(f.code, f.file, f.found) for f in info.value.findings] == [
        ("encoding", "rates.yaml", "UTF-16")
    ]


def test_a_utf8_bom_is_accepted_in_yaml_and_csv(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "region")
    for name in ("datapackage.yaml", "areas.csv"):
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_region(folder) == default_region()


def test_a_nul_byte_in_a_csv_is_located(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "region")
    set_cell(folder / "producers.csv", 4, "note", "a\x00b")
    (finding,) = _errors(folder)
    assert (finding.code, finding.file, finding.row) == ("text_nul", "producers.csv", 4)


def test_a_nul_byte_in_the_descriptor_is_located(tmp_path: Path) -> None:
    finding = _unreadable(_descriptor(tmp_path, "name: x\ntitle: a\x00b\n"))
    assert (finding.code, finding.row) == ("text_nul", 2)


def test_wrong_encoding_check_exits_with_the_file_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _descriptor(tmp_path, "name: x\n".encode("utf-16"))
    code, text = _cli(capsys, "check", str(folder), "--lang", "en")
    assert code == 2
    assert "datapackage.yaml" in text
    assert "UTF-16" in text


# --- CSV quotes and decimal commas ----------------------------------------------------


def test_an_unclosed_quote_is_reported_on_its_row(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "region")
    path = folder / "producers.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",", ',"', 1)
    path.write_text("".join(lines), "utf-8")
    (finding,) = _errors(folder)
    assert (finding.code, finding.file, finding.row) == ("csv_quote_unclosed", "producers.csv", 3)
    assert "not closed" in finding.describe("en")
    assert "lainausmerkki" in finding.describe("fi")


def test_a_quote_that_closes_rows_later_is_reported_where_it_opens(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "region")
    path = folder / "producers.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",", ',"', 1)
    lines[5] = lines[5].replace(",", '",', 1)
    path.write_text("".join(lines), "utf-8")
    (finding,) = _errors(folder)
    assert (finding.code, finding.row) == ("csv_quote_unclosed", 3)
    assert finding.params["end"] == 6


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("24,8", "24.8"),
        (" 24,8 ", "24.8"),
        ("-0,5", "-0.5"),
        ("0,125", "0.125"),
        ("1234,567", "1234.567"),
        ("12,50", "12.50"),
        ("1,234", "1,234"),  # reads as a thousands group in English: refused
        ("1,234,567", "1,234,567"),
        ("24.8", "24.8"),
        ("24,8e3", "24,8e3"),
        (",5", ",5"),
        ("lots", "lots"),
    ],
)
def test_the_decimal_comma_rule(text: str, read: str) -> None:
    assert decimal_comma(text) == read


def _workbook(tmp_path: Path, edit: Callable[[object], None], name: str = "b.xlsx") -> Path:
    path = write_template(default_region(), tmp_path / name, "en")
    book = load_workbook(path)
    edit(book)
    book.save(path)
    return path


def test_a_decimal_comma_as_text_in_the_workbook_is_a_number(tmp_path: Path) -> None:
    def edit(book: object) -> None:
        book["survival"]["D2"] = "24,8"  # type: ignore[index]

    result = read_workbook(_workbook(tmp_path, edit))
    assert result.region is not None
    assert result.region.survival[0].share_pct == 24.8


@pytest.mark.parametrize("text", ["1,234,567", "1,234"])
def test_thousands_separators_in_the_workbook_are_refused(tmp_path: Path, text: str) -> None:
    def edit(book: object) -> None:
        book["survival"]["D2"] = text  # type: ignore[index]

    result = read_workbook(_workbook(tmp_path, edit))
    codes = [(f.code, f.place()) for f in result.findings if f.level is Level.ERROR]
    assert codes == [("not_a_number", "sheet survival, row 2, column share_pct")]


def test_a_decimal_comma_in_a_semicolon_csv_and_not_in_a_comma_csv(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "region")
    set_cell(folder / "survival.csv", 2, "share_pct", "24,8")  # comma-separated: ambiguous
    (finding,) = _errors(folder)
    assert (finding.code, finding.row) == ("not_a_number", 2)
    assert "semicolon-separated file also 1234,5" in finding.describe()
    buffer = io.StringIO()  # as Excel saves CSV in a Finnish locale
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(
        read_rows(folder / "survival.csv")
    )
    (folder / "survival.csv").write_text(buffer.getvalue(), "utf-8")
    assert read_region(folder).survival[0].share_pct == 24.8


# --- the workbook ---------------------------------------------------------------------


def test_a_meta_sheet_with_one_column(tmp_path: Path) -> None:
    def edit(book: object) -> None:
        book["datapackage"].delete_cols(2)  # type: ignore[index]

    result = read_workbook(_workbook(tmp_path, edit))
    assert result.region is None
    codes = [(f.code, f.file) for f in result.findings if f.level is Level.ERROR]
    assert codes == [("dataset_name_missing", "sheet datapackage")]


def test_a_sheet_with_only_one_column(tmp_path: Path) -> None:
    def edit(book: object) -> None:
        book["areas"].delete_cols(2, 20)  # type: ignore[index]

    result = read_workbook(_workbook(tmp_path, edit))
    assert result.region is None
    places = {f.place() for f in result.findings if f.code == "column_missing"}
    assert "sheet areas, row 1, column level" in places


def test_an_empty_name_is_an_error_not_imported(tmp_path: Path) -> None:
    def edit(book: object) -> None:
        book["datapackage"]["B2"] = None  # type: ignore[index]

    path = _workbook(tmp_path, edit)
    with pytest.raises(DatasetError) as info:
        import_workbook(path, tmp_path / "out")
    (finding,) = info.value.findings
    assert finding.describe("en").startswith("sheet datapackage: the dataset needs a name")
    assert "aineisto tarvitsee nimen" in finding.describe("fi")
    assert not (tmp_path / "out").exists()


def _corrupt_sheet(tmp_path: Path) -> Path:
    good = write_template(default_region(), tmp_path / "good.xlsx", "en")
    bad = tmp_path / "corrupt.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet3.xml":  # the areas sheet
                data = data[: len(data) // 2]
            out.writestr(name, data)
    return bad


def test_a_corrupted_sheet_xml_is_named(tmp_path: Path) -> None:
    result = read_workbook(_corrupt_sheet(tmp_path))
    assert result.region is None
    codes = [(f.code, f.file) for f in result.findings if f.level is Level.ERROR]
    assert codes == [("sheet_unreadable", "sheet areas")]


def test_a_corrupted_sheet_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = _cli(capsys, "import", str(_corrupt_sheet(tmp_path)), "--out", str(tmp_path / "o"))
    assert code == 1
    assert "sheet areas" in text
    assert not (tmp_path / "o").exists()


def test_a_file_that_is_not_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"\x00\x01 not a zip")
    with pytest.raises(DatasetUnreadableError) as info:
        read_workbook(fake)
    assert [(f.code, f.file) for f in info.value.findings] == [("workbook_unreadable", "fake.xlsx")]
    code, text = _cli(capsys, "import", str(fake), "--out", str(tmp_path / "o"))
    assert code == 2
    assert "fake.xlsx" in text


# --- atomic writes --------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".part" in p.name or ".old-" in p.name]


def _disk_full_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> None:
    """os.fsync fails with ENOSPC from call ``calls`` on: the disk fills part-way."""
    real, count = os.fsync, [0]

    def fsync(fd: int) -> None:
        count[0] += 1
        if count[0] >= calls:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(polku.files.os, "fsync", fsync)


def _changed_region(tmp_path: Path) -> Path:
    folder = copy_embedded(tmp_path / "changed")
    set_cell(folder / "jobseekers.csv", 2, "note", "changed")
    return folder


def test_export_on_a_full_disk_leaves_the_old_folder_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = write_region(default_region(), tmp_path / "out")
    before = _snapshot(out)
    changed = read_region(_changed_region(tmp_path))
    _disk_full_after(monkeypatch, 3)
    with pytest.raises(ResourceLimitError, match="disk is full"):
        write_region(changed, out, overwrite=True)
    assert _snapshot(out) == before
    assert _leftovers(tmp_path) == []


def test_a_write_failing_half_way_leaves_the_old_folder_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import polku.data.writer as writer

    out = write_region(default_region(), tmp_path / "out")
    before = _snapshot(out)
    real, count = writer.table_text, [0]

    def table_text(region: object, spec: object) -> str:
        count[0] += 1
        if count[0] == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(region, spec)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "table_text", table_text)
    with pytest.raises(ResourceLimitError):
        write_region(default_region(), out, overwrite=True)
    assert _snapshot(out) == before
    assert _leftovers(tmp_path) == []


def test_export_on_a_full_disk_exits_4(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_region(default_region(), tmp_path / "out")
    before = _snapshot(out)
    _disk_full_after(monkeypatch, 2)
    code, text = _cli(capsys, "export", "--out", str(out), "--force")
    assert code == 4
    assert "disk is full" in text
    assert _snapshot(out) == before
    assert _leftovers(tmp_path) == []


def test_import_force_on_a_full_disk_leaves_the_old_dataset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    book = write_template(default_region(), tmp_path / "t.xlsx", "en")
    out = write_region(read_region(_changed_region(tmp_path)), tmp_path / "out")
    before = _snapshot(out)
    _disk_full_after(monkeypatch, 4)
    code, _ = _cli(capsys, "import", str(book), "--out", str(out), "--force")
    assert code == 4
    assert _snapshot(out) == before
    assert _leftovers(tmp_path) == []


def test_template_on_a_full_disk_leaves_the_old_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_template(None, tmp_path / "t.xlsx", "en")
    before = path.read_bytes()
    _disk_full_after(monkeypatch, 1)
    with pytest.raises(ResourceLimitError):
        write_template(default_region(), path, "fi")
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_export_force_leaves_no_stale_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _cli(capsys, "export", "--out", str(out))[0] == 0
    (out / "stale.csv").write_text("old\n", "utf-8")
    rows = read_rows(out / "areas.csv")
    write_rows(out / "areas.csv", rows[:2])
    assert _cli(capsys, "export", "--out", str(out), "--force")[0] == 0
    assert not (out / "stale.csv").exists()
    assert read_region(out) == default_region()
    assert _leftovers(tmp_path) == []


def test_write_region_still_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep", "utf-8")
    with pytest.raises(FolderNotEmptyError, match="not empty") as info:
        write_region(default_region(), out)
    assert isinstance(info.value, OutputError)
    assert (out / "mine.txt").read_text("utf-8") == "keep"
