"""What every analysis shares: provenance of inputs, results with ``to_frame()``, lookups.

An analysis is a pure function ``f(region, rules, assumptions) -> Result``. Its result
is a frozen dataclass that lists the inputs it used (:class:`Input`: a dataset row, a
rule value or an assumption, each with its source and whether it is an estimate), so
that every figure a user sees can say where it came from.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from polku.data.required import region_code
from polku.errors import AnalysisError
from polku.model.columns import Row
from polku.model.region import Region
from polku.provenance import Input

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")


def data_input(row: Row, value: Any, *fields: str) -> Input:
    """An :class:`Input` for a dataset row: its table, key, value and provenance."""
    key = "/".join(str(getattr(row, f)) for f in (fields or row.KEY))
    return Input("data", f"{row.TABLE}:{key}", value, row.source, row.estimate)


@dataclass(frozen=True)
class Result:
    """Base of every analysis result: rows for a table, and the inputs used."""

    inputs: tuple[Input, ...]

    def records(self) -> list[dict[str, Any]]:
        """The result as a list of flat records (one per table row)."""
        raise NotImplementedError

    def to_frame(self) -> pd.DataFrame:
        """The result as a pandas DataFrame (one row per record)."""
        import pandas as pd

        return pd.DataFrame.from_records(self.records())

    def sources(self) -> list[str]:
        """The distinct sources of the inputs, in order of first use."""
        return list(dict.fromkeys(i.source for i in self.inputs))


def round_half_up(value: float, step: float = 1.0) -> float:
    """Round to the nearest multiple of ``step``, halves away from zero.

    Examples:
        >>> round_half_up(1093.5), round_half_up(2489, 500), round_half_up(4631.3, 500)
        (1094.0, 2500.0, 4500.0)
    """
    scaled = abs(value) / step
    return math.copysign(math.floor(scaled + 0.5) * step, value)


def main_area(region: Region) -> str:
    """The code of the region the dataset describes (its one area of level region).

    Falls back to the top-most area that is not the whole country.
    """
    code = region_code(region)
    if code is None:
        raise AnalysisError("areas.csv: no area of level region; the analyses need one")
    return code


def latest(rows: Sequence[T], **conditions: object) -> tuple[T, ...]:
    """The rows matching ``conditions`` in the latest period among them (a dataset may
    hold several years; the analyses describe the latest)."""
    hits = [r for r in rows if all(getattr(r, k) == v for k, v in conditions.items())]
    last = max((str(getattr(r, "period", "")) for r in hits), default="")
    return tuple(r for r in hits if str(getattr(r, "period", "")) == last)


def find_latest(
    rows: Sequence[T], what: str, *, table: str | None = None, **conditions: object
) -> T:
    """The one row matching ``conditions`` in the latest period that has one;
    :class:`AnalysisError` names the file and what is missing."""
    return find(latest(rows, **conditions), what, table=table or _table(rows), **conditions)


def _table(rows: Sequence[object]) -> str:
    return str(getattr(rows[0], "TABLE", "")) if rows else ""


def find(rows: Sequence[T], what: str, *, table: str | None = None, **conditions: object) -> T:
    """The one row matching ``conditions``; :class:`AnalysisError` names the file and what
    is missing."""
    hits = [r for r in rows if all(getattr(r, k) == v for k, v in conditions.items())]
    if len(hits) != 1:
        name = table or (getattr(rows[0], "TABLE", "") if rows else "")
        place = f"{name}.csv" if name else "the results"
        where = ", ".join(f"{k} {v}" for k, v in conditions.items() if v not in ("", None))
        problem = "no row" if not hits else f"{len(hits)} rows"
        raise AnalysisError(
            f"{place}: {problem} for {what} ({where}); the analysis needs exactly one"
        )
    return hits[0]


def maybe(rows: Sequence[T], **conditions: object) -> T | None:
    """The one row matching ``conditions``, or None."""
    hits = [r for r in rows if all(getattr(r, k) == v for k, v in conditions.items())]
    return hits[0] if len(hits) == 1 else None
