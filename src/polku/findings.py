"""Findings: what validation and consistency checks report, with their place.

A finding names the file, table, row and column, says what is wrong and what was
expected, and shows what was found. Its text is rendered in Finnish or English from
the message catalogue (:mod:`polku.messages`), so the same finding can be printed in
either language or serialised as JSON.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from polku.i18n import Lang, fmt_value, label, message


class Level(StrEnum):
    """How serious a finding is: errors stop a dataset from loading."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in a dataset.

    ``row`` is the line number in the CSV file as a spreadsheet shows it (the header
    is line 1), or ``None`` when the finding concerns a whole file or table.
    """

    level: Level
    code: str
    table: str | None = None
    row: int | None = None
    column: str | None = None
    found: str | float | int = ""
    file: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    def what(self, lang: Lang = "en") -> str:
        """What is wrong, in ``lang``."""
        return message(self.code, "what", lang, self.params)

    def expected(self, lang: Lang = "en") -> str:
        """What was expected, in ``lang``."""
        return message(self.code, "expected", lang, self.params)

    def found_text(self, lang: Lang = "en") -> str:
        """What was found, numbers formatted for ``lang``."""
        return fmt_value(self.found, lang)

    def place(self, lang: Lang = "en") -> str:
        """Where the finding is, e.g. ``jobseekers.csv, row 3, column count``."""
        parts = [self.file or (f"{self.table}" if self.table else "")]
        if self.row is not None:
            parts.append(f"{label('row', lang)} {self.row}")
        if self.column:
            parts.append(f"{label('column', lang)} {self.column}")
        return ", ".join(p for p in parts if p)

    def describe(self, lang: Lang = "en") -> str:
        """A one-line description in ``lang``."""
        found = self.found_text(lang)
        shown = f"; {label('found', lang)}: '{found}'" if found else ""
        expected = f"{label('expected', lang)}: {self.expected(lang)}"
        return f"{self.place(lang)}: {self.what(lang)} ({expected}{shown})"

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "level": self.level.value,
            "code": self.code,
            "file": self.file,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "what": self.what(lang),
            "expected": self.expected(lang),
            "found": self.found,
            "place": self.place(lang),
            # the numbers themselves, for programs (the texts above are for readers)
            "expected_value": _number(self.params.get("expected")),
            "found_value": _number(self.found),
            "parts": [dict(p) for p in self.params.get("part_values", ())] or None,
        }


def _number(value: Any) -> float | int | None:
    """``value`` as a number: a number (not a boolean) as it is, a text that is exactly
    a number in the file's notation (``-683``, ``2.5``) read, anything else None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value if math.isfinite(value) else None
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = float(value)
        return int(number) if number.is_integer() and "." not in value else number
    return None


_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def errors(findings: list[Finding]) -> list[Finding]:
    """Only the findings at error level."""
    return [f for f in findings if f.level is Level.ERROR]
