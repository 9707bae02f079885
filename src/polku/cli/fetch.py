"""``polku fetch``: build or refresh a dataset folder from the official open data."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from polku.data.reader import read_region
from polku.data.writer import write_region
from polku.errors import SourceError
from polku.sources.fetch import Endpoints, fetch

from .common import (
    DATASET_HELP,
    LANG_HELP,
    console,
    dataset_folder,
    err_console,
    failures,
    resolve_lang,
)


def _cache() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("polku", appauthor=False)) / "sources"


def fetch_command(
    area: Annotated[
        str, typer.Option("--area", help="Area code, e.g. MK09, SK091 or KU405. / Alue.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Dataset folder to write. / Kohdekansio.")],
    first: Annotated[
        str | None,
        typer.Option("--from", help="First month YYYY-MM (default: the oldest). / Alku."),
    ] = None,
    last: Annotated[
        str | None, typer.Option("--to", help="Last month YYYY-MM (default: the newest). / Loppu.")
    ] = None,
    base: Annotated[str | None, typer.Option("--base", help=DATASET_HELP)] = None,
    offline: Annotated[
        bool,
        typer.Option("--offline", help="Use only the cache of earlier answers. / Vain välimuisti."),
    ] = False,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="Folder of raw answers. / Välimuistikansio.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a non-empty --out folder. / Korvaa kansio.")
    ] = False,
    name: Annotated[
        str | None, typer.Option("--name", help="Name of the new dataset. / Nimi.")
    ] = None,
    statfin_url: Annotated[
        str, typer.Option(help="Statistics Finland PxWeb base (a mirror).")
    ] = Endpoints.statfin,
    kela_url: Annotated[
        str, typer.Option(help="Kela's CKAN base (a mirror).")
    ] = Endpoints.kela_ckan,
    sotkanet_url: Annotated[
        str, typer.Option(help="Sotkanet REST base (a mirror).")
    ] = Endpoints.sotkanet,
    retries: Annotated[
        int, typer.Option("--retries", min=0, max=10, help="Retries of a busy source. / Uusintoja.")
    ] = 4,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Refresh a dataset from Kela, Statistics Finland and Sotkanet open data.

    Päivitä aineisto Kelan, Tilastokeskuksen ja Sotkanetin avoimesta datasta.
    """
    language = resolve_lang(lang)
    if out.exists() and any(out.iterdir()) and not force:
        err_console.print(
            f"[red]{out}: the folder is not empty; add --force to replace it / "
            "kansio ei ole tyhjä[/red]"
        )
        raise typer.Exit(1)
    ends = Endpoints(statfin=statfin_url, kela_ckan=kela_url, sotkanet=sotkanet_url)
    with failures(language):
        with dataset_folder(base) as folder:
            region = read_region(folder)
        try:
            refreshed = fetch(
                region,
                area,
                cache or _cache(),
                first=first,
                last=last,
                offline=offline,
                endpoints=ends,
                name=name,
                retries=retries,
            )
        except SourceError as exc:
            err_console.print(f"[red]{exc}[/red]")
            err_console.print(f"{out}: not changed / ei muutettu")
            raise typer.Exit(1) from exc
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
        try:
            write_region(refreshed, staging / "dataset")
            read_region(staging / "dataset")  # the new folder must load before it replaces
            if out.exists():
                shutil.move(str(out), str(staging / "old"))
            shutil.move(str(staging / "dataset"), str(out))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    console.print(f"{refreshed.name} -> {out}")
