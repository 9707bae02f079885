"""Render the report as the workbook a planner would build.

A contents sheet links to one sheet per table, named in the reader's language after
its survey figure (``S6 Asiakasmäärä kahdella``). Each sheet holds the caption, the
column headers (frozen), the values as numbers with number formats (percentages as
percentages) and the sources. The key derived figures are live formulas over the data
(:mod:`polku.report.xlsx_live`), so changing a cell recomputes them, and the main
figures have native Excel charts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from polku import files
from polku.i18n import Lang

from .context import Report, Table
from .texts import text
from .xlsx_live import CHARTS, FORMULAS, Place

HEADER = PatternFill("solid", fgColor="EEF2F6")
FIRST_ROW = 3  # row 1 the caption, row 2 the headers
_FIGURE = re.compile(r"\s*\(((?:S\d+)(?:,\s*S\d+)*)\)\s*\*?\s*$")
_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\']")


def sheet_names(report: Report) -> dict[str, str]:
    """Each table's sheet name: its survey figure and the caption's first words, at most
    31 characters (Excel's limit), unique."""
    used = {text("contents", report.lang)[:31]}
    names: dict[str, str] = {}
    for table in report.tables():
        base = _title(table)
        name, n = base, 2
        while name in used:
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)].rstrip() + suffix, n + 1
        used.add(name)
        names[table.id] = name
    return names


def _title(table: Table) -> str:
    caption = table.caption.rstrip(" *")
    found = _FIGURE.search(caption)
    figure = found.group(1).replace(", ", "-").replace(",", "-") if found else ""
    words = caption[: found.start()] if found else caption
    name = _NOT_IN_NAMES.sub("", f"{figure} {words}".strip())
    if len(name) <= 31:
        return name or table.id
    cut = name[:31]
    return cut[: cut.rfind(" ")] if " " in cut[10:] else cut


def _value(value: Any) -> Any:
    return value if isinstance(value, int | float | str) or value is None else str(value)


def _format(sheet: Worksheet, table: Table, rows: int) -> None:
    for j in range(len(table.columns)):
        percent = j in table.percents
        for i in range(rows):
            cell = sheet.cell(FIRST_ROW + i, j + 1)
            if isinstance(cell.value, bool) or not isinstance(cell.value, int | float):
                continue
            if percent:
                cell.number_format = "0.0 %"
            elif isinstance(cell.value, float) and not cell.value.is_integer():
                cell.number_format = "#,##0.00"
            else:
                cell.number_format = "#,##0"


def _table_sheet(book: Workbook, name: str, table: Table, lang: Lang) -> Worksheet:
    sheet: Worksheet = book.create_sheet(name)
    sheet.append([table.caption])
    sheet["A1"].font = Font(bold=True)
    sheet.append(table.columns)
    for cell in sheet[2]:
        cell.font, cell.fill = Font(bold=True), HEADER
    rows = table.raw or table.rows
    for row in rows:
        sheet.append([_value(v) for v in row])
    _format(sheet, table, len(rows))
    if table.suppressed:
        sheet.append([text("suppressed", lang)])
    if table.sources:
        sheet.append([])
        sheet.append([f"{text('source', lang)}: " + "; ".join(table.sources)])
    sheet.freeze_panes = f"A{FIRST_ROW}"
    for i, header in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(12, min(50, len(header) + 4))
    return sheet


def write_xlsx(report: Report, path: str | Path) -> Path:
    """Write ``report``'s tables to ``path``: numbers as numbers, live formulas, charts."""
    book = Workbook()
    contents = book.active
    assert contents is not None
    contents.title = text("contents", report.lang)[:31]
    contents.append([report.title])
    contents["A1"].font = Font(bold=True, size=14)
    contents.append([report.made])
    contents.append([])
    contents.append(
        [text("sheet", report.lang), text("table", report.lang), text("sources", report.lang)]
    )
    for cell in contents[4]:
        cell.font, cell.fill = Font(bold=True), HEADER
    names = sheet_names(report)
    tables = {t.id: t for t in report.tables()}
    sheets: dict[str, Worksheet] = {}
    for table in report.tables():
        name = names[table.id]
        contents.append([name, table.caption, "; ".join(table.sources)])
        link = contents.cell(contents.max_row, 1)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{name}'!A1")  # in-book
        link.font = Font(color="1F5F99", underline="single")
        sheets[table.id] = _table_sheet(book, name, table, report.lang)
    place = Place(names, tables, FIRST_ROW)
    for table_id, live in FORMULAS.items():
        if table_id in sheets and not tables[table_id].suppressed:  # hidden cells stay hidden
            live(sheets[table_id], tables[table_id], place)
    for table_id, chart in CHARTS.items():
        if table_id in sheets and not tables[table_id].suppressed:
            chart(sheets[table_id], tables[table_id], place)
    contents.column_dimensions["A"].width = 34
    contents.column_dimensions["B"].width = 70
    contents.column_dimensions["C"].width = 60
    return files.write_with(path, book.save)


__all__ = ["sheet_names", "write_xlsx"]
