"""Reports a planner can hand on: self-contained HTML and an Excel workbook, fi and en."""

from polku.report.build import build_report
from polku.report.context import Figure, Report, Section, Table
from polku.report.html import render_html
from polku.report.xlsx import write_xlsx

__all__ = ["Figure", "Report", "Section", "Table", "build_report", "render_html", "write_xlsx"]
