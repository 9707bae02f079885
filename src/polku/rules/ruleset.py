"""The rule set: every parameter's history, and the rules in force on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from polku.errors import RuleError
from polku.findings import Finding, Level

from .loader import load_folder
from .parameters import Entry, Kind, Parameter, Scale, Value


@dataclass(frozen=True)
class RuleValue:
    """A parameter's value in force on a date, with where it came from."""

    parameter: Parameter
    entry: Entry

    @property
    def value(self) -> Value:
        """The value itself (never None: undefined values are not returned)."""
        assert self.entry.value is not None
        return self.entry.value

    @property
    def verified(self) -> bool:
        """True when the value was confirmed from the public source it cites."""
        return self.entry.verified


def _missing(code: str, **params: str) -> RuleError:
    return RuleError(
        [
            Finding(
                Level.ERROR,
                code,
                column=params.get("name"),
                found=params.get("name", ""),
                params=params,
            )
        ]
    )


@dataclass(frozen=True)
class Rules:
    """The rules in force on one date: ``RuleSet.at(date)``."""

    date: dt.date
    values: dict[str, RuleValue]

    def get(self, name: str) -> RuleValue:
        """The value of parameter ``name``; :class:`RuleError` if it has none."""
        if name not in self.values:
            raise _missing("rule_no_value", name=name, date=self.date.isoformat())
        return self.values[name]

    def number(self, name: str) -> float:
        """A numeric parameter."""
        value = self.get(name).value
        assert isinstance(value, float)
        return value

    def flag(self, name: str) -> bool:
        """A yes/no parameter."""
        value = self.get(name).value
        assert isinstance(value, bool)
        return value

    def scale(self, name: str) -> Scale:
        """A scale of rates by accumulated benefit days."""
        value = self.get(name).value
        assert isinstance(value, Scale)
        return value

    def unverified(self) -> list[RuleValue]:
        """Values in force that were not confirmed from a public source."""
        return [v for v in self.values.values() if not v.verified]


@dataclass(frozen=True)
class RuleSet:
    """Every rule parameter with its dated history."""

    parameters: dict[str, Parameter]

    def at(self, day: dt.date | str) -> Rules:
        """The rules in force on ``day`` (a date or ``YYYY-MM-DD``).

        Examples:
            >>> rules = load_rules().at("2016-07-01")
            >>> rules.number("labour_market_subsidy.full_daily_rate")
            32.68
            >>> rules.scale("municipal_share.rates").rate_pct(1200)
            70.0
        """
        when = dt.date.fromisoformat(day) if isinstance(day, str) else day
        values = {}
        for name, parameter in self.parameters.items():
            entry = parameter.entry_at(when)
            if entry is not None and entry.value is not None:
                values[name] = RuleValue(parameter, entry)
        return Rules(when, values)

    def parameter(self, name: str) -> Parameter:
        """The parameter ``name``; :class:`RuleError` names the known ones if unknown."""
        if name not in self.parameters:
            raise _missing("rule_unknown", name=name, names=", ".join(sorted(self.parameters)))
        return self.parameters[name]

    def translations(self, lang: str) -> dict[str, str]:
        """Each English reference text and text value mapped to its text in ``lang``
        (Finnish: "fi").

        Empty for English, and for a text with no Finnish of its own.

        Examples:
            >>> fi = load_rules().translations("fi")
            >>> fi["Työttömyysturvalaki 1290/2002, 14 luku"]
            'Työttömyysturvalaki (1290/2002) 14 luku'
            >>> load_rules().translations("en")
            {}
        """
        if lang != "fi":
            return {}
        pairs = [(p.reference, p.reference_fi) for p in self.parameters.values()]
        pairs += [
            (e.reference, e.reference_fi) for p in self.parameters.values() for e in p.history
        ]
        pairs += [  # text values, as the report's tables show them
            (e.value, e.value_fi)
            for p in self.parameters.values()
            for e in p.history
            if isinstance(e.value, str)
        ]
        return {en: fi for en, fi in pairs if fi and fi != en}

    def kinds(self) -> dict[str, Kind]:
        """Each parameter's kind."""
        return {name: p.kind for name, p in self.parameters.items()}


def load_rules(folder: str | Path | None = None) -> RuleSet:
    """The rule set in ``folder``, or the one shipped with Polku.

    Raises:
        RuleError: with every problem found in the files.
    """
    if folder is not None:
        return RuleSet(load_folder(Path(folder)))
    with resources.as_file(resources.files("polku.rules") / "parameters") as path:
        return RuleSet(load_folder(path))
