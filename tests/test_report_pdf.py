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
