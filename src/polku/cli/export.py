"""``polku export``: copy a dataset to a folder, as a starting point for your own region."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from polku.data.reader import read_region
from polku.data.writer import write_region
from polku.errors import DatasetError, DatasetUnreadableError, PolkuError
from polku.files import guard_outputs
from polku.i18n import detect_lang

from .common import DATASET_HELP, console, dataset_folder, err_console, failures
from .exits import code_for


def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write. / Kohdekansio.")],
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite a non-empty folder. / Korvaa kansion sisältö."),
    ] = False,
) -> None:
    """Write a dataset as a folder of CSV files. / Vie aineisto CSV-tiedostoina kansioon.

    A non-empty --out is replaced (whole) only with --force, and only if it is a dataset."""
    with failures(detect_lang()):
        guard_outputs([("--out", out)], force, kind="folder", replaces_dataset=True)
    with dataset_folder(dataset) as folder:
        try:
            region = read_region(folder)
        except DatasetError as exc:
            err_console.print(str(exc))
            code = 2 if isinstance(exc, DatasetUnreadableError) else 1
            raise typer.Exit(code) from exc
    try:
        path = write_region(region, out, overwrite=force)
    except PolkuError as exc:
        err_console.print(str(exc), style="red")
        raise typer.Exit(code_for(exc)) from exc
    console.print(f"{region.name} -> {path}")
