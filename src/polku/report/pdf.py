"""The report as PDF: Chromium prints the HTML report, with page numbers and bookmarks.

Official documents travel as PDF. The HTML report is self-contained (inline CSS and
SVG), so Chromium prints it without any network: A4, the report's title and "page N of
M" in the footer, and the headings as the PDF's outline (its bookmarks), from a tagged
PDF. Chromium is driven through Playwright (the ``pdf`` extra) using the Chromium
installed on the machine (``POLKU_CHROMIUM``, else ``chromium`` or ``chromium-browser``
on the PATH); nothing is downloaded.
"""

from __future__ import annotations

import html
import importlib.util
import os
import shutil
from pathlib import Path

from polku import files
from polku.errors import OutputError
from polku.i18n import Lang, said

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
PAGE = {"en": "Page {n} of {m}", "fi": "Sivu {n} / {m}"}


def chromium() -> Path:
    """The Chromium to print with, or an error saying how to get one."""
    given = os.environ.get("POLKU_CHROMIUM")
    if given:
        if Path(given).is_file():
            return Path(given)
        raise OutputError(
            f"POLKU_CHROMIUM={given}: no such file; give the path of a Chromium or Chrome "
            "/ Chromium-selainta ei löydy annetusta polusta"
        )
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise OutputError(
        "--pdf needs Chromium: install it (Debian: apt-get install chromium) or set "
        "POLKU_CHROMIUM to its path / PDF vaatii Chromium-selaimen"
    )


def footer(title: str, lang: Lang) -> str:
    """The footer Chromium prints on every page: the title, and the page number."""
    words = html.escape(said(PAGE, lang)).format(
        n='<span class="pageNumber"></span>', m='<span class="totalPages"></span>'
    )
    return (
        '<div style="font: 8px DejaVu Sans, sans-serif; width: 100%; margin: 0 15mm; '
        'display: flex; justify-content: space-between; color: #444;">'
        f"<span>{html.escape(title)}</span><span>{words}</span></div>"
    )


def ready() -> Path:
    """The Chromium to print with, once Playwright is known to be there too: called
    before any work, so a missing tool stops the command before anything is written."""
    browser_path = chromium()
    if importlib.util.find_spec("playwright") is None:
        raise OutputError(
            "--pdf needs Playwright to drive Chromium: pip install 'polku[pdf]' "
            "/ PDF vaatii Playwright-kirjaston"
        )
    return browser_path


def pdf_bytes(page_html: str, title: str, lang: Lang) -> bytes:
    """``page_html`` printed to PDF by Chromium."""
    browser_path = ready()
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(browser_path), args=FLAGS)
            try:
                page = browser.new_page()
                page.route("**/*", lambda route: route.abort())  # self-contained: no network
                page.set_content(page_html, wait_until="load")
                return page.pdf(
                    format="A4",
                    print_background=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=footer(title, lang),
                    margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                    outline=True,
                    tagged=True,
                )
            finally:
                browser.close()
    except Error as exc:
        raise OutputError(
            f"Chromium ({browser_path}) could not print the report: {str(exc).splitlines()[0]} "
            "/ Chromium ei voinut tulostaa raporttia"
        ) from exc


def write_pdf(page_html: str, path: str | Path, title: str, lang: Lang) -> Path:
    """Print ``page_html`` to ``path`` atomically (a failed print leaves the old file)."""
    return files.write_bytes(path, pdf_bytes(page_html, title, lang))


__all__ = ["chromium", "pdf_bytes", "ready", "write_pdf"]
