"""``polku areas``: the bundled regional classification of a year, searched by code or
name: municipalities, employment areas (with their host), wellbeing services counties
and regions."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from polku.i18n import Lang, said
from polku.sources.classification import load
from polku.sources.classification.listing import KINDS, AreaEntry, search

from .common import LANG_HELP, console, err_console, resolve_lang
from .exits import BAD_OPTION

_HEAD = {
    "en": ("code", "kind", "name", "members", "host"),
    "fi": ("koodi", "taso", "nimi", "jäseniä", "vastuukunta"),
}
_KIND = {
    "en": {
        "municipality": "municipality",
        "employment_area": "employment area",
        "wellbeing_county": "wellbeing services county",
        "region": "region",
    },
    "fi": {
        "municipality": "kunta",
        "employment_area": "työllisyysalue",
        "wellbeing_county": "hyvinvointialue",
        "region": "maakunta",
    },
}


def _bad(text_en: str, text_fi: str) -> typer.Exit:
    err_console.print(f"{text_en} / {text_fi}", style="red")
    return typer.Exit(BAD_OPTION)


def _name(entry: AreaEntry) -> str:
    if entry.name_sv and entry.name_sv != entry.name_fi:
        return f"{entry.name_fi} / {entry.name_sv}"
    return entry.name_fi


def _host(entry: AreaEntry, names: dict[str, str]) -> str:
    if entry.kind != "employment_area":
        return ""
    if not entry.host:
        return "-"  # a joint municipal authority, or a host not verified
    return f"{entry.host} {names.get(entry.host, '')}".strip()


def _table(found: list[AreaEntry], year: int, language: Lang) -> Table:
    names = {e.members[0]: e.name_fi for e in search(None, year, "municipality")}
    title = (
        f"Alueet {year}, Polkun mukana tuleva luokitus (lähteet: polku/sources/classification)"
        if language == "fi"
        else f"Areas of {year}, Polku's bundled classification "
        "(sources: polku/sources/classification)"
    )
    table = Table(title=title, title_justify="left")
    for head in said(_HEAD, language):
        table.add_column(head, overflow="fold")
    for e in found:
        table.add_row(
            e.code,
            said(_KIND, language)[e.kind],
            _name(e),
            str(len(e.members)),
            _host(e, names),
        )
    return table


def areas_command(
    query: Annotated[
        str | None,
        typer.Argument(
            help="Part of a code or of a Finnish or Swedish name (case and diacritics "
            "aside). / Osa koodista tai nimestä.",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help=f"Only one kind: {', '.join(KINDS)}. / Vain yksi taso."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="Year (default: the newest bundled). / Vuosi."),
    ] = None,
    output: Annotated[
        str, typer.Option("--format", help="table or json. / Tulosteen muoto.")
    ] = "table",
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """List the bundled areas and their municipalities. / Näytä alueet ja niiden kunnat."""
    language = resolve_lang(lang)
    if kind is not None and kind not in KINDS:
        raise _bad(
            f"--kind {kind}: expected one of {', '.join(KINDS)}",
            f"tuntematon taso, sallitut: {', '.join(KINDS)}",
        )
    if output not in ("table", "json"):
        raise _bad(f"--format {output}: expected table or json", "muoto on table tai json")
    years = load().years()
    chosen = years[-1] if year is None else year
    if chosen not in years:
        span = f"{years[0]}-{years[-1]}"
        raise _bad(
            f"--year {chosen}: the bundled classification has no municipalities for that "
            f"year (it covers {span})",
            f"vuotta ei ole luokituksessa (se kattaa vuodet {span})",
        )
    found = search(query, chosen, kind)
    if output == "json":
        typer.echo(json.dumps([e.as_dict() for e in found], ensure_ascii=False, indent=2))
        return
    if not found:  # an empty answer, as in JSON: not an error of the data (exit 0)
        asked = f" {query!r}" if query else ""
        err_console.print(
            said(
                {
                    "en": f"no area matches{asked} in {chosen}"
                    + ("" if query else f" (kind {kind})")
                    + "; polku areas --year for another year",
                    "fi": f"mikään alue ei vastaa hakua{asked} vuonna {chosen}"
                    + ("" if query else f" (taso {kind})")
                    + "; polku areas --year toiselle vuodelle",
                },
                language,
            )
        )
        return
    console.print(_table(found, chosen, language))


__all__ = ["areas_command"]
