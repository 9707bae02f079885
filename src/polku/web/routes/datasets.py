"""Downloads and uploads: the report files, uploading a filled template, deleting one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from polku.errors import PolkuError

from ..api.models import LANG_PATTERN, Name
from ..deps import CatalogDep, PagesDep, StoreDep
from ..pages import describe_error, language
from ..service import MAX_UPLOAD
from ..texts import ui

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
FormLang = Annotated[str, Form(pattern=LANG_PATTERN)]


@router.get("/downloads")
def downloads(
    request: Request, pages: PagesDep, catalog: CatalogDep, store: StoreDep
) -> HTMLResponse:
    lang = language(request)
    return pages.render(
        request,
        "downloads.html.j2",
        "downloads",
        ui("downloads", lang),
        datasets=catalog.infos(),
        rows=store.scenarios(),
    )


@router.get("/upload")
def upload_page(request: Request, pages: PagesDep, catalog: CatalogDep) -> HTMLResponse:
    lang = language(request)
    return pages.render(
        request, "upload.html.j2", "upload", ui("upload", lang), datasets=catalog.infos()
    )


@router.post("/upload")
async def upload(
    request: Request,
    pages: PagesDep,
    catalog: CatalogDep,
    file: Annotated[UploadFile, Form()],
    lang: FormLang = "fi",
) -> HTMLResponse:
    """Check a filled template and keep it; every problem is listed with its place."""
    request.state.lang = lang
    content = await file.read(MAX_UPLOAD + 1)
    title = ui("upload", lang)
    try:
        region = catalog.upload(file.filename or "upload", content)
    except PolkuError as exc:
        errors = describe_error(exc, lang)
        return pages.render(
            request, "upload.html.j2", "upload", title, status=422,
            datasets=catalog.infos(), errors=errors,
        )  # fmt: skip
    return pages.render(
        request, "upload.html.j2", "upload", title, datasets=catalog.infos(), uploaded=region.name
    )


@router.post("/datasets/{name}/delete")
def delete_dataset(
    request: Request, catalog: CatalogDep, name: Name, lang: FormLang = "fi"
) -> RedirectResponse:
    request.state.lang = lang
    catalog.delete(name)
    return RedirectResponse(f"/upload?lang={lang}", status_code=303)
