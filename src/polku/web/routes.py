"""The dashboard's HTML routes: pages, htmx fragments and form posts.

Forms post plain fields; scenario changes are built from them (:func:`changes_of`) and
go through the same checks as a scenario file. A save that fails re-renders the form
with every problem listed; nothing is saved half.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from polku.errors import PolkuError, ScenarioError
from polku.findings import Finding, Level
from polku.i18n import Lang
from polku.simulation.runner import Settings

from .api import SCENARIO_NAME, Id, Name
from .forms import changes_of, form_of
from .pages import Pages, describe_error, language
from .producers import producers_page
from .service import (
    DEFAULT_DATASET,
    MAX_COMPARE_REPLICATIONS,
    MAX_REPLICATIONS,
    MAX_UPLOAD,
    scenario_of,
)
from .texts import ui

FormLang = Annotated[Literal["fi", "en"], Form()]
_NAME = re.compile(SCENARIO_NAME)


def page_routes(app: FastAPI, pages: Pages) -> None:
    """Add the HTML routes to ``app``."""
    store, catalog, runner = pages.store, pages.catalog, pages.runner

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, dataset: Name = DEFAULT_DATASET) -> HTMLResponse:
        return pages.overview(request, dataset)

    @app.get("/producers", response_class=HTMLResponse, include_in_schema=False)
    def producers(
        request: Request,
        dataset: Name = DEFAULT_DATASET,
        cut: Annotated[float | None, Query(ge=0, le=100)] = None,
        scenario: Annotated[str, Query(pattern=r"^[0-9]{0,9}$")] = "",
    ) -> HTMLResponse:
        """The producers' funding base; ``cut``: the stress test's cut, percent;
        ``scenario``: a saved scenario (id; empty: none) shown beside the baseline."""
        chosen = int(scenario) if scenario else None
        return producers_page(pages, request, dataset, cut, chosen or None)

    for page in ("needs", "effectiveness", "funding"):

        def show(
            request: Request, dataset: Name = DEFAULT_DATASET, page: str = page
        ) -> HTMLResponse:
            return pages.items(request, page, dataset)

        app.add_api_route(f"/{page}", show, methods=["GET"], include_in_schema=False)

    def price_page(
        request: Request,
        dataset: Name = DEFAULT_DATASET,
        per_week: Annotated[float, Query(ge=0, le=10_000)] = 35.0,
        per_day: Annotated[float, Query(ge=0, le=1_000)] = 10.0,
        days: Annotated[float, Query(ge=1, le=5)] = 2.5,
    ) -> HTMLResponse:
        """The calculator, or (under /fragments) only its result for htmx."""
        values = {"per_week": per_week, "per_day": per_day, "days": days}
        fragment = request.url.path.startswith("/fragments/")
        return pages.price(request, dataset, values, fragment=fragment)

    for path in ("/price", "/fragments/price"):
        app.add_api_route(path, price_page, methods=["GET"], include_in_schema=False)

    @app.get("/builder", response_class=HTMLResponse, include_in_schema=False)
    def builder(request: Request) -> HTMLResponse:
        return pages.builder(request, form_of({}))  # empty: the baseline, nothing changed

    @app.post("/fragments/run", response_class=HTMLResponse, include_in_schema=False)
    async def run_fragment(request: Request) -> HTMLResponse:
        form = {k: str(v) for k, v in (await request.form()).items()}
        if form.get("lang") in ("fi", "en"):
            request.state.lang = form["lang"]
        lang = language(request)
        try:
            # stochastic unless asked otherwise: a scenario's figures come with their bands
            mode = "expected" if form.get("mode") == "expected" else "stochastic"
            reps = _int(form.get("replications"), 500, 2, MAX_REPLICATIONS)
            run_id = runner.start(
                form.get("dataset") or DEFAULT_DATASET,
                changes_of(form),
                mode=mode,
                replications=reps,
            )
        except PolkuError as exc:
            return pages.render(
                request,
                "message.html.j2",
                "builder",
                "",
                message="; ".join(describe_error(exc, lang)),
            )
        return pages.run_fragment(request, store.run(run_id))

    @app.get("/fragments/runs/{run_id}", response_class=HTMLResponse, include_in_schema=False)
    def run_status(request: Request, run_id: Id) -> HTMLResponse:
        return pages.run_fragment(request, store.run(run_id))

    @app.post("/scenarios/save", include_in_schema=False)
    async def save(request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        if form.get("lang") in ("fi", "en"):
            request.state.lang = form["lang"]
        lang = language(request)
        changes = changes_of(form)
        name = form.get("name", "").strip()
        fields: dict[str, str | dict[str, Any]] = {
            "name": name,
            "title": name,
            "description": form.get("description", "")[:4000],
            "dataset": form.get("dataset") or DEFAULT_DATASET,
            "changes": changes,
        }
        sid = _int(form.get("scenario_id"), 0, 0, 2**31 - 1) or None
        try:
            if not name or len(name) > 80 or not _NAME.match(name):
                raise ScenarioError(
                    [
                        Finding(
                            Level.ERROR,
                            "scenario_value",
                            column="name",
                            found=name,
                            params={"expected": ui("name", lang)},
                        )
                    ]
                )
            catalog.region(str(fields["dataset"]))
            scenario_of(name, changes)
            if sid:
                row = store.update_scenario(
                    sid, _int(form.get("version"), 1, 1, 2**31 - 1), **fields
                )
            else:
                row = store.add_scenario(**fields)
        except PolkuError as exc:
            response = pages.builder(
                request,
                form_of(
                    changes, **{k: form.get(k, "") for k in ("name", "description", "dataset")}
                ),
                scenario_id=sid,
                version=_int(form.get("version"), 1, 1, 2**31 - 1) if sid else None,
                error=describe_error(exc, lang),
                status=200 if request.headers.get("HX-Request") else 422,
            )
            return response
        target = f"/scenarios/{row.id}?lang={lang}&saved=1"
        if request.headers.get("HX-Request"):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.get("/scenarios", response_class=HTMLResponse, include_in_schema=False)
    def scenarios(request: Request, message: str = "") -> HTMLResponse:
        lang = language(request)
        return pages.render(
            request,
            "scenarios.html.j2",
            "scenarios",
            ui("scenarios", lang),
            rows=store.scenarios(),
            message=message[:200],
        )

    @app.get("/scenarios/{scenario_id}", response_class=HTMLResponse, include_in_schema=False)
    def scenario(request: Request, scenario_id: Id, saved: int = 0) -> HTMLResponse:
        lang = language(request)
        row = store.scenario(scenario_id)
        form = form_of(row.changes, name=row.name, description=row.description, dataset=row.dataset)
        title = f"{ui('scenario', lang)}: {row.name}" + (f" · {ui('saved', lang)}" if saved else "")
        return pages.builder(request, form, scenario_id=row.id, version=row.version, title=title)

    @app.post("/scenarios/{scenario_id}/delete", include_in_schema=False)
    def delete(request: Request, scenario_id: Id, lang: FormLang = "fi") -> RedirectResponse:
        request.state.lang = lang
        store.delete_scenario(scenario_id)
        return RedirectResponse(f"/scenarios?lang={language(request)}", status_code=303)

    @app.post("/scenarios/{scenario_id}/duplicate", include_in_schema=False)
    def duplicate(request: Request, scenario_id: Id, lang: FormLang = "fi") -> RedirectResponse:
        request.state.lang = lang
        copy = store.duplicate_scenario(scenario_id)
        return RedirectResponse(f"/scenarios/{copy.id}?lang={language(request)}", status_code=303)

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare(request: Request) -> HTMLResponse:
        lang = language(request)
        return pages.render(
            request,
            "compare.html.j2",
            "compare",
            ui("compare", lang),
            rows=store.scenarios(),
            first=None,
            second=None,
        )

    @app.get("/fragments/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_fragment(
        request: Request,
        second: Annotated[int, Query(ge=1, le=2**31 - 1)],
        first: str = "",
        mode: str = "expected",
        replications: Annotated[int, Query(ge=2, le=MAX_COMPARE_REPLICATIONS)] = 100,
    ) -> HTMLResponse:
        a = store.scenario(int(first)) if first.isdigit() and len(first) < 10 else None
        b = store.scenario(second)
        settings = Settings(
            mode="stochastic" if mode == "stochastic" else "expected", replications=replications
        )
        return pages.compare_result(request, a, b, settings)

    @app.get("/downloads", response_class=HTMLResponse, include_in_schema=False)
    def downloads(request: Request) -> HTMLResponse:
        lang = language(request)
        return pages.render(
            request,
            "downloads.html.j2",
            "downloads",
            ui("downloads", lang),
            datasets=catalog.infos(),
            rows=store.scenarios(),
        )

    @app.post("/datasets/{name}/delete", include_in_schema=False)
    def delete_dataset(request: Request, name: Name, lang: FormLang = "fi") -> RedirectResponse:
        request.state.lang = lang
        catalog.delete(name)
        return RedirectResponse(f"/upload?lang={lang}", status_code=303)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_page(request: Request) -> HTMLResponse:
        lang = language(request)
        return pages.render(
            request, "upload.html.j2", "upload", ui("upload", lang), datasets=catalog.infos()
        )

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    async def upload(
        request: Request, file: Annotated[UploadFile, Form()], lang: FormLang = "fi"
    ) -> HTMLResponse:
        request.state.lang = lang
        language_: Lang = lang
        content = await file.read(MAX_UPLOAD + 1)
        try:
            region = catalog.upload(file.filename or "upload", content)
        except PolkuError as exc:
            return pages.render(
                request,
                "upload.html.j2",
                "upload",
                ui("upload", language_),
                status=422,
                datasets=catalog.infos(),
                errors=describe_error(exc, language_),
            )
        return pages.render(
            request,
            "upload.html.j2",
            "upload",
            ui("upload", language_),
            datasets=catalog.infos(),
            uploaded=region.name,
        )


def _int(raw: str | None, default: int, low: int, high: int) -> int:
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return default
    return min(max(value, low), high)
