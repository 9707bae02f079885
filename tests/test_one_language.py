"""One language per output: the Finnish report and dashboard hold none of the
catalogue's English-only texts, and the English ones none of its Finnish-only texts."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from polku import default_region
from polku.catalogue import texts
from polku.messages import LABELS
from polku.model.terms import TERMS, UNITS
from polku.report import build_report, render_html
from polku.report.texts import TEXTS
from polku.web.app import create_app
from polku.web.pages import NAV
from polku.web.texts import UI
from web_support import PageClient


def _pairs() -> Iterator[tuple[str, str]]:
    """(English, Finnish) of every text of the dashboard's, the report's, the
    vocabulary's and the labels' catalogues (the Finnish from the gettext catalogue)."""
    finnish = texts("fi")
    keyed = [("ui", UI), ("report", TEXTS), ("term", TERMS), ("unit", UNITS), ("label", LABELS)]
    for prefix, catalogue in keyed:
        for key, en in catalogue.items():
            yield en, finnish[(f"{prefix}:{key}", en)]


def _only(lang: str) -> set[str]:
    """Texts of one language that the other language does not also use: whole phrases
    of two words or more without placeholders (a single word such as "Kela" or "€" is
    shared), and no text that is also a text of the other language."""
    pairs = list(_pairs())
    other = {fi if lang == "en" else en for en, fi in pairs}
    own = {en if lang == "en" else fi for en, fi in pairs}
    return {
        t
        for t in own - other
        if len(t.split()) >= 2 and "{" not in t and not any(t in o for o in other)
    }


def _visible(page: str) -> str:
    """What a reader sees: no scripts, styles, tags or attribute values."""
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _leaks(text: str, lang: str) -> list[str]:
    foreign = _only("en" if lang == "fi" else "fi")
    return sorted(t for t in foreign if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text))


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_report_speaks_one_language(lang: str) -> None:
    assert len(_only("en")) > 100  # the test has something to find
    text = _visible(render_html(build_report(default_region(), lang)))  # type: ignore[arg-type]
    assert _leaks(text, lang) == []
    region = default_region()
    other = "en" if lang == "fi" else "fi"
    # the dataset's own texts in the reader's language: its title and translated sources
    assert region.title_in(lang) in text
    assert region.title_in(other) not in text
    for original, said in region.translations.get(lang, {}).items():
        if original in text or said in text:
            assert said in text, said


@pytest.fixture
def client(tmp_path: Path) -> Iterator[PageClient]:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'w.sqlite3'}")) as c:
        yield PageClient(c)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_dashboard_speaks_one_language(client: PageClient, lang: str) -> None:
    for _, href in NAV:
        page = client.get(href, params={"lang": lang})
        assert page.status_code == 200, href
        # the language switch names the other language in its own words, marked lang
        text = _visible(re.sub(r'<a class="lang".*?</a>', " ", page.text, flags=re.S))
        assert _leaks(text, lang) == [], href


def test_a_quoted_original_keeps_its_language_and_says_so() -> None:
    english = render_html(build_report(default_region(), "en"))
    marked = re.findall(r'<span lang="fi">(&#39;[^<]+&#39;)</span>', english)
    assert len(marked) >= 3  # the laws' own words inside the English source lines
    assert any("kotikunta vastaa 70 prosentilla" in m for m in marked)
    finnish = render_html(build_report(default_region(), "fi"))
    assert '<span lang="fi">' not in finnish  # the page's own language needs no mark


def test_the_dashboards_english_sources_mark_the_quoted_finnish(client: PageClient) -> None:
    page = client.get("/funding", params={"lang": "en"}).text
    assert '<span lang="fi">&#39;' in page


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_workbook_speaks_one_language(tmp_path: Path, lang: str) -> None:
    from openpyxl import load_workbook

    from polku.report import write_xlsx

    book = load_workbook(write_xlsx(build_report(default_region(), lang), tmp_path / "w.xlsx"))  # type: ignore[arg-type]
    texts = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and not cell.value.startswith("=")
    ]
    text = " ".join([*book.sheetnames, *texts])
    assert _leaks(text, lang) == []
