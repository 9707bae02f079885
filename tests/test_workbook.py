"""The Excel template: template -> filled -> import -> check, and broken workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from polku import default_region, read_region
from polku.cli import app
from polku.data.workbook import read_workbook, write_template
from polku.errors import DatasetError
from polku.findings import Level


def test_template_filled_and_imported_gives_back_the_dataset(tmp_path: Path) -> None:
    runner = CliRunner()
    empty = tmp_path / "empty.xlsx"
    assert (
        runner.invoke(app, ["template", "--empty", "--lang", "en", "--out", str(empty)]).exit_code
        == 0
    )
    # fill the empty template by hand from the embedded dataset, as a planner would
    region = default_region()
    book = load_workbook(empty)
    assert "Instructions" in book.sheetnames
    for name in region.table_names():
        sheet = book[name]
        columns = [c.value for c in sheet[1]]
        assert sheet.cell(row=1, column=1).comment is not None
        for row in region.table(name):
            values = []
            for column in columns:
                value = getattr(row, str(column))
                values.append(value.value if hasattr(value, "value") else value)
            sheet.append(["true" if v is True else "false" if v is False else v for v in values])
    meta = book["datapackage"]
    meta["B2"], meta["B3"], meta["B4"] = region.name, region.title, region.description
    meta["B5"] = region.description_fi
    assert meta["A6"].value == "title_fi"
    meta["B6"] = region.title_fi
    for source in region.sources:
        meta.append(["source", source.title])
    for lang, texts in region.translations.items():  # the dataset's texts in each language
        for original, translated in texts.items():
            meta.append([f"translation_{lang}", original, translated])
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    out = tmp_path / "dataset"
    result = runner.invoke(app, ["import", str(filled), "--out", str(out)])
    assert result.exit_code == 0, result.output
    check = runner.invoke(app, ["check", str(out)])
    assert check.exit_code == 0
    assert read_region(out) == region
    again = runner.invoke(app, ["import", str(filled), "--out", str(out)])
    assert again.exit_code == 3  # a bad option: the output exists
    assert "--force" in again.output


def test_template_has_validation_and_the_example(tmp_path: Path) -> None:
    path = write_template(default_region(), tmp_path / "t.xlsx", "fi")
    book = load_workbook(path)
    assert "Ohjeet" in book.sheetnames
    areas = book["areas"]
    assert areas["A2"].value == "SSS"
    rules = list(areas.data_validations.dataValidation)
    assert any("country" in (dv.formula1 or "") for dv in rules)


def _broken(tmp_path: Path, edit: str) -> Path:
    path = write_template(default_region(), tmp_path / "b.xlsx", "en")
    book = load_workbook(path)
    if edit == "missing-sheet":
        del book["survival"]
    elif edit == "bad-number":
        book["jobseekers"]["E3"] = "lots"
    elif edit == "renamed-column":
        book["survival"]["D1"] = "osuus"
    elif edit == "negative":
        book["benefit_days"]["D2"] = -5
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("edit", "code", "place"),
    [
        ("missing-sheet", "sheet_missing", "sheet survival"),
        ("bad-number", "not_a_number", "sheet jobseekers, row 3, column count"),
        ("renamed-column", "column_unknown", "sheet survival, row 1, column osuus"),
        ("negative", "below_minimum", "sheet benefit_days, row 2, column recipients"),
    ],
)
def test_broken_workbooks_name_sheet_row_and_column(
    tmp_path: Path, edit: str, code: str, place: str
) -> None:
    result = read_workbook(_broken(tmp_path, edit))
    assert result.region is None
    hits = [f for f in result.findings if f.level is Level.ERROR and f.code == code]
    assert hits, [f.describe() for f in result.findings]
    assert hits[0].place() == place
    out = tmp_path / "never"
    runner = CliRunner().invoke(app, ["import", str(_broken(tmp_path, edit)), "--out", str(out)])
    assert runner.exit_code == 1
    assert not out.exists()  # nothing is written from a broken workbook


def test_not_a_workbook(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not excel", "utf-8")
    with pytest.raises(DatasetError, match="cannot be read as an Excel workbook"):
        read_workbook(fake)


def test_the_finnish_description_survives_the_template(tmp_path: Path) -> None:
    from polku import default_region
    from polku.data.workbook import import_workbook, write_template

    book = write_template(default_region(), tmp_path / "t.xlsx", "fi")
    region = import_workbook(book, tmp_path / "out")
    assert region.description_fi == default_region().description_fi
