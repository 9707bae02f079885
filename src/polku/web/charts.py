"""The dashboard's own pictures: Vega-Lite specifications drawn by ``static/charts.js``.

A run's series over time with their p5-p95 band (the report's own :func:`band`), a
comparison's differences by payer with p5-p95 whiskers, and the producers' probability
of a deficit next year. Every chart comes with the table of its numbers and a source
line naming the model run, so a figure says where it came from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from polku.i18n import Lang, fmt_number
from polku.model.terms import unit as unit_words
from polku.producers.run import ProducerAnalysis
from polku.report.charts import HEIGHT, PALETTE, WIDTH, band
from polku.report.context import Figure, Table
from polku.report.scenarios import SERIES
from polku.simulation.results import series, summary
from polku.simulation.runner import Simulation

from .texts import ui

Spec = dict[str, Any]
PAYER_METRIC = ("cost_", "_per_year")  # compare rows cost_<payer>_per_year: one per payer
FONT = "DejaVu Sans"


MONTHLY = tuple(SERIES)  # the series a run keeps month by month: the report's charts


def monthly(sim: Simulation) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Series -> run -> mean, p5 and p95 month by month (rounded to whole units)."""
    out: dict[str, dict[str, dict[str, list[float]]]] = {}
    for run in sim.runs:
        own = series(run)
        for name in MONTHLY:
            if name not in own:
                continue
            values = own[name]
            low, high = np.percentile(values, (5, 95), axis=0)
            out.setdefault(name, {})[run.name] = {
                "mean": [round(float(v)) for v in values.mean(axis=0)],
                "p5": [round(float(v)) for v in low],
                "p95": [round(float(v)) for v in high],
            }
    return out


def run_summary(sim: Simulation) -> dict[str, Any]:
    """:func:`polku.simulation.results.summary` with :func:`monthly`, as a run of the web
    app keeps it."""
    doc = summary(sim)
    doc["monthly"] = monthly(sim)
    return doc


def _table(caption: str, columns: list[str], raw: list[list[Any]], lang: Lang) -> dict[str, Any]:
    """A table as ``table.html.j2`` draws it: numbers formatted, raw values kept."""
    rows = [
        [c if isinstance(c, str) else fmt_number(c, lang, 0 if abs(c) >= 10 else 2) for c in r]
        for r in raw
    ]
    return {"caption": caption, "columns": columns, "rows": rows, "raw": raw}


def _finish(spec: Spec) -> Spec:
    spec.setdefault("$schema", "https://vega.github.io/schema/vega-lite/v5.json")
    # the svg is one image with its label (charts.js): no ARIA roles on the marks inside
    spec["config"] = {"font": FONT, "range": {"category": PALETTE}}
    return spec


def model_run(
    doc: dict[str, Any], lang: Lang, first: str, second: str, rules: list[tuple[str, str]]
) -> str:
    """The source line of a model run: dataset, scenarios, mode, replications, seed,
    horizon and the rules in force (``doc``: a run's summary or a comparison; ``rules``:
    (label, date of the rules) of each run)."""
    how = (
        ui("model_stochastic", lang).format(
            reps=fmt_number(doc["replications"], lang, 0), seed=doc["seed"]
        )
        if doc["mode"] == "stochastic"
        else ui("model_expected", lang)
    )
    rules = [(label, _date(date, lang)) for label, date in rules]
    dates = {date for _, date in rules}
    in_force = (
        dates.pop() if len(dates) == 1 else ", ".join(f"{label} {date}" for label, date in rules)
    )
    parts = [
        ui("model_dataset", lang).format(dataset=doc["dataset"]),
        ui("model_scenarios", lang).format(first=first, second=second),
        how,
        ui("model_months", lang).format(months=doc["months"]),
    ]
    if in_force:
        parts.append(ui("model_rules", lang).format(rules=in_force))
    return f"{ui('model_run', lang)}: " + "; ".join(parts) + "."


