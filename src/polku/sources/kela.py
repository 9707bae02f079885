"""Kela's open data: CSV files read by their own ``package.json`` (Frictionless).

Each Kela dataset ships a ``data.csv`` and a ``package.json`` whose resource gives the
dialect (delimiter, encoding, decimal mark, missing values) and the schema (field names
and types). The CSV is read by that dialect, its header is checked against the schema
(a renamed or missing column is an error naming it), and every cell is converted to
the schema's type; refunds make euros and days negative, which is kept.

:func:`municipal_share` sums the municipally co-financed labour market subsidy
(dataset ``kuntien-rahoittama-tyomarkkinatuki``) over an area's municipalities.
Kela suppresses municipalities with fewer than four recipients as ``199`` /
``Tuntematon``: those rows cannot be placed in an area and are counted apart.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from polku.errors import SourceFormatError

SUPPRESSED = "199"  # Kela's code for a municipality with fewer than 4 recipients
TOTAL_CLASS = "Yhteensä"
DAYS_CLASSES = {  # Kela's benefit-day classes -> the dataset's BenefitDaysClass values
    "300-499": "300-499",
    "500-999": "500-999",
    "1000 tai yli": "1000+",
    "1000": "1000+",  # the description text's spelling
}


@dataclass(frozen=True)
class Dialect:
    delimiter: str = ","
    encoding: str = "utf-8"
    decimal: str = "."
    missing: tuple[str, ...] = ("",)


@dataclass(frozen=True)
class Schema:
    """The resource's fields (name -> Frictionless type) in order, and its dialect."""

    name: str
    fields: tuple[tuple[str, str], ...]
    dialect: Dialect


def schema(package: Any, resource: str = "data.csv") -> Schema:
    """The schema and dialect of ``resource`` in a parsed ``package.json`` (a resource
    whose ``path`` is that file, or a list of files holding it, or named after it)."""
    where = "package.json"
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise SourceFormatError(where, "resources", "a list of resources", package)
    for res in package["resources"]:
        if not isinstance(res, dict):
            continue
        paths = res.get("path")
        listed = paths if isinstance(paths, list) else [paths]  # a list: yearly parts
        if resource not in listed and res.get("name") != resource.removesuffix(".csv"):
            continue
        fields = (res.get("schema") or {}).get("fields")
        if not isinstance(fields, list) or not fields:
            raise SourceFormatError(where, f"{resource}.schema.fields", "a list of fields", fields)
        try:
            pairs = tuple((str(f["name"]), str(f.get("type", "string"))) for f in fields)
        except (KeyError, TypeError) as exc:
            raise SourceFormatError(
                where, f"{resource}.schema.fields", "fields with a name"
            ) from exc
        dialect = res.get("dialect") or {}
        missing = (res.get("schema") or {}).get("missingValues") or dialect.get("missingValues")
        return Schema(
            str(package.get("name", "")),
            pairs,
            Dialect(
                delimiter=str(dialect.get("delimiter", ",")),
                encoding=str(res.get("encoding") or dialect.get("encoding") or "utf-8"),
                decimal=str(dialect.get("decimalChar", ".")),
                missing=tuple(missing) if missing else ("",),
            ),
        )
    raise SourceFormatError(where, "resources", f"a resource {resource}")


def _convert(kind: str, text: str, dialect: Dialect) -> Any:
    if text in dialect.missing:
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text.replace(dialect.decimal, ".") if dialect.decimal != "." else text)
    return text


