"""The dashboard page of the producers' funding base: the stress test's cut, and next
year under a saved scenario."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from polku.i18n import Lang
from polku.producers.run import ProducerAnalysis, analyse_producers, with_cut
from polku.report.context import Figure, Report, Table
from polku.report.producers import producers as producer_section
from polku.report.protect import protect
from polku.report.translate import source_texts, translate

from .charts import deficit_figure
from .pages import Pages, language
from .service import scenario_of
from .texts import ui

NEXT_YEAR = "t_prod_next_year"  # the report's table of next year by scenario and producer


def _with_scenario(pages: Pages, dataset: str, scenario_id: int) -> ProducerAnalysis:
    """The analysis with a saved scenario beside the baseline (kept per scenario version)."""
    saved = pages.store.scenario(scenario_id)
    catalog = pages.catalog
    return catalog.memo(
        ("producers", dataset, str(saved.id), str(saved.version)),
        lambda: analyse_producers(
            catalog.region(dataset),
            [scenario_of(saved.name, saved.changes, saved.name)],
            rules=catalog.rules,
            calibration=catalog.calibration(dataset),
        ),
    )


def _deficit_first(
    p: ProducerAnalysis, lang: Lang, items: list[Table | Figure], dataset: str
) -> list[Any]:
    """The section's items with the chart of the deficit probability first; the
    next-year table it draws is its table (one click away) instead of a table apart."""
    found = [i for i in items if isinstance(i, Table) and i.id == NEXT_YEAR]
    shown = found and not found[0].suppressed
    figure = deficit_figure(p, lang, found[0], dataset) if shown else None
    if figure is None:
        return list(items)
    return [figure, *(i for i in items if i is not found[0])]


def producers_page(
    pages: Pages, request: Request, dataset: str, cut: float | None, scenario: int | None = None
) -> HTMLResponse:
    """The section of the report; its stress test cut by ``cut`` percent and next year
    also under the saved ``scenario`` when given."""
    lang = language(request)
    p = (
        _with_scenario(pages, dataset, scenario)
        if scenario is not None
        else pages.catalog.producers(dataset)
    )
    a = pages.catalog.analysis(dataset)
    if cut is not None:
        p = with_cut(p, cut)
    region = pages.catalog.region(dataset)
    section = producer_section(p, lang, region.area_names(lang))
    shown = Report(lang, "", "", [section])
    translate(shown, source_texts(pages.catalog.rules, region, lang))  # as the report says it
    protect(shown, int(a.assumptions.number("disclosure.min_count")))
    items = _deficit_first(p, lang, section.items, dataset)
    return pages.render(
        request,
        "items.html.j2",
        "producers",
        ui("producers", lang),
        dataset=dataset,
        items=items,
        paragraphs=section.paragraphs,
        stress_cut=p.cut_pct,
        saved=pages.store.scenarios(),
        chosen=scenario,
    )
