"""``polku fetch``: build or refresh a dataset folder from the official open data."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from polku.data.descriptor import valid_name
from polku.data.reader import read_region
from polku.data.writer import write_region
from polku.errors import OutputError, SourceError
from polku.files import replaceable_folder
from polku.model.region import Region
from polku.sources.fetch import Endpoints, build, fetch

from .common import (
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
    inside = next((p for p in target.parents if (p / "datapackage.yaml").is_file()), None)
    if inside is not None:
        raise _fail(
            f"{out}: inside the dataset folder {inside}; write it elsewhere "
            "/ aineistokansion sisällä"
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


_MONTH = re.compile(r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$")
_CODE = re.compile(r"^(?i:KU[0-9]{3}|SK[0-9]{3}|MK[0-9]{2}|HV[0-9]{2}|TA-[A-Z0-9-]+)$")


def _check_options(first: str | None, last: str | None, name: str | None) -> None:
    """Months as YYYY-MM, in order; a dataset name by the same rule everywhere."""
    for option, value in (("--from", first), ("--to", last)):
        if value is not None and not _MONTH.match(value):
            raise _fail(f"{option} {value!r}: not a month YYYY-MM / ei kuukausi VVVV-KK")
    if first and last and first > last:
        raise _fail(f"--from {first} is after --to {last} / alku on lopun jälkeen")
    if name is not None and not valid_name(name):
        raise _fail(
            f"--name {name!r}: letters, digits, '.', '_' and '-', starting with a letter or "
            "digit, at most 80 / nimessä vain kirjaimia, numeroita, '.', '_' ja '-'"
        )


def _resolve_area(area: str) -> str:
    """The area code asked for, in upper case; a name or an unknown code is refused
    with the codes whose names match it."""
    from polku.sources.classification import load
    from polku.sources.classification.listing import search

    code = area.strip()
    if _CODE.match(code):
        return code.upper()
    year = load().years()[-1]
    found = search(code, year) if code else []
    if not code:
        hint = "see polku areas"
    elif found:
        shown = "; ".join(f"{e.code} ({e.name_fi})" for e in found[:6])
        hint = f"did you mean {shown}? see polku areas {code!r}"
    else:
        hint = "no area's name matches it either; see polku areas"
    raise _fail(f"--area {area!r} is not an area code: {hint} / ei aluekoodi")


def _dry_run(area: str, first: str | None, last: str | None, ends: Endpoints) -> None:
    """Print the requests a fetch would make, and nothing else (no network)."""
    import datetime as dt

    from polku.sources import plan
    from polku.sources.areas import municipalities
    from polku.sources.classification import load

    months = plan.assumed_months(first, last, dt.date.today())
    years = sorted({int(m[:4]) for m in months})
    with dataset_folder(None) as folder:
        known = read_region(folder)
    munis = municipalities(known, area, years)
    named = load().area(area, years[-1])
    console.print(
        f"# polku fetch --area {area}"
        + (f" ({named.name_fi})" if named else "")
        + f": {len(munis)} {'municipality' if len(munis) == 1 else 'municipalities'}, "
        + f"{months[0]} to {months[-1]}"
        + ("" if last else " (assumed: --to not given)")
    )
    for request in plan.requests(area, munis, months, ends):
        console.print(request.render(), soft_wrap=True)


def _filled(path: Path | None) -> Region | None:
    """The planner's filled workbook (the tables they have), or None."""
    if path is None:
        return None
    from polku.data.workbook import read_filled

    return read_filled(path)


def fetch_command(
    area: Annotated[
        str,
        typer.Option(
            "--area",
            help="Area code: an employment area (see polku areas), MK09, SK091 or KU405. / Alue.",
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="Dataset folder to write. / Kohdekansio.")
    ] = None,
    first: Annotated[
        str | None,
        typer.Option("--from", help="First month YYYY-MM (default: 12 months to --to). / Alku."),
    ] = None,
    last: Annotated[
        str | None, typer.Option("--to", help="Last month YYYY-MM (default: the newest). / Loppu.")
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            help="Refresh this dataset instead of building a new one. / Päivitä tämä aineisto.",
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            help="Region whose tables no public source has are borrowed as estimates "
            "(default: the embedded dataset). / Malliaineisto.",
        ),
    ] = None,
    fill: Annotated[
        Path | None,
        typer.Option(
            "--fill",
            help="A filled Excel template (polku template): its tables replace the "
            "borrowed ones. / Täytetty Excel-pohja.",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Print the requests and stop. / Näytä pyynnöt."),
    ] = False,
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
        list[str] | None,
        typer.Option(help="Kela's CKAN base, tried in turn (default: both portal names)."),
    ] = None,
    sotkanet_url: Annotated[
        str, typer.Option(help="Sotkanet REST base (a mirror).")
    ] = Endpoints.sotkanet,
    retries: Annotated[
        int, typer.Option("--retries", min=0, max=10, help="Retries of a busy source. / Uusintoja.")
    ] = 4,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Build a dataset for an area from Kela, Statistics Finland and Sotkanet open data,
    or refresh one (--base).

    Rakenna alueen aineisto Kelan, Tilastokeskuksen ja Sotkanetin avoimesta datasta tai
    päivitä aineisto (--base).
    """
    language = resolve_lang(lang)
    ends = Endpoints(
        statfin=statfin_url,
        kela_ckan=tuple(kela_url) if kela_url else Endpoints.kela_ckan,
        sotkanet=sotkanet_url,
    )
    _check_options(first, last, name)
    area = _resolve_area(area)
    if base is not None and (template is not None or fill is not None):
        raise _fail("--base refreshes a dataset; --template and --fill build a new one / valitse")
    if dry_run:
        with failures(language):
            try:
                _dry_run(area, first, last, ends)
            except SourceError as exc:
                err_console.print(str(exc), style="red")
                raise typer.Exit(BAD_OPTION) from exc
        return
    if out is None:
        raise _fail("--out is needed (or --dry-run) / anna --out")
    cache = (cache or _cache()).resolve()
    _check_out(out, cache, force)
    with failures(language):
        with dataset_folder(base or template) as folder:
            region = read_region(folder)
        filled = _filled(fill)
        try:
            asked: dict[str, Any] = {
                "first": first,
                "last": last,
                "offline": offline,
                "endpoints": ends,
                "name": name,
                "retries": retries,
            }
            made = (
                fetch(region, area, cache, **asked)
                if base is not None
                else build(
                    region, area, cache, **asked, filled=filled, fill_name=fill.name if fill else ""
                )
            )
        except SourceError as exc:
            err_console.print(str(exc), style="red")
            err_console.print(f"{out}: not changed / ei muutettu")
            raise typer.Exit(UNREADABLE) from exc  # the source cannot be read
        try:
            replace_folder(out, made)
        except OSError as exc:
            err_console.print(f"{out}: cannot be replaced ({exc}) / ei voi korvata", style="red")
            err_console.print(f"{out}: not changed / ei muutettu")
            raise typer.Exit(code_for(exc)) from exc
    console.print(f"{made.name} -> {out}")
    for ref in made.sources:
        if ref.tables:
            console.print(f"  {', '.join(ref.tables)}: {ref.title}")
