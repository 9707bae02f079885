"""Where a figure came from: a dataset row, a rule value or an assumption."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Input:
    """One input of a computation and where it came from."""

    kind: str  # "data", "rule" or "assumption"
    name: str  # table and key, rule parameter, or assumption name
    value: Any
    source: str  # statistic and period, law or page, or the assumption's note
    estimate: bool  # an estimate, an unverified rule value, or an assumption
