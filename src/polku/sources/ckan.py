"""The open data portal's CKAN API: a package's resources, found by name and year.

Kela's packages are on the portal now served as avoindata.suomi.fi (the older
www.avoindata.fi name is tried when the new one does not answer). A package lists its
files as resources, each with a URL, a last-modified date and, where the portal has
it, a SHA-256. Large datasets are split into yearly files (``data_2023.csv``,
``data_2010_2017.csv``), sometimes without a ``data.csv``, or with a ``data.csv``
holding only the newest year: :func:`data_files` picks the files that hold the years
asked for, and ``data.csv`` only for years no yearly file names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from polku.errors import SourceError

from .client import Client

PORTALS = ("https://avoindata.suomi.fi/data", "https://www.avoindata.fi/data")
_YEARS = re.compile(r"^data_(\d{4})(?:_(\d{4}))?\.csv$")


@dataclass(frozen=True)
class Resource:
    """One file of a package, as the portal describes it."""

    name: str
    url: str
    modified: str | None  # last_modified, else created
    sha256: str | None
    years: tuple[int, int] | None  # from the file name; None: data.csv or another file


def _sha256(res: dict[str, object]) -> str | None:
    for key in ("sha256", "hash"):
        value = str(res.get(key) or "").strip()
        value = value.removeprefix("sha256:")
        if re.fullmatch(r"[0-9a-fA-F]{64}", value):
            return value.lower()
    return None


def resources(client: Client, bases: Sequence[str], package: str) -> list[Resource]:
    """The package's resources from the first portal of ``bases`` that answers."""
    errors = []
    for base in bases:
        url = f"{base}/api/3/action/package_show"
        try:
            doc = client.get(url, {"id": package}).json()
        except SourceError as exc:
            errors.append(str(exc))
            continue
        result = doc.get("result") if isinstance(doc, dict) else None
        listed = result.get("resources") if isinstance(result, dict) else None
        if not isinstance(listed, list):
            errors.append(f"{url}: no resources listed for {package}")
            continue
        out = []
        for res in listed:
            if not isinstance(res, dict):
                continue
            link = str(res.get("url") or "")
            name = str(res.get("name") or link.rsplit("/", 1)[-1])
            span = _YEARS.match(name)
            years = (int(span[1]), int(span[2] or span[1])) if span else None
            modified = str(res.get("last_modified") or res.get("created") or "") or None
            out.append(Resource(name, link, modified, _sha256(res), years))
        return out
    raise SourceError(f"Kela {package}: " + "; ".join(errors))


def named(found: Sequence[Resource], name: str, package: str) -> Resource:
    """The resource called ``name`` (``package.json``); an error lists what there is."""
    for res in found:
        if res.name == name and res.url:
            return res
    raise SourceError(
        f"Kela {package}: no resource {name} (the package has: "
        f"{', '.join(r.name for r in found) or 'none'})"
    )


def data_files(found: Sequence[Resource], years: Sequence[int], package: str) -> list[Resource]:
    """The CSV files holding ``years``: the yearly files that name them, and
    ``data.csv`` for any year none names. Yearly files come first, so that where a year
    is in both, the yearly file's rows are read first."""
    wanted = set(years)
    yearly = [
        r for r in found if r.years and r.url and any(r.years[0] <= y <= r.years[1] for y in wanted)
    ]
    covered = {y for r in yearly if r.years for y in range(r.years[0], r.years[1] + 1)}
    rest = sorted(wanted - covered)
    plain = [r for r in found if r.name == "data.csv" and r.url]
    if rest and not plain:
        names = ", ".join(r.name for r in found if r.name.endswith(".csv")) or "none"
        raise SourceError(
            f"Kela {package}: no file holds {', '.join(map(str, rest))} (CSV files: {names}) "
            "/ vuoden tiedostoa ei löydy"
        )
    return sorted(yearly, key=lambda r: r.years or (0, 0)) + (plain if rest else [])


__all__ = ["PORTALS", "Resource", "data_files", "named", "resources"]
