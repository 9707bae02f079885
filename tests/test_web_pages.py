"""The dashboard's pages and forms over HTTP (the browser tests drive the same pages)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape as html_unescape
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient

from polku.web.app import create_app
from polku.web.forms import changes_of, form_of
from polku.web.pages import NAV
from polku.web.store import Base, open_store
from web_support import BACKENDS, PageClient, database_url, region_workbook

PAGES = [href for _, href in NAV]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_url(request.param, tmp_path)


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url), follow_redirects=False) as c:
        yield PageClient(c)  # type: ignore[misc]


def test_migrations_make_exactly_the_models_tables(db_url: str) -> None:
    store = open_store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    store.engine.dispose()


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_both_languages_with_a_switch(
    client: TestClient, path: str, lang: str
) -> None:
    response = client.get(path, params={"lang": lang})
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{lang}">' in html
    other = "en" if lang == "fi" else "fi"
    assert re.search(rf'class="lang" href="{re.escape(path)}\?lang={other}"', html)
    assert 'aria-current="page"' in html
    assert "<h1>" in html
    # the language is remembered for the next page
    assert response.cookies.get("polku_lang") == lang
    assert f'<html lang="{lang}">' in client.get("/").text


def test_overview_shows_figures_with_sources_and_the_check_findings(client: TestClient) -> None:
    html = client.get("/", params={"lang": "en"}).text
    assert "Client base, narrow definition" in html
    assert "(estimate)" in html  # the client base is an estimate, and says so
    assert "Findings of the data check" in html
    assert "2483" in html or "2 483" in html or "2,483" in html  # the S4 vs S3 mismatch


def test_price_fragment_moves_with_the_inputs(client: TestClient) -> None:
    def break_even(days: float) -> str:
        html = client.get(
            "/fragments/price", params={"days": days, "per_day": 10, "per_week": 35}
        ).text
        found = re.search(r'id="break-even">([^<]+)<', html)
        assert found
        return found.group(1)

    assert break_even(2.5) != break_even(3.5)
    assert client.get("/fragments/price", params={"days": 9}).status_code == 422


def test_builder_runs_saves_opens_duplicates_and_deletes(client: TestClient) -> None:
    form = {
        "lang": "en",
        "dataset": "south-karelia-2017",
        "add_rehabilitative_work": "500",
        "per_week": "35",
        "per_day": "10",
        "mode": "expected",
        "name": "plus-500",
        "description": "the survey's proposal",
    }
    result = client.post("/fragments/run", data=form)
    assert 'id="results"' in result.text
    saved = client.post("/scenarios/save", data=form)
    assert saved.status_code == 303
    target = saved.headers["location"]
    page = client.get(target).text
    assert "plus-500" in page
    assert 'value="500"' in page
    scenario_id = int(re.findall(r"/scenarios/(\d+)", target)[0])
    # editing the opened scenario saves a new version of the same row
    edited = {**form, "scenario_id": str(scenario_id), "version": "1", "per_week": "40"}
    assert client.post("/scenarios/save", data=edited).status_code == 303
    stale = client.post("/scenarios/save", data=edited)
    assert stale.status_code == 422
    assert "version" in stale.text
    copy = client.post(f"/scenarios/{scenario_id}/duplicate", data={"lang": "en"})
    assert copy.status_code == 303
    listing = client.get("/scenarios", params={"lang": "en"}).text
    assert "plus-500-copy" in listing
    client.post(f"/scenarios/{scenario_id}/delete", data={"lang": "en"})
    listing = client.get("/scenarios", params={"lang": "en"}).text
    assert ">plus-500<" not in listing
    assert client.get(f"/scenarios/{scenario_id}").status_code == 404


def test_htmx_save_redirects_in_the_browser(client: TestClient) -> None:
    form = {"name": "via-htmx", "add_rehabilitative_work": "100"}
    response = client.post("/scenarios/save", data=form, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"].startswith("/scenarios/")


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"name": ""}, "Name"),
        ({"name": "a/b"}, "Name"),
        ({"name": "-dash-first"}, "Name"),
        ({"name": "ok", "add_rehabilitative_work": "many"}, "Rehabilitative work activity: "),
        ({"name": "ok", "cut": "150"}, "pay-subsidy income (%): value not allowed"),
        ({"name": "ok", "dataset": "nowhere"}, "nowhere"),
    ],
)
def test_bad_saves_show_every_problem_and_keep_nothing(
    client: TestClient, form: dict[str, str], message: str
) -> None:
    response = client.post("/scenarios/save", data={"lang": "en", **form})
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert message in response.text
    assert client.get("/api/scenarios").json() == []


def test_bad_run_input_is_explained_not_a_crash(client: TestClient) -> None:
    response = client.post("/fragments/run", data={"add_work_trial": "x", "lang": "en"})
    assert response.status_code == 422  # a fragment htmx swaps into the results
    assert "Work trial: value not allowed here (expected: a number; found: x)" in response.text


def test_compare_fragment_against_the_baseline(client: TestClient) -> None:
    client.post("/scenarios/save", data={"name": "plus-500", "add_rehabilitative_work": "500"})
    sid = client.get("/api/scenarios").json()[0]["id"]
    html = client.get("/fragments/compare", params={"second": sid, "lang": "en"}).text
    assert "Difference" in html
    assert "rehabilitative work" in html.lower()
    assert client.get("/fragments/compare", params={"second": 999}).status_code == 404


def test_upload_page_lists_errors_or_keeps_the_dataset(client: TestClient, tmp_path: Path) -> None:
    bad = client.post(
        "/upload", data={"lang": "en"}, files={"file": ("x.txt", b"hello", "text/plain")}
    )
    assert bad.status_code == 422
    assert "xlsx" in bad.text
    good = client.post(
        "/upload",
        data={"lang": "en"},
        files={"file": ("r.xlsx", region_workbook(tmp_path), "application/octet-stream")},
    )
    assert good.status_code == 200
    assert "test-region" in good.text
    assert "test-region" in client.get("/?dataset=test-region").text
    # the menu keeps the dataset from page to page
    needs = client.get("/needs", params={"dataset": "test-region", "lang": "en"}).text
    assert 'href="/funding?lang=en&amp;dataset=test-region"' in needs
    gone = client.post("/datasets/test-region/delete", data={"lang": "en"})
    assert gone.status_code == 303
    assert client.get("/?dataset=test-region").status_code == 404
    kept = client.post("/datasets/south-karelia-2017/delete", data={"lang": "en"})
    assert kept.status_code == 409  # the embedded dataset stays


def test_unknown_pages_and_ids_give_a_page_not_a_trace(client: TestClient) -> None:
    response = client.get("/scenarios/424242", params={"lang": "en"})
    assert response.status_code == 404
    assert "Not found" in response.text
    assert client.get("/scenarios/99999999999999999999").status_code == 422
    assert client.get("/?dataset=../../etc/passwd").status_code == 422


def test_form_and_changes_round_trip() -> None:
    changes = {
        "places": {"rehabilitative_work": {"add": 500, "from_month": 1}},
        "price": {"per_week": 35, "per_day": 10},
        "priority": "segment",
        "funding_cut": {"pay_subsidies": 35},
        "rules_date": "2025-06-01",
    }
    form = {k: str(v) for k, v in form_of(changes).items()}
    assert changes_of(form) == changes


def test_security_headers_and_offline_assets(client: TestClient) -> None:
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    html = client.get("/needs").text
    scripts = re.findall(r'src="([^"]+)"', html)
    assert scripts
    assert all(s.startswith("/static/") for s in scripts)  # nothing from the internet
    for script in scripts:
        assert client.get(script).status_code == 200


def test_api_docs_are_served_from_the_package(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "<script" not in html  # a page of the API, with no scripts to load
    links = re.findall(r"(?:src|href)=['\"]([^'\"]+)", html)
    assert not [link for link in links if link.startswith(("http:", "https:", "//"))]
    for asset in (link for link in links if link.startswith("/static/")):
        assert client.get(asset).status_code == 200


def test_an_oversized_upload_gets_a_page_not_json(client: TestClient) -> None:
    response = client.post(
        "/upload",
        content=b"x" * (11 * 1024 * 1024),
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert response.status_code == 413
    assert "liian suuri" in response.text
    assert "too large" in response.text


def test_bad_fragment_input_is_shown_in_place(client: TestClient) -> None:
    response = client.get("/fragments/price", params={"days": 9, "lang": "en"})
    assert response.status_code == 422
    assert response.text.startswith('<div class="error" role="alert">')
    assert "days" in response.text


def test_running_the_builder_unchanged_reproduces_the_baseline(client: TestClient) -> None:
    html = client.post("/fragments/run", data={"lang": "en", "mode": "expected"}).text
    html = html[html.index('<table id="results">') :]  # the charts' tables come first
    differences = re.findall(r'<td class="num">([^<]*)</td></tr>', html)
    assert len(differences) > 20
    assert set(differences) <= {"0", "0.00"}


def test_cutting_all_places_gives_no_use_share_above_one(client: TestClient) -> None:
    changes = {"places": {"pay_subsidy": {"set": 0, "from_month": 1}}}
    run = client.post("/api/runs", json={"changes": changes, "months": 24}).json()
    use = run["summary"]["scenarios"]["scenario"]["metrics"]["use_pay_subsidy"]["mean"]
    assert 0.0 <= use <= 1.0
    too_many = {"places": {"pay_subsidy": {"add": 1e300}}}
    assert client.post("/api/runs", json={"changes": too_many}).status_code == 422


def test_serve_refuses_a_database_it_cannot_open() -> None:
    from typer.testing import CliRunner

    from polku.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", "nosuch://nowhere"])
    assert result.exit_code == 2
    assert "cannot open the database" in result.output


def test_producers_page_in_both_languages(client: TestClient) -> None:
    fi = client.get("/producers?lang=fi").text
    en = client.get("/producers?lang=en").text
    assert "Stressitesti" in fi
    assert "Tuottajien talous" in fi
    assert "Stress test" in en
    assert "Funding models of rehabilitative work" in en
    assert "block funding" in en
    assert "könttäsumma" in fi


def test_producers_stress_test_takes_the_cut(client: TestClient) -> None:
    page = client.get("/producers?lang=en&cut=50").text
    assert "cut by 50 %" in page
    assert 'name="cut"' in page
    assert client.get("/producers?lang=en&cut=150").status_code == 422


def test_a_dataset_without_a_simulation_still_shows_its_pages(
    client: TestClient, tmp_path: Path
) -> None:
    from dataclasses import replace

    from polku.data.workbook import write_template
    from small_region import small_region

    region = replace(small_region(), name="small-region")
    content = write_template(region, tmp_path / "small.xlsx", "en").read_bytes()
    files = {"file": ("small.xlsx", content, "application/octet-stream")}
    assert client.post("/api/datasets", files=files).status_code == 201
    needs = client.get("/needs?lang=en&dataset=small-region")
    assert needs.status_code == 200
    producers = client.get("/producers?lang=en&dataset=small-region")
    assert "measure_periods.csv" in producers.text
    assert client.get("/api/datasets/small-region/producers").status_code >= 400


def test_producers_next_year_under_a_saved_scenario(client: TestClient) -> None:
    made = client.post(
        "/api/scenarios",
        json={
            "name": "grants-halved",
            "dataset": "south-karelia-2017",
            "changes": {"funding_cut": {"municipal_grants": 50}},
        },
    )
    assert made.status_code == 201, made.text
    scenario_id = made.json()["id"]
    page = client.get(f"/producers?lang=en&scenario={scenario_id}").text
    assert "grants-halved" in page  # in the next-year table and the list to choose from
    assert f'<option value="{scenario_id}" selected>' in page
    assert client.get("/producers?lang=en&scenario=").status_code == 200
    assert client.get("/producers?lang=en&scenario=x").status_code == 422
    assert client.get("/producers?lang=en&scenario=999999").status_code == 404


def test_a_bad_form_value_is_explained_in_the_reader_s_language(client: TestClient) -> None:
    fi = client.get("/producers?lang=fi&cut=150")
    assert fi.status_code == 422
    assert "cut: odotettiin enintään 100, saatiin 150" in fi.text
    en = client.get("/price?lang=en&per_week=abc")
    assert en.status_code == 422
    assert "per_week: expected a number, found abc" in en.text


def test_progress_counts_replications_and_reads_100_only_when_done(db_url: str) -> None:
    """A real stochastic run in the background: the fraction polled while it runs is the
    replications done over all (baseline and scenario), only grows, and is below 1 until
    the run is done."""
    import time

    from polku.simulation.engine import chunk_size
    from polku.web.service import MAX_REPLICATIONS, RUNNING_AT_MOST, Catalog, Runner

    store = open_store(db_url)
    catalog = Catalog(store)
    runner = Runner(store, catalog)
    reps = MAX_REPLICATIONS  # the most a user can ask for: several chunks of replications
    assert reps > 2 * chunk_size(catalog.calibration("south-karelia-2017").network)
    changes = {"places": {"rehabilitative_work": {"add": 200, "from_month": 1}}}
    run_id = runner.start("south-karelia-2017", changes, mode="stochastic", replications=reps)
    samples: list[tuple[str, float, tuple[float, int] | None]] = []
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        row = store.run(run_id)
        counted = runner.replications_done(run_id)
        samples.append((row.status, runner.fraction(run_id, row.progress), counted))
        if row.status not in ("queued", "running"):
            break
        time.sleep(0.02)
    runner.shutdown()
    store.engine.dispose()
    assert samples[-1][0] == "done", samples[-1]
    assert samples[-1][1] == 1.0
    running = [(f, c) for status, f, c in samples if status == "running"]
    fractions = [f for f, _ in running]
    assert len(running) > 10, f"only {len(running)} samples while running"
    assert max(fractions) < 1.0, "100 % shown while the run was still running"
    assert fractions == sorted(fractions), "the progress went back"
    for fraction, counted in running:
        if counted and counted[1]:
            assert counted[1] == 2 * reps  # the baseline's and the scenario's replications
            assert fraction == pytest.approx(min(counted[0] / counted[1], RUNNING_AT_MOST))
    middle = [f for f in fractions if 0.2 < f < 0.8]
    assert middle, f"no sample between 20 % and 80 %: {fractions[:: max(len(fractions) // 20, 1)]}"
    print(  # the measured samples, for the record
        "progress samples:",
        [round(f, 3) for f in fractions[:: max(len(fractions) // 15, 1)]],
        "then",
        samples[-1][:2],
    )


def test_error_fragments_are_not_whole_pages(client: TestClient) -> None:
    """What htmx swaps into the results is a part of a page, never a second page."""
    answers = [
        client.post("/fragments/run", data={"add_work_trial": "x", "lang": "en"}),
        client.post("/fragments/run", data={"dataset": "nowhere", "lang": "en"}),
        client.get("/fragments/price", params={"days": 9, "lang": "en"}),
        client.get("/fragments/compare", params={"second": 999, "lang": "en"}),
    ]
    for response in answers:
        html = response.text
        assert 'role="alert"' in html, (response.status_code, html[:200])
        for whole in ("<html", "<body", "<header", "<nav", "<footer", "<h1"):
            assert whole not in html, (response.request.url, whole)
    assert "<html" in client.get("/scenarios/999", params={"lang": "en"}).text  # a page


def test_a_failed_htmx_save_adds_its_messages_and_replaces_nothing(client: TestClient) -> None:
    page = client.get("/builder", params={"lang": "en"}).text
    button = re.search(r'<button[^>]*id="save-button"[^>]*>', page)
    assert button, "no save button"
    assert 'hx-target="#main"' in button.group(0)
    assert 'hx-select="#main"' in button.group(0)
    assert 'hx-target="body"' not in page
    bad = client.post("/scenarios/save", data={"name": "a/b"}, headers={"HX-Request": "true"})
    assert bad.status_code == 200
    assert bad.headers["HX-Reswap"] == "none"  # nothing replaced: the form keeps what was typed
    assert "<main" not in bad.text
    assert 'id="builder-errors" class="error" role="alert" hx-swap-oob="true"' in bad.text
    assert re.search(r'id="name-error" hx-swap-oob="true">[^<]+</p>', bad.text)  # beside it


def test_one_live_status_and_a_quiet_progress(client: TestClient) -> None:
    """The builder and compare pages have one live status (forms.js sets it at start,
    done and failure); the polled progress is not a live region, and counts replications."""
    for path in ("/builder", "/compare"):
        page = client.get(path, params={"lang": "en"}).text
        assert page.count('role="status"') == 1, path
        assert "aria-live" not in page, path
        assert 'data-live="run-status"' in page
        assert 'class="busy-text"' in page  # "working…" shown while a request is slow
    app = client._client.app  # type: ignore[attr-defined]
    row = app.state.store.add_run(
        dataset="south-karelia-2017",
        changes={},
        mode="stochastic",
        replications=2000,
        seed=1,
        months=60,
        status="running",
    )
    app.state.runner.counts[row.id] = (1234.5, 4000)
    html = client.get(f"/fragments/runs/{row.id}", params={"lang": "en"}).text
    assert "aria-live" not in html
    assert 'role="status"' not in html
    assert 'data-status="running"' in html
    assert "Running: 30 %" in html  # 1234.5 of 4000, rounded down
    assert "1,234 of 4,000 replications" in html
    assert 'value="30"' in html
    app.state.runner.counts[row.id] = (4000.0, 4000)  # the summary is still being made
    assert "Running: 99 %" in client.get(f"/fragments/runs/{row.id}").text
    app.state.runner.counts.pop(row.id)


def _finished(client: TestClient, form: dict[str, str]) -> tuple[str, str]:
    """Start a run from the builder's form and poll it until done: (run id, its page)."""
    import time

    first = client.post("/fragments/run", data=form).text
    run_id = re.findall(r"/fragments/runs/(\d+)", first)[0]
    for _ in range(600):
        html = client.get(f"/fragments/runs/{run_id}", params={"lang": "fi"}).text
        if 'data-status="done"' in html:
            break
        time.sleep(0.1)
    assert 'data-status="done"' in html
    return run_id, html


