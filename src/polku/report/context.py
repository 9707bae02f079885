"""The report as plain data: sections of tables and figures, each with its sources.

Renderers (HTML, XLSX) receive this and compute nothing. A :class:`Table` holds
formatted cells (numbers already in the report's locale) and the sources of the rows it
was computed from; a :class:`Figure` holds a Vega-Lite specification and the table of
the data behind it, which doubles as the chart's text alternative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from polku.i18n import Lang, fmt_number
from polku.provenance import Input


@dataclass
class Table:
    """A captioned table with its sources."""

    id: str
    caption: str
    columns: list[str]
    rows: list[list[str]]
    sources: list[str] = field(default_factory=list)
    estimate: bool = False
    raw: list[list[Any]] = field(default_factory=list)  # unformatted values, for XLSX
    counts: tuple[int, ...] = ()  # columns of person counts (small ones are suppressed)
    derived: tuple[int, ...] = ()  # columns computed from a row's counts (hidden with them)
    groups: tuple[int, ...] = ()  # columns that make a block with its own totals
    suppressed: int = 0  # rows with hidden cells
    percents: tuple[int, ...] = ()  # columns of fractions shown as percentages


@dataclass
class Figure:
    """A chart: title, description, Vega-Lite spec, and the table behind it."""

    id: str
    title: str
    description: str
    spec: dict[str, Any]
    table: Table
    svg: str = ""


@dataclass
class Section:
    """A numbered section of the report."""

    id: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[Table | Figure] = field(default_factory=list)


@dataclass
class Report:
    """Everything the renderers need."""

    lang: Lang
    title: str
    made: str
    sections: list[Section]

    def tables(self) -> list[Table]:
        """Every table, including the tables behind the figures."""
        out = []
        for section in self.sections:
            for item in section.items:
                out.append(item.table if isinstance(item, Figure) else item)
        return out

    def figures(self) -> list[Figure]:
        """Every figure."""
        return [i for s in self.sections for i in s.items if isinstance(i, Figure)]


def cell(value: Any, lang: Lang, decimals: int | None = None, percent: bool = False) -> str:
    """A table cell in ``lang``: numbers per locale, None as a dash."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        if percent:
            return fmt_number(100.0 * value, lang, 1 if decimals is None else decimals) + " %"
        return fmt_number(value, lang, decimals)
    return str(value)


def sources_of(inputs: tuple[Input, ...] | list[Input]) -> tuple[list[str], bool]:
    """Distinct sources of data and rule inputs, and whether any is an estimate."""
    chosen = [i for i in inputs if i.kind in ("data", "rule")]
    names = list(dict.fromkeys(i.source for i in chosen))
    return names, any(i.estimate for i in chosen)


def table(
    id: str,
    caption: str,
    columns: list[str],
    raw: list[list[Any]],
    lang: Lang,
    inputs: tuple[Input, ...] | list[Input] = (),
    percent_columns: tuple[int, ...] = (),
    decimals: int | tuple[int | None, ...] | None = None,
    counts: tuple[int, ...] = (),
    derived: tuple[int, ...] = (),
    groups: tuple[int, ...] = (),
) -> Table:
    """A :class:`Table` from raw values, formatted for ``lang``; ``counts`` are the
    columns of person counts and ``derived`` the shares computed from them;
    ``decimals`` is one number for every column or one per column."""

    def places(i: int) -> int | None:
        return decimals[i] if isinstance(decimals, tuple) else decimals

    rows = [[cell(v, lang, places(i), i in percent_columns) for i, v in enumerate(r)] for r in raw]
    names, estimate = sources_of(inputs)
    caption += " *" if estimate else ""
    return Table(
        id, caption, columns, rows, names, estimate, raw, counts, derived, groups,
        percents=percent_columns,
    )  # fmt: skip


def sourced(t: Table, *sources: str) -> Table:
    """``t`` citing ``sources`` (a computed estimate, such as a simulation's) instead of
    dataset rows."""
    t.sources, t.estimate = list(sources), True
    return t


def today(lang: Lang) -> str:
    """Today's date in ``lang``: 27.11.2026 or 2026-11-27."""
    now = dt.date.today()
    return f"{now.day}.{now.month}.{now.year}" if lang == "fi" else now.isoformat()


def pick(lang: Lang, en: str, fi: str) -> str:
    """The Finnish or English text."""
    return fi if lang == "fi" else en


def pick_all(lang: Lang, en: list[str], fi: list[str]) -> list[str]:
    """The Finnish or English column labels."""
    return fi if lang == "fi" else en
