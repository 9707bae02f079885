"""``polku analyse``: every analysis of the survey over a dataset, as a table, JSON or CSV."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from polku.analysis import Assumptions, analyse, document, flatten
from polku.data.reader import read_region
from polku.i18n import Lang, fmt_value
from polku.rules import load_rules

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

SECTIONS: dict[str, dict[str, str]] = {
    "client_base": {"en": "Client base (S6)", "fi": "Asiakasmäärä (S6)"},
    "segments": {"en": "Segments (S7)", "fi": "Segmentit (S7)"},
    "inflow": {"en": "Inflow to unemployment (S2)", "fi": "Työttömäksi tulevat kuukaudessa (S2)"},
    "survival": {
        "en": "Still unemployed after N months (S2)",
        "fi": "Yhä työttömänä N kuukauden jälkeen (S2)",
    },
    "hazards": {
        "en": "Monthly exit hazards (S2)",
        "fi": "Työttömyydestä poistuminen kuukausittain (S2)",
    },
    "needs": {"en": "Service needs (S8)", "fi": "Palvelutarpeet (S8)"},
    "capacity_gap": {"en": "Needs against capacity (S8, S9)", "fi": "Tarve ja tarjonta (S8, S9)"},
    "effectiveness": {"en": "Effectiveness (S5)", "fi": "Vaikuttavuus (S5)"},
    "producers": {"en": "Producers' shares (S10)", "fi": "Tuottajien osuudet (S10)"},
    "activation": {"en": "Activation by area (S10)", "fi": "Aktivointi alueittain (S10)"},
    "municipal_share": {"en": "Municipal share (S11)", "fi": "Kuntaosuus (S11)"},
    "funding": {"en": "Associations' funding (S13)", "fi": "Järjestöjen rahoitus (S13)"},
    "pricing": {"en": "Cost-neutral price (S16)", "fi": "Kustannusneutraali hinta (S16)"},
    "rules": {"en": "Rules used", "fi": "Käytetyt säännöt"},
    "assumptions": {"en": "Assumptions", "fi": "Oletukset"},
}
_SKIP_IN_TABLE = frozenset({"service_lines", "benefit_days", "schema_version"})


class AnalyseFormat(StrEnum):
    """How results are printed."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _table(doc: dict[str, Any], lang: Lang) -> None:
    title = {"en": "Dataset", "fi": "Aineisto"}[lang]
    console.print(Text.assemble((f"{title}:", "bold"), f" {doc['dataset']} ({doc['area']})"))
    for key, titles in SECTIONS.items():
        table = Table(title=titles[lang], title_justify="left", show_header=False)
        table.add_column("key", overflow="fold")
        table.add_column("value", justify="right", overflow="fold")
        for name, value in flatten(doc.get(key), ""):
            if key == "assumptions" and not name.endswith(".value"):
                continue
            if key == "rules" and not name.endswith(".value"):
                continue
            shown = "-" if value is None else fmt_value(value, lang)
            table.add_row(name.removesuffix(".value"), shown)
        console.print(table)


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
        doc = document(analyse(region, rules, assumptions))
    if output is AnalyseFormat.JSON:
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif output is AnalyseFormat.CSV:
        typer.echo(key_value_csv(doc, _SKIP_IN_TABLE), nl=False)
    else:
        _table(doc, language)
