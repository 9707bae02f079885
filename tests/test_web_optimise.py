"""The dashboard's optimise page: a search with progress, its answer, a mix saved."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from polku.web.app import create_app
from web_support import BACKENDS, PageClient, database_url


@pytest.fixture(params=BACKENDS)
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    for url in database_url(request.param, tmp_path):
        with TestClient(create_app(url), base_url="http://127.0.0.1") as c:
            yield PageClient(c)  # type: ignore[misc]


def _answer(client: TestClient, lang: str) -> str:
    form = {"trials": "48", "replications": "20", "seed": "4", "lang": lang}
    first = client.post("/fragments/optimise", data=form).text
    assert 'data-status="running"' in first or 'data-status="done"' in first
    job = re.findall(r"/fragments/optimise/(\d+)", first)[0]
    for _ in range(1200):
        html = client.get(f"/fragments/optimise/{job}", params={"lang": lang}).text
        if 'data-status="done"' in html:
            return html
        assert 'data-status="failed"' not in html, html
        time.sleep(0.1)
    raise AssertionError("the search did not end")


def test_a_search_answers_with_a_chart_its_mixes_and_a_save(client: TestClient) -> None:
    page = client.get("/optimise?lang=fi")
    assert page.status_code == 200
    assert "Mihin seuraava euro menee" in page.text
    html = _answer(client, "fi")
    spec = json.loads(unescape(re.findall(r'data-spec="([^"]+)"', html)[0]))
    assert spec["layer"][2]["mark"]["type"] == "point"
    assert "Tasapainoisimmat yhdistelmät" in html
    assert "Aineiston ehdotus" in html  # the proposal beside the best mixes
    forms = re.findall(r'<form method="post" action="/scenarios/save".*?</form>', html, re.S)
    assert 1 <= len(forms) <= 5
    fields = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', forms[0]))
    fields.pop("csrf_token")
    saved = client.post("/scenarios/save", data=fields, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    listing = client.get("/api/scenarios").json()
    row = next(r for r in listing if r["name"] == fields["name"])
    added = {m: v["add"] for m, v in row["changes"].get("places", {}).items()}
    for key, value in fields.items():
        if key.startswith("add_"):
            assert added[key.removeprefix("add_")] == int(value)


def test_an_unknown_search_is_not_found(client: TestClient) -> None:
    assert client.get("/fragments/optimise/999").status_code == 404


def test_bounds_of_the_search_are_refused(client: TestClient) -> None:
    answer = client.post("/fragments/optimise", data={"trials": "5", "lang": "en"})
    assert answer.status_code == 422
