"""The dashboard page of the producers' funding base, with the stress test's cut."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from polku.producers.run import with_cut
from polku.report.context import Report
from polku.report.producers import producers as producer_section
from polku.report.protect import protect

from .pages import Pages, language
from .texts import ui


def producers_page(pages: Pages, request: Request, dataset: str, cut: float | None) -> HTMLResponse:
    """The section of the report, its stress test cut by ``cut`` percent when given."""
    lang = language(request)
    p = pages.catalog.producers(dataset)
    a = pages.catalog.analysis(dataset)
    if cut is not None:
        p = with_cut(p, cut, a.assumptions.number("producers.cost_adjustment_pct"))
    region = pages.catalog.region(dataset)
    names = {x.code: x.name_fi if lang == "fi" else x.name_en for x in region.areas}
    section = producer_section(p, lang, names)
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
    )
