"""Named assumptions: every number Polku needs that is not in the data or the rules.

Each has a default, a unit and a note (in English and Finnish); a default of ``None``
means "take it from the dataset", and the note says which figure. Users override them
from the CLI (``--set NAME=VALUE``) or from Python (``Assumptions.parse`` or
``Assumptions({...})``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from polku.errors import AssumptionError
from polku.provenance import Input

from .analysis import ANALYSIS
from .cba import CBA
from .definition import SHARE_KEYS, Assumption, Value, parse_shares
from .producers import PRODUCERS
from .simulation import SIMULATION

REGISTRY: tuple[Assumption, ...] = ANALYSIS + SIMULATION + PRODUCERS + CBA
"""Every named assumption of the analyses, the simulation, the producers' finances and
the cost-benefit account."""

_BY_NAME = {a.name: a for a in REGISTRY}


@dataclass(frozen=True)
class Assumptions:
    """Assumption values: the defaults, with overrides by name."""

    overrides: Mapping[str, Value] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.overrides:
            definition(name)

    @classmethod
    def parse(cls, settings: Iterable[str]) -> Assumptions:
        """From ``NAME=VALUE`` strings, as ``--set`` gives them."""
        overrides: dict[str, Value] = {}
        for setting in settings:
            name, sep, text = setting.partition("=")
            if not sep:
                raise AssumptionError(f"--set {setting}: expected NAME=VALUE")
            overrides[name.strip()] = definition(name.strip()).parse(text.strip())
        return cls(overrides)

    def value(self, name: str) -> Value:
        """The value in force for ``name``."""
        return self.overrides[name] if name in self.overrides else definition(name).default

    def number(self, name: str, fallback: float | None = None) -> float:
        """A numeric assumption; ``fallback`` is used when the value is None."""
        value = self.value(name)
        bounds = self.range(name)
        if bounds is not None:
            return (bounds[0] + bounds[1]) / 2.0
        if value is None:
            if fallback is None:
                raise AssumptionError(f"{name} has no value; give one with --set {name}=VALUE")
            return fallback
        return float(value)

    def range(self, name: str) -> tuple[float, float] | None:
        """``(low, high)`` when the assumption was given as a range, else None."""
        value = self.value(name)
        if not definition(name).is_range(value):
            return None
        low, _, high = str(value).partition("..")
        return float(low), float(high)

    def text(self, name: str) -> str | None:
        """A choice, date or service-line assumption."""
        value = self.value(name)
        return None if value is None else str(value)

    def input(self, name: str, value: Any = None) -> Input:
        """The :class:`Input` describing this assumption's use."""
        spec = definition(name)
        shown = self.value(name) if value is None else value
        origin = "set by the user" if name in self.overrides else "default"
        return Input("assumption", name, shown, f"assumption ({origin}): {spec.note_en}", True)


def definition(name: str) -> Assumption:
    """The registered assumption ``name``; :class:`AssumptionError` lists the known ones."""
    if name not in _BY_NAME:
        close = difflib.get_close_matches(name, list(_BY_NAME), n=3)
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        raise AssumptionError(
            f"unknown assumption {name!r}; {hint}polku analyse --format json lists them all "
            "under 'assumptions'"
        )
    return _BY_NAME[name]


__all__ = [
    "ANALYSIS",
    "REGISTRY",
    "SHARE_KEYS",
    "SIMULATION",
    "Assumption",
    "Assumptions",
    "Value",
    "definition",
    "parse_shares",
]
