"""Loading rule parameters from YAML files strictly, with every problem located.

A parameter file maps parameter names to descriptions::

    full_daily_rate:
      description: ...        # English
      description_fi: ...     # Finnish
      unit: eur_per_day       # a polku unit, or "none"
      kind: number            # number, flag, scale or text
      reference: ...          # the law or public page
      reference_fi: ...       # the same citation in Finnish (optional)
      values:
        2016-01-01: 32.68     # or {value: 32.68, verified: true, reference: ..., note: ...}
                              # (and reference_fi: ... beside an entry's reference;
                              # value_fi: ... beside a text value, its Finnish)
        2018-01-01: null      # not defined from this date on

A value without ``verified: true`` is reported as unverified wherever it is used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from polku import strictyaml
from polku.errors import RuleError
from polku.findings import Finding, Level
from polku.model.vocabulary import Unit

from .parameters import Bracket, Entry, Kind, Parameter, Scale, Value

_REQUIRED = ("description", "description_fi", "unit", "kind", "reference", "values")
_ALLOWED = frozenset({*_REQUIRED, "verified", "note", "note_fi", "reference_fi"})
_ENTRY_KEYS = frozenset(
    {"value", "value_fi", "verified", "reference", "reference_fi", "note", "note_fi"}
)
_UNITS = frozenset({u.value for u in Unit} | {"none"})


class _File:
    """Collects the findings of one parameter file."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.lines: dict[tuple[Any, ...], int] = {}
        self.findings: list[Finding] = []

    def error(self, code: str, path: tuple[Any, ...], found: Any = "", **params: Any) -> None:
        line = self._line(path)
        column = ".".join(str(p) for p in path) or None
        self.findings.append(
            Finding(
                Level.ERROR,
                code,
                row=line,
                column=column,
                found=str(found),
                file=self.name,
                params=params,
            )
        )

    def _line(self, path: tuple[Any, ...]) -> int | None:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path)


def _scale(raw: Any, f: _File, path: tuple[Any, ...]) -> Scale | None:
    if not isinstance(raw, list) or not raw:
        f.error("rule_value_type", path, raw, kind="a list of {above, rate_pct}")
        return None
    brackets: list[Bracket] = []
    for i, item in enumerate(raw):
        above = item.get("above") if isinstance(item, dict) else None
        rate = item.get("rate_pct") if isinstance(item, dict) else None
        ok = (
            isinstance(item, dict)
            and set(item) == {"above", "rate_pct"}
            and isinstance(above, int)
            and not isinstance(above, bool)
            and above >= 0
            and isinstance(rate, int | float)
            and not isinstance(rate, bool)
            and 0 <= rate <= 100
        )
        if not ok or (brackets and above is not None and above <= brackets[-1].above):
            f.error("rule_scale", (*path, i), item)
            return None
        assert isinstance(above, int)
        assert isinstance(rate, int | float)
        brackets.append(Bracket(above, float(rate)))
    return Scale(tuple(brackets))


def _typed(kind: Kind, raw: Any, f: _File, path: tuple[Any, ...]) -> Value | None:
    if kind is Kind.SCALE:
        return _scale(raw, f, path)
    if kind is Kind.NUMBER and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    if kind is Kind.FLAG and isinstance(raw, bool):
        return raw
    if kind is Kind.TEXT and isinstance(raw, str):
        return raw
    labels = {Kind.NUMBER: "a number", Kind.FLAG: "true or false", Kind.TEXT: "text"}
    f.error("rule_value_type", path, raw, kind=labels[kind])
    return None


def _finnish(raw: dict[str, Any], f: _File, path: tuple[Any, ...]) -> bool:
    """True unless ``raw`` has a ``reference_fi``, ``note_fi`` or ``value_fi`` that is not a
    text (a finding then)."""
    keys = ("reference_fi", "note_fi", "value_fi")
    wrong = [k for k in keys if k in raw and not isinstance(raw[k], str)]
    for key in wrong:
        f.error("rule_value_type", (*path, key), raw[key], kind="text")
    return not wrong


