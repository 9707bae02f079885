"""Where the next euro goes: start a search, follow it, save a chosen mix."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from ..api.models import LANG_PATTERN, Id, Name
from ..deps import PagesDep, SearchesDep
from ..optimise_jobs import MAX_CONFIRM, MAX_TRIALS
from ..optimise_page import result_data
from ..pages import language
from ..service import DEFAULT_DATASET
from ..texts import ui

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/optimise")
def optimise_page(
    request: Request, pages: PagesDep, dataset: Name = DEFAULT_DATASET
) -> HTMLResponse:
    lang = language(request)
    return pages.render(
        request,
        "optimise.html.j2",
        "optimise",
        ui("optimise", lang),
        dataset=dataset,
        max_trials=MAX_TRIALS,
        max_confirm=MAX_CONFIRM,
    )


@router.post("/fragments/optimise")
def start(
    request: Request,
    pages: PagesDep,
    searches: SearchesDep,
    trials: Annotated[int, Form(ge=24, le=MAX_TRIALS)] = 300,
    seed: Annotated[int, Form(ge=0, le=2**31 - 1)] = 1,
    replications: Annotated[int, Form(ge=10, le=MAX_CONFIRM)] = 200,
    dataset: Annotated[str, Form(max_length=80)] = DEFAULT_DATASET,
    lang: Annotated[str, Form(pattern=LANG_PATTERN)] = "fi",
) -> HTMLResponse:
    """Start a search; answers its first state, which polls for the next."""
    request.state.lang = lang
    job = searches.start(dataset, trials, seed, replications)
    return pages.render(request, "optimise_result.html.j2", "optimise", "", job=job)


@router.get("/fragments/optimise/{job_id}")
def status(request: Request, pages: PagesDep, searches: SearchesDep, job_id: Id) -> HTMLResponse:
    """A search's progress, or its answer when done (polled by htmx)."""
    lang = language(request)
    job = searches.get(job_id)
    if job is None:
        return pages.render(
            request, "message.html.j2", "optimise", "", status=404, message=ui("not_found", lang)
        )
    data = result_data(job, lang) if job.status == "done" else {}
    return pages.render(request, "optimise_result.html.j2", "optimise", "", job=job, **data)
