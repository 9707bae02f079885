"""Downloads: the report as HTML and its tables as an Excel workbook."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from polku.i18n import Lang

from ..deps import CatalogDep, StoreDep
from ..service import Catalog, report_files
from ..store import Store
from .errors import COMMON, NOT_FOUND
from .models import SK, LangParam, Name, ScenarioIds

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
router = APIRouter(prefix="/files", tags=["files"], responses={**COMMON, **NOT_FOUND})


def _download(
    store: Store, catalog: Catalog, dataset: str, lang: Lang, ids: list[int], kind: str
) -> Response:
    rows = [store.scenario(i) for i in ids]
    changes: list[tuple[str, dict[str, Any]]] = [(r.name, r.changes) for r in rows]
    html, xlsx = report_files(catalog, dataset, lang, changes)
    name = {"Content-Disposition": f'attachment; filename="polku-{dataset}-{lang}.{kind}"'}
    if kind == "html":
        return Response(html, media_type="text/html; charset=utf-8", headers=name)
    return Response(xlsx, media_type=XLSX_TYPE, headers=name)


@router.get(
    "/report.html",
    response_class=Response,
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}}},
)
def report_html(
    store: StoreDep,
    catalog: CatalogDep,
    dataset: Name = SK,
    lang: LangParam = "fi",
    scenario: ScenarioIds = [],  # noqa: B006
) -> Response:
    """The report (HTML) for a dataset and saved scenarios."""
    return _download(store, catalog, dataset, lang, scenario, "html")


@router.get(
    "/report.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}}}}},
)
def report_xlsx(
    store: StoreDep,
    catalog: CatalogDep,
    dataset: Name = SK,
    lang: LangParam = "fi",
    scenario: ScenarioIds = [],  # noqa: B006
) -> Response:
    """The report's tables as an Excel workbook."""
    return _download(store, catalog, dataset, lang, scenario, "xlsx")
