"""The API reference at ``/docs`` in a real browser: one page made from the OpenAPI
document (Swagger UI nests buttons and fails contrast and language checks), listing
every operation and schema, with no WCAG 2.1 A/AA violation of any impact (axe-core)."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page

import test_web_browser as browser_tests

# the browser tests' fixtures: a uvicorn server (SQLite and PostgreSQL), Chromium, a page
server = browser_tests.server
pw = browser_tests.pw
browser = browser_tests.browser
context = browser_tests.context
page = browser_tests.page


def test_docs_list_every_operation_and_have_no_accessibility_violations(
    page: Page, server: str
) -> None:
    with urllib.request.urlopen(f"{server}/openapi.json", timeout=30) as answer:
        spec = json.load(answer)
    page.goto("/docs")
    assert page.locator("html").get_attribute("lang") == "en"
    for path, item in spec["paths"].items():
        for method, op in item.items():
            heading = page.locator(f"[id='{op['operationId']}'] h3")
            assert heading.inner_text().split() == [method.upper(), path]
    for name in spec["components"]["schemas"]:
        assert page.locator(f"[id='schema-{name}'] h3").inner_text() == name
    assert page.locator("script").count() == 0
    violations = browser_tests.axe_violations(page)
    lines = [f"- {v['id']} ({v['impact']}): {v['help']}; {v['targets']}" for v in violations]
    assert not violations, "axe on /docs:\n" + "\n".join(lines)
