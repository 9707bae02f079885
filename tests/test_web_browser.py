"""The dashboard in a real browser: Debian's Chromium driven by Playwright, offline.

A module-scoped uvicorn server runs the app on 127.0.0.1 over a fresh SQLite file. The
tests click through the main flows (language switch, price calculator, scenario
builder, save, compare, downloads, charts), take a full-page screenshot of every page
in both languages, and run axe-core on each of them: no serious or critical WCAG 2.1
A/AA violation is allowed. Requests to any other host are refused and reported.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Route,
    WebError,
    expect,
    sync_playwright,
)

from polku.web.app import create_app
from web_support import BACKENDS, database_url

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE_URL = "/__test__/axe.min.js"  # served by the browser context's route, not the app
AXE = Path(__file__).parent / "assets" / "axe.min.js"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
LANGS = ("fi", "en")
PAGES = (
    "/",
    "/needs",
    "/effectiveness",
    "/funding",
    "/producers",
    "/price",
    "/builder",
    "/scenarios",
    "/scenarios/{id}",
    "/compare",
    "/optimise",
    "/bill",
    "/downloads",
    "/upload",
)
TIMEOUT = 20_000  # ms: one page action or expectation
RUN_TIMEOUT = 120_000  # ms: a simulation run
REHAB_ROW = re.compile(r"^Clients in rehabilitative work$")
ALL_CHARTS_READY = (
    "() => { const charts = [...document.querySelectorAll('.chart')];"
    " return charts.length > 0 && charts.every(c => c.getAttribute('data-ready') === '1'); }"
)
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')), count: v.nodes.length,
  }));
}"""


def artifacts() -> Path:
    """Where the screenshots go (``$POLKU_ARTIFACTS/web``), created if need be."""
    folder = Path(os.environ.get("POLKU_ARTIFACTS", ROOT / "artifacts")) / "web"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def number(text: str, lang: str = "en") -> float:
    """A number as the dashboard prints it: "1,234.5" in English, "1 234,5" in Finnish."""
    raw = text.strip().replace("\u2212", "-").replace(" ", "").replace("\xa0", "")
    raw = raw.replace(",", ".") if lang == "fi" else raw.replace(",", "")
    return float(raw)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


# fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=BACKENDS)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The real app served by uvicorn in a daemon thread, on SQLite and on PostgreSQL
    (web_support); yields its base URL."""
    databases = database_url(request.param, tmp_path_factory.mktemp("web"))
    app: FastAPI = create_app(next(databases))
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="polku-web-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive(), "uvicorn stopped before it started (see the log above)"
        assert time.monotonic() < deadline, "uvicorn did not start within 30 s"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=30)
        app.state.store.engine.dispose()
        next(databases, None)  # empties the PostgreSQL test database again
    assert not thread.is_alive(), "uvicorn did not stop within 30 s"


@pytest.fixture(scope="module")
def pw() -> Iterator[Playwright]:
    assert CHROMIUM.exists(), (
        f"{CHROMIUM} is missing: the browser tests use Debian's Chromium "
        "(.ci/run installs it: apt-get install chromium)"
    )
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(pw: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless; Playwright never downloads a browser here."""
    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
    try:
        yield browser
    finally:
        browser.close()


class Watch:
    """What went wrong in a browser context: requests to any host but the test server
    (refused) and script errors; :meth:`check` fails the test if there were any."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.offsite: list[str] = []
        self.errors: list[str] = []

    def route(self, route: Route) -> None:
        url = route.request.url
        if url == self.base + AXE_URL:  # axe-core, as a same-origin script the CSP allows
            route.fulfill(path=str(AXE), content_type="text/javascript")
        elif url.startswith(self.base + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.offsite.append(url)
            route.abort()

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url', '')})")

    def web_error(self, error: WebError) -> None:
        self.errors.append(str(error.error))

    def check(self) -> None:
        offsite, errors = self.offsite[:], self.errors[:]
        self.offsite.clear()
        self.errors.clear()
        assert not offsite, f"the page tried to reach other hosts: {offsite}"
        assert not errors, f"errors in the page's console: {errors}"


def open_context(browser: Browser, server: str) -> tuple[BrowserContext, Watch]:
    """A fresh browser profile (no language cookie) that may only talk to the server."""
    ctx = browser.new_context(
        base_url=server, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    ctx.set_default_timeout(TIMEOUT)
    watch = Watch(server)
    ctx.route("**/*", watch.route)
    ctx.on("console", watch.console)
    ctx.on("weberror", watch.web_error)
    return ctx, watch


@pytest.fixture
def context(browser: Browser, server: str) -> Iterator[BrowserContext]:
    """A browser profile of the test's own; offsite requests and script errors fail it."""
    ctx, watch = open_context(browser, server)
    try:
        yield ctx
        watch.check()
    finally:
        ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="module")
