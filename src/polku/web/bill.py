"""The dashboard's bill page: upload Kela's municipal-share CSV, see the forecast.

``GET /bill`` shows the form; ``POST /bill`` reads the file as ``polku bill --history``
does (the same checks, every problem with its row and column), forecasts the months
after it with bands, back-tests on its first half, and shows report section 7.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, FastAPI, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from polku.bill.backtest import outlook
from polku.bill.history import municipality_names, parse_history
from polku.errors import BillError, PolkuError
from polku.findings import Finding, Level
from polku.i18n import Lang
from polku.report.bill import BillPart, bill_section

from .deps import PagesDep
from .pages import Pages, describe_error, language
from .service import MAX_UPLOAD
from .texts import ui

MONTHS = 12


def _part(name: str, content: bytes, months: int, pages: Pages) -> BillPart:
    if len(content) > MAX_UPLOAD:
        raise BillError(
            [
                Finding(
                    Level.ERROR, "upload_size", file=name, params={"expected": f"≤ {MAX_UPLOAD} B"}
                )
            ]
        )
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BillError(
            [Finding(Level.ERROR, "bill_encoding", file=name, params={"byte": str(exc.start)})]
        ) from exc
    history = parse_history(text, name)
    result, test = outlook(history, pages.catalog.rules, months)
    return BillPart(history, result, test)


router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def bill_routes(app: FastAPI, _pages: object = None) -> None:
    """Add ``/bill`` to ``app``."""
    app.include_router(router)


@router.get("/bill")
def bill_page(request: Request, pages: PagesDep) -> HTMLResponse:
    lang = language(request)
    return pages.render(request, "bill.html.j2", "bill", ui("bill", lang), items=[])


@router.post("/bill")
async def bill_upload(
    request: Request,
    pages: PagesDep,
    file: Annotated[UploadFile, Form()],
    lang: Annotated[Lang, Form()] = "fi",
    months: Annotated[int, Form(ge=1, le=36)] = MONTHS,
) -> HTMLResponse:
    """Read Kela's file, forecast the months after it and show report section 7."""
    request.state.lang = lang
    content = await file.read(MAX_UPLOAD + 1)
    try:
        part = _part(file.filename or "upload.csv", content, months, pages)
    except PolkuError as exc:
        return pages.render(
            request,
            "bill.html.j2",
            "bill",
            ui("bill", lang),
            status=422,
            items=[],
            errors=describe_error(exc, lang),
        )
    section = bill_section(part, lang, municipality_names(part.history))
    return pages.render(
        request,
        "bill.html.j2",
        "bill",
        ui("bill", lang),
        items=section.items,
        paragraphs=section.paragraphs,
        months=months,
    )