def _entry(
    kind: Kind, start: Any, raw: Any, spec: dict[str, Any], f: _File, path: tuple[Any, ...]
) -> Entry | None:
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        f.error("rule_date", path, start)
        return None
    meta: dict[str, Any] = {}
    if isinstance(raw, dict):
        unknown = set(raw) - _ENTRY_KEYS
        if unknown or "value" not in raw:
            f.error(
                "rule_key_unknown",
                path,
                ", ".join(sorted(map(str, unknown))) or "value",
                allowed=", ".join(sorted(_ENTRY_KEYS)),
            )
            return None
        if not _finnish(raw, f, path):
            return None
        meta, raw = raw, raw["value"]
    value = None if raw is None else _typed(kind, raw, f, (*path, "value") if meta else path)
    if raw is not None and value is None:
        return None
    verified = meta.get("verified", spec.get("verified", False))
    # an entry citing its own source has its own Finnish citation, or none
    inherited = "" if "reference" in meta else spec.get("reference_fi", "")
    return Entry(
        start,
        value,
        verified is True,
        str(meta.get("reference", spec["reference"])),
        str(meta.get("note", spec.get("note", ""))),
        str(meta.get("reference_fi", inherited)),
        str(meta.get("note_fi", spec.get("note_fi", ""))),
        str(meta.get("value_fi", "")) if kind is Kind.TEXT else "",
    )


def _parameter(name: str, spec: Any, f: _File, prefix: str) -> Parameter | None:
    path: tuple[Any, ...] = (name,)
    if not isinstance(spec, dict):
        f.error("rule_value_type", path, spec, kind="a mapping of description, unit, values")
        return None
    for key in sorted(set(spec) - _ALLOWED, key=str):
        f.error("rule_key_unknown", (name, key), key, allowed=", ".join(sorted(_ALLOWED)))
    missing = [k for k in _REQUIRED if k not in spec]
    for key in missing:
        f.error("rule_key_missing", path, key=key)
    if missing or set(spec) - _ALLOWED or not _finnish(spec, f, path):
        return None
    if not isinstance(spec["kind"], str) or spec["kind"] not in {k.value for k in Kind}:
        f.error("rule_value_type", (name, "kind"), spec["kind"], kind="number, flag, scale or text")
        return None
    if not isinstance(spec["unit"], str) or spec["unit"] not in _UNITS:
        f.error(
            "rule_value_type",
            (name, "unit"),
            spec["unit"],
            kind="a unit: " + ", ".join(sorted(_UNITS)),
        )
        return None
    values = spec["values"]
    if not isinstance(values, dict) or not values:
        f.error("rule_value_type", (name, "values"), values, kind="a mapping of date: value")
        return None
    kind = Kind(spec["kind"])
    entries = [
        _entry(kind, start, raw, spec, f, (name, "values", start)) for start, raw in values.items()
    ]
    if any(e is None for e in entries):
        return None
    history = tuple(sorted((e for e in entries if e is not None), key=lambda e: e.start))
    return Parameter(
        f"{prefix}.{name}",
        kind,
        str(spec["unit"]),
        str(spec["description"]),
        str(spec["description_fi"]),
        str(spec["reference"]),
        history,
        f.name,
        str(spec.get("reference_fi", "")),
    )


def load_file(path: Path) -> tuple[list[Parameter], list[Finding]]:
    """The parameters of one YAML file and the problems found in it."""
    f = _File(path)
    try:
        data, f.lines = strictyaml.load(strictyaml.read_text(path))
    except strictyaml.TextError as exc:  # not UTF-8, a NUL byte, too large
        f.findings.append(
            Finding(
                Level.ERROR, exc.code, row=exc.line, found=exc.found, file=f.name, params=exc.params
            )
        )
        return [], f.findings
    except OSError as exc:
        f.error("file_unreadable", (), detail=exc.strerror or type(exc).__name__)
        return [], f.findings
    except yaml.YAMLError as exc:
        line, detail = strictyaml.describe(exc)
        f.findings.append(
            Finding(Level.ERROR, "rule_yaml", row=line, file=f.name, params={"detail": detail})
        )
        return [], f.findings
    if not isinstance(data, dict):
        f.error("rule_value_type", (), type(data).__name__, kind="a mapping of parameters")
        return [], f.findings
    params = [_parameter(str(name), spec, f, path.stem) for name, spec in data.items()]
    return [p for p in params if p is not None], f.findings


def load_folder(folder: Path) -> dict[str, Parameter]:
    """Every parameter in ``folder``'s ``*.yaml`` files.

    Raises:
        RuleError: with every problem found, if any file has one.
    """
    if not folder.is_dir():
        raise RuleError(
            [Finding(Level.ERROR, "folder_missing", file=str(folder), found=str(folder))]
        )
    found: dict[str, Parameter] = {}
    findings: list[Finding] = []
    for path in sorted(folder.glob("*.yaml")):
        params, problems = load_file(path)
        findings += problems
        found.update({p.name: p for p in params})
    if findings:
        raise RuleError(findings)
    return found
