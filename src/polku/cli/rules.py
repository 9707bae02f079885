"""``polku rules``: the legislation parameters in force on a date, with their sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from polku.errors import RuleError
from polku.i18n import fmt_value, said
from polku.model.terms import unit as unit_words
from polku.rules import Entry, load_rules

from .common import LANG_HELP, console, err_console, resolve_lang
from .exits import UNREADABLE

_HEAD = {
    "en": ("parameter", "value", "unit", "since", "verified", "reference"),
    "fi": ("parametri", "arvo", "yksikkö", "alkaen", "varmistettu", "lähde"),
}
_YES = {"en": ("yes", "NO"), "fi": ("kyllä", "EI")}


def _parse_date(text: str) -> dt.date:
    """``YYYY-MM-DD``, or ``D.M.YYYY`` as Finns write dates."""
    if "." in text:
        day, month, year = (int(p) for p in text.split("."))
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text)


def _reference(entry: Entry, lang: str) -> str:
    """The entry's source citation in ``lang``: Finnish where the rules give it."""
    return (entry.reference_fi if lang == "fi" else "") or entry.reference


def _first(rules_dir: Path | None) -> str:
    starts = [e.start for p in load_rules(rules_dir).parameters.values() for e in p.history]
    return min(starts).isoformat() if starts else "-"


def rules_command(
    date: Annotated[
        str | None, typer.Option("--date", help="YYYY-MM-DD (default: today). / Päivä.")
    ] = None,
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="Folder of rule YAML files. / Sääntökansio.")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """List the rules in force on a date. / Näytä annettuna päivänä voimassa olevat säännöt."""
    language = resolve_lang(lang)
    try:
        day = _parse_date(date) if date else dt.date.today()
    except ValueError as exc:
        raise typer.BadParameter("expected YYYY-MM-DD or D.M.YYYY", param_hint="--date") from exc
    if rules_dir is not None and not (rules_dir.is_dir() and any(rules_dir.glob("*.yaml"))):
        err_console.print(
            f"--rules {rules_dir}: expected a folder of rule YAML files (*.yaml), "
            "found none / sääntökansiossa ei ole YAML-tiedostoja",
            style="red",
        )
        raise typer.Exit(UNREADABLE)
    try:
        in_force = load_rules(rules_dir).at(day)
    except RuleError as exc:
        for finding in exc.findings:
            err_console.print(finding.describe(language))
        raise typer.Exit(UNREADABLE) from exc
    if not in_force.values:
        err_console.print(
            said(
                {
                    "en": f"No rule has a value on {day.isoformat()}: the rules start "
                    f"on {_first(rules_dir)}.",
                    "fi": f"Millään säännöllä ei ole arvoa päivänä {day.isoformat()}: "
                    f"säännöt alkavat {_first(rules_dir)}.",
                },
                language,
            )
        )
        raise typer.Exit(1)
    table = Table(title=day.isoformat(), title_justify="left")
    for head in said(_HEAD, language):
        table.add_column(head, overflow="fold")
    for name, value in sorted(in_force.values.items()):
        shown = value.entry.value_in(language)
        yes, no = said(_YES, language)
        table.add_row(
            name,
            fmt_value(shown, language),
            unit_words(value.parameter.unit, language),
            value.entry.start.isoformat(),
            yes if value.verified else no,
            _reference(value.entry, language)
            + (f" ({value.entry.note_in(language)})" if value.entry.note else ""),
        )
    console.print(table)
