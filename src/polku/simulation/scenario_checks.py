"""Checks of a scenario beyond each value's own range, each with file, line and key.

- every number anywhere in the file is finite (``.inf`` and ``.nan`` are refused:
  they would reach the results as Infinity or NaN);
- months (``months``, ``from_month``, a measure's ``from_month``) are whole numbers;
  ``months: 12.5`` is refused, not cut to 12;
- ``rules_date`` is a date: a date with a time of day is refused, since the rules
  change by day and a time would be silently dropped;
- the name is not one the runner uses for itself (``baseline``);
- in a run, no two scenarios share a name (:func:`check_names`), and every start
  month lies inside the horizon the scenario runs for (:func:`check_horizons`).

:class:`Checker` collects the findings of one scenario so that all are reported at once.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from polku.errors import ScenarioError
from polku.findings import Finding, Level
from polku.i18n import fmt_number

if TYPE_CHECKING:
    from .scenario import Scenario

RESERVED_NAMES = ("baseline",)  # the runner's own run, without changes
MONTH_KEYS = ("months", "from_month")


class Checker:
    """Findings of one scenario: ``bad`` records one at a key path, with its line."""

    def __init__(self, file: str, lines: dict[tuple[Any, ...], int]) -> None:
        self.file, self.lines = file, lines
        self.findings: list[Finding] = []

    def bad(
        self, path: tuple[Any, ...], found: Any, expected: str, expected_fi: str | None = None
    ) -> None:
        """A finding at ``path`` (one a key: a later one at the same key is dropped);
        ``expected`` in English and Finnish (the same text where it is code, a key or a
        name)."""
        column = ".".join(map(str, path))
        if any(f.column == column for f in self.findings):
            return
        self.findings.append(
            Finding(
                Level.ERROR,
                "scenario_value",
                row=line_of(self.lines, path),
                column=column,
                found=str(found),
                file=self.file,
                params={"expected": expected, "expected_fi": expected_fi or expected},
            )
        )

    def number(
        self, path: tuple[Any, ...], value: Any, low: float = 0.0, high: float | None = None
    ) -> None:
        """A finite number (not a boolean) from ``low`` to ``high``."""
        ok = (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and value >= low
        )
        if ok and high is not None and value > high:
            ok = False
        if not ok:
            self.bad(path, value, *number_limits(low, high))

    def mapping(self, path: tuple[Any, ...], value: Any, keys: tuple[str, ...]) -> dict[str, Any]:
        """``value`` as a mapping whose keys are among ``keys`` ({} if it is none)."""
        if not isinstance(value, dict):
            listed = ", ".join(keys)
            self.bad(path, value, f"a mapping of {listed}", f"avaimet: {listed}")
            return {}
        for key in value:
            if key not in keys:
                self.bad((*path, key), key, *one_of(keys))
        return value


def number_limits(low: float, high: float | None) -> tuple[str, str]:
    """What a number must be, in English and Finnish: ``a number from 0 to 100`` /
    ``luku väliltä 0\u2013100`` (Finnish numbers with a decimal comma)."""
    lo_en, lo_fi = f"{low:g}", fmt_number(low, "fi", None)
    if high is None:
        if math.isinf(low):
            return "a number", "luku"
        return f"a number from {lo_en}", f"luku, vähintään {lo_fi}"
    hi_en, hi_fi = f"{high:g}", fmt_number(high, "fi", None)
    if math.isinf(low):
        return f"a number of at most {hi_en}", f"luku, enintään {hi_fi}"
    return f"a number from {lo_en} to {hi_en}", f"luku väliltä {lo_fi}\u2013{hi_fi}"


def one_of(names: Sequence[str]) -> tuple[str, str]:
    """``one of: a, b`` in English and Finnish."""
    listed = ", ".join(names)
    return f"one of: {listed}", f"jokin näistä: {listed}"


def line_of(lines: dict[tuple[Any, ...], int], path: tuple[Any, ...]) -> int | None:
    """The line of ``path`` in the file, or of its nearest enclosing key."""
    probe = path
    while probe and probe not in lines:
        probe = probe[:-1]
    return lines.get(probe)


def check_values(c: Checker, top: dict[str, Any], changes: dict[str, Any]) -> None:
    """The checks of the module docstring that need no run: finite numbers, whole
    months, a plain date and a name of the scenario's own."""
    _finite(c, (), top)
    name = top.get("name")
    if isinstance(name, str) and name.strip().lower() in RESERVED_NAMES:
        reserved = ", ".join(RESERVED_NAMES)
        c.bad(
            ("name",),
            name,
            f"a name other than {reserved} (reserved)",
            f"muu nimi kuin {reserved} (varattu)",
        )
    for path, value in month_values(changes):
        if isinstance(value, float) and math.isfinite(value) and not value.is_integer():
            c.bad(
                ("changes", *path), value, "a whole number of months", "kokonainen määrä kuukausia"
            )
    months = changes.get("months")
    if isinstance(months, int | float) and not isinstance(months, bool):
        check_starts(c, changes, months)
    when = changes.get("rules_date")
    if isinstance(when, dt.datetime):
        c.bad(
            ("changes", "rules_date"),
            when,
            "a date YYYY-MM-DD, without a time of day",
            "päivämäärä VVVV-KK-PP ilman kellonaikaa",
        )


