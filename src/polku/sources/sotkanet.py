"""THL's Sotkanet REST API 1.1: regions, indicators found by title, and values.

Sotkanet numbers regions with its own ids: a municipality is found by its category
``KUNTA`` and its three-digit code. Indicators are looked up by their title at run
time (``/indicators``), never by an id written down here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from polku.errors import SourceError, SourceFormatError

from .client import Client

BASE = "https://sotkanet.fi/rest/1.1"


@dataclass(frozen=True)
class Region:
    id: int
    code: str
    category: str
    title_fi: str


@dataclass(frozen=True)
class Indicator:
    id: int
    title_fi: str
    title_en: str


@dataclass(frozen=True)
class Value:
    indicator: int
    region: int
    year: int
    gender: str
    value: float | None


def _list(doc: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(doc, list) or not all(isinstance(d, dict) for d in doc):
        raise SourceFormatError(where, "answer", "a JSON list of objects", type(doc).__name__)
    return doc


def _title(item: dict[str, Any], lang: str) -> str:
    title = item.get("title")
    return str(title.get(lang, "")) if isinstance(title, dict) else str(title or "")


def regions(client: Client, base: str = BASE) -> list[Region]:
    url = f"{base}/regions"
    out = []
    for i, r in enumerate(_list(client.get(url).json(), url)):
        try:
            out.append(Region(int(r["id"]), str(r["code"]), str(r["category"]), _title(r, "fi")))
        except (KeyError, TypeError, ValueError) as exc:
            raise SourceFormatError(url, f"[{i}]", "id, code, category and title", r) from exc
    return out


def municipality(found: Sequence[Region], code: str) -> Region:
    """The municipality with Statistics Finland code ``code`` (e.g. ``405``)."""
    for r in found:
        if r.category == "KUNTA" and r.code.zfill(3) == code.zfill(3):
            return r
    raise SourceError(f"Sotkanet has no municipality with the code {code}")


def indicators(client: Client, base: str = BASE) -> list[Indicator]:
    url = f"{base}/indicators"
    out = []
    for i, d in enumerate(_list(client.get(url).json(), url)):
        try:
            out.append(Indicator(int(d["id"]), _title(d, "fi"), _title(d, "en")))
        except (KeyError, TypeError, ValueError) as exc:
            raise SourceFormatError(url, f"[{i}]", "id and title", d) from exc
    return out


def find_indicator(found: Sequence[Indicator], title: str) -> Indicator:
    """The one indicator whose Finnish or English title is ``title`` (case ignored)."""
    wanted = title.casefold()
    exact = [i for i in found if wanted in (i.title_fi.casefold(), i.title_en.casefold())]
    if len(exact) == 1:
        return exact[0]
    near = [i.title_fi for i in found if wanted in i.title_fi.casefold()][:5]
    hint = f"; titles that contain it: {'; '.join(near)}" if near else ""
    raise SourceError(f"Sotkanet: {len(exact)} indicators are titled {title!r}{hint}")


def values(
    client: Client, indicator: int, years: Sequence[int], gender: str = "total", base: str = BASE
) -> list[Value]:
    """The indicator's values for ``years`` in every region."""
    url = f"{base}/json"
    params = {"indicator": indicator, "years": list(years), "genders": gender}
    out = []
    for i, d in enumerate(_list(client.get(url, params).json(), url)):
        try:
            raw = d.get("value")
            out.append(
                Value(
                    int(d["indicator"]),
                    int(d["region"]),
                    int(d["year"]),
                    str(d["gender"]),
                    None if raw is None else float(raw),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SourceFormatError(
                url, f"[{i}]", "indicator, region, year, gender, value", d
            ) from exc
    return out


__all__ = [
    "BASE",
    "Indicator",
    "Region",
    "Value",
    "find_indicator",
    "indicators",
    "municipality",
    "regions",
    "values",
]
