"""The web application: ``create_app(db_url)`` wires store, catalog, runner, pages, API.

Served by ``polku serve`` (uvicorn, 127.0.0.1 by default). Every asset is served from
the package: the app needs no internet.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from polku import __version__
from polku.errors import PolkuError

from .api import error_detail, router, status_of
from .api.reference import reference_page
from .api.shape import ApiErrorShape
from .bill import bill_routes
from .optimise_jobs import OptimiseJobs
from .pages import Pages, describe_error, language
from .routes import page_routes
from .security import Guard, allowed_hosts
from .service import MAX_UPLOAD, Catalog, Runner
from .store import Store, open_store
from .texts import invalid_field, ui

MAX_BODY = MAX_UPLOAD + 64 * 1024  # bytes: an upload and its form fields


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes (413), by header and as they stream."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send, scope["path"])
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLargeError
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLargeError:
            await _too_large(send, scope["path"])


class _TooLargeError(Exception):
    pass


TOO_LARGE_PAGE = (
    '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>413</title></head>'
    "<body><main><h1>Tiedosto on liian suuri</h1><p>Enintään 10 Mt. "
    '<a href="/upload">Takaisin</a></p><p lang="en">The file is too large: at most 10 MB. '
    '<a href="/upload?lang=en">Back</a></p></main></body></html>'
).encode()


TOO_LARGE_JSON = (
    b'{"detail":[{"loc":["body"],"msg":"request body too large: at most '
    + str(MAX_BODY).encode()
    + b' bytes / pyynt\xc3\xb6 on liian suuri","type":"too_large"}]}'
)


async def _too_large(send: Send, path: str) -> None:
    """413: JSON for the API, a short page in both languages for the dashboard."""
    api = path.startswith("/api")
    kind = b"application/json" if api else b"text/html; charset=utf-8"
    body = TOO_LARGE_JSON if api else TOO_LARGE_PAGE
    await send({"type": "http.response.start", "status": 413, "headers": [(b"content-type", kind)]})
    await send({"type": "http.response.body", "body": body})


def _methods(request: Request) -> list[str]:
    """The methods the API answers on ``request``'s path, from its OpenAPI document."""
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        if re.fullmatch(re.sub(r"\{[^}/]+\}", "[^/]+", template), request.url.path):
            methods |= {m.upper() for m in operations}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def create_app(
    db_url: str | None = None,
    store: Store | None = None,
    hosts: Iterable[str] = (),
) -> FastAPI:
    """The dashboard and API over the database at ``db_url`` (migrated on start);
    ``hosts``: names it answers to besides 127.0.0.1, localhost, ::1 and
    ``POLKU_ALLOWED_HOSTS``."""
    store = store or open_store(db_url)
    catalog = Catalog(store)
    runner = Runner(store, catalog)
    pages = Pages(store, catalog, runner)
    searches = OptimiseJobs(catalog)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.shutdown()
        searches.shutdown()
        store.engine.dispose()  # close pooled connections with the app, not at exit

    app = FastAPI(
        title="Polku API",
        version=__version__,
        description="Planning employment services for the hard-to-employ: datasets, "
        "analyses, rules, scenarios and simulation runs. / Työllisyyspalvelujen "
        "suunnittelu: aineistot, analyysit, säännöt, skenaariot ja simulaatiot.",
        lifespan=lifespan,
        docs_url=None,  # served below: a page of the API without scripts (api/reference.py)
        redoc_url=None,
    )
    app.state.store, app.state.catalog, app.state.runner = store, catalog, runner
    app.state.pages, app.state.searches = pages, searches
    app.add_middleware(Guard, hosts=allowed_hosts(hosts))
    app.add_middleware(BodyLimit)  # a body is bounded before it is read
    app.add_middleware(ApiErrorShape)  # outermost: the guard's refusals in the API's shape

    static = resources.files("polku.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(router)

    @app.exception_handler(PolkuError)
    async def polku_error(request: Request, exc: PolkuError) -> Response:
        lang = language(request)
        status = status_of(exc)
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": error_detail(exc, lang)}, status_code=status)
        return pages.render(
            request,
            "message.html.j2",
            "",
            ui("not_found" if status == 404 else "problem", lang),
            status=status,
            message="; ".join(describe_error(exc, lang)),
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if not request.url.path.startswith("/api"):
            return await http_exception_handler(request, exc)
        detail: Any = exc.detail
        if not isinstance(detail, list):
            detail = [{"loc": ["path"], "msg": str(detail), "type": f"http_{exc.status_code}"}]
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every method of the path, not only the first route's
            headers["Allow"] = ", ".join(_methods(request))
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in exc.errors()
        ]
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": errors}, status_code=422)
        lang = language(request)
        lines = [
            invalid_field(
                ".".join(map(str, e.get("loc", ())[1:])),
                str(e.get("type", "")),
                dict(e.get("ctx") or {}),
                e.get("input", ""),
                lang,
            )
            for e in exc.errors()
        ]
        if request.url.path.startswith("/fragments/"):  # swapped into a page by htmx
            return pages.render(request, "problem.html.j2", "", "", status=422, lines=lines)
        return pages.render(
            request,
            "message.html.j2",
            "",
            ui("problem", lang),
            status=422,
            message="; ".join(lines),
        )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """The API reference, one accessible page made from the OpenAPI document."""
        return HTMLResponse(reference_page(app.openapi()))

    page_routes(app, pages)
    bill_routes(app, pages)

    return app


__all__ = ["BodyLimit", "create_app"]