def shared(browser: Browser, server: str) -> Iterator[tuple[Page, Watch]]:
    """One page for the sweep over every page (a new profile per page is slower)."""
    ctx, watch = open_context(browser, server)
    try:
        yield ctx.new_page(), watch
    finally:
        ctx.close()


@pytest.fixture
def sweep(shared: tuple[Page, Watch]) -> Iterator[Page]:
    """The shared page; offsite requests and script errors during the test fail it."""
    page, watch = shared
    watch.check()  # whatever an earlier test left is its own problem
    yield page
    watch.check()


@pytest.fixture(scope="module")
def scenario_id(pw: Playwright, server: str) -> int:
    """A saved scenario (through the JSON API), for the pages that list or show one."""
    api = pw.request.new_context(base_url=server)
    try:
        response = api.post(
            "/api/scenarios",
            data={
                "name": "a11y-sample",
                "description": "500 more places in rehabilitative work",
                "changes": {"places": {"rehabilitative_work": {"add": 500, "from_month": 1}}},
            },
        )
        assert response.status == 201, response.text()
        sid: int = response.json()["id"]
    finally:
        api.dispose()
    return sid


# helpers -------------------------------------------------------------------------------


def wait_for_charts(page: Page) -> None:
    """Wait until vega-embed has drawn every chart on the page (if it has any)."""
    if page.locator(".chart").count():
        page.wait_for_function(ALL_CHARTS_READY, timeout=30_000)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now."""
    page.add_script_tag(url=AXE_URL)
    violations: list[dict[str, Any]] = page.evaluate(AXE_RUN, WCAG)
    return violations


def assert_accessible(page: Page, where: str) -> None:
    """No serious or critical axe violation; the message lists each one."""
    bad = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    lines = [
        f"- {v['id']} ({v['impact']}): {v['help']}; {v['count']} node(s), e.g. {v['targets']}"
        for v in bad
    ]
    assert not bad, f"axe found serious or critical violations on {where}:\n" + "\n".join(lines)


def screenshot(page: Page, name: str) -> Path:
    path = artifacts() / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000, f"{path} looks empty"
    return path


def result_row(page: Page, label: re.Pattern[str]) -> list[str]:
    """The cells (label first) of the row of ``table#results`` whose header matches."""
    row = page.locator("table#results tbody tr").filter(has=page.locator("th", has_text=label))
    expect(row).to_have_count(1)
    return [c.strip() for c in row.locator("th, td").all_text_contents()]  # in closed details


def column_names(page: Page) -> list[str]:
    return [c.strip() for c in page.locator("table#results thead th").all_text_contents()]


def save_through_builder(page: Page, name: str, description: str) -> int:
    """Fill the builder (500 more rehabilitative places) and save it; returns its id."""
    page.goto("/builder?lang=en")
    page.fill("#add_rehabilitative_work", "500")
    page.fill("#name", name)
    page.fill("#description", description)
    page.click("#save-button")
    page.wait_for_url(re.compile(r"/scenarios/\d+\?"))
    found = re.search(r"/scenarios/(\d+)\?", page.url)
    assert found, page.url
    return int(found.group(1))


# flows ---------------------------------------------------------------------------------


