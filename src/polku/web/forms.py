"""The scenario builder's form: its fields from a scenario's changes and back.

Numbers are read as the model reads them (a decimal comma is a point); what is not a
number is passed on, so the scenario checks report it by field.
"""

from __future__ import annotations

from typing import Any

from .service import DEFAULT_DATASET

BUILD_MEASURES = ("rehabilitative_work", "pay_subsidy", "work_trial")


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


__all__ = ["BUILD_MEASURES", "bounded_int", "changes_of", "form_of"]
