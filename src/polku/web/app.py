"""The web application: ``create_app(db_url)`` wires store, catalog, runner, pages, API.

Served by ``polku serve`` (uvicorn, 127.0.0.1 by default). Every asset is served from
the package: the app needs no internet.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from polku import __version__
from polku.errors import FindingsError, PolkuError

from .api import findings_detail, router, status_of
from .pages import Pages, describe_error, language
from .routes import page_routes
from .service import MAX_UPLOAD, Catalog, Runner
from .store import Store, open_store
from .texts import ui

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
            await _too_large(send)
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
            await _too_large(send)


class _TooLargeError(Exception):
    pass


async def _too_large(send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": b'{"detail":"request body too large"}'})


def create_app(db_url: str | None = None, store: Store | None = None) -> FastAPI:
    """The dashboard and API over the database at ``db_url`` (migrated on start)."""
    store = store or open_store(db_url)
    catalog = Catalog(store)
    runner = Runner(store, catalog)
    pages = Pages(store, catalog, runner)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.shutdown()
        store.engine.dispose()  # close pooled connections with the app, not at exit

    app = FastAPI(
        title="Polku API",
        version=__version__,
        description="Planning employment services for the hard-to-employ: datasets, "
        "analyses, rules, scenarios and simulation runs. / Työllisyyspalvelujen "
        "suunnittelu: aineistot, analyysit, säännöt, skenaariot ja simulaatiot.",
        lifespan=lifespan,
    )
    app.state.store, app.state.catalog, app.state.runner = store, catalog, runner
    app.add_middleware(BodyLimit)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    static = resources.files("polku.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(router(store, catalog, runner))

    @app.exception_handler(PolkuError)
    async def polku_error(request: Request, exc: PolkuError) -> Response:
        lang = language(request)
        status = status_of(exc)
        if request.url.path.startswith("/api"):
            detail: Any = findings_detail(exc, lang) if isinstance(exc, FindingsError) else str(exc)
            return JSONResponse({"detail": detail}, status_code=status)
        return pages.render(
            request,
            "message.html.j2",
            "",
            ui("not_found" if status == 404 else "problem", lang),
            status=status,
            message="; ".join(describe_error(exc, lang)),
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in exc.errors()
        ]
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": errors}, status_code=422)
        lang = language(request)
        lines = [f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors]
        return pages.render(
            request,
            "message.html.j2",
            "",
            ui("problem", lang),
            status=422,
            message="; ".join(lines),
        )

    page_routes(app, pages)

    return app


__all__ = ["BodyLimit", "create_app"]
