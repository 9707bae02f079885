"""Who may talk to the dashboard (polku.web.security): hosts, cross-site forms, headers.

The test client checks each rule alone; a real Chromium then visits a hostile page on
another origin that auto-submits a form to the dashboard, as the attack in issue 18
did, and the scenario must still be there.
"""

from __future__ import annotations

import http.server
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from polku.web.app import create_app
from polku.web.security import COOKIE

PROPOSAL = {"places": {"rehabilitative_work": {"add": 500, "from_month": 1}}}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'p.db'}"), follow_redirects=False) as c:
        yield c


def _scenario(client: TestClient) -> int:
    made = client.post("/api/scenarios", json={"name": "plus-500", "changes": PROPOSAL})
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def test_a_foreign_host_is_refused(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'p.db'}")
    with TestClient(app, base_url="http://attacker.example") as evil:
        assert evil.get("/api/datasets").status_code == 400
        assert evil.get("/").status_code == 400
    with TestClient(app, base_url="http://localhost:8000") as local:
        assert local.get("/api/datasets").status_code == 200
    named = create_app(f"sqlite:///{tmp_path / 'q.db'}", hosts=["polku.example.fi"])
    with TestClient(named, base_url="http://polku.example.fi") as ours:
        assert ours.get("/api/datasets").status_code == 200


def test_a_cross_site_form_post_is_refused_and_nothing_changes(client: TestClient) -> None:
    chosen = _scenario(client)
    page = client.get("/scenarios")
    token = client.cookies.get(COOKIE)
    assert token
    assert token in page.text  # the forms carry it
    for headers in (
        {"Origin": "http://evil.example"},
        {"Referer": "http://evil.example/page.html"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "null"},
    ):
        refused = client.post(
            f"/scenarios/{chosen}/delete", data={"csrf_token": token}, headers=headers
        )
        assert refused.status_code == 403, headers
    missing = client.post(f"/scenarios/{chosen}/delete", data={"lang": "en"})
    assert missing.status_code == 403
    assert "security token" in missing.text
    wrong = client.post(f"/scenarios/{chosen}/delete", data={"csrf_token": "x" * 43})
    assert wrong.status_code == 403
    assert client.get(f"/api/scenarios/{chosen}").status_code == 200  # still there
    same = client.post(
        f"/scenarios/{chosen}/delete",
        data={"csrf_token": token, "lang": "en"},
        headers={"Origin": "http://testserver"},
    )
    assert same.status_code in (200, 303)
    assert client.get(f"/api/scenarios/{chosen}").status_code == 404


def test_the_api_refuses_other_sites_but_serves_scripts(client: TestClient) -> None:
    body = {"name": "x1", "changes": PROPOSAL}
    assert (
        client.post("/api/scenarios", json=body, headers={"Origin": "http://evil"}).status_code
        == 403
    )
    assert client.post("/api/scenarios", json=body).status_code == 201  # no Origin: a script


def test_multipart_forms_carry_the_token_too(client: TestClient) -> None:
    client.get("/upload")
    token = client.cookies.get(COOKIE)
    files = {"file": ("x.xlsx", b"not a workbook", "application/octet-stream")}
    refused = client.post("/upload", files=files, data={"lang": "en"})
    assert refused.status_code == 403
    read = client.post("/upload", files=files, data={"lang": "en", "csrf_token": token})
    assert read.status_code != 403  # past the guard: the workbook itself is then refused


def test_every_answer_has_a_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/api/datasets", "/static/style.css", "/no-such-page", "/docs"):
        policy = client.get(path).headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy
        assert "script-src 'self'" in policy
        assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]
    cookie = client.get("/").headers.get("set-cookie", "")
    assert "SameSite=Strict" in cookie or client.cookies.get(COOKIE)


# a real browser ------------------------------------------------------------------------


