"""The national run as a map-like chart: a tile per employment area, in rows by region
(regions in their code order, Uusimaa's MK01 first), coloured by the change of the
municipal share, labelled with the area's name and the change."""

from __future__ import annotations

from typing import Any

from polku.catalogue import translate
from polku.i18n import Lang, fmt_number

from .run import National

WORDS: dict[str, str] = {  # key: English (context national:<key>)
    "title": "Change of the municipal share a year by employment area: {scenario}",
    "change": "Change, million EUR a year",
    "region": "Region",
    "note": "Generated national dataset: each area is {dataset} scaled by its number of "
    "municipalities ({run}); sizes differ, structure not.",
    "run": "{reps} replications, seed {seed}, p5-p95 in the table",
    "expected": "expected values",
}


def word(key: str, lang: Lang) -> str:
    """The text ``key`` in ``lang``."""
    return translate(lang, f"national:{key}", WORDS[key])


def national_spec(national: National, lang: Lang) -> dict[str, Any]:
    """The Vega-Lite specification of the tile chart of ``national``."""
    column: dict[str, int] = {}
    values = []
    for row in sorted(national.rows, key=lambda r: (r.area.region, r.area.code)):
        at = column.get(row.area.region, 0)
        column[row.area.region] = at + 1
        values.append(
            {
                "region": f"{row.area.region} {row.area.region_name(lang)}",
                "column": at,
                "name": row.area.name(lang),
                "change": round(row.difference / 1e6, 3),
                "label": fmt_number(row.difference / 1e6, lang, 1),
            }
        )
    tile = {"width": {"band": 1}, "height": {"band": 1}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": word("title", lang).format(scenario=national.scenario),
        "width": 124 * max(column.values(), default=1),
        "height": 34 * len(column),
        "data": {"values": values},
        "encoding": {
            "x": {"field": "column", "type": "ordinal", "axis": None},
            "y": {
                "field": "region",
                "type": "ordinal",
                "title": word("region", lang),
                "sort": "ascending",
            },
        },
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2, **tile},
                "encoding": {
                    "color": {
                        "field": "change",
                        "type": "quantitative",
                        "title": word("change", lang),
                        "scale": {"scheme": "orangered"},
                        "legend": {"orient": "bottom", "gradientLength": 300, "titleLimit": 400},
                    },
                    "tooltip": [
                        {"field": "name", "type": "nominal"},
                        {"field": "label", "type": "nominal", "title": word("change", lang)},
                    ],
                },
            },
            {
                "mark": {"type": "text", "fontSize": 9, "lineBreak": "\n"},
                "encoding": {
                    "text": {"field": "tile_text", "type": "nominal"},
                    "color": {
                        "condition": {
                            "test": "datum.change > 0.6 * " + str(_top(values)),
                            "value": "white",
                        },
                        "value": "black",
                    },
                },
                "transform": [{"calculate": "datum.name + '\\n' + datum.label", "as": "tile_text"}],
            },
        ],
        "usermeta": {
            "note": word("note", lang).format(
                dataset=national.dataset, run=run_words(national, lang)
            )
        },
    }


def run_words(national: National, lang: Lang) -> str:
    """How the run was made, as the chart's note says it."""
    if national.settings.mode != "stochastic":
        return word("expected", lang)
    reps = fmt_number(national.settings.replications, lang)
    return word("run", lang).format(reps=reps, seed=national.settings.seed)


def _top(values: list[dict[str, Any]]) -> float:
    return max((float(v["change"]) for v in values), default=0.0)


def national_svg(national: National, lang: Lang) -> str:
    """The chart as an SVG drawing, with its source note under it (vl-convert)."""
    import vl_convert as vlc

    spec = national_spec(national, lang)
    spec["title"] = {"text": spec["title"], "subtitle": spec["usermeta"]["note"]}
    return str(vlc.vegalite_to_svg(spec))