def run_charts(
    doc: dict[str, Any], lang: Lang, runs: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """A run's monthly series (kept in its summary as ``monthly``), each run of ``runs``
    ((name, label): baseline first) as a line with its p5-p95 band when stochastic."""
    stochastic = doc["mode"] == "stochastic"
    monthly = doc.get("monthly") or {}
    out = []
    for name, (title_en, title_fi, _metric) in SERIES.items():
        by_run = monthly.get(name)
        if not by_run or any(key not in by_run for key, _ in runs):
            continue
        title = title_fi if lang == "fi" else title_en
        rows, raw = [], []
        for key, label in runs:
            values = by_run[key]
            for month, (mean, low, high) in enumerate(
                zip(values["mean"], values["p5"], values["p95"], strict=True), start=1
            ):
                rows.append({"series": label, "month": month, "mean": mean, "p5": low, "p95": high})
                if month % 12 == 0:
                    raw.append([label, month, mean, *((low, high) if stochastic else ())])
        units = unit_words("eur_per_month" if name.startswith("cost.") else "persons", lang)
        spec = band(rows, title, ui("month", lang), units, bands=stochastic)
        columns = [ui("scenario", lang), ui("month", lang), ui("mean", lang)]
        reads = ui("band_reads" if stochastic else "line_reads", lang)
        out.append(
            {
                "id": "chart-" + name.replace(".", "-").replace("_", "-"),
                "title": title,
                "label": f"{title}. {reads}",
                "reads": reads,
                "spec": spec,
                "table": _table(title, columns + (["p5", "p95"] if stochastic else []), raw, lang),
            }
        )
    return out


def _payer_bars(x: Spec, y: Spec, axis: str, stochastic: bool) -> list[Spec]:
    """A bar a payer from zero, with p5-p95 whiskers (fields p5, p95) when stochastic."""
    layers: list[Spec] = [
        {"mark": {"type": "bar", "color": PALETTE[0]}, "encoding": {"x": x, "y": y}},
        {
            "mark": {"type": "rule", "color": "#1b1f24", "aria": False},
            "encoding": {"x": {"datum": 0}},
        },
    ]
    if stochastic:
        whisker = {"field": "p5", "type": "quantitative", "title": axis}
        layers.append(
            {
                "mark": {"type": "errorbar", "ticks": True, "color": "#1b1f24", "aria": False},
                "encoding": {"x": whisker, "x2": {"field": "p95"}, "y": y},
            }
        )
    return layers


def compare_chart(out: dict[str, Any], lang: Lang, first: str, second: str) -> dict[str, Any]:
    """The comparison's yearly cost difference by payer, with p5-p95 whiskers when
    stochastic (``out``: :func:`polku.web.service.compare`)."""
    stochastic = out["mode"] == "stochastic"
    head, tail = PAYER_METRIC
    rows, raw = [], []
    for r in out["rows"]:
        metric = r["metric"]
        if not (metric.startswith(head) and metric.endswith(tail)):
            continue
        payer = ui("payer_" + metric[len(head) : -len(tail)], lang)
        rows.append({"payer": payer, "difference": r["difference"], "p5": r["p5"], "p95": r["p95"]})
        raw.append([payer, r["first"], r["second"], r["difference"]])
        if stochastic:
            raw[-1] += [r["p5"], r["p95"]]
    title = ui("compare_chart", lang)
    subtitle = ui("compare_subtitle", lang).format(first=first, second=second)
    axis = ui("compare_axis", lang)
    x = {
        "field": "difference",
        "type": "quantitative",
        "title": axis,
        "axis": {"format": ",.0f", "tickCount": 6},
    }
    y = {"field": "payer", "type": "nominal", "title": ui("payer", lang), "sort": None}
    layers = _payer_bars(x, y, axis, stochastic)
    spec = _finish(
        {
            "title": {"text": title, "subtitle": subtitle, "limit": WIDTH},
            "data": {"values": rows},
            "width": WIDTH,
            "height": max(40 * len(rows), 120),
            "layer": layers,
        }
    )
    reads = ui("compare_reads", lang).format(first=first, second=second)
    if stochastic:
        reads += " " + ui("whiskers", lang)
    columns = [ui("payer", lang), first, second, ui("difference", lang)]
    return {
        "id": "chart-compare-payers",
        "title": title,
        "label": f"{title}. {subtitle}. {reads}",
        "reads": reads,
        "spec": spec,
        "table": _table(
            f"{title}. {subtitle}", columns + (["p5", "p95"] if stochastic else []), raw, lang
        ),
    }


def cba_chart(doc: dict[str, Any], lang: Lang, table: Table) -> dict[str, Any] | None:
    """The last scenario's net present value by payer with p5-p95 whiskers when
    stochastic (``doc``: a run's summary; ``table``: the account behind the chart)."""
    entry = list(doc["scenarios"].values())[-1]
    if "cba" not in entry:
        return None
    cba, stochastic = entry["cba"], doc["mode"] == "stochastic"
    rows = [
        {"payer": ui(f"payer_{p}", lang), **cba["npv"][p]}
        for p in ("state", "municipal_share", "organiser", "public")
    ]
    axis = ui("cba_axis", lang)
    x = {"field": "mean", "type": "quantitative", "title": axis, "axis": {"format": ",.0f"}}
    y = {"field": "payer", "type": "nominal", "title": ui("payer", lang), "sort": None}
    layers = _payer_bars(x, y, axis, stochastic)
    title = ui("cba_chart", lang)
    spec = _finish(
        {
            "title": {"text": title, "limit": WIDTH},
            "data": {"values": rows},
            "width": WIDTH,
            "height": 180,
            "layer": layers,
        }
    )
    reads = ui("cba_reads", lang).format(
        months=cba["months"],
        rate=fmt_number(cba["discount_rate_pct"], lang),
        bias=fmt_number(cba["optimism_bias_pct"], lang),
    )
    if stochastic:
        reads += " " + ui("whiskers", lang)
    return {
        "id": "chart-cba-payers",
        "title": title,
        "label": f"{title}. {reads}",
        "reads": reads,
        "spec": spec,
        "table": table,
    }


def deficit_figure(p: ProducerAnalysis, lang: Lang, table: Table, dataset: str) -> Figure | None:
    """The producers' probability of a deficit next year, baseline and each scenario
    side by side; ``table`` is the report's next-year table behind it."""
    names = p.names
    rows = [
        {
            "producer": names.get(h.producer, h.producer),
            "run": run.title_fi if lang == "fi" else run.title,
            "probability": h.deficit_probability,
        }
        for run in p.runs
        for h in run.health
        if h.deficit_probability is not None
    ]
    if not rows:
        return None
    title = ui("deficit_chart", lang)
    legend = {"orient": "bottom", "direction": "vertical", "labelLimit": WIDTH}
    spec = _finish(
        {
            "title": {"text": title, "limit": WIDTH},
            "data": {"values": rows},
            "width": WIDTH,
            "height": max(min(28 * len(rows), HEIGHT * 2), 120),
            "mark": "bar",
            "encoding": {
                "y": {
                    "field": "producer",
                    "type": "nominal",
                    "title": None,  # the chart's title says "by producer"
                    "sort": None,
                    "axis": {"labelLimit": 280, "labelFontSize": 12},
                },
                "yOffset": {"field": "run", "type": "nominal", "sort": None},
                "x": {
                    "field": "probability",
                    "type": "quantitative",
                    "title": ui("deficit_axis", lang),
                    "scale": {"domain": [0, 1]},
                    "axis": {"format": ".0%"},
                },
                "color": {
                    "field": "run",
                    "type": "nominal",
                    "title": None,
                    "sort": None,
                    "legend": legend if len(p.runs) > 1 else None,
                },
            },
        }
    )
    reads = ui("deficit_reads", lang).format(reps=fmt_number(p.replications, lang, 0), seed=p.seed)
    reads += " " + ui("model_run", lang) + ": " + ui("model_dataset", lang).format(dataset=dataset)
    reads += "; " + ", ".join(r.title_fi if lang == "fi" else r.title for r in p.runs) + "."
    return Figure("f_prod_deficit", title, reads, spec, table)


__all__ = [
    "compare_chart",
    "deficit_figure",
    "model_run",
    "monthly",
    "run_charts",
    "run_summary",
]


def _date(iso: str, lang: Lang) -> str:
    """An ISO date as the reader writes it: 1.7.2016 in Finnish, 2016-07-01 in English."""
    try:
        day = dt.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{day.day}.{day.month}.{day.year}" if lang == "fi" else day.isoformat()