def test_overview_is_finnish_by_default_and_the_switch_is_remembered(
    page: Page, context: BrowserContext
) -> None:
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.locator("h1")).to_have_text("Yleiskuva")
    expect(page.get_by_role("heading", name="Keskeiset luvut")).to_be_visible()
    figures = page.locator("main table").first
    expect(figures.locator("tbody tr")).to_have_count(8)
    expect(figures).to_contain_text("Asiakaspohja, suppea määritelmä")
    narrow = figures.locator("tbody tr").first.locator("td.num")
    assert number(narrow.inner_text().rstrip(" *")) > 0, narrow.inner_text()
    expect(page.locator("a.lang")).to_have_count(2)  # the other languages, in themselves
    expect(page.locator("a.lang[hreflang=sv]")).to_have_text("Svenska")
    switch = page.locator("a.lang[hreflang=en]")
    expect(switch).to_have_text("English")

    switch.click()
    page.wait_for_url(re.compile(r"lang=en"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Overview")
    expect(page.get_by_role("heading", name="Key figures")).to_be_visible()
    expect(page.locator("main table").first).to_contain_text("Client base, narrow definition")
    cookies = {c["name"]: c["value"] for c in context.cookies()}
    assert cookies.get("polku_lang") == "en", cookies

    page.goto("/funding")  # no ?lang=: the cookie decides
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Funding")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Funding")
    expect(page.locator("a.lang[hreflang=fi]")).to_have_text("Suomi")

    page.locator("a.lang[hreflang=sv]").click()  # Swedish: the menu and headings
    page.wait_for_url(re.compile(r"/funding\?lang=sv"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text("Finansiering")
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_contain_text("Översikt")

    page.locator("a.lang[hreflang=fi]").click()
    page.wait_for_url(re.compile(r"/funding\?lang=fi"))
    expect(page.locator("h1")).to_have_text("Rahoitus")
    page.goto("/price")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.locator("h1")).to_have_text("Hintalaskuri")


def test_price_calculator_updates_as_the_inputs_move(page: Page) -> None:
    page.goto("/price?lang=en")
    break_even, net_cost = page.locator("#break-even"), page.locator("#net-cost")
    expect(page.locator("#days-value")).to_have_text("2.5")
    before = break_even.inner_text()
    assert number(before) > 0, before

    days = page.locator("#days")
    days.focus()
    days.press("End")  # the range's maximum, 5 days; fires 'input' like a user's drag
    expect(days).to_have_value("5")
    expect(page.locator("#days-value")).to_have_text("5.0")
    expect(break_even).not_to_have_text(before)
    assert number(break_even.inner_text()) != number(before)

    net_before = net_cost.inner_text()
    page.fill("#per_week", "120")
    expect(net_cost).not_to_have_text(net_before)
    assert number(net_cost.inner_text()) > number(net_before), "a dearer price costs less?"
    # the new numbers are the same as a fresh page with those inputs gives
    shown = break_even.inner_text(), net_cost.inner_text()
    page.goto("/price?lang=en&per_week=120&per_day=10&days=5")
    assert (break_even.inner_text(), net_cost.inner_text()) == shown
    # a decimal price is a price too (the field's step no longer refuses it silently)
    page.fill("#per_week", "25.73")
    expect(net_cost).not_to_have_text(shown[1])
    assert page.locator("#per_week").evaluate("el => el.checkValidity()")
    decimal = net_cost.inner_text()
    page.goto("/price?lang=en&per_week=25.73&per_day=10&days=5")
    assert net_cost.inner_text() == decimal


def test_builder_runs_expected_and_stochastic(page: Page) -> None:
    page.goto("/builder?lang=en")
    page.fill("#add_rehabilitative_work", "500")
    page.check("#mode-expected")
    page.click("#run-button")
    expect(page.locator("table#results")).to_be_attached(timeout=RUN_TIMEOUT)
    names = column_names(page)
    assert names == ["Metric", "Unit", "Baseline", "Scenario", "Difference"], names
    label, unit, base, scen, diff = result_row(page, REHAB_ROW)
    assert unit == "persons"  # a unit a reader writes, not a code
    # the result names what the scenario changed, against today's places
    expect(page.locator("#run-result ul.changes")).to_contain_text("+500 places")
    assert number(diff) > 0, (label, base, scen, diff)
    assert number(scen) - number(base) == pytest.approx(number(diff), abs=1.5)
    expect(page.locator("#run-result p.source").last).to_contain_text("expected values")
    screenshot(page, "builder-expected-en")

    page.check("#mode-stochastic")
    page.fill("#replications", "20")
    page.click("#run-button")
    page.wait_for_selector(
        "#run-result progress, #run-result th:has-text('p5-p95')", timeout=RUN_TIMEOUT
    )
    band_header = page.locator("table#results thead th", has_text="p5-p95")
    expect(band_header).to_be_attached(timeout=RUN_TIMEOUT)
    assert column_names(page)[-1] == "p5-p95"
    *_, diff, band = result_row(page, REHAB_ROW)
    low, high = (number(x) for x in band.split(" to "))
    assert low <= number(diff) <= high, (diff, band)
    assert high > 0, band
    expect(page.locator("#run-result p.source").last).to_contain_text("20 replications")
    screenshot(page, "builder-stochastic-en")


def test_save_a_scenario_and_find_it_in_the_list(page: Page) -> None:
    sid = save_through_builder(page, "proposal-test", "Proposal: 500 rehabilitative places")
    assert f"/scenarios/{sid}?lang=en" in page.url
    expect(page.locator("h1")).to_contain_text("proposal-test")
    expect(page.locator("h1")).to_contain_text("Saved.")
    expect(page.locator("#name")).to_have_value("proposal-test")
    expect(page.locator("#description")).to_have_value("Proposal: 500 rehabilitative places")
    expect(page.locator("#add_rehabilitative_work")).to_have_value("500")
    expect(page.locator("input[name=scenario_id]")).to_have_value(str(sid))

    page.goto("/scenarios?lang=en")
    link = page.get_by_role("link", name="proposal-test", exact=True)
    expect(link).to_have_attribute("href", f"/scenarios/{sid}?lang=en")
    row = page.locator("tbody tr").filter(has=link)
    expect(row).to_contain_text("Proposal: 500 rehabilitative places")
    expect(row.get_by_role("button", name="Delete proposal-test")).to_be_visible()


def test_compare_the_baseline_with_a_saved_scenario(page: Page) -> None:
    sid = save_through_builder(page, "compare-plus-500", "for the comparison")
    page.goto("/compare?lang=en")
    page.select_option("#first", label="Baseline")
    page.select_option("#second", label="compare-plus-500")
    expect(page.locator("#second")).to_have_value(str(sid))
    page.click("#compare-button")
    expect(page.locator("table#results")).to_be_attached(timeout=RUN_TIMEOUT)
    # the columns name what is compared
    assert column_names(page) == [
        "Metric",
        "Unit",
        "Baseline",
        "compare-plus-500",
        "Difference",
    ]
    *_, diff = result_row(page, REHAB_ROW)
    assert number(diff) > 0, diff
    screenshot(page, "compare-result-en")


def test_downloads_give_the_report_and_the_workbook(page: Page, tmp_path: Path) -> None:
    page.goto("/downloads?lang=en")
    expect(page.locator("#dl-lang")).to_have_value("en")

    with page.expect_download(timeout=60_000) as html_download:
        page.click("#download-html")
    html = html_download.value
    assert html.failure() is None, html.failure()
    assert html.suggested_filename == "polku-south-karelia-2017-en.html"
    html_path = tmp_path / html.suggested_filename
    html.save_as(html_path)
    text = html_path.read_text(encoding="utf-8")
    assert "<html" in text.lower()
    assert '<html lang="en"' in text

    with page.expect_download(timeout=60_000) as xlsx_download:
        page.click("#download-xlsx")
    xlsx = xlsx_download.value
    assert xlsx.failure() is None, xlsx.failure()
    assert xlsx.suggested_filename == "polku-south-karelia-2017-en.xlsx"
    xlsx_path = tmp_path / xlsx.suggested_filename
    xlsx.save_as(xlsx_path)
    data = xlsx_path.read_bytes()
    assert data.startswith(b"PK"), data[:16]
    assert len(data) > 2_000


def test_charts_are_drawn_offline_by_the_vendored_scripts(page: Page) -> None:
    page.goto("/needs?lang=en")
    charts = page.locator(".chart")
    count = charts.count()
    assert count >= 3, f"only {count} charts on /needs"
    page.wait_for_function(ALL_CHARTS_READY, timeout=30_000)
    for i in range(count):
        chart = charts.nth(i)
        expect(chart).to_have_attribute("data-ready", "1")
        marks = chart.locator("svg.marks")
        expect(marks).to_have_count(1)
        expect(marks.locator("path, rect, line, circle").first).to_be_attached()
        spec = json.loads(chart.get_attribute("data-spec") or "{}")
        assert spec.get("mark") or spec.get("layer") or spec.get("concat"), spec.keys()
    box = charts.first.bounding_box()
    assert box is not None
    assert box["width"] > 300, box
    assert box["height"] > 100, box


# every page, both languages: screenshot and axe ---------------------------------------


@pytest.mark.parametrize("lang", [*LANGS, "sv"])  # Swedish: the menu and headings
@pytest.mark.parametrize("path", PAGES)
def test_page_screenshot_and_accessibility(
    sweep: Page, path: str, lang: str, scenario_id: int
) -> None:
    page = sweep
    response = page.goto(f"{path.format(id=scenario_id)}?lang={lang}")
    assert response is not None
    assert response.status == 200, f"{path}: {response.status}"
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).not_to_be_empty()
    wait_for_charts(page)
    slug = path.strip("/").replace("/", "-").replace("{id}", "id") or "overview"
    screenshot(page, f"{slug}-{lang}")
    assert_accessible(page, f"{path} ({lang})")


@pytest.mark.parametrize("lang", LANGS)
def test_builder_with_a_result_is_accessible(sweep: Page, lang: str) -> None:
    page = sweep
    page.goto(f"/builder?lang={lang}")
    page.fill("#add_rehabilitative_work", "500")
    page.click("#run-button")
    expect(page.locator("table#results")).to_be_attached(timeout=RUN_TIMEOUT)
    expect(page.locator("#results-h")).to_have_text("Results" if lang == "en" else "Tulokset")
    screenshot(page, f"builder-result-{lang}")
    assert_accessible(page, f"/builder with a result ({lang})")


# results as pictures: chart first, the table one click away, a source line ------------

AXE_RESULTS: dict[str, list[dict[str, Any]]] = {}  # page (language) -> axe's violations


def record_axe(page: Page, where: str) -> None:
    """No WCAG 2.1 A/AA violation of any impact; every page's result is written to
    ``axe-results.json`` beside the screenshots."""
    found = axe_violations(page)
    AXE_RESULTS[where] = found
    (artifacts() / "axe-results.json").write_text(
        json.dumps(AXE_RESULTS, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    lines = [f"- {v['id']} ({v['impact']}): {v['help']}; e.g. {v['targets']}" for v in found]
    assert not found, f"axe found violations on {where}:\n" + "\n".join(lines)


def assert_charts_drawn(page: Page, scope: str) -> int:
    """Every chart in ``scope`` is drawn (an svg with role img and a label, data-ready=1)
    and every table in it sits in a closed <details>; returns the number of charts."""
    charts = page.locator(f"{scope} .chart")
    count = charts.count()
    assert count >= 1, f"no chart in {scope}"
    page.wait_for_function(ALL_CHARTS_READY, timeout=30_000)
    for i in range(count):
        chart = charts.nth(i)
        expect(chart).to_have_attribute("data-ready", "1")
        svg = chart.locator("svg[role=img]")
        expect(svg).to_have_count(1)
        assert (svg.get_attribute("aria-label") or "").strip(), "a chart without a label"
        expect(svg.locator("path, rect, line").first).to_be_attached()
    tables = page.locator(f"{scope} table")
    for i in range(tables.count()):
        table = tables.nth(i)
        inside = table.evaluate("t => !!t.closest('details') && !t.closest('details').open")
        assert inside, f"table {i} of {scope} is not in a closed <details>"
    return count


def chart_comes_first(page: Page, scope: str) -> None:
    """The first chart comes before the first table in the document."""
    before = page.evaluate(
        "(s) => { const root = document.querySelector(s);"
        " const c = root.querySelector('.chart'), t = root.querySelector('table');"
        " return !!(c.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING); }",
        scope,
    )
    assert before, f"in {scope} a table comes before the chart"


@pytest.mark.parametrize("lang", LANGS)
def test_builder_result_is_a_chart_over_time(sweep: Page, lang: str) -> None:
    page = sweep
    page.goto(f"/builder?lang={lang}")
    page.fill("#add_rehabilitative_work", "500")
    page.check("#mode-stochastic")
    page.fill("#replications", "40")
    page.click("#run-button")
    expect(page.locator("#run-result .run[data-status=done]")).to_be_attached(timeout=RUN_TIMEOUT)
    done = "The run is done: the results are below." if lang == "en" else "Laskenta valmistui"
    expect(page.locator("#run-status")).to_contain_text(done)
    expect(page.locator("#run-result")).not_to_have_attribute("aria-busy", "true")
    assert (
        page.locator("[aria-live]").count() == 0
        or page.locator("#run-result [aria-live], #run-result[aria-live]").count() == 0
    ), "the polled results are a live region"
    assert assert_charts_drawn(page, "#run-result") >= 2
    chart_comes_first(page, "#run-result")
    expect(page.locator("#run-result details.results-table table#results")).to_be_attached()
    source = page.locator("#run-result figcaption .source").first
    for part in ("south-karelia-2017", "40", "20170401", "60"):
        expect(source).to_contain_text(part)
    screenshot(page, f"web-builder-chart-{lang}")
    record_axe(page, f"/builder with a result ({lang})")


@pytest.mark.parametrize("lang", LANGS)
def test_compare_result_is_a_chart_by_payer(sweep: Page, lang: str, scenario_id: int) -> None:
    page = sweep
    page.goto(f"/compare?lang={lang}")
    page.select_option("#second", str(scenario_id))
    page.check("#mode-stochastic")
    page.fill("#replications", "200")
    page.click("#compare-button")
    # busy while the comparison runs: button disabled, the form busy, "working…" shown
    expect(page.locator("#compare-button")).to_be_disabled(timeout=2_000)
    expect(page.locator("#compare")).to_have_attribute("aria-busy", "true")
    expect(page.locator("#compare .busy-text")).to_be_visible(timeout=2_000)
    expect(page.locator("#run-result .run[data-status=done]")).to_be_attached(timeout=RUN_TIMEOUT)
    expect(page.locator("#compare-button")).to_be_enabled()
    expect(page.locator("#compare .busy-text")).to_be_hidden()
    assert_charts_drawn(page, "#run-result")
    chart_comes_first(page, "#run-result")
    spec = json.loads(page.locator("#run-result .chart").first.get_attribute("data-spec") or "{}")
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert "errorbar" in marks, marks  # stochastic: p5-p95 whiskers
    payers = [r["payer"] for r in spec["data"]["values"]]
    assert len(payers) == 4, payers
    expect(page.locator("#run-result figcaption .source")).to_contain_text("200")
    screenshot(page, f"web-compare-chart-{lang}")
    record_axe(page, f"/compare with a result ({lang})")


@pytest.mark.parametrize("lang", LANGS)
def test_producers_deficit_risk_is_a_chart(sweep: Page, lang: str, scenario_id: int) -> None:
    page = sweep
    page.goto(f"/producers?lang={lang}&scenario={scenario_id}", timeout=RUN_TIMEOUT)
    scope = 'section[aria-labelledby="f_prod_deficit-h"]'
    expect(page.locator(scope)).to_be_attached()
    first = page.locator("main section").first
    expect(first).to_have_attribute("aria-labelledby", "f_prod_deficit-h")
    assert_charts_drawn(page, scope)
    chart_comes_first(page, scope)
    spec = json.loads(page.locator(f"{scope} .chart").get_attribute("data-spec") or "{}")
    runs = {r["run"] for r in spec["data"]["values"]}
    assert len(runs) == 2, runs  # the baseline and the saved scenario side by side
    screenshot(page, f"web-producers-chart-{lang}")
    record_axe(page, f"/producers with a scenario ({lang})")


BUSY_RECORDER = """() => {
  window.__busy = [];
  document.addEventListener('htmx:beforeSend', (event) => {
    const form = event.detail.elt.closest('form');
    const target = event.detail.target;
    window.__busy.push({
      form: form ? form.id : null,
      disabled: form ? [...form.querySelectorAll('button[type=submit]')].every(b => b.disabled)
                     : null,
      formBusy: form ? form.getAttribute('aria-busy') : null,
      targetBusy: target ? target.getAttribute('aria-busy') : null,
      live: (document.getElementById('run-status') || {}).textContent || '',
    });
  });
}"""


def test_a_run_is_busy_then_announced_once(page: Page) -> None:
    """Starting a run disables its buttons and marks the form and the results busy; the
    live status says "working", then "started" and "done" once each, while the polled
    progress swaps in quietly."""
    page.goto("/builder?lang=en")
    page.evaluate(BUSY_RECORDER)
    page.evaluate(
        "() => { window.__said = []; new MutationObserver(() => window.__said.push("
        "document.getElementById('run-status').textContent)).observe("
        "document.getElementById('run-status'), {childList: true, characterData: true,"
        " subtree: true}); }"
    )
    page.fill("#add_rehabilitative_work", "500")
    page.check("#mode-stochastic")
    page.fill("#replications", "1000")
    page.click("#run-button")
    counted = page.locator("#run-result .run[data-status=running] p", has_text="replications")
    expect(counted).to_be_visible(timeout=RUN_TIMEOUT)  # "Running: 12 % · 240 of 2,000 ..."
    expect(page.locator("#run-result")).to_have_attribute("aria-busy", "true")
    screenshot(page, "web-builder-progress-en")
    expect(page.locator("#run-result .run[data-status=done]")).to_be_attached(timeout=RUN_TIMEOUT)
    busy = page.evaluate("() => window.__busy")
    sent = [b for b in busy if b["form"] == "builder"]
    assert sent, busy
    assert sent[0]["disabled"], sent[0]
    assert sent[0]["formBusy"] == "true", sent[0]
    assert sent[0]["targetBusy"] == "true", sent[0]
    polls = [b for b in busy if b["form"] is None]
    assert all(b["disabled"] is None for b in polls)  # polling makes no form busy
    said = [s for s in page.evaluate("() => window.__said") if s]
    assert said == [
        "Working…",
        "The run has started.",
        "The run is done: the results are below.",
    ], said
    expect(page.locator("#run-button")).to_be_enabled()
    expect(page.locator("#run-result")).not_to_have_attribute("aria-busy", "true")


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_value_is_explained_beside_its_field_and_the_results_stay(
    sweep: Page, lang: str
) -> None:
    page = sweep
    page.goto(f"/builder?lang={lang}")
    page.check("#mode-expected")
    page.fill("#add_rehabilitative_work", "500")
    page.click("#run-button")
    expect(page.locator("table#results")).to_be_attached(timeout=RUN_TIMEOUT)
    wait_for_charts(page)
    before = page.locator("#run-result").text_content()
    # more places removed than the region has: only its network can refute it
    page.fill("#add_pay_subsidy", "-5000")
    page.click("#run-button")
    message = page.locator("#add_pay_subsidy-error")
    expect(message).to_be_visible()
    said = message.inner_text()
    if lang == "fi":
        assert "poistetaan 5000 paikkaa" in said
        assert "places" not in said
    else:
        assert "5000 places removed" in said
        assert "paikkaa" not in said
    expect(page.locator("#add_pay_subsidy")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#add_pay_subsidy")).to_have_value("-5000")  # what was typed stays
    expect(page.locator("#builder-errors")).to_be_visible()
    assert page.locator("#run-result").text_content() == before  # and the last results too
    expect(page.locator("#run-status")).to_have_text(
        "Ei laskettu: tarkista merkityt kentät."
        if lang == "fi"
        else "Not run: check the marked fields."
    )
    screenshot(page, f"builder-field-error-{lang}")
    assert_accessible(page, f"/builder with a refused value ({lang})")
    page.fill("#add_pay_subsidy", "0")  # corrected: the message goes with the next run
    page.click("#run-button")
    expect(page.locator("#add_pay_subsidy-error")).to_be_hidden()
    expect(page.locator("#add_pay_subsidy")).not_to_have_attribute("aria-invalid", "true")


def test_the_sweep_covers_every_page_of_the_menu() -> None:
    from polku.web.pages import NAV

    assert {href for _, href in NAV} <= set(PAGES)  # axe and screenshots on each of them


@pytest.mark.parametrize("lang", LANGS)
def test_optimise_searches_with_progress_and_saves_a_mix(sweep: Page, lang: str) -> None:
    page = sweep
    page.goto(f"/optimise?lang={lang}")
    page.fill("#trials", "48")
    page.fill("#opt-replications", "20")
    page.click("#optimise-button")
    expect(page.locator("#optimise-result .run[data-status=done]")).to_be_attached(
        timeout=RUN_TIMEOUT
    )
    done = "The run is done" if lang == "en" else "Laskenta valmistui"
    expect(page.locator("#optimise-status")).to_contain_text(done)
    assert assert_charts_drawn(page, "#optimise-result") >= 1
    expect(page.locator("#optimise-result ol.mixes li").first).to_be_visible()
    screenshot(page, f"web-optimise-{lang}")
    record_axe(page, f"/optimise with an answer ({lang})")
    name = f"from-optimise-{lang}"
    page.fill("#mix-name-1", name)
    page.click("#save-mix-1")
    page.wait_for_url(re.compile(r"/scenarios/\d+"))
    expect(page.locator("main")).to_contain_text(name)
