"""The report's appendix: assumptions, rule values and the consistency findings."""

from __future__ import annotations

from polku.analysis import Analysis, document
from polku.findings import Finding
from polku.i18n import Lang

from .context import Section, Table, cell, table
from .texts import text


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
                [name, v["value"], v["unit"], v["note_fi" if lang == "fi" else "note"]]
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
                [name, v["value"], text("no" if v["unverified"] else "yes", lang), v["source"]]
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
        [f.level.value, f.place(lang), f.what(lang), f.expected(lang), f.found_text(lang)]
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
