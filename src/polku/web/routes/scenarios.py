"""Saved scenarios: the list, one scenario in the builder, delete, duplicate, compare."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from polku.simulation.runner import Settings

from ..api.models import LANG_PATTERN, Id
from ..deps import PagesDep, StoreDep
from ..forms import form_of
from ..pages import language
from ..service import MAX_COMPARE_REPLICATIONS
from ..texts import ui

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
FormLang = Annotated[str, Form(pattern=LANG_PATTERN)]


@router.get("/scenarios")
def scenarios(
    request: Request,
    pages: PagesDep,
    store: StoreDep,
    done: Literal["deleted", ""] = "",
) -> HTMLResponse:
    """The saved scenarios; ``done=deleted`` after a delete says so (a fixed text: the
    status box never shows what the address carries)."""
    lang = language(request)
    message = ui("deleted", lang) if done == "deleted" else ""
    return pages.render(
        request,
        "scenarios.html.j2",
        "scenarios",
        ui("scenarios", lang),
        rows=store.scenarios(),
        message=message,
    )


@router.get("/scenarios/{scenario_id}")
def scenario(
    request: Request, pages: PagesDep, store: StoreDep, scenario_id: Id, saved: int = 0
) -> HTMLResponse:
    """A saved scenario opened in the builder."""
    lang = language(request)
    row = store.scenario(scenario_id)
    form = form_of(row.changes, name=row.name, description=row.description, dataset=row.dataset)
    title = f"{ui('scenario', lang)}: {row.name}" + (f" · {ui('saved', lang)}" if saved else "")
    return pages.builder(request, form, scenario_id=row.id, version=row.version, title=title)


@router.post("/scenarios/{scenario_id}/delete")
def delete(
    request: Request, store: StoreDep, scenario_id: Id, lang: FormLang = "fi"
) -> RedirectResponse:
    request.state.lang = lang
    store.delete_scenario(scenario_id)
    return RedirectResponse(f"/scenarios?lang={language(request)}&done=deleted", status_code=303)


@router.post("/scenarios/{scenario_id}/duplicate")
def duplicate(
    request: Request, store: StoreDep, scenario_id: Id, lang: FormLang = "fi"
) -> RedirectResponse:
    request.state.lang = lang
    copy = store.duplicate_scenario(scenario_id)
    return RedirectResponse(f"/scenarios/{copy.id}?lang={language(request)}", status_code=303)


@router.get("/compare")
def compare(request: Request, pages: PagesDep, store: StoreDep) -> HTMLResponse:
    """The form: two saved scenarios (or the baseline and one)."""
    lang = language(request)
    return pages.render(
        request,
        "compare.html.j2",
        "compare",
        ui("compare", lang),
        rows=store.scenarios(),
        first=None,
        second=None,
    )


@router.get("/fragments/compare")
def compare_result(
    request: Request,
    pages: PagesDep,
    store: StoreDep,
    second: Annotated[int, Query(ge=1, le=2**31 - 1)],
    first: Annotated[str, Query(pattern=r"^[0-9]{0,9}$")] = "",
    mode: Literal["expected", "stochastic"] = "expected",
    replications: Annotated[int, Query(ge=2, le=MAX_COMPARE_REPLICATIONS)] = 100,
) -> HTMLResponse:
    """Both scenarios run with the same random numbers (``first`` empty: the baseline)."""
    a = store.scenario(int(first)) if first else None
    b = store.scenario(second)
    return pages.compare_result(request, a, b, Settings(mode=mode, replications=replications))
