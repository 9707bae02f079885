"""The scenario builder: the form, its runs (htmx fragments) and saving a scenario.

Forms post plain fields; scenario changes are built from them
(:func:`polku.web.forms.changes_of`) and go through the same checks as a scenario
file. A save that fails re-renders the form with every problem listed; nothing is
saved half.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from polku.errors import PolkuError, ScenarioError
from polku.findings import Finding, Level
from polku.i18n import LANGS
from polku.simulation.scenario import check_places

from ..api import SCENARIO_NAME, Id
from ..deps import CatalogDep, PagesDep, RunnerDep, StoreDep
from ..forms import bounded_int, changes_of, form_of, problems
from ..pages import describe_error, language
from ..service import DEFAULT_DATASET, MAX_REPLICATIONS, scenario_of
from ..texts import ui

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
_NAME = re.compile(SCENARIO_NAME)
MAX_ID = 2**31 - 1


async def _form(request: Request) -> dict[str, str]:
    """The posted fields as text; a valid ``lang`` field sets the answer's language."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    if form.get("lang") in LANGS:
        request.state.lang = form["lang"]
    return form


@router.get("/builder")
def builder(request: Request, pages: PagesDep) -> HTMLResponse:
    return pages.builder(request, form_of({}))  # empty: the baseline, nothing changed


@router.post("/fragments/run")
async def run(request: Request, pages: PagesDep, runner: RunnerDep, store: StoreDep) -> Response:
    """Start a run of the form's changes against the baseline; answers its first state."""
    form = await _form(request)
    try:
        # stochastic unless asked otherwise: a scenario's figures come with their bands
        mode = "expected" if form.get("mode") == "expected" else "stochastic"
        run_id = runner.start(
            form.get("dataset") or DEFAULT_DATASET,
            changes_of(form),
            mode=mode,
            replications=bounded_int(form.get("replications"), 500, 2, MAX_REPLICATIONS),
        )
    except PolkuError as exc:  # beside the fields; what was typed and the results stay
        lang = language(request)
        found = problems(exc, lang, describe_error(exc, lang))
        if request.headers.get("HX-Request"):
            return pages.builder_problems(request, found)
        return pages.render(
            request, "problem.html.j2", "builder", "", status=422, lines=found.lines
        )
    return pages.run_fragment(request, store.run(run_id))


@router.get("/fragments/runs/{run_id}")
def run_status(request: Request, pages: PagesDep, store: StoreDep, run_id: Id) -> HTMLResponse:
    """A run's progress, or its results when done (polled by htmx)."""
    return pages.run_fragment(request, store.run(run_id))


@router.post("/scenarios/save")
async def save(request: Request, pages: PagesDep, catalog: CatalogDep, store: StoreDep) -> Response:
    """Save the form as a new scenario, or as the next version of ``scenario_id``."""
    form = await _form(request)
    lang = language(request)
    changes = changes_of(form)
    name = form.get("name", "").strip()
    fields: dict[str, Any] = {
        "name": name,
        "title": name,
        "description": form.get("description", "")[:4000],
        "dataset": form.get("dataset") or DEFAULT_DATASET,
        "changes": changes,
    }
    sid = bounded_int(form.get("scenario_id"), 0, 0, MAX_ID) or None
    version = bounded_int(form.get("version"), 1, 1, MAX_ID)
    try:
        _check_name(name)
        catalog.region(str(fields["dataset"]))
        check_places(scenario_of(name, changes), catalog.calibration(fields["dataset"]).network)
        row = store.update_scenario(sid, version, **fields) if sid else store.add_scenario(**fields)
    except PolkuError as exc:
        found = problems(exc, lang, describe_error(exc, lang))
        if request.headers.get("HX-Request"):  # the page stays as it is, messages added
            return pages.builder_problems(request, found)
        kept = ("name", "description", "dataset", "mode", "replications")
        typed = {k: form[k] for k in kept if k in form}
        return pages.builder(
            request,
            form_of(changes, **typed),
            scenario_id=sid,
            version=version if sid else None,
            problems=found,
            status=422,
        )
    target = f"/scenarios/{row.id}?lang={lang}&saved=1"
    if request.headers.get("HX-Request"):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def _check_name(name: str) -> None:
    if name and len(name) <= 80 and _NAME.match(name):
        return
    expected = {"expected": ui("name", "en"), "expected_fi": ui("name", "fi")}
    finding = Finding(Level.ERROR, "scenario_value", column="name", found=name, params=expected)
    raise ScenarioError([finding])
