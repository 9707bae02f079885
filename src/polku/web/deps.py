"""The web layer's dependencies: one store, catalog, runner and page renderer per app.

``create_app`` puts them on ``app.state``; routes ask for them with ``Depends`` through
the annotated types below, so a route is a plain function of its inputs.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from .optimise_jobs import OptimiseJobs
from .pages import Pages
from .service import Catalog, Runner
from .store import Store


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _catalog(request: Request) -> Catalog:
    catalog: Catalog = request.app.state.catalog
    return catalog


def _runner(request: Request) -> Runner:
    runner: Runner = request.app.state.runner
    return runner


def _pages(request: Request) -> Pages:
    pages: Pages = request.app.state.pages
    return pages


def _searches(request: Request) -> OptimiseJobs:
    searches: OptimiseJobs = request.app.state.searches
    return searches


StoreDep = Annotated[Store, Depends(_store)]
SearchesDep = Annotated[OptimiseJobs, Depends(_searches)]
CatalogDep = Annotated[Catalog, Depends(_catalog)]
RunnerDep = Annotated[Runner, Depends(_runner)]
PagesDep = Annotated[Pages, Depends(_pages)]

__all__ = ["CatalogDep", "PagesDep", "RunnerDep", "SearchesDep", "StoreDep"]
