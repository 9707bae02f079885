"""The dashboard's pages: server-rendered HTML, updated in place with htmx.

Every page takes ``?lang=fi|en`` (remembered in a cookie) and links to itself in the
other language. Charts and tables come from the report's own sections, so a figure
on the page and in the report are the same numbers with the same sources.
"""

from __future__ import annotations

from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from polku import __version__
from polku.catalogue import language_name
from polku.errors import FindingsError, PolkuError
from polku.i18n import LANGS, Lang, fmt_number
from polku.model.region import Region
from polku.model.terms import unit as unit_words
from polku.report import build_report
from polku.report.cba import cba_report_table
from polku.report.cba import word as cba_word
from polku.report.context import Figure, Report, Table, sources_of
from polku.report.quotes import quoted
from polku.report.translate import sayer, source_texts
from polku.simulation.network import PRIORITIES
from polku.simulation.runner import Settings
from polku.simulation.scenario import MAX_PLACES

from .charts import cba_chart, compare_chart, model_run, run_charts
from .forms import BUILD_MEASURES, FIELDS, Problems
from .service import DEFAULT_DATASET, Catalog, Runner
from .store import RunRow, ScenarioRow, Store, StoreError
from .texts import ui

NAV = (
    ("overview", "/"),
    ("needs", "/needs"),
    ("effectiveness", "/effectiveness"),
    ("funding", "/funding"),
    ("producers", "/producers"),
    ("price", "/price"),
    ("builder", "/builder"),
    ("scenarios", "/scenarios"),
    ("compare", "/compare"),
    ("optimise", "/optimise"),
    ("bill", "/bill"),
    ("downloads", "/downloads"),
    ("upload", "/upload"),
)
ITEMS = {  # which of the report's tables and figures each page shows
    "needs": ("f_lines", "f_survival", "f_days", "t_base", "f_segments", "f_needs", "t_producers"),
    "effectiveness": ("f_outcomes", "t_bounds"),
    "funding": ("t_municipal", "f_income", "f_price", "t_places"),
}


def _templates() -> Environment:
    folder = resources.files("polku.web") / "templates"
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quoted"] = quoted  # a quoted law's words marked with their language
    return env


def language(request: Request) -> Lang:
    """A posted form's ``lang`` field, then ``?lang=``, then the cookie, then Finnish."""
    asked = (
        getattr(request.state, "lang", None)
        or request.query_params.get("lang")
        or request.cookies.get("polku_lang")
    )
    return asked if asked in LANGS else "fi"


def row(
    label: str, unit: str, first: float, second: float, diff: dict[str, float], lang: Lang
) -> dict[str, str]:
    """One row of a results table: both values, the difference and its p5-p95 band."""
    decimals = 2 if unit in ("share", "months") else 0
    return {
        "label": label,
        "unit": unit_words(unit, lang),
        "first": fmt_number(first, lang, decimals),
        "second": fmt_number(second, lang, decimals),
        "difference": fmt_number(diff.get("mean", 0.0), lang, decimals),
        "band": band(diff, lang, decimals),
    }


def result_rows(
    summary: dict[str, Any], lang: Lang, first: str, second: str
) -> list[dict[str, str]]:
    """Rows of a run's table: each metric for the baseline and the scenario, the
    difference (replication by replication) and its p5-p95 band."""
    scen = summary["scenarios"]
    return [
        row(
            meta["description_fi" if lang == "fi" else "description"],
            meta["unit"],
            scen[first]["metrics"][key]["mean"],
            scen[second]["metrics"][key]["mean"],
            scen[second].get("difference", {}).get(key, {}),
            lang,
        )
        for key, meta in summary["metrics"].items()
        if key in scen[second]["metrics"]
    ]


def compare_rows(out: dict[str, Any], lang: Lang) -> list[dict[str, str]]:
    """Rows of a comparison (:func:`polku.web.service.compare`) in the same form."""
    return [
        row(
            r["fi" if lang == "fi" else "en"],
            r["unit"],
            r["first"],
            r["second"],
            {"mean": r["difference"], "p5": r["p5"], "p95": r["p95"]},
            lang,
        )
        for r in out["rows"]
    ]


def band(diff: dict[str, float], lang: Lang, decimals: int) -> str:
    if not diff:
        return ""
    low, high = fmt_number(diff["p5"], lang, decimals), fmt_number(diff["p95"], lang, decimals)
    return f"{low} to {high}" if lang == "en" else f"{low} … {high}"