def test_results_come_as_charts_with_their_tables_and_source(client: TestClient) -> None:
    form = {"lang": "fi", "mode": "stochastic", "replications": "20"}
    form["add_rehabilitative_work"] = "300"
    _, html = _finished(client, form)
    assert html.index('class="chart"') < html.index('<table id="results">')
    assert re.search(r'<details class="results-table"><summary>', html)
    assert "Malliajo: aineisto south-karelia-2017" in html
    assert "stokastinen, 20 toistoa, siemen 20170401" in html
    assert "voimassa olevat säännöt" in html
    spec = json.loads(html_unescape(re.findall(r'data-spec="([^"]+)"', html)[0]))
    assert spec["layer"][0]["mark"]["type"] == "area"  # the p5-p95 band
    series = {r["series"] for r in spec["data"]["values"]}
    assert series == {"Perusura", "Skenaario"}
    months = [r["month"] for r in spec["data"]["values"] if r["series"] == "Perusura"]
    assert months == list(range(1, 61))


def test_a_run_shows_its_cost_benefit_account(client: TestClient) -> None:
    form = {"lang": "fi", "mode": "stochastic", "replications": "20"}
    form["add_rehabilitative_work"] = "300"
    run_id, html = _finished(client, form)
    figure = html[html.index('id="chart-cba-payers"') :]
    assert "Nettonykyarvo maksajittain perusuraan verrattuna" in figure
    assert "Perusura on vertailukohta" in figure  # how to read it
    table = figure[figure.index("<details>") : figure.index("</details>")]
    assert "Hyöty-kustannussuhde" in table  # the account behind the chart
    assert " … " in table  # bands of the 20 replications
    english = client.get(f"/fragments/runs/{run_id}", params={"lang": "en"}).text
    assert "Benefit-cost ratio" in english