def read_csv(data: bytes, spec: Schema, source: str = "data.csv") -> Iterator[dict[str, Any]]:
    """The rows of a Kela CSV, typed by the schema; errors name the row and column."""
    try:
        encoding = spec.dialect.encoding.lower().replace("_", "-")
        if encoding in ("utf-8", "utf8"):
            encoding = "utf-8-sig"  # a byte-order mark is not part of the first column name
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceFormatError(source, "encoding", spec.dialect.encoding, str(exc)) from exc
    reader = csv.reader(io.StringIO(text), delimiter=spec.dialect.delimiter)
    header = next(reader, None)
    names = [n for n, _ in spec.fields]
    if header is None:
        raise SourceFormatError(source, "row 1", "a header: " + ",".join(names))
    header = [h.strip().lstrip("\ufeff") for h in header]
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        detail = (f"missing {', '.join(missing)}" if missing else "") + (
            f"{'; ' if missing else ''}unexpected {', '.join(extra)}" if extra else ""
        )
        raise SourceFormatError(
            source, "row 1 (header)", "the columns of package.json: " + ",".join(names), detail
        )
    for row_no, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != len(names):
            raise SourceFormatError(source, f"row {row_no}", f"{len(names)} cells", len(row))
        out = {}
        for (name, kind), cell in zip(spec.fields, row, strict=True):
            try:
                out[name] = _convert(kind, cell.strip(), spec.dialect)
            except ValueError as exc:
                raise SourceFormatError(source, f"row {row_no}, column {name}", kind, cell) from exc
        yield out


@dataclass
class ShareTotals:
    """One period of an area: recipients by benefit-day class, days and euros."""

    recipients: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    days: float = 0.0
    paid_eur: float = 0.0
    municipal_share_eur: float = 0.0


@dataclass
class MunicipalShare:
    """:func:`municipal_share` by period (``YYYY`` or ``YYYY-MM``), and what was left out."""

    periods: dict[str, ShareTotals]
    suppressed_recipients: float  # in rows Kela did not place in a municipality
    unknown_codes: set[str]


def municipal_share(
    rows: Iterable[dict[str, Any]],
    municipalities: Sequence[str],
    kind: str = "Kuukausi",
    mergers: Mapping[str, str] | None = None,
) -> MunicipalShare:
    """Sum Kela's co-financed subsidy rows over ``municipalities`` (3-digit codes).

    ``kind`` is Kela's ``aikatyyppi``: ``Kuukausi`` (monthly, period ``YYYY-MM``) or
    ``Vuosi`` (year, period ``YYYY``). Recipients are counted once per person from the
    class ``Yhteensä``'s rows for the total, and by class from the others. ``mergers``
    maps an abolished municipality's code to the one it joined (:func:`mergers`).
    """
    wanted = {m.zfill(3) for m in municipalities}
    periods: dict[str, ShareTotals] = defaultdict(ShareTotals)
    suppressed = 0.0
    unknown: set[str] = set()
    for row in rows:
        if row.get("aikatyyppi") != kind:
            continue
        code = str(row.get("kunta_nro") or "").zfill(3)
        code = (mergers or {}).get(code, code)
        days_class = str(row.get("tyomarkkinatukipaiva_luokka") or "")
        recipients = float(row.get("saaja_lkm") or 0.0)
        if code == SUPPRESSED or row.get("kunta_nimi") == "Tuntematon":
            if days_class == TOTAL_CLASS:
                suppressed += recipients
            continue
        if code not in wanted:
            continue
        year, month = int(row["vuosi"]), int(row["kuukausi_nro"])
        period = f"{year}-{month:02d}" if kind == "Kuukausi" else f"{year}"
        totals = periods[period]
        if days_class == TOTAL_CLASS:
            totals.recipients["300+"] += recipients
            totals.days += float(row.get("korvattu_paiva_lkm") or 0.0)
            totals.paid_eur += float(row.get("maksettu_eur") or 0.0)
            totals.municipal_share_eur += float(row.get("kunta_osuus_eur") or 0.0)
        elif days_class in DAYS_CLASSES:
            totals.recipients[DAYS_CLASSES[days_class]] += recipients
        else:
            unknown.add(days_class)
    return MunicipalShare(dict(periods), suppressed, unknown)


def mergers() -> dict[str, str]:
    """Abolished municipality code -> the code of the one it joined (bundled table)."""
    from importlib import resources

    text = (resources.files("polku.sources") / "classification" / "mergers.csv").read_text("utf-8")
    return {row["old_code"]: row["new_code"] for row in csv.DictReader(io.StringIO(text))}


__all__ = [
    "DAYS_CLASSES",
    "SUPPRESSED",
    "Dialect",
    "MunicipalShare",
    "Schema",
    "ShareTotals",
    "mergers",
    "municipal_share",
    "read_csv",
    "schema",
]
