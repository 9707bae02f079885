"""``polku export``: copy a dataset to a folder, as a starting point for your own region."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from polku.data.reader import read_region
from polku.data.writer import write_region
from polku.errors import DatasetError, DatasetUnreadableError, PolkuError

from .common import DATASET_HELP, console, dataset_folder, err_console


def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write. / Kohdekansio.")],
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite a non-empty folder. / Korvaa kansion sisältö."),
    ] = False,
) -> None:
    """Write a dataset as a folder of CSV files. / Vie aineisto CSV-tiedostoina kansioon."""
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
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    console.print(f"{region.name} -> {path}")
