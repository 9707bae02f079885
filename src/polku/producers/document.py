"""The producers' analysis as a plain document (JSON), its keys documented in
docs/producers.md."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from .run import ProducerAnalysis

SCHEMA_VERSION = 1


def _clean(value: Any) -> Any:
    """JSON has no infinity: an endless reserve is null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def document(a: ProducerAnalysis) -> dict[str, Any]:
    """Every figure of ``a`` with the inputs it came from."""
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "replications": a.replications,
        "seed": a.seed,
        "finances": [{k: v for k, v in asdict(f).items() if k != "inputs"} for f in a.finances],
        "health": {
            run.scenario: {
                "title": run.title,
                "title_fi": run.title_fi,
                "income_change": run.income_change,
                "producers": [asdict(h) for h in run.health],
            }
            for run in a.runs
        },
        "stress": {"cut_pct": a.cut_pct, "rows": [asdict(r) for r in a.stress]},
        "funding_models": {
            "service": "rehabilitative_work",
            "producer_share": a.model_share,
            "terms": {**asdict(a.terms), "weekly_price": a.terms.weekly_price},
            "models": [{**asdict(m), "income_cv": m.income_cv} for m in a.models],
        },
        "market_path": [
            {"producer": before.producer, "before": asdict(before), "after": asdict(after)}
            for before, after in a.market
        ],
        "pooling": {
            "groups": [asdict(g) for g in a.groups],
            "finances": asdict(a.pooled) if a.pooled else None,
        },
        "areas": {
            "stay_months": a.stay_months,
            "max_income_cv": a.max_cv,
            "threshold_clients": a.threshold_clients,
            "rows": [asdict(r) for r in a.areas],
        },
        "inputs": [asdict(i) for i in a.inputs],
    }
    cleaned: dict[str, Any] = _clean(doc)
    return cleaned