class Pages:
    """The HTML routes, bound to a store, catalog and runner."""

    def __init__(self, store: Store, catalog: Catalog, runner: Runner) -> None:
        self.store, self.catalog, self.runner = store, catalog, runner
        self.env = _templates()

    def render(
        self, request: Request, name: str, page: str, title: str, status: int = 200, **data: Any
    ) -> HTMLResponse:
        lang = language(request)
        query = dict(request.query_params)
        others = [  # the language menu: each other language, named in itself
            (code, language_name(code), f"{request.url.path}?{urlencode({**query, 'lang': code})}")
            for code in LANGS
            if code != lang
        ]
        data.setdefault("dataset", DEFAULT_DATASET)
        # a message answering an htmx fragment is swapped into a page: no page around it
        fragment = request.url.path.startswith("/fragments/")
        data.setdefault("layout", "fragment.html.j2" if fragment else "base.html.j2")
        html = self.env.get_template(name).render(
            lang=lang,
            languages=others,
            language_names=[(code, language_name(code)) for code in LANGS],
            t=lambda key: ui(key, lang),
            num=lambda v, d=0: fmt_number(v, lang, d),
            page=page,
            nav=NAV,
            title=title,
            app_version=__version__,
            csrf=getattr(request.state, "csrf", ""),
            keep="" if data["dataset"] == DEFAULT_DATASET else f"&dataset={data['dataset']}",
            **data,
        )
        response = HTMLResponse(html, status_code=status)
        if request.query_params.get("lang") in LANGS or hasattr(request.state, "lang"):
            response.set_cookie("polku_lang", lang, samesite="lax", max_age=365 * 86400)
        return response

    def report(self, dataset: str, lang: Lang) -> Report:
        """The report of ``dataset`` in ``lang`` (made once; pages show its tables)."""
        return self.catalog.memo(
            ("report", dataset, lang),
            lambda: build_report(
                self.catalog.region(dataset),
                lang,
                rules=self.catalog.rules,
                analysis=self.catalog.analysis(dataset),
                producers=self.catalog.producers_if_possible(dataset),
            ),
        )

    def said(self, region: Region, sources: list[str], lang: Lang) -> list[str]:
        """Sources in the reader's language: the rules' and the dataset's translations,
        as the report says them (polku.report.translate)."""
        say = sayer(source_texts(self.catalog.rules, region, lang))
        return [say(s) for s in sources]

    # pages -----------------------------------------------------------------------------

    def overview(self, request: Request, dataset: str) -> HTMLResponse:
        lang = language(request)
        a = self.catalog.analysis(dataset)
        region = self.catalog.region(dataset)

        def fig(key: str, value: float | None, inputs: Any, decimals: int = 0) -> dict[str, Any]:
            sources, estimate = sources_of(inputs)
            sources = self.said(region, sources, lang)
            return {
                "label": ui(key, lang),
                "value": "-" if value is None else fmt_number(value, lang, decimals),
                "sources": sources,
                "estimate": estimate,
            }

        figures = [
            fig("client_base_narrow", a.client_base.narrow, a.client_base.inputs),
            fig("client_base_broad", a.client_base.broad, a.client_base.inputs),
            fig("inflow", a.survival.inflow_per_month, a.survival.inputs),
            fig("municipal", a.municipal_share.reported, a.municipal_share.inputs),
            fig("per_resident", a.municipal_share.per_resident, a.municipal_share.inputs, 2),
            fig("assoc_income", a.funding.income, a.funding.inputs),
            fig("per_client", a.funding.cost_per_client, a.funding.inputs),
            fig("break_even", a.pricing.break_even_per_week, a.pricing.inputs, 2),
        ]
        findings = [
            {"level": f.level.value, "text": f.describe(lang)}
            for f in self.catalog.findings(dataset)
        ]
        return self.render(
            request,
            "overview.html.j2",
            "overview",
            ui("overview", lang),
            dataset=dataset,
            region_title=region.title,
            figures=figures,
            findings=findings,
            sources=[s.title for s in region.sources],
        )

    def items(self, request: Request, page: str, dataset: str) -> HTMLResponse:
        lang = language(request)
        report = self.report(dataset, lang)
        wanted = ITEMS[page]
        found: dict[str, Table | Figure] = {
            item.id: item for s in report.sections for item in s.items
        }
        items = [found[i] for i in wanted if i in found]
        return self.render(
            request,
            "items.html.j2",
            page,
            ui(page, lang),
            dataset=dataset,
            items=items,
            paragraphs=[],
        )

    def price(
        self, request: Request, dataset: str, values: dict[str, float], fragment: bool
    ) -> HTMLResponse:
        from .service import price

        lang = language(request)
        a = self.catalog.analysis(dataset)
        p = price(a, values["per_week"], values["per_day"], values["days"])
        sources, _ = sources_of(a.pricing.inputs)
        sources = self.said(self.catalog.region(dataset), sources, lang)
        data: dict[str, Any] = {"p": p, "sources": sources, "dataset": dataset}
        if fragment:
            return self.render(request, "price_result.html.j2", "price", "", **data)
        return self.render(request, "price.html.j2", "price", ui("price", lang), **data)

    def builder(
        self,
        request: Request,
        form: dict[str, Any],
        *,
        scenario_id: int | None = None,
        version: int | None = None,
        problems: Problems | None = None,
        status: int = 200,
        title: str | None = None,
    ) -> HTMLResponse:
        lang = language(request)
        return self.render(
            request,
            "builder.html.j2",
            "builder",
            title or ui("builder", lang),
            status=status,
            form=form,
            datasets=self.catalog.infos(),
            measures=BUILD_MEASURES,
            priorities=PRIORITIES,
            scenario_id=scenario_id,
            version=version,
            problems=problems,
            max_places=MAX_PLACES,
            dataset=form.get("dataset") or DEFAULT_DATASET,
        )

    def builder_problems(self, request: Request, problems: Problems) -> HTMLResponse:
        """A refused run or save for htmx: the messages swapped in beside their fields
        and above the form (out of band), nothing else replaced (``HX-Reswap: none``)."""
        response = self.render(
            request,
            "builder_problems.html.j2",
            "builder",
            "",
            status=200,  # a step of the page (a 4xx would be logged as a failure)
            problems=problems,
            field_names=FIELDS,
        )
        response.headers["HX-Reswap"] = "none"
        return response

    def run_fragment(self, request: Request, row: RunRow) -> HTMLResponse:
        lang = language(request)
        data: dict[str, Any] = {
            "run": row,
            "run_progress": self.runner.fraction(row.id, row.progress),
            "counted": self.runner.replications_done(row.id),
            "stochastic": row.mode == "stochastic",
        }
        if row.status == "done" and row.summary:
            doc = row.summary
            names = list(doc["scenarios"])
            labels = [(names[0], ui("baseline", lang)), (names[-1], ui("scenario", lang))]
            data["rows"] = result_rows(doc, lang, names[0], names[-1])
            data["changes"] = doc["scenarios"][names[-1]].get(
                "changes_fi" if lang == "fi" else "changes", []
            )
            data["note"] = note(doc, lang)
            data["charts"] = run_charts(doc, lang, labels)
            rules = [(label, doc["scenarios"][key].get("rules_date", "")) for key, label in labels]
            data["model_run"] = model_run(doc, lang, labels[0][1], labels[1][1], rules)
            account = cba_report_table(doc, lang, data["model_run"])
            chart = cba_chart(doc, lang, account) if account is not None else None
            if chart is not None:
                chart["reads"] += " " + cba_word("note", lang)
                data["charts"].append(chart)
        return self.render(request, "run_result.html.j2", "builder", "", **data)

    def compare_result(
        self, request: Request, a: ScenarioRow | None, b: ScenarioRow, settings: Settings
    ) -> HTMLResponse:
        """Two saved scenarios (``a`` None: the baseline) run with the same random numbers."""
        lang = language(request)
        out = self.runner.compare(
            b.dataset, (a.name, a.changes) if a else None, (b.name, b.changes), settings
        )
        summary = {
            "mode": settings.mode,
            "replications": out["replications"],
            "seed": settings.seed,
            "months": settings.months,
            "dataset": b.dataset,
        }
        first = a.name if a else ui("baseline", lang)
        rules = [(first, out["rules"]["first"]), (b.name, out["rules"]["second"])]
        return self.render(
            request,
            "run_result.html.j2",
            "compare",
            "",
            run={"id": 0, "status": "done", "mode": settings.mode},  # answered at once
            run_progress=1.0,
            first_label=first,
            second_label=b.name,
            stochastic=settings.mode == "stochastic",
            rows=compare_rows(out, lang),
            note=note(summary, lang),
            charts=[compare_chart(out, lang, first, b.name)],
            model_run=model_run(summary, lang, first, b.name, rules),
        )


def note(summary: dict[str, Any], lang: Lang) -> str:
    mode = summary["mode"]
    reps = summary["replications"]
    if lang == "fi":
        how = "odotusarvo" if mode == "expected" else f"{reps} toistoa, siemen {summary['seed']}"
        return f"Simulaatio {summary['months']} kuukautta ({how}); aineisto {summary['dataset']}."
    how = (
        "expected values" if mode == "expected" else f"{reps} replications, seed {summary['seed']}"
    )
    return f"Simulation of {summary['months']} months ({how}); dataset {summary['dataset']}."


def describe_error(exc: PolkuError, lang: Lang) -> list[str]:
    """An error as lines a planner can act on."""
    if isinstance(exc, FindingsError):
        return [f.describe(lang) for f in exc.findings]
    if isinstance(exc, StoreError):
        return [exc.text(lang)]
    return [str(exc)]


__all__ = [
    "ITEMS",
    "NAV",
    "Pages",
    "band",
    "compare_rows",
    "describe_error",
    "language",
    "note",
    "result_rows",
]
