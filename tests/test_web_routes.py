"""The dashboard's routes as FastAPI routers, and what their addresses may carry."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from polku.web import bill
from polku.web.app import create_app
from polku.web.routes import ROUTERS
from web_support import PageClient


@pytest.fixture
def client(tmp_path: Path) -> Iterator[PageClient]:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'w.sqlite3'}"), follow_redirects=False) as c:
        yield PageClient(c)


def _routes(routes: list[Any]) -> Iterator[APIRoute]:
    """Every APIRoute of an app, through its included routers."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif getattr(route, "original_router", None) is not None:  # an included router
            inner = route.original_router
            yield from () if inner.prefix == "/api" else _routes(inner.routes)  # API: own tests


def test_every_page_route_is_a_module_level_function_found_by_its_url() -> None:
    app = create_app("sqlite://")
    pages = {
        (r.path, m)
        for r in _routes(app.routes)
        if not r.path.startswith("/api") and r.path != "/docs"
        for m in r.methods or ()
    }
    routers = (*ROUTERS, bill.router)
    in_routers = {(r.path, m) for x in routers for r in _routes(x.routes) for m in r.methods or ()}
    assert ("/builder", "GET") in pages
    assert pages == in_routers  # every HTML route lives in a module-level router
    for router in routers:
        for route in _routes(router.routes):
            # a module-level function (no closure over a store or a page renderer)
            assert route.endpoint.__qualname__ == route.endpoint.__name__, route.path
            assert inspect.getclosurevars(route.endpoint).nonlocals == {}, route.path
    app.state.runner.shutdown()


def test_the_status_box_never_shows_what_the_address_carries(client: PageClient) -> None:
    hostile = "Your data was deleted. Call 0800 123 456 <b>now</b>"
    page = client.get("/scenarios", params={"message": hostile, "lang": "en"})
    assert page.status_code == 200
    assert 'role="status"' not in page.text  # no status box at all
    assert "Call 0800 123 456" not in page.text  # (the language switch keeps it URL-encoded)
    assert client.get("/scenarios", params={"done": hostile}).status_code == 422


def test_a_delete_says_so_in_the_readers_language(client: PageClient) -> None:
    made = client.post("/api/scenarios", json={"name": "kokeilu", "changes": {}})
    assert made.status_code == 201, made.text
    gone = client.post(f"/scenarios/{made.json()['id']}/delete", data={"lang": "fi"})
    assert gone.status_code == 303
    page = client.get(gone.headers["location"])
    assert 'role="status"' in page.text
    assert "Skenaario poistettiin." in page.text
    assert "kokeilu" not in page.text
    page = client.get(gone.headers["location"].replace("lang=fi", "lang=en"))
    assert "The scenario was deleted." in page.text


def test_compare_refuses_an_unknown_mode_instead_of_guessing(client: PageClient) -> None:
    made = client.post("/api/scenarios", json={"name": "b", "changes": {}})
    second = made.json()["id"]
    bad = client.get("/fragments/compare", params={"second": second, "mode": "fast"})
    assert bad.status_code == 422
    bad = client.get("/fragments/compare", params={"second": second, "first": "1e3"})
    assert bad.status_code == 422


def test_a_run_that_cannot_start_answers_a_fragment_not_a_page(client: PageClient) -> None:
    bad = client.post("/fragments/run", data={"lang": "en", "cut": "150", "mode": "expected"})
    assert bad.status_code == 422  # swapped into the results by htmx (its config swaps 422)
    assert "<html" not in bad.text
    assert "<nav" not in bad.text
    assert 'role="alert"' in bad.text
    assert "pay-subsidy income (%): value not allowed here" in bad.text  # named by its label


ENGLISH_IN_FINNISH = ("a number", "one of", "expected", "found", "places removed", "value not")


@pytest.mark.parametrize(
    ("fields", "field", "fi", "en"),
    [
        ({"cut": "150"}, "cut", "luku väliltä 0\u2013100", "a number from 0 to 100"),
        ({"add_work_trial": "abc"}, "add_work_trial", "odotettu: luku;", "expected: a number;"),
        ({"per_week": "-5"}, "per_week", "luku, vähintään 0", "a number from 0"),
        ({"add_pay_subsidy": "-5000"}, "add_pay_subsidy", "poistetaan 5000", "5000 places removed"),
        ({"rules_date": "1900-01-01"}, "rules_date", "säännöt eivät kata", "do not cover"),
    ],
)
def test_a_refused_field_is_told_beside_it_in_one_language(
    client: PageClient, fields: dict[str, str], field: str, fi: str, en: str
) -> None:
    for lang, said, other in (("fi", fi, en), ("en", en, fi)):
        form = {"lang": lang, "mode": "expected", **fields}
        htmx = client.post("/fragments/run", data=form, headers={"HX-Request": "true"})
        assert htmx.status_code == 200
        assert htmx.headers["HX-Reswap"] == "none"  # the results and the form stay
        beside = htmx.text.split(f'id="{field}-error" hx-swap-oob="true">', 1)[1].split("</p>")[0]
        assert said in beside
        assert other not in htmx.text
        if lang == "fi":
            assert not [w for w in ENGLISH_IN_FINNISH if w in htmx.text], htmx.text
        plain = client.post("/scenarios/save", data={**form, "name": "x"})
        assert plain.status_code == 422  # without htmx: the whole form again, as typed
        assert f'aria-describedby="{field}-error" aria-invalid="true"' in plain.text
        assert said in plain.text.split(f'id="{field}-error"', 1)[1].split("</p>")[0]