def _finite(c: Checker, path: tuple[Any, ...], value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        c.bad(path, value, "a finite number", "äärellinen luku")
    elif isinstance(value, dict):
        for key, item in value.items():
            _finite(c, (*path, key), item)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _finite(c, (*path, i), item)


def month_values(changes: dict[str, Any]) -> list[tuple[tuple[Any, ...], Any]]:
    """Every month a scenario gives, by its key path under ``changes``."""
    out: list[tuple[tuple[Any, ...], Any]] = [
        ((k,), changes[k]) for k in MONTH_KEYS if k in changes
    ]
    places = changes.get("places")
    if isinstance(places, dict):
        out += [
            (("places", m, "from_month"), s["from_month"])
            for m, s in places.items()
            if isinstance(s, dict) and "from_month" in s
        ]
    return out


def check_starts(c: Checker, changes: dict[str, Any], horizon: float) -> None:
    """Every start month of ``changes`` lies before the end of ``horizon`` months."""
    for path, start in month_values(changes):
        if path != ("months",) and isinstance(start, int | float) and start >= horizon:
            last = f"0 to {horizon - 1:g}" if horizon >= 1 else "none"
            last_fi = f"0\u2013{horizon - 1:g}" if horizon >= 1 else "ei yhtään"
            c.bad(
                ("changes", *path),
                start,
                f"a month before the horizon's end ({horizon:g} months: {last})",
                f"kuukausi ennen jakson loppua ({horizon:g} kuukautta: {last_fi})",
            )


def check_names(scenarios: Sequence[Scenario]) -> None:
    """Refuse, with file, line and key, scenarios of one run that share a name: the
    results are kept by name, so one would silently replace the other."""
    findings: list[Finding] = []
    seen: dict[str, Scenario] = {}
    for s in scenarios:
        first = seen.setdefault(s.name, s)
        if first is not s:
            c = Checker(s.file or s.name, s.lines)
            where = first.file or "another scenario"
            where_fi = first.file or "toinen skenaario"
            c.bad(
                ("name",),
                s.name,
                f"a name no other scenario of the run has ({where} has it)",
                f"nimi, jota ajon muilla skenaarioilla ei ole ({where_fi} käyttää sitä)",
            )
            findings += c.findings
    if findings:
        raise ScenarioError(findings)


def check_horizons(scenarios: Sequence[Scenario], months: int) -> None:
    """Refuse, with file, line and key, scenarios that start a change at or after the
    end of the horizon they run for (their own ``months``, or the run's ``months``):
    such a change would do nothing. For a command whose horizon the user chose
    (``simulate``, ``report``); a view of the first months of longer scenarios (the
    producers' next year) leaves it out."""
    findings: list[Finding] = []
    for s in scenarios:
        c = Checker(s.file or s.name, s.lines)
        check_starts(c, s.changes, s.months or months)
        findings += c.findings
    if findings:
        raise ScenarioError(findings)
