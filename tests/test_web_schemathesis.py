"""schemathesis against the API's own OpenAPI document, with every check: no server
error, statuses, headers, content types and bodies as documented, invalid requests
refused, valid ones accepted, created resources found and deleted ones gone.

Two rules no JSON Schema can state are taken from their own source of truth instead:
an upload is valid when it is a filled template (valid uploads are real workbooks), and
a scenario's changes are valid when the scenario checks pass them (shares that sum to
100, a price for added places...): a schema-valid body the checks refuse must answer
422 with their findings, not be accepted.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import ValidationError
from schemathesis.specs.openapi.checks import positive_data_acceptance

from polku.errors import ScenarioError
from polku.simulation.scenario import scenario_from_data
from polku.web.api.changes import ChangesIn
from polku.web.app import create_app
from web_support import region_workbook

# the schema is read when the module is collected, so the app's database is made here
_FOLDER = Path(tempfile.mkdtemp(prefix="polku-schemathesis-"))
APP = create_app(f"sqlite:///{_FOLDER / 'api.sqlite3'}")
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
WORKBOOK = region_workbook(_FOLDER, "schemathesis-region")


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> Iterator[None]:
    yield
    APP.state.runner.shutdown()
    APP.state.store.engine.dispose()
    shutil.rmtree(_FOLDER, ignore_errors=True)


def _positive(case: Any) -> bool:
    return bool(case.meta is not None and case.meta.generation.mode.is_positive)


def _refused_by_the_checks(case: Any) -> bool:
    """True when the body's changes are schema-valid but the scenario checks refuse them."""
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("changes"), dict):
        return False
    try:
        changes = ChangesIn.model_validate(body["changes"]).as_data()
    except ValidationError:
        return False  # refused by the schema: not a valid request
    try:
        scenario_from_data({"name": "schemathesis", "changes": changes}, "api")
    except ScenarioError:
        return True
    return False


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_is_as_its_openapi_document_says(case: Any) -> None:
    if case.operation.label == "POST /api/datasets" and _positive(case):
        case.body = {"file": WORKBOOK}  # a valid upload is a filled template
    body = case.body
    stochastic = isinstance(body, dict) and body.get("mode") == "stochastic"
    if _positive(case) and stochastic and isinstance(body.get("replications"), int):
        # few replications keep the run short; the API's own bound (500) stays as it is
        body["replications"] = min(body["replications"], 20)
    if _positive(case) and _refused_by_the_checks(case):
        response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
        assert response.status_code in (404, 409, 422), response.text
        if response.status_code == 422:
            assert response.json()["detail"][0]["loc"][:2] == ["body", "changes"]
        return
    case.call_and_validate()
