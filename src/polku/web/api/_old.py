"""The JSON API under ``/api``: datasets, analyses, rules, prices, scenarios, runs, files.

Every input is a typed field checked by pydantic (422 names the field path); scenario
changes go through the same checks as a scenario file (422 lists each finding with its
key path). Nothing a user sends reaches a file path, a shell or SQL text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, HTTPException, Path, Query, Response, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from polku.analysis import document
from polku.data.descriptor import DATASET_NAME
from polku.disclosure import protect_records
from polku.errors import FindingsError, PolkuError
from polku.i18n import Lang
from polku.simulation.runner import Settings

from .service import (
    MAX_COMPARE_REPLICATIONS,
    MAX_REPLICATIONS,
    MAX_UPLOAD,
    Catalog,
    Runner,
    price,
    report_files,
)
from .store import ConflictError, NotFoundError, RunRow, ScenarioRow, Store

Name = Annotated[str, Field(min_length=1, max_length=80, pattern=DATASET_NAME)]
SCENARIO_NAME = r"^[^\W_][\w .-]*$"  # letters of any alphabet (ä, ö), digits, space, - _ .
ScenarioName = Annotated[str, Field(min_length=1, max_length=80, pattern=SCENARIO_NAME)]
Id = Annotated[int, Path(ge=1, le=2**31 - 1, description="A row id")]
ScenarioIds = Annotated[
    list[Annotated[int, Field(ge=1, le=2**31 - 1)]],
    Query(max_length=20, description="Saved scenario ids to include"),
]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LangParam = Annotated[Literal["fi", "en"], Query(description="Language / kieli")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DatasetOut(BaseModel):
    name: str
    title: str
    embedded: bool


class FindingOut(BaseModel):
    level: str
    code: str
    file: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None
    place: str
    what: str
    expected: str
    found: str | float | None = None


class DatasetDetail(DatasetOut):
    findings: list[FindingOut]


class PriceOut(BaseModel):
    per_week: float
    per_day: float
    days_per_week: float
    net_cost_per_week: float
    net_cost_per_place_year: float
    break_even_per_week: float
    compensation_per_day: float
    share_saved_per_day: float
    organiser_cost_per_week: float
    weeks_per_year: float


class ScenarioIn(Strict):
    name: ScenarioName
    title: str = Field("", max_length=400)
    description: str = Field("", max_length=4000)
    dataset: Name = "south-karelia-2017"
    changes: dict[str, Any] = Field(
        default_factory=dict,
        description="Changes to the baseline, as in a scenario file (docs/simulation.md)",
    )


class ScenarioUpdate(ScenarioIn):
    version: int = Field(ge=1, le=2**31 - 1, description="The version this edit started from")


class ScenarioOut(BaseModel):
    id: int
    name: str
    title: str
    description: str
    dataset: str
    changes: dict[str, Any]
    version: int
    created: dt.datetime
    updated: dt.datetime


class RunIn(Strict):
    dataset: Name = "south-karelia-2017"
    scenario_id: int | None = Field(None, ge=1, le=2**31 - 1)
    changes: dict[str, Any] | None = None
    mode: Literal["expected", "stochastic"] = "expected"
    replications: int = Field(200, ge=2, le=MAX_REPLICATIONS)
    seed: int = Field(20170401, ge=0, le=2**31 - 1)
    months: int = Field(60, ge=1, le=120)


class RunOut(BaseModel):
    id: int
    scenario_id: int | None
    dataset: str
    mode: str
    replications: int
    seed: int
    months: int
    status: str
    progress: float
    error: str
    summary: dict[str, Any] | None


class CompareIn(Strict):
    dataset: Name = "south-karelia-2017"
    first: int | None = Field(None, ge=1, le=2**31 - 1, description="Scenario id; none = baseline")
    second: int = Field(ge=1, le=2**31 - 1)
    mode: Literal["expected", "stochastic"] = "expected"
    replications: int = Field(200, ge=2, le=MAX_COMPARE_REPLICATIONS)
    seed: int = Field(20170401, ge=0, le=2**31 - 1)


def _scenario_out(row: ScenarioRow) -> ScenarioOut:
    return ScenarioOut.model_validate(row, from_attributes=True)


def findings_detail(exc: FindingsError, lang: str = "en") -> list[dict[str, Any]]:
    """422 details in FastAPI's shape: the place as ``loc``, the finding as ``msg``."""
    return [
        {
            "loc": ["body", *str(f.column or f.file or "").split(".")],
            "msg": f.describe("fi" if lang == "fi" else "en"),
            "type": f.code,
        }
        for f in exc.findings
    ]


