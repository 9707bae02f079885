"""Kela's 2025 dataset of the municipal share by employment area (työllisyysalue).

From 2025-01 the municipal share of unemployment benefits is paid by the employment
area, and Kela publishes it as *kunnan osarahoittaman työttömyysturvan saajat ja
maksetut etuudet työllisyysalueittain*. Its column names are not documented anywhere
Polku could read, so each column is found in the dataset's own ``package.json`` by
what its name says (``tyollisyysalue`` ... ``nimi``, ``saaja``, ``osuus`` ...); a
column that cannot be found is an error naming the dataset and the column.

A recipient can be counted in several employment areas, so areas are never summed
(not to a region, not to the country): an area is read as one employment area, and
each recipient once, from the accumulation class ``Yhteensä``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from polku.errors import SourceFormatError

from .kela import DAYS_CLASSES, TOTAL_CLASS, MunicipalShare, Schema, ShareTotals

DATASET = "kunnan-osarahoittaman-tyottomyysturvan-saajat-ja-maksetut-etuudet-tyollisyysalueittain"
FIRST_MONTH = "2025-01"

# role -> (what the column's name contains, all of these; required?)
ROLES: dict[str, tuple[tuple[str, ...], bool]] = {
    "kind": (("aikatyyppi",), True),
    "year": (("vuosi",), True),
    "month": (("kuukausi", "nro"), True),
    "area_name": (("tyollisyysalue", "nimi"), False),
    "area_code": (("tyollisyysalue",), False),
    "days_class": (("luokka",), True),
    "recipients": (("saaja",), True),
    "days": (("paiva", "lkm"), False),
    "paid": (("maksettu",), False),
    "share": (("osuus",), True),
}


@dataclass(frozen=True)
class Columns:
    """The dataset's column for each role (``None``: the dataset has none)."""

    by_role: dict[str, str | None]

    def __getitem__(self, role: str) -> str:
        name = self.by_role.get(role)
        if name is None:
            raise KeyError(role)
        return name


def columns(spec: Schema, dataset: str = DATASET) -> Columns:
    """Find each role's column in the schema; an error names what is missing."""
    names = [n for n, _ in spec.fields]
    found: dict[str, str | None] = {}
    taken: set[str] = set()
    for role, (parts, required) in ROLES.items():
        hits = [
            n
            for n in names
            if n not in taken
            and all(p in n.casefold() for p in parts)
            and not (role in ("year", "days") and ("kuukausi" in n or "luokka" in n))
            and not (role == "area_code" and "nimi" in n)
        ]
        if role == "year":  # "vuosi", not "vuosikuukausi"
            hits = [n for n in hits if n.casefold() == "vuosi"] or hits
        found[role] = hits[0] if hits else None
        if hits:
            taken.add(hits[0])
        elif required:
            raise SourceFormatError(
                f"Kela {dataset} package.json",
                f"column for {role}",
                f"a field whose name contains {' and '.join(parts)} (the schema has: "
                f"{', '.join(names)}) / sarake puuttuu",
            )
    if found["area_name"] is None and found["area_code"] is None:
        raise SourceFormatError(
            f"Kela {dataset} package.json",
            "column for the employment area",
            f"a field whose name contains tyollisyysalue (the schema has: {', '.join(names)})",
        )
    return Columns(found)


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("työllisyysalue", "").split()).rstrip("n")


def area_share(
    rows: Iterable[dict[str, Any]],
    cols: Columns,
    code: str,
    name_fi: str,
    dataset: str = DATASET,
) -> MunicipalShare:
    """Monthly totals of one employment area, matched by its code or Finnish name
    (an area's name with the word ``työllisyysalue`` also matches the name without it)."""
    wanted_code, wanted_name = code.casefold(), _norm(name_fi)
    periods: dict[str, ShareTotals] = defaultdict(ShareTotals)
    unknown: set[str] = set()
    names: set[str] = set()
    name_col, code_col = cols.by_role["area_name"], cols.by_role["area_code"]
    for row in rows:
        if row.get(cols["kind"]) != "Kuukausi":
            continue
        label = str(row.get(name_col) or "") if name_col else ""
        ident = str(row.get(code_col) or "") if code_col else ""
        names.add(label or ident)
        if ident.casefold() != wanted_code and (not label or _norm(label) != wanted_name):
            continue
        period = f"{int(row[cols['year']])}-{int(row[cols['month']]):02d}"
        totals = periods[period]
        days_class = str(row.get(cols["days_class"]) or "")
        recipients = float(row.get(cols["recipients"]) or 0.0)
        if days_class == TOTAL_CLASS:
            totals.recipients["all"] += recipients
            if cols.by_role["days"]:
                totals.days += float(row.get(cols["days"]) or 0.0)
            if cols.by_role["paid"]:
                totals.paid_eur += float(row.get(cols["paid"]) or 0.0)
            totals.municipal_share_eur += float(row.get(cols["share"]) or 0.0)
        elif days_class in DAYS_CLASSES:
            totals.recipients[DAYS_CLASSES[days_class]] += recipients
        else:
            unknown.add(days_class)
    if not periods:
        shown = ", ".join(sorted(n for n in names if n)[:12])
        raise SourceFormatError(
            f"Kela {dataset}",
            "employment area",
            f"rows of {code} ({name_fi})",
            f"the data has: {shown}" if shown else "no monthly rows",
        )
    return MunicipalShare(dict(periods), 0.0, unknown)


def days_classes(totals: Sequence[ShareTotals]) -> dict[str, float] | None:
    """Average recipients in 300-499, 500-999 and 1000+ and their sum 300+, when every
    month has all three classes; ``None`` otherwise (the classes of 2025 differ)."""
    parts = ("300-499", "500-999", "1000+")
    if not totals or any(p not in t.recipients for t in totals for p in parts):
        return None
    out = {p: sum(t.recipients[p] for t in totals) / len(totals) for p in parts}
    out["300+"] = sum(out.values())
    return out


__all__ = ["DATASET", "FIRST_MONTH", "ROLES", "Columns", "area_share", "columns", "days_classes"]
