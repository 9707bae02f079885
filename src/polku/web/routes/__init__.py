"""The dashboard's HTML routes, one module-level router per page group.

``views``: the survey's pages and the price calculator; ``builder``: the scenario
builder, its runs and saving; ``scenarios``: saved scenarios and comparing them;
``optimise``: the search for the best mixes; ``datasets``: downloads and uploads. Each
route is a short function of its inputs with the store, catalog, runner and page
renderer as dependencies (:mod:`polku.web.deps`).
"""

from __future__ import annotations

from fastapi import FastAPI

from . import builder, datasets, optimise, scenarios, views

ROUTERS = (views.router, builder.router, scenarios.router, datasets.router, optimise.router)


def page_routes(app: FastAPI, _pages: object = None) -> None:
    """Add the HTML routes to ``app``."""
    for router in ROUTERS:
        app.include_router(router)


__all__ = ["ROUTERS", "page_routes"]
