"""The national run as a map-like chart: a tile per employment area, in rows by region
(regions in their code order, Uusimaa's MK01 first), coloured by the change of the
municipal share, labelled with the area's name and the change."""

from __future__ import annotations

from typing import Any

from polku.i18n import Lang, fmt_number, said

from .run import National

_WORDS = {
    "en": {
        "title": "Change of the municipal share a year by employment area: {scenario}",
        "change": "Change, million EUR a year",
        "region": "Region",
        "note": "Generated national dataset: each area is {dataset} scaled by its number of "
        "municipalities ({run}); sizes differ, structure not.",
        "run": "{reps} replications, seed {seed}, p5-p95 in the table",
        "expected": "expected values",
    },
    "fi": {
        "title": "Kuntaosuuden muutos vuodessa työllisyysalueittain: {scenario}",
        "change": "Muutos, miljoonaa euroa vuodessa",
        "region": "Maakunta",
        "note": "Tuotettu valtakunnallinen aineisto: kukin alue on {dataset} kerrottuna sen "
        "kuntien määrällä ({run}); koot eroavat, rakenne ei.",
        "run": "{reps} toistoa, siemen {seed}, p5-p95 taulukossa",
        "expected": "odotusarvot",
    },
}


def national_spec(national: National, lang: Lang) -> dict[str, Any]:
    """The Vega-Lite specification of the tile chart of ``national``."""
    words = said(_WORDS, lang)
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
        "title": words["title"].format(scenario=national.scenario),
        "width": 124 * max(column.values(), default=1),
        "height": 34 * len(column),
        "data": {"values": values},
        "encoding": {
            "x": {"field": "column", "type": "ordinal", "axis": None},
            "y": {
                "field": "region",
                "type": "ordinal",
                "title": words["region"],
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
                        "title": words["change"],
                        "scale": {"scheme": "orangered"},
                        "legend": {"orient": "bottom", "gradientLength": 300, "titleLimit": 400},
                    },
                    "tooltip": [
                        {"field": "name", "type": "nominal"},
                        {"field": "label", "type": "nominal", "title": words["change"]},
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
            "note": words["note"].format(dataset=national.dataset, run=run_words(national, lang))
        },
    }


def run_words(national: National, lang: Lang) -> str:
    """How the run was made, as the chart's note says it."""
    words = said(_WORDS, lang)
    if national.settings.mode != "stochastic":
        return words["expected"]
    reps = fmt_number(national.settings.replications, lang)
    return words["run"].format(reps=reps, seed=national.settings.seed)


def _top(values: list[dict[str, Any]]) -> float:
    return max((float(v["change"]) for v in values), default=0.0)


def national_svg(national: National, lang: Lang) -> str:
    """The chart as an SVG drawing, with its source note under it (vl-convert)."""
    import vl_convert as vlc

    spec = national_spec(national, lang)
    spec["title"] = {"text": spec["title"], "subtitle": spec["usermeta"]["note"]}
    return str(vlc.vegalite_to_svg(spec))
