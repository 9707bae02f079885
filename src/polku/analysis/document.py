"""The analysis as one JSON document with stable keys (see ``docs/analysis-json.md``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from polku.assumptions import ANALYSIS

from .base import Result
from .run import Analysis

SCHEMA_VERSION = 1


def _num(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(float(value), digits)


def _effectiveness(result: Analysis) -> dict[str, Any]:
    out: dict[str, dict[str, Any]] = {}
    for col in result.effectiveness.columns:
        cells = {
            c.outcome: {
                "share": c.share,
                "low": _num(c.low),
                "high": _num(c.high),
                "estimate": c.estimate,
            }
            for c in result.effectiveness.cells
            if (c.measure, c.producer) == (col.measure, col.producer)
        }
        out.setdefault(col.measure, {})[col.producer] = {
            "ended_periods": col.ended_periods,
            "share_sum": _num(col.share_sum),
            "open_market": col.open_market,
            "unknown": col.unknown,
            "open_market_upper_bound": _num(col.open_market_upper_bound),
            "outcomes": cells,
        }
    return out


def _pricing(result: Analysis) -> dict[str, Any]:
    p = result.pricing
    return {
        "break_even_per_week": _num(p.break_even_per_week),
        "net_cost_per_week": _num(p.net_cost_per_week),
        "fixed_price_per_week": p.fixed_price,
        "price_per_activity_day": p.price_per_day,
        "activity_days_per_week": p.days_per_week,
        "weeks_per_year": p.weeks_per_year,
        "terms": {k: _num(v) for k, v in asdict(p.terms).items()},
        "by_days": {
            str(w.days_per_week): {
                "break_even_per_week": _num(w.break_even_per_week),
                "net_cost_low": _num(w.net_cost_low),
                "net_cost_high": _num(w.net_cost_high),
            }
            for w in p.by_days
        },
        "places": {
            str(int(c.places)): {
                "cost": _num(c.cost, 2),
                "saving": _num(c.saving, 2),
                "net": _num(c.net, 2),
            }
            for c in p.places
        },
    }


def _municipal(result: Analysis) -> dict[str, Any]:
    m = result.municipal_share
    return {
        "rules_date": m.rules_date.isoformat(),
        "daily_rate": m.daily_rate,
        "reported": m.reported,
        "full_rate_cost": _num(m.full_rate_cost, 2),
        "paid_fraction": _num(m.paid_fraction),
        "per_resident": _num(m.per_resident),
        "national_per_resident": m.national_per_resident,
        "ratio_to_national": _num(m.per_resident / m.national_per_resident)
        if m.per_resident and m.national_per_resident
        else None,
        "average_rate_pct_300_plus": _num(m.average_rate_pct("300+")),
        "by_area": {
            area: _num(sum(c.estimate for c in m.classes if c.area == area), 2)
            for area in dict.fromkeys(c.area for c in m.classes)
        },
    }


def _funding(result: Analysis) -> dict[str, Any]:
    f = result.funding
    return {
        "producer": f.producer,
        "period": f.period,
        "income": f.income,
        "clients": f.clients,
        "cost_per_client": _num(f.cost_per_client),
        "concentration": _num(f.concentration),
        "cut_pct": f.cut_pct,
        "income_after_overall_cut": _num(f.income_after_overall_cut, 2),
        "by_source": {
            s.funding_source: {
                "share": _num(s.share),
                "income": _num(s.income, 2),
                "income_after_cut": _num(s.income_after_cut, 2),
                "loss_pct": _num(s.loss_pct),
            }
            for s in f.by_source
        },
    }


def _gaps(result: Analysis) -> dict[str, Any]:
    return {
        c.measure: {
            "need": c.need,
            "available": c.available,
            "gap": c.gap,
            "added_low": c.added_low,
            "added_high": c.added_high,
            "remaining_gap_low": c.remaining_gap_low,
            "remaining_gap_high": c.remaining_gap_high,
        }
        for c in result.needs.capacity
    }


def _inputs(result: Analysis) -> dict[str, Any]:
    rules: dict[str, Any] = {}
    for res in (result.municipal_share, result.pricing):
        for i in res.inputs:
            if i.kind == "rule":
                value = i.value if isinstance(i.value, int | float | str | bool) else str(i.value)
                rules[i.name] = {"value": value, "source": i.source, "unverified": i.estimate}
    used: dict[str, Any] = {}
    results: tuple[Result, ...] = (
        result.client_base,
        result.effectiveness,
        result.municipal_share,
        result.funding,
        result.pricing,
    )
    for item in results:
        for i in item.inputs:
            if i.kind == "assumption" and isinstance(i.value, int | float | str):
                used[i.name] = i.value  # the value in force, also when it came from the data
    assumptions = {
        a.name: {
            "value": used.get(a.name, result.assumptions.value(a.name)),
            "default": a.default,
            "unit": a.unit,
            "set_by_user": a.name in result.assumptions.overrides,
            "note": a.note_en,
            "note_fi": a.note_fi,
        }
        for a in ANALYSIS
    }
    return {"rules": rules, "assumptions": assumptions}


def document(result: Analysis) -> dict[str, Any]:
    """Every result as plain JSON-ready data with the documented keys."""
    cb = result.client_base
    return {
        "schema_version": SCHEMA_VERSION,
        "dataset": result.region.name,
        "area": result.area,
        "client_base": {
            "narrow": cb.narrow,
            "broad": cb.broad,
            "narrow_components": cb.narrow_components,
            "broad_components": {k: _num(v) for k, v in cb.broad_components.items()},
        },
        "segments": {
            d: {s.segment: s.clients for s in result.segments.rows if s.definition == d}
            for d in ("narrow", "broad")
        },
        "inflow": {"monthly": result.survival.inflow_per_month},
        "survival": {str(s.months): _num(s.share) for s in result.survival.steps},
        "hazards": {
            str(s.months): {
                "from_months": s.from_months,
                "monthly_hazard": _num(s.monthly_hazard),
                "persons_per_month": _num(s.persons_per_month, 2),
            }
            for s in result.survival.steps
        },
        "service_lines": [
            {k: _num(v) if isinstance(v, float) else v for k, v in vars(r).items()}
            for r in result.service_lines.rows
        ],
        "benefit_days": [
            {k: _num(v) if isinstance(v, float) else v for k, v in vars(r).items()}
            for r in result.benefit_days.rows
        ],
        "needs": {
            n.need: {"narrow": n.clients_narrow, "broad": n.clients_broad}
            for n in result.needs.needs
        },
        "capacity_gap": _gaps(result),
        "effectiveness": _effectiveness(result),
        "producers": {s.producer: _num(s.share) for s in result.producers.shares},
        "activation": {
            a.area: {
                "share_of_clients": a.share_of_clients,
                "share_of_recipients": _num(a.share_of_recipients),
                "ratio": _num(a.ratio),
            }
            for a in result.producers.activation
        },
        "municipal_share": _municipal(result),
        "funding": _funding(result),
        "pricing": _pricing(result),
        **_inputs(result),
    }


def flatten(doc: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """``(dotted.key, value)`` pairs of a document; list items are keyed by index.

    Examples:
        >>> flatten({"a": {"b": 1, "c": [2]}})
        [('a.b', 1), ('a.c.0', 2)]
    """
    if isinstance(doc, dict):
        return [pair for k, v in doc.items() for pair in flatten(v, f"{prefix}{k}.")]
    if isinstance(doc, list):
        return [pair for i, v in enumerate(doc) for pair in flatten(v, f"{prefix}{i}.")]
    return [(prefix.rstrip("."), doc)]
