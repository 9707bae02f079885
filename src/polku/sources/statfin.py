"""Statistics Finland's PxWeb API v1: table metadata and JSON-stat queries.

The table's variables are read from its metadata at run time (a GET of the table URL):
which variable is time (``time: true``), which holds the areas and which the contents.
A query that would ask for more cells than the service allows is split by months and
the answers are joined. A month the table does not have is refused before asking,
naming the newest month it has.

Since 8 June 2026 a table is found by its short id (``.../StatFin/tyonv/12r5.px``);
where that is refused, the folder listing is read and, last, the long id
(``statfin_tyonv_pxt_12r5.px``) is tried. Content codes are matched with or without
the prefix some gained (``tyokay-tyolliset2``). Every variable a query does not ask
for is asked for its total, so an answer is never split by sex or age unseen. The
limits (cells per query, calls per time window) are read from the service's
``?config``; its documented values are the fallback.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from polku.errors import SourceError, SourceFormatError, SourceStatusError

from .client import Client
from .jsonstat import Dataset, parse

BASE = "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin"
MAX_CELLS = 100_000  # per query, if ?config does not say (an older README's figure)
MIN_INTERVAL = 10.0 / 30.0  # seconds between requests: 30 requests per 10 s
TOTAL_CODES = ("SSS", "S", "T", "_T", "TOTAL", "YHTEENSA", "KAIKKI")  # casefolded below
TOTAL_WORDS = ("yhteensä", "kaikki", "total", "totalt", "koko maa")
SUPPRESSED = frozenset({"..", "...", ".", "-1"})  # confidential / not available


@dataclass(frozen=True)
class Limits:
    """What the service's ``?config`` allows: cells per query, calls per window."""

    max_values: int = MAX_CELLS
    max_calls: int = 30
    time_window: float = 10.0
    url: str | None = None  # where they were read, None: the fallback


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
        """The variable whose values include ``value`` (an area or content code),
        with or without a prefix (``tyonv-KUNTTYOLOP`` holds ``KUNTTYOLOP``)."""
        for v in self.variables:
            if match(v, value) is not None:
                return v
        raise SourceError(f"{self.url}: no variable of {self.title!r} has the value {value!r}")

    def totals(self, asked: Sequence[str]) -> dict[str, list[str]]:
        """Each variable not in ``asked`` (nor time) -> its total's code, to ask for."""
        out = {}
        for v in self.variables:
            if v.code in asked or v.time:
                continue
            out[v.code] = [total(v, self.url)]
        return out


def match(variable: Variable, wanted: str) -> str | None:
    """The code of ``variable`` that is ``wanted``, exactly or behind a prefix ending in
    ``-`` or ``_`` (case does not matter); None if it has none."""
    if wanted in variable.values:
        return wanted
    folded = wanted.casefold()
    for code in variable.values:
        c = code.casefold()
        if c == folded or (c.endswith(folded) and c[-len(folded) - 1] in "-_"):
            return code
    return None


def total(variable: Variable, where: str) -> str:
    """The code of the variable's total (``SSS``, a text such as ``Yhteensä``)."""
    for code, text in zip(variable.values, variable.texts, strict=False):
        if code.casefold() in {t.casefold() for t in TOTAL_CODES}:
            return code
        if any(word in text.casefold() for word in TOTAL_WORDS):
            return code
    if len(variable.values) == 1:
        return variable.values[0]
    raise SourceFormatError(
        where,
        f"variable {variable.code}",
        "a total (SSS or a value called Yhteensä) to ask for, as Polku does not ask for it",
        ", ".join(variable.values[:6]),
    )


def table_url(table: str, folder: str = "tyonv", base: str = BASE) -> str:
    """The URL of a table by its short id (from 8 June 2026): ``.../tyonv/12r5.px``."""
    return f"{base}/{folder}/{table}.px"


