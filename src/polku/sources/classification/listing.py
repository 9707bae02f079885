"""The bundled areas as one list to search: municipalities, employment areas, wellbeing
services counties and regions of a year, each with its names, members and host.

A query matches an area's code or its Finnish or Swedish name as a substring, whatever
the case and the diacritics (``a`` matches ``ä`` and ``Å``), so an area can be found by
its Swedish name as well.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from . import Classification, load

#: The kinds of area listed, in the order they are shown.
KINDS = ("municipality", "employment_area", "wellbeing_county", "region")


@dataclass(frozen=True)
class AreaEntry:
    """One area of a year: ``members`` are three-digit municipality codes (a
    municipality's own code for a municipality); ``host`` is an employment area's host
    municipality (vastuukunta), "" where none is known or the area has none."""

    code: str
    kind: str
    name_fi: str
    name_sv: str
    name_en: str
    members: tuple[str, ...]
    host: str
    statfi_code: str

    def as_dict(self) -> dict[str, object]:
        """The entry for JSON: empty names and hosts are ``None``."""
        out: dict[str, object] = {
            "code": self.code,
            "kind": self.kind,
            "name_fi": self.name_fi,
            "name_sv": self.name_sv or None,
            "name_en": self.name_en or None,
            "members": list(self.members),
            "statfi_code": self.statfi_code or None,
        }
        if self.kind == "employment_area":
            out["host"] = self.host or None
        return out


def fold(text: str) -> str:
    """``text`` without case or diacritics, for matching (``Ä`` and ``ä`` become ``a``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def entries(
    year: int, kind: str | None = None, key: Classification | None = None
) -> list[AreaEntry]:
    """Every bundled area of ``year`` (of one ``kind`` if given), by kind then code."""
    key = key or load()
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    rows = sorted(key.in_year(year), key=lambda m: m.code)
    out: list[AreaEntry] = []
    for wanted in KINDS if kind is None else (kind,):
        if wanted == "municipality":
            out += [
                AreaEntry(f"KU{m.code}", wanted, m.name_fi, m.name_sv, "", (m.code,), "", m.code)
                for m in rows
            ]
            continue
        field = {"employment_area": "employment_area", "wellbeing_county": "wellbeing_county"}
        attr = field.get(wanted, "region")
        for area in key.areas_at(wanted, year):
            members = tuple(m.code for m in rows if getattr(m, attr) == area.code)
            out.append(
                AreaEntry(
                    area.code,
                    wanted,
                    area.name_fi,
                    area.name_sv,
                    area.name_en,
                    members,
                    area.host,
                    area.statfi_code,
                )
            )
    return out


def search(
    query: str | None, year: int, kind: str | None = None, key: Classification | None = None
) -> list[AreaEntry]:
    """The areas of ``year`` whose code or Finnish or Swedish name holds ``query``
    (case and diacritics aside); every area of the year with no query."""
    found = entries(year, kind, key)
    if not query:
        return found
    wanted = fold(query.strip())
    return [e for e in found if any(wanted in fold(t) for t in (e.code, e.name_fi, e.name_sv))]


__all__ = ["KINDS", "AreaEntry", "entries", "fold", "search"]