def _port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def dashboard(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    app = create_app(f"sqlite:///{tmp_path / 'b.db'}")
    port = _port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        app.state.store.engine.dispose()


def test_a_hostile_page_in_a_real_browser_cannot_delete_a_scenario(
    dashboard: tuple[str, Any], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    base, _app = dashboard
    with TestClient(_app, base_url=base) as api:
        chosen = _scenario(api)
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    (hostile / "index.html").write_text(
        f'<html><body><form id="f" method="post" action="{base}/scenarios/{chosen}/delete">'
        '<input name="lang" value="en"></form>'
        "<script>document.getElementById('f').submit()</script></body></html>",
        "utf-8",
    )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(hostile), **kwargs)

        def log_message(self, *_args: object) -> None:
            pass

    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.goto(f"{base}/scenarios")  # the user has the dashboard open: a cookie
            page.goto(f"http://localhost:{other.server_address[1]}/index.html")
            page.wait_for_load_state("networkidle")
            shown = page.content()
            # the user's own form on the dashboard still works (the hidden token)
            page.goto(f"{base}/scenarios?lang=en")
            assert re.search(r'name="csrf_token" value="[A-Za-z0-9_-]{20,}"', page.content())
            browser.close()
    finally:
        other.shutdown()
        other.server_close()
    assert "cross-site request refused" in shown
    with TestClient(_app, base_url=base) as api:
        assert api.get(f"/api/scenarios/{chosen}").status_code == 200


def test_the_database_password_is_never_shown(capsys: pytest.CaptureFixture[str]) -> None:
    from polku.cli import run

    code = run(["serve", "--db", "postgresql+psycopg://planner:sekret123@127.0.0.1:1/polku"])
    shown = capsys.readouterr()
    assert code == 2
    assert "sekret123" not in shown.out + shown.err
    assert "planner:***@127.0.0.1" in shown.err


def _with_part(content: bytes, part: str, data: bytes) -> bytes:
    """The workbook ``content`` with ``part`` replaced by ``data`` (deflated)."""
    import io
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for item in old.infolist():
            new.writestr(item.filename, data if item.filename == part else old.read(item))
    return out.getvalue()


def test_a_zip_bomb_and_a_huge_cell_are_refused_fast_in_little_memory(
    client: TestClient, tmp_path: Path
) -> None:
    import tracemalloc

    from web_support import region_workbook

    good = region_workbook(tmp_path)
    huge_cell = (  # one inline cell of 20 MiB in the first sheet
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + b"a" * 20_971_520
        + b"</t></is></c></row></sheetData></worksheet>"
    )
    bomb = _with_part(good, "xl/worksheets/sheet1.xml", huge_cell)
    assert len(bomb) < 1_000_000  # small on the wire
    for name in ("bomb.xlsx",):
        tracemalloc.start()
        started = time.perf_counter()
        answer = client.post(
            "/api/datasets", files={"file": (name, bomb, "application/octet-stream")}
        )
        took = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert answer.status_code in (413, 422), answer.text
        assert took < 1.0
        assert peak < 8_000_000  # bytes allocated while answering, the upload included
    assert all(d["name"] != "test-region" for d in client.get("/api/datasets").json())
    # a long cell within the part limit: refused by Excel's own 32 767 characters
    from openpyxl import load_workbook

    path = tmp_path / "long.xlsx"
    path.write_bytes(good)
    wb = load_workbook(path)
    wb["areas"]["H2"] = "x" * 40_000  # openpyxl writes at most 32 767 of them
    wb.save(path)
    import io
    import zipfile

    longer = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(longer)) as z:
        part = next(n for n in z.namelist() if b"x" * 32767 in z.read(n))
        data = z.read(part).replace(b"x" * 32767, b"x" * 40_000)
    path.write_bytes(_with_part(longer, part, data))
    long = client.post(
        "/api/datasets",
        files={"file": ("long.xlsx", path.read_bytes(), "application/octet-stream")},
    )
    assert long.status_code == 422
    assert long.json()["detail"][0]["type"] == "cell_too_long"


def test_one_name_rule_everywhere(client: TestClient, tmp_path: Path) -> None:
    from dataclasses import replace

    from polku import default_region
    from polku.cli import run
    from polku.data.workbook import write_template

    book = tmp_path / "bad.xlsx"
    write_template(replace(default_region(), name="../../../tmp/x"), book, "en")
    answer = client.post(
        "/api/datasets", files={"file": ("bad.xlsx", book.read_bytes(), "application/octet-stream")}
    )
    assert answer.status_code == 422
    assert "name" in answer.text
    assert not [d for d in client.get("/api/datasets").json() if "tmp" in d["name"]]
    assert run(["import", str(book), "--out", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()
    assert run(["fetch", "--area", "TA-SUUPOHJA", "--dry-run", "--name", "a b"]) == 3


def test_an_optional_login_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLKU_LOGIN_TOKEN", "s3cret-token")
    with TestClient(create_app(f"sqlite:///{tmp_path / 'l.db'}")) as c:
        refused = c.get("/api/datasets")
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith("Basic")
        assert c.get("/", auth=("anyone", "wrong")).status_code == 401
        assert c.get("/", auth=("anyone", "s3cret-token")).status_code == 200
        bearer = {"Authorization": "Bearer s3cret-token"}
        assert c.get("/api/datasets", headers=bearer).status_code == 200
    monkeypatch.delenv("POLKU_LOGIN_TOKEN")
    with TestClient(create_app(f"sqlite:///{tmp_path / 'm.db'}")) as open_:
        assert open_.get("/api/datasets").status_code == 200  # off by default