def router(store: Store, catalog: Catalog, runner: Runner) -> APIRouter:
    """The API's routes, bound to one store, catalog and runner."""
    api = APIRouter(prefix="/api")

    def run_out(row: RunRow) -> RunOut:
        out = RunOut.model_validate(row, from_attributes=True)
        out.progress = runner.fraction(row.id, row.progress)
        return out

    @api.get("/datasets", tags=["datasets"])
    def list_datasets() -> list[DatasetOut]:
        """Embedded and uploaded datasets."""
        return [DatasetOut(**vars(i)) for i in catalog.infos()]

    @api.post("/datasets", status_code=201, tags=["datasets"])
    async def upload_dataset(
        file: Annotated[UploadFile, File(description="A filled template (.xlsx)")],
    ) -> DatasetOut:
        """Upload a filled Excel template; it is checked like ``polku import``."""
        content = await file.read(MAX_UPLOAD + 1)
        region = catalog.upload(file.filename or "upload", content)
        return DatasetOut(name=region.name, title=region.title, embedded=False)

    @api.get("/datasets/{name}", tags=["datasets"])
    def get_dataset(name: Name, lang: LangParam = "en") -> DatasetDetail:
        """A dataset and the findings of ``polku check`` on it."""
        info = next((i for i in catalog.infos() if i.name == name), None)
        if info is None:
            raise NotFoundError(f"dataset {name!r} not found", f"aineistoa {name!r} ei löydy")
        found = [FindingOut(**f.to_dict(lang)) for f in catalog.findings(name)]
        return DatasetDetail(**vars(info), findings=found)

    @api.delete("/datasets/{name}", status_code=204, tags=["datasets"])
    def delete_dataset(name: Name) -> Response:
        """Delete an uploaded dataset (embedded ones stay)."""
        catalog.delete(name)
        return Response(status_code=204)

    @api.get("/datasets/{name}/analyses", tags=["analyses"])
    def analyses(name: Name) -> dict[str, Any]:
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

    @api.get("/datasets/{name}/producers", tags=["analyses"])
    def producers(
        name: Name, cut: Annotated[float | None, Query(ge=0, le=100)] = None
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

    @api.get("/rules", tags=["rules"])
    def rules(date: dt.date = Query(default_factory=dt.date.today)) -> dict[str, Any]:  # noqa: B008
        """The legislation rules in force on ``date``, with their sources."""
        if not dt.date(1990, 1, 1) <= date <= dt.date(2100, 12, 31):
            raise HTTPException(422, "date out of range 1990-2100")
        in_force = catalog.rules.at(date)
        return {
            "date": date.isoformat(),
            "values": {
                name: {
                    "value": v.value if isinstance(v.value, bool | float) else str(v.value),
                    "unit": v.parameter.unit,
                    "description": v.parameter.description,
                    "description_fi": v.parameter.description_fi,
                    "from": v.entry.start.isoformat(),
                    "reference": v.entry.reference or v.parameter.reference,
                    "verified": v.verified,
                }
                for name, v in in_force.values.items()
            },
        }

    @api.get("/price", tags=["analyses"])
    def price_calculator(
        dataset: Name = "south-karelia-2017",
        per_week: Annotated[float, Query(ge=0, le=10_000)] = 35.0,
        per_day: Annotated[float, Query(ge=0, le=1_000)] = 10.0,
        days: Annotated[float, Query(ge=1, le=5)] = 3.0,
    ) -> PriceOut:
        """The organiser's net cost of a client-week at a price, and the break-even."""
        return PriceOut(**price(catalog.analysis(dataset), per_week, per_day, days))

    @api.get("/scenarios", tags=["scenarios"])
    def list_scenarios() -> list[ScenarioOut]:
        return [_scenario_out(r) for r in store.scenarios()]

    @api.post("/scenarios", status_code=201, tags=["scenarios"])
    def create_scenario(body: ScenarioIn) -> ScenarioOut:
        """Save a scenario; its changes are checked like a scenario file."""
        _check(body)
        return _scenario_out(store.add_scenario(**body.model_dump()))

    @api.get("/scenarios/{scenario_id}", tags=["scenarios"])
    def get_scenario(scenario_id: Id) -> ScenarioOut:
        return _scenario_out(store.scenario(scenario_id))

    @api.put("/scenarios/{scenario_id}", tags=["scenarios"])
    def update_scenario(scenario_id: Id, body: ScenarioUpdate) -> ScenarioOut:
        """Change a saved scenario; 409 if someone saved a newer version meanwhile."""
        _check(body)
        fields = body.model_dump(exclude={"version"})
        return _scenario_out(store.update_scenario(scenario_id, body.version, **fields))

    @api.delete("/scenarios/{scenario_id}", status_code=204, tags=["scenarios"])
    def delete_scenario(scenario_id: Id) -> Response:
        store.delete_scenario(scenario_id)
        return Response(status_code=204)

    @api.post("/scenarios/{scenario_id}/duplicate", status_code=201, tags=["scenarios"])
    def duplicate_scenario(scenario_id: Id) -> ScenarioOut:
        copy = store.duplicate_scenario(scenario_id)
        return _scenario_out(copy)

    @api.post("/runs", status_code=202, tags=["runs"])
    def start_run(body: RunIn) -> RunOut:
        """Run a saved scenario or given changes against the baseline. Expected mode
        answers at once; stochastic mode runs in the background: poll ``/api/runs/{id}``."""
        changes = body.changes or {}
        if body.scenario_id is not None:
            changes = store.scenario(body.scenario_id).changes
        run_id = runner.start(
            body.dataset,
            changes,
            mode=body.mode,
            replications=body.replications,
            seed=body.seed,
            months=body.months,
            scenario_id=body.scenario_id,
        )
        return run_out(store.run(run_id))

    @api.get("/runs", tags=["runs"])
    def list_runs(limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[RunOut]:
        return [run_out(r) for r in store.runs(limit)]

    @api.get("/runs/{run_id}", tags=["runs"])
    def get_run(run_id: Id) -> RunOut:
        """A run's status, progress (0-1) and, when done, its summary
        (docs/simulation-json.md)."""
        return run_out(store.run(run_id))

    @api.post("/compare", tags=["runs"])
    def compare_scenarios(body: CompareIn) -> dict[str, Any]:
        """Two saved scenarios (or the baseline and one) with the same random numbers:
        each metric for both and the difference with its p5-p95 band."""
        first = store.scenario(body.first) if body.first else None
        second = store.scenario(body.second)
        settings = Settings(mode=body.mode, replications=body.replications, seed=body.seed)
        return runner.compare(
            body.dataset,
            (first.name, first.changes) if first else None,
            (second.name, second.changes),
            settings,
        )

    def download(dataset: str, lang: Lang, ids: list[int], kind: str) -> Response:
        html, xlsx = report_files(catalog, dataset, lang, _changes(ids))
        name = f'attachment; filename="polku-{dataset}-{lang}.{kind}"'
        if kind == "html":
            return Response(
                html, media_type="text/html; charset=utf-8", headers={"Content-Disposition": name}
            )
        return Response(xlsx, media_type=XLSX_TYPE, headers={"Content-Disposition": name})

    @api.get("/files/report.html", tags=["files"], response_class=Response)
    def report_html(
        dataset: Name = "south-karelia-2017",
        lang: LangParam = "fi",
        scenario: ScenarioIds = [],  # noqa: B006
    ) -> Response:
        """The report (HTML) for a dataset and saved scenarios."""
        return download(dataset, lang, scenario, "html")

    @api.get("/files/report.xlsx", tags=["files"], response_class=Response)
    def report_xlsx(
        dataset: Name = "south-karelia-2017",
        lang: LangParam = "fi",
        scenario: ScenarioIds = [],  # noqa: B006
    ) -> Response:
        """The report's tables as an Excel workbook."""
        return download(dataset, lang, scenario, "xlsx")

    def _changes(ids: list[int]) -> list[tuple[str, dict[str, Any]]]:
        rows = [store.scenario(i) for i in ids]
        return [(r.name, r.changes) for r in rows]

    def _check(body: ScenarioIn) -> None:
        from .service import scenario_of

        catalog.region(body.dataset)
        scenario_of(body.name, body.changes)

    return api


def status_of(exc: PolkuError) -> int:
    """The HTTP status of a Polku error."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConflictError):
        return 409
    return 422


__all__ = ["findings_detail", "router", "status_of"]
