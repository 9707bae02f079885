"""One named assumption: default, unit, note, and how a value given as text is checked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from polku.errors import AssumptionError

Value = float | str | None
SHARE_KEYS = ("open_market", "subsidised", "education", "pension_other", "unknown")


def parse_shares(text: str) -> dict[str, float]:
    """``open_market:55,education:15`` as a mapping of fractions that sum to 1."""
    parts = {k.strip(): float(v) for k, _, v in (i.partition(":") for i in text.split(","))}
    total = sum(parts.values()) or 1.0
    return {k: v / total for k, v in parts.items()}


@dataclass(frozen=True)
class Assumption:
    """A named parameter with its default, unit and note."""

    name: str
    default: Value
    unit: str
    note_en: str
    note_fi: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    kind: str = "number"  # number, choice, date, service_lines or shares

    def is_range(self, value: Value) -> bool:
        """True when ``value`` is a range ``low..high`` of a numeric assumption."""
        return self.kind == "number" and isinstance(value, str) and ".." in value

    def parse(self, text: str) -> Value:
        """The value of ``text`` for this assumption; :class:`AssumptionError` if invalid."""
        if self.kind == "choice":
            if text not in self.choices:
                raise self._bad(text, "one of: " + ", ".join(self.choices))
            return text
        if self.kind == "date":
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise self._bad(text, "a date YYYY-MM-DD") from None
            return text
        if self.kind == "service_lines":
            if not re.fullmatch(r"(0[0-5]|unknown)(\+(0[0-5]|unknown))*", text):
                raise self._bad(text, "service lines such as 03+05")
            return text
        if self.kind == "shares":
            return self._shares(text)
        if ".." in text:
            low, _, high = text.partition("..")
            a, b = self._number(low.strip(), text), self._number(high.strip(), text)
            if a > b:
                raise self._bad(text, "a range low..high with low at most high")
            return f"{a:g}..{b:g}"
        return self._number(text, text)

    def _number(self, text: str, whole: str) -> float:
        try:
            number = float(text.replace(",", "."))  # 2,5 as a Finnish user writes it
        except ValueError:
            raise self._bad(whole, f"a number ({self.unit}) or a range low..high") from None
        if self.minimum is not None and number < self.minimum:
            raise self._bad(whole, f"at least {self.minimum:g} {self.unit}")
        if self.maximum is not None and number > self.maximum:
            raise self._bad(whole, f"at most {self.maximum:g} {self.unit}")
        return number

    def _shares(self, text: str) -> str:
        expected = "shares such as open_market:50,education:20,pension_other:10,unknown:20"
        parts: dict[str, float] = {}
        for item in text.split(","):
            key, sep, number = item.partition(":")
            try:
                value = float(number)
            except ValueError:
                raise self._bad(text, expected) from None
            if not sep or key.strip() not in SHARE_KEYS or value < 0:
                raise self._bad(text, expected)
            parts[key.strip()] = value
        if abs(sum(parts.values()) - 100.0) > 0.5:
            raise self._bad(text, "shares that sum to 100")
        return ",".join(f"{k}:{v:g}" for k, v in parts.items())

    def _bad(self, text: str, expected: str) -> AssumptionError:
        return AssumptionError(f"--set {self.name}={text}: expected {expected}")
