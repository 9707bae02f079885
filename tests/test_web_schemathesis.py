"""schemathesis against the API's own OpenAPI document: no input gives a server error."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from polku.web.app import create_app

# the schema is read when the module is collected, so the app's database is made here
_FOLDER = Path(tempfile.mkdtemp(prefix="polku-schemathesis-"))
APP = create_app(f"sqlite:///{_FOLDER / 'api.sqlite3'}")
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> Iterator[None]:
    yield
    APP.state.runner.shutdown()
    APP.state.store.engine.dispose()
    shutil.rmtree(_FOLDER, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_input_gives_a_server_error(case: Any) -> None:
    import time

    t = time.perf_counter()
    case.call_and_validate(checks=[not_a_server_error])
    d = time.perf_counter() - t
    if d > 1:
        print(
            "SLOW",
            case.operation.label,
            round(d, 1),
            case.body if hasattr(case, "body") else "",
            case.query,
        )
