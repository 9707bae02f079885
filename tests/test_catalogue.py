"""The gettext catalogues: in step with the code, Finnish complete, Swedish for the
navigation and the report's headings, and a new language added without code."""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from polku import default_region
from polku.catalogue import languages, languages_in, read_texts, translate, translated
from polku.catalogue_extract import template
from polku.report import build_report, render_html
from polku.web.app import create_app
from polku.web.pages import NAV

ROOT = Path(__file__).parents[1]
LOCALE = ROOT / "src" / "polku" / "locale"


def _entries(path: Path) -> dict[tuple[str | None, str], object]:
    with path.open("rb") as handle:
        return {(m.context, str(m.id)): m for m in read_po(handle) if m.id}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_template_is_what_the_code_says() -> None:
    """polku.pot holds exactly the code's keyed English texts (run
    ``python -m polku.catalogue_extract`` after changing one)."""
    fresh = {(m.context, str(m.id)) for m in template(ROOT) if m.id}
    assert len(fresh) > 450
    assert set(_entries(LOCALE / "polku.pot")) == fresh


def test_pybabel_extracts_the_same_with_babel_cfg(tmp_path: Path) -> None:
    """A translator's standard tool finds the same texts (the extractor is an entry point)."""
    out = tmp_path / "polku.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    done = subprocess.run(
        [str(pybabel), "extract", "-F", "babel.cfg", "-o", str(out), "--no-location", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert set(_entries(out)) == set(_entries(LOCALE / "polku.pot"))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_po_file_is_in_step_with_the_template(lang: str) -> None:
    po = _entries(LOCALE / lang / "LC_MESSAGES" / "polku.po")
    assert set(po) == set(_entries(LOCALE / "polku.pot"))


def test_finnish_translates_every_text_with_the_same_fields() -> None:
    path = LOCALE / "fi" / "LC_MESSAGES" / "polku.po"
    po = _entries(path)
    usable = read_texts(path, "fi")
    missing = [key for key in po if key not in usable]
    assert missing == []  # nothing empty, nothing fuzzy
    for (context, english), finnish in usable.items():
        # a Finnish message may take a parameter's Finnish form, {purpose_fi}
        fields = {name.removesuffix("_fi") for name in _fields(finnish)}
        assert fields == _fields(english), context


def test_swedish_has_the_navigation_and_the_report_headings() -> None:
    nav = ["app", "skip", "nav", "language", "dataset", *(key for key, _ in NAV)]
    from polku.web.texts import UI

    for key in nav:
        assert translated("sv", f"ui:{key}", UI[key]), key
        assert translate("sv", f"ui:{key}", UI[key]) != UI[key], key
    region = default_region()
    english = build_report(region, "en")
    swedish = build_report(region, "sv")
    assert len(swedish.sections) == len(english.sections) >= 6
    for sv, en in zip(swedish.sections, english.sections, strict=True):
        assert sv.title != en.title, en.title  # every heading has its Swedish
    page = render_html(swedish)
    assert '<html lang="sv">' in page
    assert "Innehåll" in page  # the contents' heading
    for sv_section in swedish.sections:
        assert sv_section.title in page
    for (_context, _english), text in read_texts(
        LOCALE / "sv" / "LC_MESSAGES" / "polku.po", "sv"
    ).items():
        assert _fields(text) <= _fields(_english)


def test_the_dashboard_offers_swedish_with_its_menu(tmp_path: Path) -> None:
    from polku.web.texts import UI

    client = TestClient(create_app(f"sqlite:///{tmp_path / 'web.db'}"), base_url="http://127.0.0.1")
    for key, href in NAV:
        page = client.get(f"{href}?lang=sv")
        assert page.status_code == 200, href
        assert '<html lang="sv">' in page.text
        menu_word = translate("sv", f"ui:{key}", UI[key])
        assert f">{menu_word}</a>" in page.text, key
        # the language menu names the others in their own language
        assert 'hreflang="fi" lang="fi">Suomi</a>' in page.text
        assert 'hreflang="en" lang="en">English</a>' in page.text
        assert 'hreflang="sv"' not in page.text
    finnish = client.get("/?lang=fi").text
    assert 'hreflang="sv" lang="sv">Svenska</a>' in finnish
    assert client.get("/downloads?lang=sv").text.count('<option value="sv" lang="sv"') == 1


def test_a_new_language_needs_only_its_po_file(tmp_path: Path) -> None:
    folder = tmp_path / "locale"
    shutil.copytree(LOCALE, folder)
    assert languages_in(folder) == languages() == ("fi", "en", "sv")
    german = folder / "de" / "LC_MESSAGES"
    german.mkdir(parents=True)
    (german / "polku.po").write_text(
        'msgid ""\nmsgstr "Language: de\\n"\n\n'
        'msgctxt "ui:nav"\nmsgid "Main menu"\nmsgstr "Hauptmenü"\n\n'
        '#, fuzzy\nmsgctxt "ui:skip"\nmsgid "Skip to content"\nmsgstr "Zum Inhalt"\n\n'
        'msgctxt "ui:app"\nmsgid "Polku: employment services planning"\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert languages_in(folder) == ("fi", "en", "de", "sv")
    texts = read_texts(german / "polku.po", "de")
    # translated is used; fuzzy (its English changed) and empty are not: English shows
    assert texts == {("ui:nav", "Main menu"): "Hauptmenü"}


def test_an_untranslated_or_changed_text_falls_back_to_english() -> None:
    assert translate("sv", "ui:no_findings", "No findings: the data are consistent.") == (
        "No findings: the data are consistent."
    )
    assert translate("fi", "ui:nav", "Main menu") == "Päävalikko"
    assert translate("fi", "ui:nav", "Main menu, changed") == "Main menu, changed"
