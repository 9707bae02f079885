"""``polku report``: content in both languages, Excel, and a render in real Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from polku import default_region
from polku.cli import app
from polku.i18n import fmt_number
from polku.report import build_report, render_html, write_xlsx
from polku.report.xlsx import sheet_names

ARTIFACTS = Path(os.environ.get("POLKU_ARTIFACTS", Path(__file__).parents[1] / "artifacts"))
FIGURES = (
    "f_lines",
    "f_survival",
    "f_days",
    "f_segments",
    "f_needs",
    "f_outcomes",
    "f_income",
    "f_price",
    "f_prod_stress",
)


@pytest.fixture(scope="module", params=["fi", "en"])
def html(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, str]:
    lang = request.param
    out = tmp_path_factory.mktemp("report") / f"report-{lang}.html"
    result = CliRunner().invoke(
        app,
        ["report", "--lang", lang, "--out", str(out), "--scenario", "proposal-500", "--years", "2"],
    )
    assert result.exit_code == 0, result.output
    return lang, out.read_text("utf-8")


def test_report_holds_the_survey_figures_computed(html: tuple[str, str]) -> None:
    lang, text = html
    n = lambda v: fmt_number(v, lang)  # noqa: E731 - the report's own number format
    for figure in (
        2500,
        4500,
        1116,
        2286,
        1094,
        620,
        1270,
        608,
        605,
        2498,
        2480,
        4185,
        1521,
        9_260_000,
    ):
        assert n(figure) in text, figure
    assert ("22,8 %" if lang == "fi" else "22.8 %") in text  # company pay subsidy bound
    assert ("72,45 %" if lang == "fi" else "72.45 %") in text  # survival after 1 month


def test_report_has_every_chart_and_its_text_alternative(html: tuple[str, str]) -> None:
    _, text = html
    for figure in FIGURES:
        assert f'id="{figure}"' in text, figure
        assert f'aria-labelledby="{figure}-title"' in text, figure
    assert text.count("<svg") >= len(FIGURES) + 4  # + the simulated series
    assert "<script" not in text
    assert "http://" not in text.replace("http://www.w3.org", "")
    assert "https://" not in text


def test_report_cites_sources_and_lists_findings(html: tuple[str, str]) -> None:
    lang, text = html
    assert text.count('class="sources"') >= 10
    assert "Kela, Kelasto" in text
    assert "2\u00a0483" in text or "2,483" in text  # the S1 inconsistency in the findings
    assert ("Lähde" if lang == "fi" else "Source") in text
    assert f'<html lang="{lang}">' in text


def test_charts_speak_the_readers_language(html: tuple[str, str]) -> None:
    lang, text = html
    # the S3 chart's "unknown" service line is a vocabulary value, said in the language
    said, other = ("tuntematon", "unknown") if lang == "fi" else ("unknown", "tuntematon")
    assert f">{said}</text>" in text
    assert f">{other}</text>" not in text


def test_xlsx(tmp_path: Path) -> None:
    report = build_report(default_region(), "en")
    path = write_xlsx(report, tmp_path / "report.xlsx")
    book = load_workbook(path)
    names = sheet_names(report)
    assert "Contents" in book.sheetnames
    assert {names[t] for t in ("t_base", "t_segments", "t_survival", "t_income")} <= set(
        book.sheetnames
    )
    sheet = book[names["t_base"]]
    assert sheet.freeze_panes == "A3"
    values = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]]
    assert values[0][0] == "narrow"
    assert str(values[0][1]).startswith("=MROUND(AVERAGE(")  # live: recomputes from its parts
    assert sheet["B3"].number_format == "#,##0"


def test_chromium_renders_a_screenshot_and_a_pdf(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium is needed: .ci/run installs it (apt-get install chromium)"
    page = tmp_path / "report.html"
    page.write_text(render_html(build_report(default_region(), "fi")), "utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png, pdf = ARTIFACTS / "report-fi.png", ARTIFACTS / "report-fi.pdf"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    subprocess.run(
        [chromium, *flags, "--window-size=1200,1600", f"--screenshot={png}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    subprocess.run(
        [chromium, *flags, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 50_000
    from PIL import Image

    image = Image.open(png).convert("L")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50  # not a blank page
    dark = sum(count for count, value in colours if value < 128)
    assert dark > 0.005 * image.width * image.height
    print(f"screenshot {png}, pdf {pdf}")


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    channel = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2]


def test_text_colours_meet_wcag_aa_contrast() -> None:
    from importlib import resources

    css = (resources.files("polku.report") / "templates" / "report.html.j2").read_text("utf-8")
    import re

    colours = set(re.findall(r"--(?:ink|muted|accent): (#[0-9a-f]{6})", css))
    assert len(colours) == 3
    for colour in colours:
        ratio = (1.05) / (_luminance(colour) + 0.05)  # against white
        assert ratio >= 4.5, (colour, ratio)


def test_the_finnish_report_describes_the_dataset_in_finnish() -> None:
    from polku.report import build_report

    region = default_region()
    assert region.description_fi
    fi = build_report(region, "fi").sections[0].paragraphs
    en = build_report(region, "en").sections[0].paragraphs
    assert region.description_fi in fi
    assert region.description in en
    assert region.description not in fi
