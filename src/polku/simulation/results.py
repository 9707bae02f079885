"""Results of a simulation: monthly series, summary metrics with bands, files.

Series are ``[replication, month]`` arrays named ``kind.detail`` (``stock.unemployed``,
``cost.state``...). Metrics reduce them to one number a replication (the average of
the last 12 months for stocks, a yearly average for flows and money) and are reported
with their mean and the p5, p50 and p95 quantiles across replications; a scenario's
difference from the baseline is taken replication by replication (common random
numbers) before the quantiles. The JSON document is described in
``docs/simulation-json.md``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from polku.model.terms import term

from .cba import QUANTILES, CostBenefit, bands, cost_benefit
from .describe import changes_in_words
from .income import SOURCES
from .money import PAYERS
from .network import DESTINATIONS, SEGMENTS, Array
from .runner import ScenarioRun, Simulation

SCHEMA_VERSION = 1
PAYER_LABELS = {  # what each payer series holds, in words (see polku.simulation.money)
    "kela": (
        "Paid out by Kela: unemployment benefits and expense allowances",
        "Kelan maksamat työttömyysetuudet ja kulukorvaukset",
    ),
    "state": (
        "Borne by the state: benefits less the municipal share, allowances, "
        "compensation for rehabilitative work, pay subsidies",
        "Valtion osuus: etuudet ilman kuntaosuutta, kulukorvaukset, kuntouttavan "
        "työtoiminnan valtionkorvaus, palkkatuet",
    ),
    "municipal_share": (
        "Borne by the municipalities: the municipal share of benefits",
        "Kuntien osuus: työttömyysetuuksien kuntaosuus",
    ),
    "organiser": (
        "Borne by the organiser: rehabilitative work, net of the state compensation",
        "Järjestäjän nettokustannus: kuntouttava työtoiminta valtionkorvauksen jälkeen",
    ),
}


def series(run: ScenarioRun) -> dict[str, Array]:
    """Every monthly series of one run, ``[R, T]`` each."""
    t = run.trajectory
    net = t.network
    out: dict[str, Array] = {}
    long_term = t.u_by_bin[:, :, net.bin_class >= 1].sum(axis=2)
    out["stock.unemployed"] = t.u_by_bin.sum(axis=2)
    out["stock.long_term"] = long_term + t.queue[:, :, :, 1:].sum(axis=(2, 3))
    for i, segment in enumerate(SEGMENTS[1:], start=1):
        out[f"stock.segment_{segment}"] = t.u_by_segment[:, :, i]
    for i, m in enumerate(net.measures):
        clients = t.in_measure[:, :, i].sum(axis=(2, 3))
        out[f"stock.in_{m.name}"] = clients
        out[f"stock.waiting_{m.name}"] = t.queue[:, :, i].sum(axis=2)
        out[f"flow.placed_{m.name}"] = t.placed[:, :, i]
        # Little's law: months a place is waited for = people waiting / placements a month
        placed = t.placed[:, :, i]
        out[f"wait.{m.name}"] = np.where(
            placed > 0, out[f"stock.waiting_{m.name}"] / np.maximum(placed, 1e-9), 0.0
        )
        places = m.places[None, : t.inflow.shape[1]]
        # a measure cut to (almost) no places has no meaningful share in use
        out[f"use.{m.name}"] = np.where(places >= 1.0, clients / np.maximum(places, 1.0), 0.0)
    for j, dest in enumerate(DESTINATIONS):
        out[f"flow.exit_{dest}"] = t.exits[:, :, :, j].sum(axis=2)
    for k, payer in enumerate(PAYERS):
        out[f"cost.{payer}"] = run.money.payers[:, :, k]
    for k, source in enumerate(SOURCES):
        out[f"income.{source}"] = run.money.income[:, :, k]
    out["income.total"] = run.money.income.sum(axis=2)
    return out


def _last_year(values: Array) -> Array:
    return np.asarray(values[:, -12:].mean(axis=1), dtype=np.float64)


def _per_year(values: Array) -> Array:
    return np.asarray(values.mean(axis=1) * 12.0, dtype=np.float64)


def _next_year(values: Array) -> Array:
    """The first 12 months' sum (or the yearly rate of a shorter horizon)."""
    return np.asarray(values[:, :12].mean(axis=1) * 12.0, dtype=np.float64)


