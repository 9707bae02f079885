"""Converting one CSV cell to a typed value, or saying exactly why it cannot be.

:func:`convert` returns ``(value, None)`` or ``(None, (code, params))``; the caller
adds the file, row and column to make a :class:`~polku.findings.Finding`.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum
from typing import Any

from polku.model.vocabulary import Unit

from .schema import FieldSpec

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# A decimal comma, as a Finnish spreadsheet shows 24,8: digits, one comma, digits. Not
# 1,234 (three digits after a comma and no leading zero reads as a thousands group in
# English) nor 1,234,567; those stay text and are refused as not a number.
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+$")
_TRUE = frozenset({"true", "True", "TRUE", "1"})
_FALSE = frozenset({"false", "False", "FALSE", "0"})

Problem = tuple[str, dict[str, Any]]


def _number(text: str) -> float | None:
    if not _NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def decimal_comma(text: str) -> str:
    """``text`` with a decimal comma read as a point (``24,8`` -> ``24.8``); any other
    text (``1,234``, ``1,234,567``, ``24.8``, ``lots``) unchanged."""
    stripped = text.strip()
    if _DECIMAL_COMMA.match(stripped) and not _THOUSANDS.match(stripped):
        return stripped.replace(",", ".")
    return text


def _bounds(spec: FieldSpec, value: float) -> Problem | None:
    info = spec.info
    is_share = info.unit is Unit.PERCENT and info.maximum is not None
    if info.minimum is not None and value < info.minimum:
        if is_share:
            return "share_out_of_range", {}
        return "below_minimum", {"minimum": info.minimum}
    if info.maximum is not None and value > info.maximum:
        return "share_out_of_range", {}
    return None


def _typed(spec: FieldSpec, text: str) -> tuple[Any, Problem | None]:
    if spec.kind == "boolean":
        if text in _TRUE or text in _FALSE:
            return text in _TRUE, None
        return None, ("not_boolean", {})
    if spec.kind in {"integer", "number"}:
        value = _number(text)
        if value is None:
            return None, ("not_a_number", {})
        if spec.kind == "integer":
            if not value.is_integer():
                return None, ("fractional", {})
            return int(value), _bounds(spec, value)
        return value, _bounds(spec, value)
    if issubclass(spec.py_type, StrEnum):
        allowed = spec.enum or ()
        if text not in allowed:
            return None, ("not_in_vocabulary", {"values": ", ".join(allowed)})
        return spec.py_type(text), None
    if spec.info.pattern and not re.fullmatch(spec.info.pattern, text):
        return None, ("pattern", {"description": spec.info.en, "description_fi": spec.info.fi})
    return text, None


def convert(spec: FieldSpec, raw: str) -> tuple[Any, Problem | None]:
    """The typed value of cell text ``raw`` for column ``spec``."""
    text = raw if spec.kind == "string" else raw.strip()
    if text == "" or (spec.kind == "string" and not text.strip()):
        if spec.required:
            return None, ("required", {})
        return None, None
    return _typed(spec, text)


def format_cell(value: Any) -> str:
    """The CSV text of a typed value; the inverse of :func:`convert`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)
