"""The databases the web tests run on: a SQLite file always, PostgreSQL when given.

``POLKU_TEST_POSTGRES`` is a SQLAlchemy URL of a database the tests may empty
(``.ci/run`` starts a server and sets it). Without it the PostgreSQL variants are
skipped, unless ``POLKU_REQUIRE_POSTGRES=1`` (set by CI), which makes them fail, so
that CI cannot pass without running them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from polku import default_region
from polku.data.workbook import write_template

BACKENDS = ("sqlite", "postgresql")


def empty_postgres(url: str) -> None:
    """Drop everything in the test database's public schema."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def database_url(kind: str, tmp: Path) -> Iterator[str]:
    """A fresh, empty database of ``kind``."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp / 'polku-test.sqlite3'}"
        return
    url = os.environ.get("POLKU_TEST_POSTGRES")
    if not url:
        if os.environ.get("POLKU_REQUIRE_POSTGRES") == "1":
            pytest.fail("POLKU_REQUIRE_POSTGRES=1 but POLKU_TEST_POSTGRES is not set")
        pytest.skip("set POLKU_TEST_POSTGRES to run the PostgreSQL variant (.ci/run does)")
    empty_postgres(url)
    yield url
    empty_postgres(url)


def region_workbook(tmp: Path, name: str = "test-region") -> bytes:
    """The embedded region under another name, as a filled Excel template."""
    region = replace(default_region(), name=name)
    return write_template(region, tmp / f"{name}.xlsx", "en").read_bytes()


class PageClient:
    """Wraps a ``TestClient`` as a page does: the first request fetches the security
    cookie, and every later form post repeats it in ``X-CSRF-Token`` as htmx does from
    the page's ``hx-headers`` (the hidden form field is tested in a real browser)."""

    UNSAFE = ("POST", "PUT", "PATCH", "DELETE")

    def __init__(self, client: Any) -> None:
        self._client = client
        client.get("/static/style.css")  # any answer sets the cookie

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        if method.upper() in self.UNSAFE:
            token = self._client.cookies.get("polku_csrf")
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRF-Token", token or "")
            kwargs["headers"] = headers
        return self._client.request(method, url, **kwargs)

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> Any:
        return self.request("PUT", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> Any:
        return self.request("DELETE", url, **kwargs)

    def __enter__(self) -> PageClient:
        self._client.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)
