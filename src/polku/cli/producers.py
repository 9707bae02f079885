"""``polku producers``: the associations' funding base (S13-S19) as tables, JSON or CSV."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table as RichTable

from polku.analysis import Assumptions
from polku.data.reader import read_region
from polku.producers.document import document
from polku.producers.run import analyse_producers
from polku.report.context import Figure, Table
from polku.report.producers import producers as producer_section
from polku.rules import load_rules
from polku.simulation.runner import DEFAULT_SEED, find_scenario

from .common import (
    DATASET_HELP,
    LANG_HELP,
    ScenarioOption,
    SetOption,
    console,
    dataset_folder,
    failures,
    key_value_csv,
    progress_bars,
    resolve_lang,
)


class ProducerFormat(StrEnum):
    """How the results are printed."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _print(table: Table) -> None:
    out = RichTable(title=table.caption, title_justify="left")
    for i, column in enumerate(table.columns):
        # text (names, sources, yes/no) to the left, numbers to the right
        text = i == 0 or all(isinstance(row[i], str) for row in table.raw if len(row) > i)
        out.add_column(column, justify="left" if text else "right", overflow="fold")
    for row in table.rows:
        out.add_row(*row)
    console.print(out)
    if table.sources:
        console.print("  " + "; ".join(table.sources), style="dim", highlight=False)


def producers_command(
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    scenario: ScenarioOption = None,
    output: Annotated[
        ProducerFormat, typer.Option("--format", help="table, json or csv")
    ] = ProducerFormat.TABLE,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed. / Satunnaissiemen.")] = (
        DEFAULT_SEED
    ),
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    settings: SetOption = None,
) -> None:
    """The producers' finances, funding models and risks. / Tuottajien rahoituspohja."""
    language = resolve_lang(lang)
    with failures(language):
        assumptions = Assumptions.parse(settings or [])
        with dataset_folder(dataset) as folder:
            region = read_region(folder)
        scenarios = [find_scenario(s, region) for s in scenario or []]
        with progress_bars() as tick:
            result = analyse_producers(
                region,
                scenarios,
                rules=load_rules(),
                assumptions=assumptions,
                seed=seed,
                progress=tick,
            )
    if output is ProducerFormat.JSON:
        typer.echo(json.dumps(document(result), ensure_ascii=False, indent=2))
        return
    if output is ProducerFormat.CSV:
        typer.echo(key_value_csv(document(result), ("inputs",)), nl=False)
        return
    section = producer_section(result, language, region.area_names(language))
    console.print(section.title, style="bold")
    if assumptions.overrides:
        changed = ", ".join(f"{k}={v}" for k, v in assumptions.overrides.items())
        console.print(
            ("Oletuksia muutettu: " if language == "fi" else "Assumptions changed: ") + changed
        )
    for paragraph in section.paragraphs:
        console.print(paragraph, highlight=False)
    for item in section.items:
        _print(item.table if isinstance(item, Figure) else item)