@dataclass(frozen=True)
class Metric:
    """A number per replication, with its unit and how it is made from a series."""

    name: str
    series: str
    unit: str
    reduce: Callable[[Array], Array]
    en: str
    fi: str


def metrics(run: ScenarioRun) -> list[Metric]:
    """The summary metrics of a run, in the order they are printed."""
    out = [
        Metric(
            "unemployed",
            "stock.unemployed",
            "persons",
            _last_year,
            "Unemployed, average of the last year",
            "Työttömät, viimeisen vuoden keskiarvo",
        ),
        Metric(
            "long_term",
            "stock.long_term",
            "persons",
            _last_year,
            "Unemployed with 300+ benefit days (waiting included)",
            "Vähintään 300 päivää tukea saaneet työttömät (odottavat mukaan lukien)",
        ),
    ]
    for m in run.trajectory.network.measures:
        en, fi = term(m.name, "en"), term(m.name, "fi")
        out += [
            Metric(
                f"in_{m.name}",
                f"stock.in_{m.name}",
                "persons",
                _last_year,
                f"Clients in {en}",
                f"Asiakkaat: {fi}",
            ),
            Metric(
                f"waiting_{m.name}",
                f"stock.waiting_{m.name}",
                "persons",
                _last_year,
                f"Waiting for {en}",
                f"Odottamassa: {fi}",
            ),
            Metric(
                f"wait_{m.name}",
                f"wait.{m.name}",
                "months",
                _last_year,
                f"Months waited for a place in {en} (waiting / placements)",
                f"Odotusaika kuukausina: {fi} (odottavat / sijoitukset)",
            ),
            Metric(
                f"use_{m.name}",
                f"use.{m.name}",
                "share",
                _last_year,
                f"Share of the places in {en} in use",
                f"Käytössä oleva osuus paikoista: {fi}",
            ),
        ]
    out += [
        Metric(
            f"exits_{d}_per_year",
            f"flow.exit_{d}",
            "persons_per_year",
            _per_year,
            f"Leaving unemployment a year: {term(d, 'en')}",
            f"Työttömyydestä poistuvat vuodessa: {term(d, 'fi')}",
        )
        for d in DESTINATIONS
    ]
    out += [
        Metric(
            f"cost_{p}_per_year",
            f"cost.{p}",
            "eur_per_year",
            _per_year,
            PAYER_LABELS[p][0],
            PAYER_LABELS[p][1],
        )
        for p in PAYERS
    ]
    out += [
        Metric(
            f"income_{s}_per_year",
            f"income.{s}",
            "eur_per_year",
            _per_year,
            f"Associations' income: {term(s, 'en')}",
            f"Järjestöjen tulot: {term(s, 'fi')}",
        )
        for s in (*SOURCES, "total")
    ]
    out += [  # next year's money: the budget question
        Metric(
            f"cost_{p}_next_year",
            f"cost.{p}",
            "eur_per_year",
            _next_year,
            f"{PAYER_LABELS[p][0]}: next year (the first 12 months)",
            f"{PAYER_LABELS[p][1]}: ensi vuosi (12 ensimmäistä kuukautta)",
        )
        for p in PAYERS
    ]
    out.append(
        Metric(
            "income_total_next_year",
            "income.total",
            "eur_per_year",
            _next_year,
            "Associations' income: total, next year (the first 12 months)",
            "Järjestöjen tulot yhteensä: ensi vuosi (12 ensimmäistä kuukautta)",
        )
    )
    return out


_bands = bands  # mean, p5, p50, p95 over replications (polku.simulation.cba)


def account(sim: Simulation, run: ScenarioRun) -> CostBenefit:
    """``run``'s cost-benefit account against the baseline (:mod:`.cba`)."""
    base = sim.baseline.money
    return cost_benefit(
        base.payers, run.money.payers, base.income, run.money.income, sim.assumptions
    )