def long_url(table: str, folder: str = "tyonv", base: str = BASE) -> str:
    """The URL by the long id used until June 2026: ``statfin_tyonv_pxt_12r5.px``."""
    return f"{base}/{folder}/statfin_{folder}_pxt_{table}.px"


def config_url(base: str = BASE) -> str:
    """The service's ``?config`` beside the database: ``.../api/v1/fi/?config``."""
    return base.rstrip("/").rsplit("/", 1)[0] + "/?config"


def limits(client: Client, base: str = BASE) -> Limits:
    """The limits the service states; the documented ones if ``?config`` fails."""
    url = config_url(base)
    try:
        doc = client.get(url).json()
    except SourceError:
        return Limits()
    try:
        return Limits(int(doc["maxValues"]), int(doc["maxCalls"]), float(doc["timeWindow"]), url)
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceFormatError(url, "config", "maxValues, maxCalls and timeWindow", doc) from exc


def find(client: Client, table: str, folder: str = "tyonv", base: str = BASE) -> Table:
    """A table's metadata by its short id; where the service refuses it, through the
    folder listing, and last by its long id. An error says what was tried."""
    tried = []
    url = table_url(table, folder, base)
    try:
        return metadata(client, url)
    except SourceStatusError as exc:
        if exc.status not in (400, 404):
            raise
        tried.append(f"{url} ({exc.status})")
    listing = f"{base}/{folder}"
    entries: object = []
    try:
        entries = client.get(listing).json()
    except SourceError as exc:
        tried.append(f"{listing} ({exc})")
    for entry in entries if isinstance(entries, list) else []:
        ident = str(entry.get("id", "")) if isinstance(entry, dict) else ""
        if ident in (f"{table}.px", f"statfin_{folder}_pxt_{table}.px"):
            return metadata(client, f"{base}/{folder}/{ident}")
    old = long_url(table, folder, base)
    try:
        return metadata(client, old)
    except SourceStatusError as exc:
        tried.append(f"{old} ({exc.status})")
    raise SourceError(
        f"Statistics Finland: no table {table} in {folder}; tried {', '.join(tried)} "
        f"/ taulukkoa {table} ei löydy"
    )


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


def bodies(
    table: Table,
    selection: Mapping[str, Sequence[str]],
    months: Sequence[str],
    limit: int = MAX_CELLS,
) -> list[dict[str, Any]]:
    """The JSON query bodies for ``selection`` (variable code -> values, totals of the
    other variables added) over ``months``, as many as the cell limit needs."""
    for code, values in selection.items():
        known = set(table.variable(code).values)
        missing = [v for v in values if v not in known]
        if missing:
            raise SourceError(f"{table.title or table.url}: {code} has no {', '.join(missing)}")
    asked = {**selection, **table.totals([*selection, table.time.code])}
    per_month = math.prod(len(v) for v in asked.values())
    return [
        {
            "query": [
                {"code": code, "selection": {"filter": "item", "values": list(values)}}
                for code, values in {**asked, table.time.code: chunk}.items()
            ],
            "response": {"format": "json-stat2"},
        }
        for chunk in _chunks(months, per_month, limit)
    ]


def query(
    client: Client,
    table: Table,
    selection: Mapping[str, Sequence[str]],
    months: Sequence[str],
    limit: int = MAX_CELLS,
) -> list[Dataset]:
    """JSON-stat datasets for ``selection`` over ``months`` (see :func:`bodies`)."""
    out = []
    for body in bodies(table, selection, months, limit):
        chunk = body["query"][-1]["selection"]["values"]
        answer = client.post_json(table.url, body)
        out.append(parse(answer.json(), f"{table.url} ({chunk[0]}-{chunk[-1]})"))
    return out


__all__ = [
    "BASE",
    "MAX_CELLS",
    "MIN_INTERVAL",
    "SUPPRESSED",
    "Limits",
    "Table",
    "Variable",
    "bodies",
    "config_url",
    "find",
    "limits",
    "long_url",
    "match",
    "metadata",
    "months_between",
    "query",
    "table_url",
    "total",
]
