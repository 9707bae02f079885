"""Pages that show the dataset: overview, needs, effectiveness, funding, producers, price."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..api import Name
from ..deps import PagesDep
from ..producers import producers_page
from ..service import DEFAULT_DATASET

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PerWeek = Annotated[float, Query(ge=0, le=10_000, description="Price, EUR a client-week")]
PerDay = Annotated[float, Query(ge=0, le=1_000, description="Price, EUR a client-day")]
Days = Annotated[float, Query(ge=1, le=5, description="Days a week in the service")]


@router.get("/")
def overview(request: Request, pages: PagesDep, dataset: Name = DEFAULT_DATASET) -> HTMLResponse:
    return pages.overview(request, dataset)


@router.get("/needs")
def needs(request: Request, pages: PagesDep, dataset: Name = DEFAULT_DATASET) -> HTMLResponse:
    return pages.items(request, "needs", dataset)


@router.get("/effectiveness")
def effectiveness(
    request: Request, pages: PagesDep, dataset: Name = DEFAULT_DATASET
) -> HTMLResponse:
    return pages.items(request, "effectiveness", dataset)


@router.get("/funding")
def funding(request: Request, pages: PagesDep, dataset: Name = DEFAULT_DATASET) -> HTMLResponse:
    return pages.items(request, "funding", dataset)


@router.get("/producers")
def producers(
    request: Request,
    pages: PagesDep,
    dataset: Name = DEFAULT_DATASET,
    cut: Annotated[float | None, Query(ge=0, le=100)] = None,
    scenario: Annotated[str, Query(pattern=r"^[0-9]{0,9}$")] = "",
) -> HTMLResponse:
    """The producers' funding base; ``cut``: the stress test's cut, percent;
    ``scenario``: a saved scenario (id; empty: none) shown beside the baseline."""
    chosen = int(scenario) if scenario else None
    return producers_page(pages, request, dataset, cut, chosen or None)


@router.get("/price")
@router.get("/fragments/price")
def price(
    request: Request,
    pages: PagesDep,
    dataset: Name = DEFAULT_DATASET,
    per_week: PerWeek = 35.0,
    per_day: PerDay = 10.0,
    days: Days = 2.5,
) -> HTMLResponse:
    """The price calculator; under /fragments only its result, for htmx."""
    values = {"per_week": per_week, "per_day": per_day, "days": days}
    fragment = request.url.path.startswith("/fragments/")
    return pages.price(request, dataset, values, fragment=fragment)
