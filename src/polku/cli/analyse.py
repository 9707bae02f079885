"""``polku analyse``: every analysis of the survey over a dataset, as a table, JSON or CSV."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from polku.analysis import Assumptions, analyse, document
from polku.data.reader import read_region
from polku.i18n import said
from polku.rules import load_rules

from .analyse_tables import print_tables, survey_tables
from .common import (
    DATASET_HELP,
    LANG_HELP,
    SetOption,
    console,
    dataset_folder,
    failures,
    key_value_csv,
    resolve_lang,
)

_SKIP_IN_TABLE = frozenset({"service_lines", "benefit_days", "schema_version"})


class AnalyseFormat(StrEnum):
    """How results are printed."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def analyse_command(
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    output: Annotated[
        AnalyseFormat, typer.Option("--format", help="table, json or csv")
    ] = AnalyseFormat.TABLE,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    settings: SetOption = None,
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="Folder of rule YAML files. / Sääntökansio.")
    ] = None,
) -> None:
    """Run every analysis of the survey. / Aja selvityksen kaikki analyysit."""
    language = resolve_lang(lang)
    with failures(language):
        assumptions = Assumptions.parse(settings or [])
        rules = load_rules(rules_dir)
        with dataset_folder(dataset) as folder:
            region = read_region(folder)
        analysis = analyse(region, rules, assumptions)
        doc = document(analysis)
    if output is AnalyseFormat.JSON:
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif output is AnalyseFormat.CSV:
        typer.echo(key_value_csv(doc, _SKIP_IN_TABLE), nl=False)
    else:
        title = said({"en": "Dataset", "fi": "Aineisto"}, language)
        console.print(
            Text.assemble((f"{title}:", "bold"), f" {region.name} ({region.title_in(language)})")
        )
        print_tables(console, survey_tables(region, analysis, language, rules), language)
