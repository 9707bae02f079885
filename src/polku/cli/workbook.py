"""``polku template`` and ``polku import``: the Excel template of a dataset."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from polku.data.embedded import default_region
from polku.data.reader import read_region
from polku.data.workbook import import_workbook, write_template
from polku.data.writer import FolderNotEmptyError
from polku.errors import DatasetError, DatasetUnreadableError
from polku.files import guard_outputs

from .common import (
    LANG_HELP,
    ForceOption,
    console,
    dataset_folder,
    err_console,
    failures,
    resolve_lang,
)
from .exits import BAD_OPTION, UNREADABLE


def template_command(
    out: Annotated[Path, typer.Option("--out", help="Workbook to write. / Työkirja.")],
    dataset: Annotated[
        str | None,
        typer.Argument(help="Dataset to fill the template with (default: the embedded one)."),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    empty: Annotated[
        bool, typer.Option("--empty", help="No example data. / Ilman esimerkkiä.")
    ] = False,
    force: ForceOption = False,
) -> None:
    """Write the Excel template of a dataset. / Kirjoita aineiston Excel-pohja.

    An existing --out is replaced only with --force."""
    language = resolve_lang(lang)
    with failures(language):
        guard_outputs([("--out", out)], force)
        region = None
        if not empty:
            if dataset is None:
                region = default_region()
            else:
                with dataset_folder(dataset) as folder:
                    region = read_region(folder)
        path = write_template(region, out, language)
    console.print(f"-> {path}")


def import_command(
    workbook: Annotated[Path, typer.Argument(help="Filled template (.xlsx). / Täytetty pohja.")],
    out: Annotated[Path, typer.Option("--out", help="Dataset folder to write. / Kohdekansio.")],
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite a non-empty folder. / Korvaa kansion sisältö."),
    ] = False,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Turn a filled template into a dataset folder. / Muunna täytetty pohja aineistoksi."""
    language = resolve_lang(lang)
    if not workbook.is_file():
        err_console.print(f"{workbook}: file not found / tiedostoa ei löydy")
        raise typer.Exit(UNREADABLE)
    with failures(language):
        guard_outputs(
            [("--out", out)],
            force,
            kind="folder",
            inputs=[("WORKBOOK", workbook)],
            replaces_dataset=True,
        )
    try:
        region = import_workbook(workbook, out, overwrite=force)
    except DatasetError as exc:
        for finding in exc.findings:
            err_console.print(finding.describe(language))
        raise typer.Exit(2 if isinstance(exc, DatasetUnreadableError) else 1) from exc
    except FolderNotEmptyError as exc:
        err_console.print(str(exc), style="red")
        raise typer.Exit(BAD_OPTION) from exc
    console.print(f"{region.name} -> {out}")
