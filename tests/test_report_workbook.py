"""The report's workbook as a planner would build it: live formulas, charts, own language.

LibreOffice (headless) recomputes the workbook as written, and again after a data cell
is changed, and the computed values are read back.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from polku import default_region
from polku.report import build_report, write_xlsx
from polku.report.context import Report
from polku.report.xlsx import FIRST_ROW, sheet_names

REPORTS = {lang: build_report(default_region(), lang) for lang in ("fi", "en")}  # type: ignore[arg-type]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, (
        "LibreOffice is needed: .ci/run installs it (apt-get install libreoffice-calc-nogui)"
    )
    return found


def _recomputed(path: Path, tmp: Path) -> Any:
    """``path`` opened, recomputed and saved by LibreOffice, read back with the values."""
    out = tmp / "lo"
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--calc",
         "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return load_workbook(out / path.name, data_only=True)


def _table(report: Report, table_id: str) -> Any:
    return next(t for t in report.tables() if t.id == table_id)


def _formulas(path: Path) -> dict[tuple[str, str], str]:
    book = load_workbook(path)
    return {
        (sheet.title, cell.coordinate): str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    }


def test_formulas_give_the_reports_own_numbers(tmp_path: Path) -> None:
    report = REPORTS["fi"]
    path = write_xlsx(report, tmp_path / "w.xlsx")
    formulas = _formulas(path)
    names = sheet_names(report)
    by_sheet = {names[t]: t for t in names}
    kinds = {by_sheet[sheet] for sheet, _ in formulas}
    assert {"t_lines", "t_base", "t_segments", "t_municipal", "t_price"} <= kinds
    computed = _recomputed(path, tmp_path)
    for (sheet, ref), formula in formulas.items():
        table = _table(report, by_sheet[sheet])
        cell = computed[sheet][ref]
        expected = table.raw[cell.row - FIRST_ROW][cell.column - 1]
        assert cell.value == pytest.approx(expected, rel=1e-9, abs=1e-9), (sheet, ref, formula)


def test_changing_a_data_cell_recomputes_what_depends_on_it(tmp_path: Path) -> None:
    report = REPORTS["fi"]
    path = write_xlsx(report, tmp_path / "w.xlsx")
    names = sheet_names(report)
    book = load_workbook(path)
    base = book[names["t_base"]]
    assert base[f"C{FIRST_ROW}"].value == 2498  # the narrow base's first statistic (S6)
    base[f"C{FIRST_ROW}"].value = 3498
    terms = book[names["t_price_terms"]]
    terms[f"B{FIRST_ROW}"].value = 20.0  # the state compensation per day, was 10.09
    book.save(path)
    computed = _recomputed(path, tmp_path)
    narrow = computed[names["t_base"]][f"B{FIRST_ROW}"].value
    assert narrow == 3000  # MROUND((3498 + 2480) / 2, 500)
    green = computed[names["t_segments"]][f"D{FIRST_ROW}"].value
    assert green == round(24.8 / 100 * 3000)  # the segment follows its base
    old = _table(report, "t_price").raw[0][1]
    new = computed[names["t_price"]][f"B{FIRST_ROW}"].value
    assert new == pytest.approx(old + (20.0 - 10.09) * 1)  # one activity day a week


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_sheets_are_named_in_the_readers_language_with_links_and_charts(
    tmp_path: Path, lang: str
) -> None:
    report = REPORTS[lang]
    book = load_workbook(write_xlsx(report, tmp_path / "w.xlsx"))
    names = sheet_names(report)
    assert book.sheetnames[0] == {"fi": "Sisällys", "en": "Contents"}[lang]
    assert names["t_base"].startswith("S6 ")
    assert {"fi": "Asiakasmäärä", "en": "Client base"}[lang] in names["t_base"]
    assert all(len(n) <= 31 for n in names.values())
    contents = book.worksheets[0]
    links = {c.hyperlink.location for c in contents["A"] if c.hyperlink}
    assert links == {f"'{n}'!A1" for n in names.values()}  # every sheet one click away
    header = [c.value for c in contents[4]]
    assert header[0] == {"fi": "Välilehti", "en": "Sheet"}[lang]
    charted = {t for t, n in names.items() if book[n]._charts}
    assert {"t_lines", "t_survival", "t_base", "t_income", "t_price"} <= charted


def test_numbers_are_stored_as_numbers_with_formats(tmp_path: Path) -> None:
    report = REPORTS["fi"]
    book = load_workbook(write_xlsx(report, tmp_path / "w.xlsx"))
    names = sheet_names(report)
    for table in report.tables():
        sheet = book[names[table.id]]
        for i, row in enumerate(table.raw):
            for j, value in enumerate(row):
                cell = sheet.cell(FIRST_ROW + i, j + 1)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    assert not isinstance(cell.value, str) or cell.value.startswith("="), (
                        table.id, cell.coordinate, cell.value,
                    )  # fmt: skip
                    assert cell.number_format != "General", (table.id, cell.coordinate)
    survival = book[names["t_survival"]]
    assert survival[f"B{FIRST_ROW}"].number_format == "0.0 %"  # a share shown as a percentage
