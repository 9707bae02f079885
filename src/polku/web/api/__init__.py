"""The JSON API under ``/api``: datasets, analyses, rules, prices, scenarios, runs, files.

Every input is a typed field checked by pydantic; scenario changes are typed by the
scenario file's keys and bounds (:mod:`.changes`) and then go through the same checks
as a scenario file. Every error answers in one shape (:mod:`.errors`): ``detail`` a
list of ``loc``, ``msg`` and ``type``. Each route is a module-level function; the store,
catalog and runner come by ``Depends`` (:mod:`polku.web.deps`). Nothing a user sends
reaches a file path, a shell or SQL text.
"""

from __future__ import annotations

from fastapi import APIRouter

from . import datasets, files, runs, scenarios
from .errors import ErrorOut, error_detail, findings_detail, status_of
from .models import SCENARIO_NAME, Id, Name

router = APIRouter(prefix="/api")
for _module in (datasets, scenarios, runs, files):
    router.include_router(_module.router)

__all__ = [
    "SCENARIO_NAME",
    "ErrorOut",
    "Id",
    "Name",
    "error_detail",
    "findings_detail",
    "router",
    "status_of",
]
