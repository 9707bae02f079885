"""``polku fetch``: build or refresh a dataset folder from the official open data."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from polku.data.reader import read_region
from polku.data.writer import write_region
from polku.errors import OutputError, SourceError
from polku.files import replaceable_folder
from polku.model.region import Region
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
from .exits import BAD_OPTION, UNREADABLE, code_for


def _cache() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("polku", appauthor=False)) / "sources"


def _fail(message: str) -> typer.Exit:
    """A refused --out or --cache: a bad option (exit 3)."""
    err_console.print(message, style="red")
    return typer.Exit(BAD_OPTION)


def _check_out(out: Path, cache: Path, force: bool) -> None:
    """Refuse, before any download, what could lose someone's files."""
    target = out.resolve()
    if out.exists() and not out.is_dir():
        raise _fail(f"{out}: not a folder / ei ole kansio")
    if target == Path.cwd().resolve() or target in Path.cwd().resolve().parents:
        raise _fail(f"{out}: the current folder cannot be replaced / nykyistä kansiota ei korvata")
    if cache == target or target in cache.parents:
        raise _fail(
            f"--cache {cache} is inside {out}; keep it elsewhere / välimuisti kansion sisällä"
        )
    if out.exists() and any(out.iterdir()):
        if not force:
            raise _fail(
                f"{out}: the folder is not empty; add --force to replace it / kansio ei ole tyhjä"
            )
        try:  # the same rule as every folder output: only a dataset, never a mount point
            replaceable_folder("--out", out, target, dataset=True)
        except OutputError as exc:
            raise _fail(str(exc)) from exc


def replace_folder(out: Path, region: Region) -> None:
    """Write ``region`` next to ``out`` and swap it in by renames; on any failure the
    old folder is back where it was (and never deleted before the new one is in place)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    new, old = staging / "dataset", staging / "old"
    try:
        write_region(region, new)
        read_region(new)  # the new folder must load before it replaces anything
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    moved = False
    try:
        if out.exists():
            os.rename(out, old)  # same file system: atomic, never a copy
            moved = True
        os.rename(new, out)
    except BaseException:
        if moved and not out.exists():
            os.rename(old, out)
        if out.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)


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
    cache = (cache or _cache()).resolve()
    _check_out(out, cache, force)
    ends = Endpoints(statfin=statfin_url, kela_ckan=kela_url, sotkanet=sotkanet_url)
    with failures(language):
        with dataset_folder(base) as folder:
            region = read_region(folder)
        try:
            refreshed = fetch(
                region,
                area,
                cache,
                first=first,
                last=last,
                offline=offline,
                endpoints=ends,
                name=name,
                retries=retries,
            )
        except SourceError as exc:
            err_console.print(str(exc), style="red")
            err_console.print(f"{out}: not changed / ei muutettu")
            raise typer.Exit(UNREADABLE) from exc  # the source cannot be read
        try:
            replace_folder(out, refreshed)
        except OSError as exc:
            err_console.print(f"{out}: cannot be replaced ({exc}) / ei voi korvata", style="red")
            err_console.print(f"{out}: not changed / ei muutettu")
            raise typer.Exit(code_for(exc)) from exc
    console.print(f"{refreshed.name} -> {out}")
