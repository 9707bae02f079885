"""``polku check``: validate a dataset and list every finding."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from polku.consistency import check_region
from polku.data.reader import load
from polku.errors import DatasetUnreadableError
from polku.findings import Finding, Level, errors
from polku.i18n import Lang, label

from .common import DATASET_HELP, LANG_HELP, console, dataset_folder, resolve_lang

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(n_errors: int, n_warnings: int, name: str, lang: Lang) -> str:
    """``2 errors, 1 warning in NAME`` in English or Finnish."""
    if lang == "fi":
        return (
            f"{_count(n_errors, 'virhe', 'virhettä')}, "
            f"{_count(n_warnings, 'varoitus', 'varoitusta')} aineistossa {name}"
        )
    return (
        f"{_count(n_errors, 'error', 'errors')}, "
        f"{_count(n_warnings, 'warning', 'warnings')} in {name}"
    )


class OutputFormat(StrEnum):
    """How findings are printed."""

    TABLE = "table"
    JSON = "json"


def findings_table(findings: list[Finding], lang: Lang) -> Table:
    """Findings as a Rich table: level, table, row, column, what, expected, found."""
    table = Table(show_lines=False, expand=False)
    for key in ("level", "table", "row", "column", "what", "expected", "found"):
        table.add_column(label(key, lang), overflow="fold")
    for f in findings:
        style = "red" if f.level is Level.ERROR else "yellow"
        table.add_row(
            Text(label(f.level.value, lang), style=style),
            f.file or f.table or "",
            "" if f.row is None else str(f.row),
            f.column or "",
            f.what(lang),
            f.expected(lang),
            f.found_text(lang),
        )
    return table


def _emit(findings: list[Finding], name: str, fmt: OutputFormat, lang: Lang) -> None:
    n_errors = len(errors(findings))
    summary = summary_line(n_errors, len(findings) - n_errors, name, lang)
    if fmt is OutputFormat.JSON:
        payload = {
            "dataset": name,
            "errors": n_errors,
            "warnings": len(findings) - n_errors,
            "findings": [f.to_dict(lang) for f in findings],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if findings:
        console.print(findings_table(findings, lang))
    console.print(summary)


def check(
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="table or json")
    ] = OutputFormat.TABLE,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Validate a dataset and list its findings. / Tarkista aineisto.

    Exit status: 0 no errors (warnings allowed), 1 errors, 2 the dataset cannot be read.
    """
    language = resolve_lang(lang)
    with dataset_folder(dataset) as folder:
        name = dataset or folder.name
        try:
            result = load(folder)
        except DatasetUnreadableError as exc:
            _emit(exc.findings, name, output, language)
            raise typer.Exit(EXIT_UNREADABLE) from exc
    findings = list(result.findings)
    if result.region is not None:
        findings += check_region(result.region, result.lines)
    _emit(findings, name, output, language)
    raise typer.Exit(EXIT_ERRORS if errors(findings) else EXIT_OK)
