"""The survey's figures, one function each, drawn so a reader understands them at a glance."""

from __future__ import annotations

import json
from typing import Any

import pytest

from polku import default_region
from polku.analysis import analyse
from polku.model.terms import term
from polku.report.charts import SEGMENT_COLOURS
from polku.report.context import Figure
from polku.report.survey import FIGURES, clients

A = analyse(default_region())


def _encoding(spec: dict[str, Any]) -> dict[str, Any]:
    enc: dict[str, Any] = spec.get("encoding") or spec["layer"][0]["encoding"]
    return enc


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_each_figure_is_found_by_its_s_number(lang: str) -> None:
    section = clients(A, lang)  # type: ignore[arg-type]
    assert len(section.items) == len(FIGURES)
    for number, make in FIGURES.items():
        item = make(A, lang)  # type: ignore[arg-type]
        caption = item.title if isinstance(item, Figure) else item.caption
        for part in number.split("-"):
            assert f"{part}" in caption, (number, caption)
        table = item.table if isinstance(item, Figure) else item
        assert table.sources, number  # its sources travel with it


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_segments_are_drawn_in_their_own_colours(lang: str) -> None:
    figure = FIGURES["S7"](A, lang)  # type: ignore[arg-type]
    assert isinstance(figure, Figure)
    scale = _encoding(figure.spec)["color"]["scale"]
    names = [term(k, lang) for k in SEGMENT_COLOURS]  # type: ignore[arg-type]
    assert scale["domain"] == names
    assert scale["range"] == list(SEGMENT_COLOURS.values())
    drawn = {r["segment"] for r in figure.spec["data"]["values"]}
    assert drawn == set(names)  # every segment drawn is one the scale colours


def test_service_lines_are_labelled_and_long_names_lie_horizontally() -> None:
    figure = FIGURES["S3"](A, "fi")
    assert isinstance(figure, Figure)
    rows = figure.spec["data"]["values"]
    labels = {r["line"] for r in rows}
    assert "01 työnvälitys- ja yrityspalvelut" in labels
    assert not any(label.isdigit() for label in labels)  # no bare codes 00-05
    enc = _encoding(figure.spec)
    assert enc["y"]["field"] == "line"  # the names down the side, readable
    assert enc["y"]["axis"]["labelAngle"] == 0
    table = figure.table
    assert not any(row[0] in ("all", "unknown") for row in table.rows)  # words, not codes


@pytest.mark.parametrize("number", ["S3", "S4", "S7", "S8", "S5"])
def test_axis_titles_name_what_is_drawn(number: str) -> None:
    figure = FIGURES[number](A, "en")
    assert isinstance(figure, Figure)
    enc = _encoding(figure.spec)
    value = enc["x"] if enc["x"].get("type") == "quantitative" else enc["y"]
    title = value["title"]
    series = {r.get("kind") for r in figure.spec["data"]["values"]}
    assert title not in series  # not one of two series' names (S8 drew "Clients now")
    assert any(w in title.lower() for w in ("persons", "share", "clients")), title
    assert enc["color"]["legend"]["labelLimit"] >= 400  # legends that fit their labels
    json.dumps(figure.spec)  # plain data, for the dashboard's Vega-Embed too


def test_every_chart_shows_its_source_under_it_and_model_runs_name_the_run() -> None:
    import re

    from polku.report import build_report, render_html
    from polku.simulation.runner import Settings, find_scenario, simulate

    region = default_region()
    chosen = [find_scenario("from-data", region)]
    sim = simulate(region, chosen, settings=Settings(mode="stochastic", replications=20, seed=7))
    html = render_html(build_report(region, "fi", simulation=sim))
    figures = re.findall(r'<figure id="(\w+)">(.*?)</figure>', html, re.S)
    assert len(figures) >= 10
    for fid, body in figures:
        outside = body.split("<details", 1)[0]  # what a reader sees without opening anything
        assert '<p class="sources">Lähde: ' in outside, fid
        assert '<p class="sources">' not in body.split("<details", 1)[1], fid  # said once
    runs = [body for fid, body in figures if fid.startswith(("f_stock", "f_cost"))]
    assert len(runs) == 4  # the four simulation charts
    date = sim.baseline.money.prices.rules_date
    for body in runs:
        line = body.split('<p class="sources">', 1)[1].split("</p>", 1)[0]
        assert region.name in line
        assert chosen[0].title_fi.split(",")[0] in line  # the scenario
        assert "20 satunnaistoistoa" in line  # replications
        assert "siemenluku 7" in line  # seed
        assert f"säännöt {date.day}.{date.month}.{date.year}" in line  # the rules in force


def test_numbers_in_sentences_follow_the_readers_language() -> None:
    from polku.report import build_report

    said = {
        lang: next(
            p
            for s in build_report(default_region(), lang).sections  # type: ignore[arg-type]
            for p in s.paragraphs
            if "Herfindahl" in p
        )
        for lang in ("fi", "en")
    }
    concentration = A.funding.concentration
    assert f"{concentration:.2f}".replace(".", ",") in said["fi"]  # 0,19: a decimal comma
    assert f"{concentration:.2f}" in said["en"]
    assert "8\u00a0100\u00a0000 €" in said["fi"]  # thousands by a no-break space
