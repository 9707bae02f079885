"""The dashboard page of the producers' funding base: the stress test's cut, and next
year under a saved scenario."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from polku.producers.run import ProducerAnalysis, analyse_producers, with_cut
from polku.report.context import Report
from polku.report.producers import producers as producer_section
from polku.report.protect import protect

from .pages import Pages, language
from .service import scenario_of
from .texts import ui


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
    protect(Report(lang, "", "", [section]), int(a.assumptions.number("disclosure.min_count")))
    return pages.render(
        request,
        "items.html.j2",
        "producers",
        ui("producers", lang),
        dataset=dataset,
        items=section.items,
        paragraphs=section.paragraphs,
        stress_cut=p.cut_pct,
        saved=pages.store.scenarios(),
        chosen=scenario,
    )
