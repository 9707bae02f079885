"""The API's one error shape: ``{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}``.

Every status under ``/api`` that is not a success (404, 405, 409, 413, 422 and any
other HTTP error) answers in FastAPI's own validation shape, so a client reads one form.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from polku.errors import FindingsError, PolkuError

from ..store import ConflictError, NotFoundError


class ErrorItem(BaseModel):
    """One problem: where (``loc``, a key path), what (``msg``) and its code (``type``)."""

    loc: list[str | int] = Field(description="Where: e.g. body, changes, places, ...")
    msg: str
    type: str


class ErrorOut(BaseModel):
    """Every error answer of the API."""

    detail: list[ErrorItem]


def _response(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


Responses = dict[int | str, dict[str, Any]]
NOT_FOUND: Responses = {404: _response("No such row or dataset / ei löydy")}
CONFLICT: Responses = {409: _response("Conflict: taken name or newer save / ristiriita")}
TOO_LARGE: Responses = {413: _response("Request body too large / pyyntö on liian suuri")}
INVALID: Responses = {
    422: _response("Invalid input, each problem with its key path / virheellinen syöte")
}
MALFORMED: Responses = {400: _response("A body that cannot be parsed / jäsentymätön pyyntö")}
REFUSED: Responses = {
    401: _response("Login needed (when the server has a login token) / kirjaudu"),
    403: _response("A cross-site request / toiselta sivustolta tullut pyyntö"),
}
COMMON: Responses = {**MALFORMED, **REFUSED, **TOO_LARGE, **INVALID}


def status_of(exc: PolkuError) -> int:
    """The HTTP status of a Polku error."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConflictError):
        return 409
    return 422


def error_item(loc: list[str | int], msg: str, kind: str) -> dict[str, Any]:
    """One item of :class:`ErrorOut` as JSON."""
    return {"loc": loc, "msg": msg, "type": kind}


def findings_detail(exc: FindingsError, lang: str = "en") -> list[dict[str, Any]]:
    """422 details in FastAPI's shape: the finding's key path as ``loc`` (a scenario's
    ``changes.places.work_trial.add``), else its file, table and column kept whole."""
    out = []
    for f in exc.findings:
        if f.code.startswith("scenario") and f.column:
            loc: list[str | int] = ["body", *f.column.split(".")]
        else:
            loc = ["body", *(part for part in (f.file, f.table, f.column) if part)]
        out.append(error_item(loc, f.describe("fi" if lang == "fi" else "en"), f.code))
    return out


def error_detail(exc: PolkuError, lang: str = "en") -> list[dict[str, Any]]:
    """Any Polku error as :class:`ErrorOut`'s ``detail``."""
    if isinstance(exc, FindingsError):
        return findings_detail(exc, lang)
    text = exc.text(lang) if hasattr(exc, "text") else str(exc)
    kind = {404: "not_found", 409: "conflict"}.get(status_of(exc), "invalid")
    return [error_item(["body"] if kind == "invalid" else ["path"], text, kind)]


__all__ = [
    "COMMON",
    "CONFLICT",
    "INVALID",
    "NOT_FOUND",
    "TOO_LARGE",
    "ErrorItem",
    "ErrorOut",
    "error_detail",
    "error_item",
    "findings_detail",
    "status_of",
]
