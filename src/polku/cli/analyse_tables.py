"""``polku analyse`` as a reader's document: the report's own tables, one per survey figure.

Each table is the one the report prints for that figure (title with its S-number,
columns, rows formatted in the reader's language, small counts hidden), with its
sources under it, so the terminal and the report never disagree. Numbers are
right-aligned; the assumptions and rules used close the document.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from polku.analysis import Analysis
from polku.i18n import Lang
from polku.model.region import Region
from polku.report.appendix import appendix
from polku.report.context import Report, Section, Table
from polku.report.money import funding, organiser, price
from polku.report.protect import protect
from polku.report.survey import clients
from polku.report.texts import text
from polku.report.translate import source_texts, translate
from polku.rules import RuleSet, load_rules

_SEPARATORS = str.maketrans("", "", "\u00a0 ,.%")
_SEPARATORS = str.maketrans("", "", "\u00a0 ,.%")
CLOSING = ("t_assumptions", "t_rules")  # from the appendix: what the figures rest on


def survey_tables(
    region: Region, a: Analysis, lang: Lang, rules: RuleSet | None = None
) -> list[Table]:
    """The survey's tables in the report's order, then the assumptions and rules used."""
    sections: list[Section] = [
        clients(a, lang),
        organiser(a, lang),
        funding(a, lang),
        price(a, lang),
        appendix(a, [], lang),
    ]
    report = Report(lang, "", "", sections)
    translate(report, source_texts(rules or load_rules(), region, lang))
    protect(report, int(a.assumptions.number("disclosure.min_count")))
    tables = report.tables()
    last = [t for t in tables if t.id in CLOSING]
    return [t for t in tables if t.id not in CLOSING and t.id != "t_findings"] + last


def _numeric(table: Table, column: int) -> bool:
    """Whether a column holds numbers (from the unformatted values, else the text)."""
    values = [row[column] for row in table.raw if column < len(row)]
    if values:
        return all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values if v is not None
        )
    cells = [row[column] for row in table.rows if column < len(row)]
    bare = [c.translate(_SEPARATORS).lstrip("-\u2212") for c in cells]
    return bool(cells) and all(b.isdigit() or b in ("", "..") for b in bare)


def print_tables(console: Console, tables: list[Table], lang: Lang) -> None:
    """Each table with its title, right-aligned numbers and its sources under it."""
    for table in tables:
        shown = RichTable(
            title=table.caption,
            title_justify="left",
            title_style="bold",
        )
        for i, column in enumerate(table.columns):
            numeric = _numeric(table, i)
            shown.add_column(
                column,
                justify="right" if numeric else "left",
                overflow="fold",
                no_wrap=numeric,
                min_width=min(len(column), 24),
            )
        for row in table.rows:
            shown.add_row(*row)
        console.print(shown)
        console.print(_sources(table, lang))  # under the table, as wide as the screen
        console.print()


def _sources(table: Table, lang: Lang) -> Text:
    label = text("source", lang)
    line = f"{label}: {'; '.join(table.sources)}" if table.sources else ""
    if table.estimate:
        line += f" ({text('estimate_mark', lang)})"
    return Text(line, style="dim")


__all__ = ["print_tables", "survey_tables"]
