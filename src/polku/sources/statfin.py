"""Statistics Finland's PxWeb API v1: table metadata and JSON-stat queries.

The table's variables are read from its metadata at run time (a GET of the table URL):
which variable is time (``time: true``), which holds the areas and which the contents.
A query that would ask for more cells than the service allows is split by months and
the answers are joined. A month the table does not have is refused before asking,
naming the newest month it has.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from polku.errors import SourceError, SourceFormatError

from .client import Client
from .jsonstat import Dataset, parse

BASE = "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin"
MAX_CELLS = 100_000  # per query, as the service states
MIN_INTERVAL = 10.0 / 30.0  # seconds between requests: 30 requests per 10 s


@dataclass(frozen=True)
class Variable:
    """One variable of a table: its code, values and their texts."""

    code: str
    text: str
    values: tuple[str, ...]
    texts: tuple[str, ...]
    time: bool


@dataclass(frozen=True)
class Table:
    """A PxWeb table's metadata."""

    url: str
    title: str
    variables: tuple[Variable, ...]

    def variable(self, code: str) -> Variable:
        for v in self.variables:
            if v.code == code:
                return v
        known = ", ".join(v.code for v in self.variables)
        raise SourceFormatError(self.url, f"variable {code}", f"one of: {known}")

    @property
    def time(self) -> Variable:
        marked = [v for v in self.variables if v.time]
        if len(marked) != 1:
            raise SourceFormatError(self.url, "variables", "exactly one with time: true")
        return marked[0]

    def holding(self, value: str) -> Variable:
        """The variable whose values include ``value`` (an area or content code)."""
        for v in self.variables:
            if value in v.values:
                return v
        raise SourceError(f"{self.url}: no variable of {self.title!r} has the value {value!r}")


def table_url(table: str, folder: str = "tyonv", base: str = BASE) -> str:
    """The URL of a table, e.g. ``12r5`` -> ``.../tyonv/statfin_tyonv_pxt_12r5.px``."""
    return f"{base}/{folder}/statfin_{folder}_pxt_{table}.px"


def metadata(client: Client, url: str) -> Table:
    """The table's title and variables, read from the service."""
    doc = client.get(url).json()
    if not isinstance(doc, dict) or not isinstance(doc.get("variables"), list):
        raise SourceFormatError(url, "metadata", "an object with a list of variables", doc)
    variables = []
    for i, v in enumerate(doc["variables"]):
        try:
            values, texts = tuple(map(str, v["values"])), tuple(map(str, v["valueTexts"]))
            variables.append(
                Variable(str(v["code"]), str(v["text"]), values, texts, bool(v.get("time")))
            )
        except (KeyError, TypeError) as exc:
            raise SourceFormatError(
                url, f"variables[{i}]", "code, text, values and valueTexts", v
            ) from exc
    return Table(url, str(doc.get("title", "")), tuple(variables))


def months_between(table: Table, first: str | None, last: str | None) -> list[str]:
    """The table's months from ``first`` to ``last`` (``YYYY-MM``; None = its ends)."""
    codes = list(table.time.values)

    def code(month: str) -> str:
        year, _, mm = month.partition("-")
        return f"{year}M{mm}"

    for month in (first, last):
        if month is not None and code(month) not in codes:
            raise SourceError(
                f"{table.title or table.url}: month {month} is not published; the table has "
                f"{codes[0]} to {codes[-1]}"
            )
    start = codes.index(code(first)) if first else 0
    end = codes.index(code(last)) + 1 if last else len(codes)
    return codes[start:end]


def _chunks(months: Sequence[str], per_month: int, limit: int) -> Iterable[list[str]]:
    step = max(1, limit // max(per_month, 1))
    for i in range(0, len(months), step):
        yield list(months[i : i + step])


def query(
    client: Client,
    table: Table,
    selection: Mapping[str, Sequence[str]],
    months: Sequence[str],
    limit: int = MAX_CELLS,
) -> list[Dataset]:
    """JSON-stat datasets for ``selection`` (variable code -> values) over ``months``,
    in as many queries as the cell limit needs."""
    for code, values in selection.items():
        known = set(table.variable(code).values)
        missing = [v for v in values if v not in known]
        if missing:
            raise SourceError(f"{table.title or table.url}: {code} has no {', '.join(missing)}")
    per_month = math.prod(len(v) for v in selection.values())
    out = []
    for chunk in _chunks(months, per_month, limit):
        body: dict[str, Any] = {
            "query": [
                {"code": code, "selection": {"filter": "item", "values": list(values)}}
                for code, values in {**selection, table.time.code: chunk}.items()
            ],
            "response": {"format": "json-stat2"},
        }
        answer = client.post_json(table.url, body)
        out.append(parse(answer.json(), f"{table.url} ({chunk[0]}-{chunk[-1]})"))
    return out


__all__ = [
    "BASE",
    "MAX_CELLS",
    "MIN_INTERVAL",
    "Table",
    "Variable",
    "metadata",
    "months_between",
    "query",
    "table_url",
]
