"""The JSON API: every route, good and bad input, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from polku import default_region
from polku.analysis import analyse, document
from polku.analysis.pricing import break_even_fixed, net_cost_per_week
from polku.rules import load_rules
from polku.web.app import MAX_BODY, create_app
from web_support import BACKENDS, database_url, region_workbook

SK = "south-karelia-2017"
PROPOSAL = {"places": {"rehabilitative_work": {"add": 500, "from_month": 1}}}


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_url(request.param, tmp_path)


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url)) as c:
        yield c


def _scenario(client: TestClient, name: str = "plus-500", **extra: Any) -> dict[str, Any]:
    body = {"name": name, "description": "test", "changes": PROPOSAL, **extra}
    response = client.post("/api/scenarios", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _wait(client: TestClient, run_id: int, seconds: float = 120.0) -> dict[str, Any]:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        run = client.get(f"/api/runs/{run_id}").json()
        if run["status"] not in ("queued", "running"):
            return dict(run)
        time.sleep(0.2)
    raise AssertionError(f"run {run_id} did not finish in {seconds} s")


# datasets ----------------------------------------------------------------------------------


def test_datasets_list_the_embedded_one_with_its_check_findings(client: TestClient) -> None:
    listed = client.get("/api/datasets").json()
    assert {"name": SK, "title": default_region().title, "embedded": True} in listed
    detail = client.get(f"/api/datasets/{SK}", params={"lang": "fi"}).json()
    codes = {f["code"] for f in detail["findings"]}
    assert codes, "the survey's own inconsistencies (digest) must be reported"
    assert all(f["place"] and f["what"] for f in detail["findings"])


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/datasets/no-such-region", 404),
        ("/api/datasets/..%2F..%2Fetc", 404),
        ("/api/datasets/bad%20name", 422),
        ("/api/datasets/no-such-region/analyses", 404),
        (f"/api/datasets/{SK}?lang=de", 422),
    ],
)
def test_dataset_routes_refuse_unknown_and_malformed_names(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path)
    assert response.status_code == status, response.text
    assert "detail" in response.json()


def test_analyses_are_the_library_s_numbers(client: TestClient) -> None:
    doc = client.get(f"/api/datasets/{SK}/analyses").json()
    a = analyse(default_region())
    assert doc["client_base"]["narrow"] == a.client_base.narrow
    assert doc == document(a)


def test_upload_check_use_and_delete_a_dataset(client: TestClient, tmp_path: Path) -> None:
    content = region_workbook(tmp_path)
    files = {"file": ("my region.xlsx", content, "application/octet-stream")}
    response = client.post("/api/datasets", files=files)
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "test-region"
    assert any(d["name"] == "test-region" for d in client.get("/api/datasets").json())
    doc = client.get("/api/datasets/test-region/analyses").json()
    assert doc["dataset"] == "test-region"
    again = client.post("/api/datasets", files=files)
    assert again.status_code == 409
    assert client.delete("/api/datasets/test-region").status_code == 204
    assert client.get("/api/datasets/test-region").status_code == 404
    assert client.delete(f"/api/datasets/{SK}").status_code == 409


def test_uploads_are_checked_for_type_content_and_size(client: TestClient, tmp_path: Path) -> None:
    text = client.post("/api/datasets", files={"file": ("data.csv", b"a,b\n1,2\n", "text/csv")})
    assert text.status_code == 422
    assert "xlsx" in text.json()["detail"][0]["msg"]
    fake = client.post("/api/datasets", files={"file": ("data.xlsx", b"not a zip", "text/plain")})
    assert fake.status_code == 422
    # a real workbook with a broken cell: the finding names sheet, row and column
    book = load_workbook(io.BytesIO(region_workbook(tmp_path, "broken-region")))
    sheet = book["areas"]
    sheet.cell(row=2, column=1, value="")
    buffer = io.BytesIO()
    book.save(buffer)
    broken = client.post("/api/datasets", files={"file": ("b.xlsx", buffer.getvalue(), "x/y")})
    assert broken.status_code == 422
    messages = " ".join(d["msg"] for d in broken.json()["detail"])
    assert "areas" in messages
    assert client.get("/api/datasets/broken-region").status_code == 404  # nothing kept
    huge = client.post(
        "/api/datasets", files={"file": ("big.xlsx", b"PK\x03\x04" + b"0" * MAX_BODY, "x/y")}
    )
    assert huge.status_code == 413


# rules and prices ------------------------------------------------------------------------


def test_rules_on_a_date_are_the_rule_files_values(client: TestClient) -> None:
    body = client.get("/api/rules", params={"date": "2016-07-01"}).json()
    name = "labour_market_subsidy.full_daily_rate"
    expected = load_rules().at(dt.date(2016, 7, 1)).number(name)
    assert body["values"][name]["value"] == expected
    assert body["values"][name]["reference"]
    assert client.get("/api/rules", params={"date": "2016-13-01"}).status_code == 422
    assert client.get("/api/rules", params={"date": "1800-01-01"}).status_code == 422


def test_price_calculator_matches_the_pricing_analysis(client: TestClient) -> None:
    terms = analyse(default_region()).pricing.terms
    body = client.get("/api/price", params={"per_week": 30, "per_day": 10, "days": 3}).json()
    assert body["break_even_per_week"] == pytest.approx(break_even_fixed(terms, 10, 3), abs=0.01)
    assert body["net_cost_per_week"] == pytest.approx(net_cost_per_week(terms, 30, 10, 3), abs=0.01)
    more_days = client.get("/api/price", params={"per_week": 30, "per_day": 10, "days": 4}).json()
    assert more_days["break_even_per_week"] != body["break_even_per_week"]
    for bad in ({"per_week": -1}, {"days": 0}, {"days": "many"}, {"dataset": "nope"}):
        response = client.get("/api/price", params=bad)
        assert response.status_code in (404, 422), (bad, response.text)


# scenarios -------------------------------------------------------------------------------


def test_scenario_create_read_update_duplicate_delete(client: TestClient) -> None:
    made = _scenario(client)
    assert made["version"] == 1
    assert client.get(f"/api/scenarios/{made['id']}").json()["changes"] == PROPOSAL
    body = {"name": "plus-500", "description": "changed", "changes": PROPOSAL, "version": 1}
    updated = client.put(f"/api/scenarios/{made['id']}", json=body)
    assert updated.status_code == 200
    assert updated.json()["version"] == 2
    stale = client.put(f"/api/scenarios/{made['id']}", json=body)
    assert stale.status_code == 409
    copy = client.post(f"/api/scenarios/{made['id']}/duplicate")
    assert copy.status_code == 201
    assert copy.json()["name"] == "plus-500-copy"
    names = [s["name"] for s in client.get("/api/scenarios").json()]
    assert names == ["plus-500", "plus-500-copy"]
    assert client.delete(f"/api/scenarios/{made['id']}").status_code == 204
    assert client.get(f"/api/scenarios/{made['id']}").status_code == 404
    assert client.delete(f"/api/scenarios/{made['id']}").status_code == 404


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"name": "x", "changes": {"places": {"rehabilitative_work": {"add": "lots"}}}}, "places"),
        ({"name": "x", "changes": {"priority": "random"}}, "priority"),
        ({"name": "x", "changes": {"funding_cut": {"pay_subsidies": 135}}}, "funding_cut"),
        ({"name": "x", "changes": {"rules_date": "someday"}}, "rules_date"),
        ({"name": "x", "changes": {"teleport": 1}}, "teleport"),
        ({"name": "../etc/passwd", "changes": {}}, "name"),
        ({"name": "x", "changes": {}, "owner": "me"}, "owner"),
        ({"name": "x", "dataset": "nope", "changes": {}}, ""),
    ],
)
def test_bad_scenarios_are_refused_with_the_field_path(
    client: TestClient, body: dict[str, Any], where: str
) -> None:
    response = client.post("/api/scenarios", json=body)
    assert response.status_code in (404, 422), response.text
    detail = response.json()["detail"]
    if where:
        assert any(where in ".".join(map(str, d["loc"])) for d in detail), detail
    assert client.get("/api/scenarios").json() == []


def test_same_name_twice_is_a_conflict_not_a_second_row(client: TestClient) -> None:
    _scenario(client)
    response = client.post("/api/scenarios", json={"name": "plus-500", "changes": {}})
    assert response.status_code == 409
    assert len(client.get("/api/scenarios").json()) == 1


def test_concurrent_saves_lose_nothing(client: TestClient) -> None:
    made = _scenario(client, "shared")
    results: list[int] = []

    def create(i: int) -> None:
        r = client.post("/api/scenarios", json={"name": f"s-{i}", "changes": {}})
        results.append(r.status_code)

    def update(i: int) -> None:
        body = {"name": "shared", "description": f"by {i}", "changes": {}, "version": 1}
        results.append(client.put(f"/api/scenarios/{made['id']}", json=body).status_code)

    threads = [threading.Thread(target=create, args=(i,)) for i in range(8)]
    threads += [threading.Thread(target=update, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    names = {s["name"] for s in client.get("/api/scenarios").json()}
    assert {f"s-{i}" for i in range(8)} <= names
    assert results.count(201) == 8
    assert results.count(200) == 1  # one update wins; the others are told, not lost
    assert results.count(409) == 3
    assert client.get(f"/api/scenarios/{made['id']}").json()["version"] == 2


# runs ------------------------------------------------------------------------------------


def test_expected_run_answers_at_once_with_the_scenario_against_the_baseline(
    client: TestClient,
) -> None:
    response = client.post("/api/runs", json={"changes": PROPOSAL, "months": 36})
    assert response.status_code == 202
    run = response.json()
    assert run["status"] == "done"
    metrics = run["summary"]["scenarios"]["scenario"]["difference"]
    assert metrics["in_rehabilitative_work"]["mean"] > 100  # more places, more clients
    assert client.get("/api/runs").json()[0]["id"] == run["id"]


def test_stochastic_run_goes_to_the_background_and_gives_bands(client: TestClient) -> None:
    made = _scenario(client)
    body = {"scenario_id": made["id"], "mode": "stochastic", "replications": 20, "months": 24}
    response = client.post("/api/runs", json=body)
    assert response.status_code == 202
    assert response.json()["status"] in ("queued", "running", "done")
    run = _wait(client, response.json()["id"])
    assert run["status"] == "done", run["error"]
    assert run["replications"] == 20
    difference = run["summary"]["scenarios"]["scenario"]["difference"]
    assert difference["in_rehabilitative_work"]["p5"] > 100  # the places fill in every run
    band = difference["unemployed"]  # fewer unemployed, by an uncertain number
    assert band["p5"] <= band["p50"] <= band["p95"] < 0
    assert band["p5"] < band["p95"]


@pytest.mark.parametrize(
    "body",
    [
        {"mode": "fast"},
        {"replications": 1},
        {"replications": 10**6},
        {"months": 0},
        {"seed": -1},
        {"changes": {"places": {"rehabilitative_work": {"add": "x"}}}},
        {"dataset": "nope"},
        {"scenario_id": 999},
    ],
)
def test_bad_runs_are_refused(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post("/api/runs", json=body)
    assert response.status_code in (404, 422), response.text
    assert client.get("/api/runs").json() == []
    assert client.get("/api/runs/12345").status_code == 404


def test_compare_two_saved_scenarios_with_common_random_numbers(client: TestClient) -> None:
    first = _scenario(client, "plus-500")
    bigger = {"places": {"rehabilitative_work": {"add": 700, "from_month": 1}}}
    second = _scenario(client, "plus-700", changes=bigger)
    body = {"first": first["id"], "second": second["id"], "mode": "stochastic", "replications": 10}
    out = client.post("/api/compare", json=body).json()
    rows = {r["metric"]: r for r in out["rows"]}
    clients = rows["in_rehabilitative_work"]
    assert clients["second"] > clients["first"]
    assert clients["p5"] <= clients["difference"] <= clients["p95"]
    against_baseline = client.post("/api/compare", json={"second": first["id"]}).json()
    assert against_baseline["first"] == "baseline"
    assert client.post("/api/compare", json={"second": 999}).status_code == 404


def test_report_and_workbook_downloads(client: TestClient) -> None:
    made = _scenario(client)
    html = client.get("/api/files/report.html", params={"lang": "en", "scenario": made["id"]})
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    assert "attachment" in html.headers["content-disposition"]
    assert "plus-500" in html.text
    xlsx = client.get("/api/files/report.xlsx", params={"lang": "fi"})
    assert xlsx.content.startswith(b"PK")
    assert client.get("/api/files/report.html", params={"scenario": 999}).status_code == 404
    assert client.get("/api/files/report.html", params={"lang": "de"}).status_code == 422


def test_saved_scenarios_and_runs_survive_a_restart(db_url: str) -> None:
    with TestClient(create_app(db_url)) as first:
        made = _scenario(first)
        run = first.post("/api/runs", json={"scenario_id": made["id"], "months": 12}).json()
    with TestClient(create_app(db_url)) as second:
        assert second.get(f"/api/scenarios/{made['id']}").json()["name"] == "plus-500"
        again = second.get(f"/api/runs/{run['id']}").json()
        assert again["status"] == "done"
        assert again["summary"] == run["summary"]


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for path in (
        "/api/datasets",
        "/api/datasets/{name}",
        "/api/datasets/{name}/analyses",
        "/api/rules",
        "/api/price",
        "/api/scenarios",
        "/api/scenarios/{scenario_id}",
        "/api/scenarios/{scenario_id}/duplicate",
        "/api/runs",
        "/api/runs/{run_id}",
        "/api/compare",
        "/api/files/report.html",
        "/api/files/report.xlsx",
    ):
        assert path in paths
    assert not any(not p.startswith("/api") for p in paths)


def test_scenario_names_may_be_finnish(client: TestClient) -> None:
    made = _scenario(client, "Ehdotus 500 paikkaa ä ö")
    assert client.get(f"/api/scenarios/{made['id']}").json()["name"] == "Ehdotus 500 paikkaa ä ö"


def test_small_counts_are_not_published_by_the_api(client: TestClient, tmp_path: Path) -> None:
    from dataclasses import replace

    from polku.data.workbook import write_template

    region = default_region()
    lines = tuple(
        replace(r, count=3) if r.service_line == "04" and r.period == "2017-03" else r
        for r in region.jobseekers
    )
    small = replace(region, name="small-counts", jobseekers=lines)
    book = write_template(small, tmp_path / "small.xlsx", "en").read_bytes()
    files = {"file": ("small.xlsx", book, "application/octet-stream")}
    assert client.post("/api/datasets", files=files).status_code == 201
    doc = client.get("/api/datasets/small-counts/analyses").json()
    hidden = [r for r in doc["service_lines"] if r.get("suppressed")]
    assert len(hidden) >= 2  # the small count and a partner, so neither can be recomputed
    assert all(r["count"] is None and r["share_pct"] is None for r in hidden)
    assert 3 not in [r["count"] for r in doc["service_lines"]]
    page = client.get("/needs", params={"dataset": "small-counts", "lang": "en"}).text
    assert "are not shown (..)" in page


def test_producers_are_the_library_s_numbers(client: TestClient) -> None:
    from polku.producers.finances import all_finances
    from polku.producers.health import stress

    doc = client.get(f"/api/datasets/{SK}/producers").json()
    (assoc,) = all_finances(default_region())
    assert doc["finances"][0]["income"] == assoc.income
    rows = {r["source"]: r for r in doc["stress"]["rows"]}
    expected = {r.source: r for r in stress(assoc, doc["stress"]["cut_pct"])}
    assert rows["pay_subsidies"]["lost"] == pytest.approx(expected["pay_subsidies"].lost)
    assert {m["model"] for m in doc["funding_models"]["models"]} >= {"per_client", "block"}
    assert doc["areas"]["threshold_clients"] > 0
    half = client.get(f"/api/datasets/{SK}/producers?cut=50").json()
    assert half["stress"]["cut_pct"] == 50
    halves = {r["source"]: r for r in half["stress"]["rows"]}
    assert halves["all"]["lost"] == pytest.approx(0.5 * assoc.income)
    assert client.get(f"/api/datasets/{SK}/producers?cut=150").status_code == 422
    assert client.get(f"/api/datasets/{SK}/producers?cut=abc").status_code == 422


# the API's contract: times, errors, changes, bounds, concurrent duplicates -------------


def test_times_are_aware_utc_rfc3339(client: TestClient) -> None:
    before = dt.datetime.now(dt.UTC)
    made = _scenario(client)
    run = client.post("/api/runs", json={"scenario_id": made["id"], "months": 12}).json()
    for text in (made["created"], made["updated"], run["created"], run["finished"]):
        when = dt.datetime.fromisoformat(text)
        assert text.endswith(("Z", "+00:00")), text
        assert when.utcoffset() == dt.timedelta(0)
        assert before - dt.timedelta(seconds=5) <= when <= dt.datetime.now(dt.UTC)
    read = client.get(f"/api/scenarios/{made['id']}").json()  # read back from the database
    assert dt.datetime.fromisoformat(read["updated"]) == dt.datetime.fromisoformat(made["updated"])
    spec = client.get("/openapi.json").json()["components"]["schemas"]
    assert spec["ScenarioOut"]["properties"]["created"]["format"] == "date-time"


def _one_shape(response: Any) -> list[dict[str, Any]]:
    detail = response.json()["detail"]
    assert isinstance(detail, list), response.text
    assert detail, response.text
    for item in detail:
        assert set(item) == {"loc", "msg", "type"}, item
        assert isinstance(item["loc"], list)
        assert isinstance(item["msg"], str)
        assert item["msg"]
    return list(detail)


def test_every_api_error_has_one_shape(client: TestClient) -> None:
    made = _scenario(client)
    not_found = client.get("/api/scenarios/999")
    assert not_found.status_code == 404
    assert _one_shape(not_found)[0]["type"] == "not_found"
    taken = client.post("/api/scenarios", json={"name": "plus-500"})
    assert taken.status_code == 409
    assert _one_shape(taken)[0]["type"] == "conflict"
    assert client.delete(f"/api/datasets/{SK}").status_code == 409
    big = client.post("/api/scenarios", content=b"x" * (MAX_BODY + 1))
    assert big.status_code == 413
    assert _one_shape(big)[0]["type"] == "too_large"
    wrong_method = client.patch(f"/api/scenarios/{made['id']}")
    assert wrong_method.status_code == 405
    assert set(wrong_method.headers["allow"].replace(" ", "").split(",")) == {
        "GET",
        "HEAD",
        "PUT",
        "DELETE",
    }
    _one_shape(wrong_method)
    _one_shape(client.get("/api/no-such-route"))
    # the guard's refusals (before any route) are in the same shape
    host = client.get("/api/scenarios", headers={"host": "evil.example"})
    assert host.status_code == 400
    assert _one_shape(host)[0]["type"] == "http_400"
    cross = client.post(
        "/api/scenarios", json={"name": "z"}, headers={"origin": "https://evil.example"}
    )
    assert cross.status_code == 403
    assert "cross-site" in _one_shape(cross)[0]["msg"]
    early = client.get("/api/rules", params={"date": "1900-01-01"})
    assert early.status_code == 422
    assert _one_shape(early)[0]["loc"] == ["query", "date"]
    # the dashboard keeps its HTML pages for errors
    page = client.get("/scenarios/999")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")


def test_findings_name_their_key_path_and_speak_both_languages(client: TestClient) -> None:
    body = {"name": "x", "changes": {"segment_shares": {"green": 10, "yellow": 10}}}
    en = client.post("/api/scenarios", json=body)
    fi = client.post("/api/scenarios?lang=fi", json=body)
    assert en.status_code == fi.status_code == 422
    (item,) = _one_shape(en)
    assert item["loc"] == ["body", "changes", "segment_shares"]
    assert item["type"] == "scenario_value"
    assert _one_shape(fi)[0]["loc"] == item["loc"]
    removed = {"changes": {"places": {"work_trial": {"add": -5000}}}, "months": 12}
    response = client.post("/api/runs?lang=en", json=removed)
    if response.status_code == 202:  # refused when the run applies the changes
        run = response.json()
        assert run["status"] == "failed"
        assert "there are 70 places today" in run["error"]
    else:
        assert response.status_code == 422
        (item,) = _one_shape(response)
        assert item["loc"] == ["body", "changes", "places", "work_trial", "add"]
        assert item["type"] == "scenario_places_removed"
        assert "there are 70 places today" in item["msg"]


@pytest.mark.parametrize(
    ("changes", "loc"),
    [
        ({"rules_date": "1900-01-01"}, ["body", "changes", "rules_date"]),
        ({"rules_date": "2999-01-01"}, ["body", "changes", "rules_date"]),
        ({"places": {"work_trial": {"add": 999_999}}}, ["body", "changes", "places", "work_trial"]),
        (
            {"places": {"work_trial": {"add": -200_000}}},
            ["body", "changes", "places", "work_trial"],
        ),
        ({"places": {"work_trial": {"add": 5, "set": 5}}}, ["body", "changes", "places"]),
        ({"priority": "random"}, ["body", "changes", "priority"]),
        ({"teleport": 1}, ["body", "changes", "teleport"]),
    ],
)
def test_the_changes_model_refuses_what_the_checks_refuse(
    client: TestClient, changes: dict[str, Any], loc: list[str]
) -> None:
    from polku.errors import ScenarioError
    from polku.simulation.scenario import scenario_from_data

    with pytest.raises(ScenarioError):
        scenario_from_data({"name": "x", "changes": changes}, "web")
    response = client.post("/api/scenarios", json={"name": "x", "changes": changes})
    assert response.status_code == 422
    assert any(d["loc"][: len(loc)] == loc for d in _one_shape(response)), response.text


def test_the_changes_model_has_the_scenario_keys_and_bounds() -> None:
    from polku.simulation import scenario
    from polku.simulation.income import SOURCES
    from polku.simulation.network import PRIORITIES, SEGMENTS
    from polku.web.api import changes

    def keys(model: Any) -> set[str]:
        return {f.alias or name for name, f in model.model_fields.items()}

    assert keys(changes.ChangesIn) == set(scenario.CHANGE_KEYS)
    assert keys(changes.PlacesIn) == keys(changes.OutcomesIn) == set(scenario.MEASURES)
    assert keys(changes.OutcomesOf) == set(scenario.OUTCOME_KEYS)
    assert keys(changes.FundingCutIn) == set(SOURCES)
    assert keys(changes.SharesIn) == set(SEGMENTS[1:])
    assert keys(changes.AssumptionsIn) == set(scenario.LIVE_ASSUMPTIONS)
    spec = changes.ChangesIn.model_json_schema()
    assert spec["properties"]["priority"]["anyOf"][0]["enum"] == list(PRIORITIES)
    first, last = scenario.rules_range()
    assert (first, last) == (changes.FIRST_RULES, changes.LAST_RULES)
    assert first == max(p.history[0].start for p in load_rules().parameters.values())
    # the documented example (docs/simulation.md) validates and passes the checks
    example = {
        "places": {"rehabilitative_work": {"add": 500, "from_month": 1}},
        "price": {"per_week": 35, "per_day": 10},
        "segment_shares": {"green": 30, "yellow": 50, "red": 20},
        "priority": "segment",
        "inflow_factor": 1.1,
        "funding_cut": {"pay_subsidies": 35},
        "market_path": True,
        "rules_date": "2025-06-01",
        "months": 60,
        "from_month": 1,
        "assumptions": {"sim.abandon_pct": 8, "producers.market_sales_change_pct": 20},
    }
    data = changes.ChangesIn.model_validate(example).as_data()
    assert data == example
    assert scenario.scenario_from_data({"name": "doc", "changes": data}).changes["months"] == 60


def test_rules_dates_lie_within_the_bundled_rules(client: TestClient) -> None:
    from polku.simulation.scenario import rules_range

    first, last = rules_range()
    assert client.get("/api/rules", params={"date": first.isoformat()}).status_code == 200
    assert client.get("/api/rules", params={"date": last.isoformat()}).status_code == 200
    day = first - dt.timedelta(days=1)
    assert client.get("/api/rules", params={"date": day.isoformat()}).status_code == 422
    day = last + dt.timedelta(days=1)
    assert client.get("/api/rules", params={"date": day.isoformat()}).status_code == 422
    today = client.get("/api/rules").json()["date"]
    assert first.isoformat() <= today <= last.isoformat()


def test_concurrent_duplicates_all_succeed_with_distinct_names(client: TestClient) -> None:
    made = _scenario(client, "base")
    results: list[tuple[int, str]] = []
    start = threading.Barrier(8)

    def duplicate() -> None:
        start.wait()
        r = client.post(f"/api/scenarios/{made['id']}/duplicate")
        results.append((r.status_code, r.json().get("name", "")))

    threads = [threading.Thread(target=duplicate) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [status for status, _ in results] == [201] * 8, results
    names = {name for _, name in results}
    assert len(names) == 8
    assert "base-copy" in names
    assert names <= {"base-copy", *(f"base-copy-{n}" for n in range(2, 9))}
    assert len(client.get("/api/scenarios").json()) == 9
