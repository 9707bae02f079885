"""``polku report --pdf``: Chromium prints the report with page numbers and bookmarks."""

from __future__ import annotations

import shutil
import subprocess
from html import unescape
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from polku.cli import app


def _outline(items: list[object]) -> list[str]:
    titles: list[str] = []
    for item in items:
        if isinstance(item, list):
            titles += _outline(item)
        else:
            titles.append(str(getattr(item, "title", "")))
    return titles


def _report(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["report", "--pdf", "--out", str(tmp_path / "r.html"), "--mode", "expected", *args]
    )
    return result.exit_code, result.output


@pytest.mark.parametrize(("lang", "page"), [("fi", "Sivu {n} / {m}"), ("en", "Page {n} of {m}")])
def test_the_pdf_has_the_headings_page_numbers_and_bookmarks(
    tmp_path: Path, lang: str, page: str
) -> None:
    assert shutil.which("pdftotext"), "poppler-utils is needed (.ci/run installs it)"
    code, output = _report(tmp_path, "--lang", lang)
    assert code == 0, output
    pdf = tmp_path / "r.pdf"
    html = unescape((tmp_path / "r.html").read_text("utf-8"))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = len(pypdf.PdfReader(pdf).pages)
    assert pages >= 5
    flat = " ".join(text.split())
    for n in (1, 2, pages):  # every page carries its number and the count
        assert page.format(n=n, m=pages) in flat
    headings = _outline(pypdf.PdfReader(pdf).outline)
    sections = [h for h in headings if h[:1].isdigit()]
    assert len(sections) >= 6  # the numbered sections are bookmarks
    for heading in sections:
        assert " ".join(heading.split()) in flat  # and their text is in the PDF
        assert heading.split(" ", 1)[1] in html  # the same headings as the HTML report
    assert any("(S3)" in h for h in headings)  # figures are bookmarks under their section


def test_an_existing_pdf_is_kept_without_force(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4 the planner's own file")
    code, output = _report(tmp_path)
    assert code == 3
    assert "--pdf" in output
    assert "--force" in output
    assert pdf.read_bytes() == b"%PDF-1.4 the planner's own file"
    assert not (tmp_path / "r.html").exists()  # refused before anything was written


def test_a_missing_chromium_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLKU_CHROMIUM", str(tmp_path / "no-such-browser"))
    code, output = _report(tmp_path)
    assert code == 3
    assert "POLKU_CHROMIUM" in output
    assert "Traceback" not in output
    assert not (tmp_path / "r.pdf").exists()
    assert not (tmp_path / "r.html").exists()  # stopped before anything was written


def test_the_finnish_report_whole_page_shows_each_charts_source_under_it(tmp_path: Path) -> None:
    """A whole-page screenshot of the Finnish report with a scenario (the simulation's
    charts too): every chart's source line is visible right under the chart."""
    import os

    from playwright.sync_api import sync_playwright

    from polku import default_region
    from polku.report import build_report, render_html
    from polku.report.pdf import FLAGS, chromium
    from polku.simulation.runner import Settings, find_scenario, simulate

    region = default_region()
    sim = simulate(
        region,
        [find_scenario("from-data", region)],
        settings=Settings(mode="stochastic", replications=20, seed=7),
    )
    html = render_html(build_report(region, "fi", simulation=sim))
    artifacts = Path(os.environ.get("POLKU_ARTIFACTS", Path(__file__).parents[1] / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium()), args=FLAGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.set_content(html, wait_until="load")
        page.screenshot(path=str(artifacts / "report-fi-whole.png"), full_page=True)
        figures = page.locator("figure")
        assert figures.count() >= 12
        for i in range(figures.count()):
            figure = figures.nth(i)
            chart, source = figure.locator("svg").first, figure.locator("p.sources")
            if figure.locator("svg").count() == 0:  # a chart hidden for small counts
                continue
            assert source.is_visible(), figure.get_attribute("id")
            below = source.bounding_box()
            drawn = chart.bounding_box()
            assert below is not None
            assert drawn is not None
            assert below["y"] >= drawn["y"] + drawn["height"] - 1, figure.get_attribute("id")
            caption = figure.locator("figcaption").bounding_box()
            assert caption is not None
            assert below["y"] >= caption["y"] + caption["height"] - 1  # not over the caption
            assert source.inner_text().startswith("Lähde: ")
        browser.close()
    assert (artifacts / "report-fi-whole.png").stat().st_size > 200_000