def summary(sim: Simulation) -> dict[str, Any]:
    """The JSON summary: settings, calibration report, metrics by scenario, differences."""
    base_series = series(sim.baseline)
    base_metrics = metrics(sim.baseline)
    scenarios: dict[str, Any] = {}
    for run in sim.runs:
        own = series(run)
        values = {m.name: m.reduce(own[m.series]) for m in base_metrics if m.series in own}
        entry: dict[str, Any] = {
            "title": run.title,
            "title_fi": run.title_fi,
            "months": run.trajectory.network.months,
            "rules_date": run.money.prices.rules_date.isoformat(),
            "metrics": {k: _bands(v) for k, v in values.items()},
        }
        if run is not sim.baseline:
            if run.scenario is not None:
                net, prices = sim.calibration.network, sim.baseline.money.prices
                entry["changes"] = changes_in_words(run.scenario, net, prices, "en")
                entry["changes_fi"] = changes_in_words(run.scenario, net, prices, "fi")
            base = {m.name: m.reduce(base_series[m.series]) for m in base_metrics}
            entry["difference"] = {
                k: _bands(v - base[k])
                for k, v in values.items()
                if k in base and v.shape == base[k].shape
            }
            entry["cba"] = account(sim, run).to_dict()
        scenarios[run.name] = entry
    cal = sim.calibration
    return {
        "schema_version": SCHEMA_VERSION,
        "dataset": sim.region.name,
        "mode": sim.settings.mode,
        "replications": sim.baseline.trajectory.replications,
        "seed": sim.settings.seed if sim.settings.mode == "stochastic" else None,
        "engine": sim.baseline.trajectory.engine,
        "months": sim.settings.months,
        "calibration": [
            {
                "target": c.target,
                "data": round(c.data, 4),
                "model": round(c.model, 4),
                "error": round(c.error, 4),
                "relative": round(c.relative, 4),
                "unit": c.unit,
                "note": c.note,
                "note_fi": c.note_fi,
            }
            for c in sim.checks
        ],
        "fitted": [
            {
                "name": f.name,
                "value": round(f.value, 6),
                "unit": f.unit,
                "meaning": f.en,
                "meaning_fi": f.fi,
            }
            for f in sim.fitted
        ],
        "durations_months": {k: round(v, 3) for k, v in cal.durations.items()},
        "metrics": {
            m.name: {"unit": m.unit, "description": m.en, "description_fi": m.fi}
            for m in base_metrics
        },
        "scenarios": scenarios,
    }


def series_rows(sim: Simulation) -> list[dict[str, Any]]:
    """Long-format rows: scenario, month, series, mean, p5, p50, p95."""
    rows = []
    for run in sim.runs:
        for name, values in series(run).items():
            mean = values.mean(axis=0)
            q = np.percentile(values, QUANTILES, axis=0)
            for month in range(values.shape[1]):
                rows.append(
                    {
                        "scenario": run.name,
                        "month": month + 1,
                        "series": name,
                        "mean": float(mean[month]),
                        "p5": float(q[0, month]),
                        "p50": float(q[1, month]),
                        "p95": float(q[2, month]),
                    }
                )
    return rows


def summary_json(doc: dict[str, Any]) -> str:
    """``doc`` as JSON text; ``ValueError`` rather than Infinity or NaN, which are not
    JSON (scenarios and inputs are checked to be finite, so this is a bug's last guard)."""
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False)


def write(sim: Simulation, folder: str | Path) -> list[Path]:
    """Write ``summary.json``, ``series.csv`` and ``series.parquet`` into ``folder``."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "summary.json", out / "series.csv", out / "series.parquet"]
    written[0].write_text(summary_json(summary(sim)), "utf-8")
    rows = series_rows(sim)
    with written[1].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    import pandas as pd

    pd.DataFrame.from_records(rows).to_parquet(written[2], index=False)
    return written


__all__ = ["Metric", "metrics", "series", "series_rows", "summary", "summary_json", "write"]
