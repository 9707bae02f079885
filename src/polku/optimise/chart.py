"""The trade-off drawn: each mix of the front a point (the first objective against the
second), the best-balanced ones numbered with their p5-p95 bands, today's baseline and
the dataset's own proposal marked."""

from __future__ import annotations

from typing import Any

from polku.catalogue import translate
from polku.i18n import Lang

from .evaluate import Evaluation
from .front import Answer

WORDS: dict[str, str] = {  # key: English (context optimise_chart:<key>)
    "title": "Where the next euro goes: the trade-off of the searched mixes",
    "front": "a mix on the front",
    "best": "best balanced (numbered)",
    "baseline": "today's baseline",
    "proposal": "the dataset's proposal",
    "long_term": "Change of the long-term unemployed, persons",
    "npv_public": "Public sector's net present value, million EUR",
    "note": "{evaluations} mixes searched (expected values), the best-balanced run with "
    "{replications} replications (seed {seed}): the bars are their p5-p95.",
}


def word(key: str, lang: Lang) -> str:
    """The text ``key`` in ``lang``."""
    return translate(lang, f"optimise_chart:{key}", WORDS[key])


def _axis(name: str, lang: Lang) -> tuple[str, float]:
    if name in WORDS:
        return word(name, lang), 1e6 if name.startswith("npv_") else 1.0
    return name, 1e6 if name.startswith(("npv_", "cost_")) else 1.0


def trade_off_spec(
    answer: Answer, lang: Lang, proposal: Evaluation | None = None
) -> dict[str, Any]:
    """The Vega-Lite specification of the trade-off chart (two objectives)."""
    first, second = (o.name for o in answer.problem.objectives[:2])
    (y_title, y_scale), (x_title, x_scale) = _axis(first, lang), _axis(second, lang)

    def at(e: Evaluation, kind: str, label: str = "") -> dict[str, Any]:
        y, x = e.objectives[first], e.objectives[second]
        return {
            "kind": word(kind, lang),
            "x": x["mean"] / x_scale,
            "y": y["mean"] / y_scale,
            "x_low": x["p5"] / x_scale,
            "x_high": x["p95"] / x_scale,
            "y_low": y["p5"] / y_scale,
            "y_high": y["p95"] / y_scale,
            "label": label,
        }

    values = [at(e, "front") for e in answer.front]
    values += [at(e, "best", str(i)) for i, e in enumerate(answer.best, start=1)]
    values.append({"kind": word("baseline", lang), "x": 0.0, "y": 0.0, "label": ""})
    if proposal is not None:
        values.append(at(proposal, "proposal"))
    kinds = [word(k, lang) for k in ("front", "best", "baseline", "proposal")]
    colour = {
        "field": "kind",
        "type": "nominal",
        "title": None,
        "scale": {"domain": kinds, "range": ["#9aa5b1", "#0d3b66", "#2a9d8f", "#e76f51"]},
        "legend": {"orient": "bottom"},
    }
    x = {"field": "x", "type": "quantitative", "title": x_title}
    y = {"field": "y", "type": "quantitative", "title": y_title}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {
            "text": word("title", lang),
            "subtitle": word("note", lang).format(
                evaluations=answer.evaluations, replications=answer.replications, seed=answer.seed
            ),
        },
        "width": 560,
        "height": 380,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "rule", "color": "#0d3b66"},
                "transform": [{"filter": "isValid(datum.x_low) && datum.label != ''"}],
                "encoding": {
                    "x": {"field": "x_low", "type": "quantitative"},
                    "x2": {"field": "x_high"},
                    "y": y,
                },
            },
            {
                "mark": {"type": "rule", "color": "#0d3b66"},
                "transform": [{"filter": "isValid(datum.y_low) && datum.label != ''"}],
                "encoding": {
                    "y": {"field": "y_low", "type": "quantitative"},
                    "y2": {"field": "y_high"},
                    "x": x,
                },
            },
            {
                "mark": {"type": "point", "filled": True, "size": 80},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    "shape": {"field": "kind", "legend": None},
                },
            },
            {
                "mark": {"type": "text", "dx": 9, "dy": -9, "fontWeight": "bold"},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
        ],
    }


def trade_off_svg(answer: Answer, lang: Lang, proposal: Evaluation | None = None) -> str:
    """The chart as an SVG drawing (vl-convert)."""
    import vl_convert as vlc

    return str(vlc.vegalite_to_svg(trade_off_spec(answer, lang, proposal)))
