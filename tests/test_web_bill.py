"""The dashboard's bill page: Kela's CSV in, the forecast and back-test out."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from polku.web.app import create_app
from web_support import PageClient

REAL = Path(__file__).parent / "fixtures" / "kela" / "south-karelia-2025-01-06.csv"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return PageClient(TestClient(create_app(f"sqlite:///{tmp_path / 'polku.db'}")))  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("lang", "title"), [("fi", "Kuntaosuuslasku"), ("en", "Municipal-share bill")]
)
def test_the_page_and_its_forecast(client: TestClient, lang: str, title: str) -> None:
    with client:
        page = client.get(f"/bill?lang={lang}")
        assert page.status_code == 200
        assert title in page.text
        assert 'href="/bill' in page.text  # in the navigation
        answer = client.post(
            "/bill",
            data={"lang": lang, "months": "6"},
            files={"file": (REAL.name, REAL.read_bytes(), "text/csv")},
        )
        assert answer.status_code == 200, answer.text[:500]
        assert "Lappeenranta" in answer.text
        assert "2025-12" in answer.text
        assert "data-spec=" in answer.text  # the chart
        assert ("Jälkitesti" if lang == "fi" else "Back-test") in answer.text


def test_a_broken_file_gets_its_row_and_column(client: TestClient) -> None:
    bad = REAL.read_text("utf-8").replace("202503;405", "2025x3;405", 1)
    with client:
        answer = client.post(
            "/bill",
            data={"lang": "en"},
            files={"file": ("bad.csv", bad.encode("utf-8"), "text/csv")},
        )
    assert answer.status_code == 422
    assert "bad.csv" in answer.text
    assert "vuosikuukausi" in answer.text
    assert "a month YYYYMM" in answer.text


def test_the_builder_prices_every_place_when_asked(client: TestClient) -> None:
    from polku.web.forms import changes_of

    base = {"add_rehabilitative_work": "100", "per_week": "40"}
    assert changes_of(base)["price"] == {"per_week": 40.0}
    every = changes_of({**base, "price_all": "1"})
    assert every["price"]["applies_to"] == "all_places"
    with client:
        html = client.get("/builder?lang=en").text
    assert 'id="price_all"' in html


def test_the_price_every_place_tick_round_trips() -> None:
    from polku.web.forms import changes_of, form_of

    changes = {
        "places": {"rehabilitative_work": {"add": 100, "from_month": 1}},
        "price": {"per_week": 40, "applies_to": "all_places"},
    }
    form = {k: str(v) for k, v in form_of(changes).items()}
    assert changes_of(form) == changes
