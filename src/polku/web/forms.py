"""The scenario builder's form: its fields from a scenario's changes and back.

Numbers are read as the model reads them (a decimal comma is a point); what is not a
number is passed on, so the scenario checks report it by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from polku.errors import FindingsError, PolkuError
from polku.findings import Finding
from polku.i18n import Lang, label

from .service import DEFAULT_DATASET
from .texts import ui

BUILD_MEASURES = ("rehabilitative_work", "pay_subsidy", "work_trial")
FIELDS = (  # the builder's fields, in the order of the form
    "dataset",
    *(f"add_{m}" for m in BUILD_MEASURES),
    "per_week",
    "per_day",
    "price_all",
    "priority",
    "cut",
    "rules_date",
    "replications",
    "name",
    "description",
)
_FIELD_OF = {  # a finding's key path (its column): the field that holds the value
    "changes.price": "per_week",  # a price without places to price
    "changes.price.per_week": "per_week",
    "changes.price.per_day": "per_day",
    "changes.price.applies_to": "price_all",
    "changes.priority": "priority",
    "changes.funding_cut": "cut",
    "changes.funding_cut.pay_subsidies": "cut",
    "changes.rules_date": "rules_date",
    "name": "name",
}


@dataclass
class Problems:
    """What is wrong with a posted form: a message beside each field that holds a wrong
    value, and every problem as a line of the summary above the form (field first)."""

    fields: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def field_of(column: str | None) -> str | None:
    """The builder's field of a finding's key path, e.g. ``changes.places.work_trial.add``
    is ``add_work_trial``; None for a problem no single field holds."""
    if not column:
        return None
    parts = column.split(".")
    if parts[:2] == ["changes", "places"] and len(parts) >= 3 and parts[2] in BUILD_MEASURES:
        return f"add_{parts[2]}"
    return _FIELD_OF.get(column)


def _said(finding: Finding, lang: Lang) -> str:
    """A finding without its place (the field says where): what, expected and found."""
    found = finding.found_text(lang)
    shown = f"; {label('found', lang)}: {found}" if found else ""
    return f"{finding.what(lang)} ({label('expected', lang)}: {finding.expected(lang)}{shown})"


def problems(exc: PolkuError, lang: Lang, describe: list[str]) -> Problems:
    """The problems of ``exc`` placed on the builder's fields, in ``lang`` only;
    ``describe`` is the error as plain lines (used when no field holds it)."""
    out = Problems()
    if not isinstance(exc, FindingsError):
        out.lines = describe
        return out
    for finding in exc.findings:
        name = field_of(finding.column)
        if name is None:
            out.lines.append(finding.describe(lang))
            continue
        text = _said(finding, lang)
        out.fields.setdefault(name, text)
        out.lines.append(f"{field_label(name, lang)}: {text}")
    return out


def field_label(name: str, lang: Lang) -> str:
    """A field's label as the form shows it."""
    key = f"m_{name.removeprefix('add_')}" if name.startswith("add_") else name
    return ui(key, lang)


def form_of(changes: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """The builder's form values for a scenario's changes."""
    places = changes.get("places", {})
    form: dict[str, Any] = {f"add_{m}": places.get(m, {}).get("add", 0) for m in BUILD_MEASURES}
    price = changes.get("price", {})
    form.update(
        per_week=price.get("per_week", ""),
        per_day=price.get("per_day", ""),
        price_all="1" if price.get("applies_to") == "all_places" else "",
        priority=changes.get("priority", "first_come"),
        cut=changes.get("funding_cut", {}).get("pay_subsidies", 0),
        rules_date=str(changes.get("rules_date", "")),
        mode="stochastic",
        replications=500,
        dataset=DEFAULT_DATASET,
        name="",
        description="",
    )
    form.update(extra)
    return form


def changes_of(form: dict[str, str]) -> dict[str, Any]:
    """A scenario's changes from the builder's form (numbers checked by the scenario
    checks afterwards; text that is not a number is passed on and reported)."""

    def number(key: str) -> Any:
        raw = (form.get(key) or "").strip().replace(",", ".")
        if raw == "":
            return None
        try:
            value = float(raw)
        except ValueError:
            return raw
        return int(value) if value.is_integer() else value

    changes: dict[str, Any] = {}
    places = {}
    for m in BUILD_MEASURES:
        add = number(f"add_{m}")
        if add not in (None, 0):
            places[m] = {"add": add, "from_month": 1}
    if places:
        changes["places"] = places
    price = {k: number(k) for k in ("per_week", "per_day")}
    if any(v is not None for v in price.values()):
        changes["price"] = {k: v for k, v in price.items() if v is not None}
        if form.get("price_all"):
            changes["price"]["applies_to"] = "all_places"
    if form.get("priority") and form["priority"] != "first_come":
        changes["priority"] = form["priority"]
    cut = number("cut")
    if cut not in (None, 0):
        changes["funding_cut"] = {"pay_subsidies": cut}
    if form.get("rules_date"):
        changes["rules_date"] = form["rules_date"]
    return changes


def bounded_int(raw: str | None, default: int, low: int, high: int) -> int:
    """A whole number from a form field, kept within ``low``-``high``; ``default`` if
    the field is missing or not a whole number."""
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return default
    return min(max(value, low), high)


__all__ = [
    "BUILD_MEASURES",
    "FIELDS",
    "Problems",
    "bounded_int",
    "changes_of",
    "field_label",
    "field_of",
    "form_of",
    "problems",
]
