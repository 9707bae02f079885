"""Printed figures are for checking only, and say so: in the template, the docs and the
results (changing one changes nothing the analyses compute)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import set_cell
from polku import default_region
from polku.analysis import analyse, document
from polku.cli import app
from polku.data.required import reference
from polku.data.schema import table_spec
from polku.data.workbook import write_template
from polku.model.tables import PRINTED_COLUMNS

ROOT = Path(__file__).parents[1]
DOCS = (ROOT / "docs" / "dataset.md").read_text("utf-8")


def _nonsense(row: Any, column: str) -> Any:
    value = getattr(row, column)
    if value is None or isinstance(value, str):
        return "changed" if isinstance(value, str) else None
    return type(value)(value * 3 + 7) if not isinstance(value, float) else min(value + 7, 100.0)


def test_changing_every_printed_figure_changes_no_result() -> None:
    region = default_region()
    changed = {
        table: tuple(
            dataclasses.replace(r, **{c: _nonsense(r, c) for c in columns})
            for r in region.table(table)
        )
        for table, columns in PRINTED_COLUMNS.items()
    }
    other = dataclasses.replace(region, **changed)
    assert other.client_base != region.client_base
    assert document(analyse(other)) == document(analyse(region))


def test_editing_the_client_base_changes_no_analysis_and_check_tells(dataset: Path) -> None:
    before = CliRunner().invoke(app, ["analyse", str(dataset), "--format", "json"]).output
    set_cell(dataset / "client_base.csv", 2, "clients", "3000")
    after = CliRunner().invoke(app, ["analyse", str(dataset), "--format", "json"]).output
    assert json.loads(after) == json.loads(before)
    assert json.loads(after)["client_base"]["narrow"] == 2500  # computed, not the 3000
    checked = CliRunner().invoke(app, ["check", str(dataset), "--format", "json"])
    warned = [
        f
        for f in json.loads(checked.output)["findings"]
        if f["file"] == "client_base.csv" and f["found"] == 3000
    ]
    assert [f["code"] for f in warned] == ["parts_sum"]  # against the needs of S8


def test_the_template_marks_the_printed_figures(tmp_path: Path) -> None:
    for lang, words in (("en", "Printed figure"), ("fi", "Painettu luku")):
        book = load_workbook(write_template(default_region(), tmp_path / f"{lang}.xlsx", lang))
        for table, columns in PRINTED_COLUMNS.items():
            sheet = book[table]
            headers = {c.value: c for c in sheet[1]}
            for name, cell in headers.items():
                printed = name in columns
                assert (words in cell.comment.text) == printed, (table, name)
                assert (cell.fill.fgColor.rgb == "00C8C8C8") == printed, (table, name)
        assert book["client_base"].sheet_properties.tabColor.rgb == "00C8C8C8"
        assert book["jobseekers"].sheet_properties.tabColor is None  # counts are inputs
        instructions = " ".join(str(r[0].value) for r in book.worksheets[0].iter_rows())
        assert "client_base" in instructions


def test_the_docs_list_the_printed_figures_and_the_rows_the_commands_need() -> None:
    start = DOCS.index("<!-- needs:start -->\n") + len("<!-- needs:start -->\n")
    assert DOCS[start : DOCS.index("<!-- needs:end -->")] == reference(), (
        "docs/dataset.md is out of date: regenerate the needs section from "
        "polku.data.required.reference()"
    )
    section = DOCS[DOCS.index("## Inputs and printed figures") : DOCS.index("## Rows the")]
    for table, columns in PRINTED_COLUMNS.items():
        for column in columns:
            assert f"`{column}`" in section, (table, column)
            assert table_spec(table).field(column).printed
        assert f"`{table}.csv`" in section
