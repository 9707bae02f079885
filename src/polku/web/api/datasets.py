"""Datasets and what is computed from them: analyses, producers, rules and prices."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Response, UploadFile

from polku.analysis import document
from polku.disclosure import protect_records

from ..deps import CatalogDep
from ..service import MAX_UPLOAD, price
from ..store import NotFoundError
from .changes import FIRST_RULES, LAST_RULES, RULES_DATE_SCHEMA
from .errors import COMMON, CONFLICT, NOT_FOUND
from .models import SK, DatasetDetail, DatasetOut, FindingOut, LangParam, Name, PriceOut, RulesOut

router = APIRouter(responses=COMMON)
RulesDate = Annotated[
    dt.date | None,
    Query(
        description=f"A date from {FIRST_RULES} to {LAST_RULES}; default today (or the last)",
        ge=FIRST_RULES,
        le=LAST_RULES,
        json_schema_extra=RULES_DATE_SCHEMA,
    ),
]


@router.get("/datasets", tags=["datasets"])
def list_datasets(catalog: CatalogDep) -> list[DatasetOut]:
    """Embedded and uploaded datasets."""
    return [DatasetOut(**vars(i)) for i in catalog.infos()]


@router.post("/datasets", status_code=201, tags=["datasets"], responses=CONFLICT)
async def upload_dataset(
    catalog: CatalogDep,
    file: Annotated[UploadFile, File(description="A filled template (.xlsx)")],
) -> DatasetOut:
    """Upload a filled Excel template; it is checked like ``polku import``."""
    content = await file.read(MAX_UPLOAD + 1)
    region = catalog.upload(file.filename or "upload", content)
    return DatasetOut(name=region.name, title=region.title, embedded=False)


@router.get("/datasets/{name}", tags=["datasets"], responses=NOT_FOUND)
def get_dataset(catalog: CatalogDep, name: Name, lang: LangParam = "en") -> DatasetDetail:
    """A dataset and the findings of ``polku check`` on it."""
    info = next((i for i in catalog.infos() if i.name == name), None)
    if info is None:
        raise NotFoundError(f"dataset {name!r} not found", f"aineistoa {name!r} ei löydy")
    found = [FindingOut(**f.to_dict(lang)) for f in catalog.findings(name)]
    return DatasetDetail(**vars(info), findings=found)


@router.delete(
    "/datasets/{name}", status_code=204, tags=["datasets"], responses={**NOT_FOUND, **CONFLICT}
)
def delete_dataset(catalog: CatalogDep, name: Name) -> Response:
    """Delete an uploaded dataset (embedded ones stay: 409)."""
    catalog.delete(name)
    return Response(status_code=204)


@router.get("/datasets/{name}/analyses", tags=["analyses"], responses=NOT_FOUND)
def analyses(catalog: CatalogDep, name: Name) -> dict[str, Any]:
    """Every analysis of the survey over the dataset (docs/analysis-json.md)."""
    a = catalog.analysis(name)
    doc = document(a)
    threshold = int(a.assumptions.number("disclosure.min_count"))
    # small counts are not published: hidden with what would give them away
    lines_block, days_block = ("area", "period", "group"), ("area", "period")
    derived = ("share_pct", "change_pct")
    protect_records(doc["service_lines"], "count", derived, threshold, lines_block)
    protect_records(doc["benefit_days"], "recipients", ("share_pct",), threshold, days_block)
    return doc


@router.get("/datasets/{name}/producers", tags=["analyses"], responses=NOT_FOUND)
def producers(
    catalog: CatalogDep, name: Name, cut: Annotated[float | None, Query(ge=0, le=100)] = None
) -> dict[str, Any]:
    """The producers' funding base, S13-S19 (docs/producers.md); ``cut``: the stress
    test's cut of each source, percent (default: the dataset's fall)."""
    from polku.producers.document import document as producer_document
    from polku.producers.run import with_cut

    result = catalog.producers(name)
    if cut is not None:
        result = with_cut(result, cut)
    doc = producer_document(result)
    threshold = int(catalog.analysis(name).assumptions.number("disclosure.min_count"))
    # client counts of small groups and areas are not published (a pooled row would
    # give a hidden one away, so the whole block goes)
    protect_records(doc["pooling"]["groups"], "clients", ("income_cv",), threshold)
    protect_records(doc["areas"]["rows"], "clients", ("income_cv",), threshold)
    return doc


@router.get("/rules", tags=["rules"])
def rules(catalog: CatalogDep, date: RulesDate = None) -> RulesOut:
    """The legislation rules in force on ``date``, with their sources."""
    day = date or min(dt.datetime.now(dt.UTC).date(), LAST_RULES)
    in_force = catalog.rules.at(day)
    values = {
        name: {
            "value": v.value if isinstance(v.value, bool | float) else str(v.value),
            "unit": v.parameter.unit,
            "description": v.parameter.description,
            "description_fi": v.parameter.description_fi,
            "from": v.entry.start,
            "reference": v.entry.reference or v.parameter.reference,
            "verified": v.verified,
        }
        for name, v in in_force.values.items()
    }
    return RulesOut.model_validate({"date": day, "values": values})


@router.get("/price", tags=["analyses"], responses=NOT_FOUND)
def price_calculator(
    catalog: CatalogDep,
    dataset: Name = SK,
    per_week: Annotated[float, Query(ge=0, le=10_000)] = 35.0,
    per_day: Annotated[float, Query(ge=0, le=1_000)] = 10.0,
    days: Annotated[float, Query(ge=1, le=5)] = 3.0,
) -> PriceOut:
    """The organiser's net cost of a client-week at a price, and the break-even."""
    return PriceOut(**price(catalog.analysis(dataset), per_week, per_day, days))
