"""Parameter types of the rules: a dated history of values with their metadata."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What kind of value a parameter holds."""

    NUMBER = "number"
    FLAG = "flag"
    SCALE = "scale"
    TEXT = "text"


@dataclass(frozen=True)
class Bracket:
    """A rate that applies after ``above`` accumulated benefit days."""

    above: int
    rate_pct: float


@dataclass(frozen=True)
class Scale:
    """Rates by accumulated benefit days, brackets in ascending order.

    Examples:
        >>> s = Scale((Bracket(0, 0.0), Bracket(300, 50.0), Bracket(1000, 70.0)))
        >>> s.rate_pct(300), s.rate_pct(301), s.rate_pct(1001)
        (0.0, 50.0, 70.0)
    """

    brackets: tuple[Bracket, ...]

    def __str__(self) -> str:
        return "; ".join(f"{b.rate_pct:g} % after {b.above} days" for b in self.brackets)

    def said(self, lang: str) -> str:
        """The scale as a reader says it: ``50 % 300 päivän jälkeen`` in Finnish.

        Examples:
            >>> Scale((Bracket(0, 0.0), Bracket(300, 50.0))).said("fi")
            '0 % 0 päivän jälkeen; 50 % 300 päivän jälkeen'
        """
        if lang != "fi":
            return str(self)
        return "; ".join(
            f"{b.rate_pct:g}".replace(".", ",") + f" % {b.above} päivän jälkeen"
            for b in self.brackets
        )

    def rate_pct(self, days: float) -> float:
        """The rate for a person with ``days`` accumulated benefit days."""
        rate = 0.0
        for bracket in self.brackets:
            if days > bracket.above:
                rate = bracket.rate_pct
        return rate


Value = float | bool | str | Scale


@dataclass(frozen=True)
class Entry:
    """One dated value with its own provenance; ``value`` None means not defined."""

    start: dt.date
    value: Value | None
    verified: bool
    reference: str
    note: str
    reference_fi: str = ""  # ``reference`` in Finnish; empty if not given
    note_fi: str = ""  # ``note`` in Finnish; empty if not given
    value_fi: str = ""  # a text value in Finnish; empty if not given (or not a text)

    def note_in(self, lang: str) -> str:
        """The note in ``lang`` (Finnish where given)."""
        return (self.note_fi if lang == "fi" else "") or self.note

    def value_in(self, lang: str) -> Value | None:
        """The value as a reader of ``lang`` reads it: a text in Finnish where given, a
        scale in the reader's words; numbers and flags as they are."""
        if isinstance(self.value, Scale):
            return self.value.said(lang)
        if isinstance(self.value, str) and lang == "fi" and self.value_fi:
            return self.value_fi
        return self.value


@dataclass(frozen=True)
class Parameter:
    """A named rule parameter with its history."""

    name: str
    kind: Kind
    unit: str
    description: str
    description_fi: str
    reference: str
    history: tuple[Entry, ...]  # sorted by start
    file: str
    reference_fi: str = ""  # ``reference`` in Finnish; empty if not given

    def entry_at(self, day: dt.date) -> Entry | None:
        """The entry in force on ``day``, or None before the first one."""
        starts = [e.start for e in self.history]
        index = bisect_right(starts, day) - 1
        return self.history[index] if index >= 0 else None
