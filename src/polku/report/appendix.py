"""The report's appendix: assumptions, rule values and the consistency findings."""

from __future__ import annotations

import re
from typing import Any

from polku.analysis import Analysis, document
from polku.findings import Finding
from polku.i18n import Lang, label
from polku.model.terms import unit as unit_words

from .context import Section, Table, cell, table
from .texts import text

_BRACKET = re.compile(r"(\d+(?:\.\d+)?) % after (\d+) days")


def appendix(a: Analysis, findings: list[Finding], lang: Lang) -> Section:
    """Assumptions and rule values used, and the consistency findings."""
    s = Section("s6", text("s6", lang))
    doc = document(a)
    cols = [text("name", lang), text("value", lang), text("unit", lang), text("note", lang)]
    s.items.append(
        table(
            "t_assumptions",
            text("assumptions", lang),
            cols,
            [
                [
                    name,
                    v["value"],
                    unit_words(v["unit"], lang),
                    v["note_fi" if lang == "fi" else "note"],
                ]
                for name, v in doc["assumptions"].items()
            ],
            lang,
        )
    )
    cols = [text("name", lang), text("value", lang), text("verified", lang), text("source", lang)]
    s.items.append(
        table(
            "t_rules",
            text("rules", lang),
            cols,
            [
                [
                    name,
                    _rule_value(v["value"], lang),
                    text("no" if v["unverified"] else "yes", lang),
                    v["source"],
                ]
                for name, v in doc["rules"].items()
            ],
            lang,
        )
    )
    cols = [
        text("level", lang),
        text("place", lang),
        text("problem", lang),
        text("expected", lang),
        text("found", lang),
    ]
    rows = [
        [
            label(f.level.value, lang),
            f.place(lang),
            f.what(lang),
            f.expected(lang),
            f.found_text(lang),
        ]
        for f in findings
    ]
    s.items.append(
        Table(
            "t_findings",
            text("findings", lang),
            cols,
            [[cell(v, lang) for v in r] for r in rows],
            raw=rows,
        )
    )
    return s


def _rule_value(value: Any, lang: Lang) -> Any:
    """A rule's value as the reader says it: a scale of rates by benefit days ("0 % after
    0 days; 50 % after 300 days") in Finnish as "0 % 0 päivän jälkeen; …"."""
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if lang != "fi" or not isinstance(value, str):
        return value
    return _BRACKET.sub(
        lambda m: f"{m.group(1).replace('.', ',')} % {m.group(2)} päivän jälkeen", value
    )
