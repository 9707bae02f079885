"""Render the report's tables as an Excel workbook: one sheet per table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from polku import files

from .context import Report, Table
from .texts import text

HEADER = PatternFill("solid", fgColor="EEF2F6")


def _sheet_name(table: Table, used: set[str]) -> str:
    base = table.id.removeprefix("t_")[:28] or "table"
    name, n = base, 2
    while name in used:
        name, n = f"{base[:25]}_{n}", n + 1
    used.add(name)
    return name


def _value(value: Any) -> Any:
    return value if isinstance(value, int | float | str) or value is None else str(value)


def write_xlsx(report: Report, path: str | Path) -> Path:
    """Write ``report``'s tables to ``path``; numbers stay numbers, with formats."""
    book = Workbook()
    contents = book.active
    assert contents is not None
    contents.title = text("contents", report.lang)[:31]
    contents.append([report.title])
    contents.append([report.made])
    contents.append([])
    contents.append(["sheet", "table", text("sources", report.lang)])
    used: set[str] = {contents.title}
    for table in report.tables():
        name = _sheet_name(table, used)
        contents.append([name, table.caption, "; ".join(table.sources)])
        sheet = book.create_sheet(name)
        sheet.append([table.caption])
        sheet["A1"].font = Font(bold=True)
        sheet.append(table.columns)
        for cell in sheet[2]:
            cell.font, cell.fill = Font(bold=True), HEADER
        rows = table.raw or table.rows
        for row in rows:
            sheet.append([_value(v) for v in row])
        for column_cells in sheet.iter_cols(min_row=3, max_row=sheet.max_row):
            for cell in column_cells:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
                elif isinstance(cell.value, int):
                    cell.number_format = "#,##0"
        if table.suppressed:
            sheet.append([text("suppressed", report.lang)])
        if table.sources:
            sheet.append([])
            sheet.append([f"{text('source', report.lang)}: " + "; ".join(table.sources)])
        sheet.freeze_panes = "A3"
        for i, header in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = max(12, min(50, len(header) + 4))
    contents.column_dimensions["A"].width = 22
    contents.column_dimensions["B"].width = 60
    return files.write_with(path, book.save)
