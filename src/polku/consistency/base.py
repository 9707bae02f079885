"""Shared machinery of the consistency checks: the checker, grouping and rounding.

A source's totals may not add up, its shares may not sum to 100 %, its text may
contradict its chart. Such figures are kept as printed; these checks report each
disagreement as a warning with the numbers, never a silent fix. Rounding is allowed
for: a printed share is trusted to half a unit of its last printed decimal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from polku.findings import Finding, Level
from polku.model.region import Region
from polku.model.vocabulary import (
    AreaLevel,
    BenefitDaysClass,
    ProducerKind,
    ServiceLine,
    Unit,
)

ALL_LINES = tuple(line.value for line in ServiceLine)
DAY_BINS = (
    BenefitDaysClass.UNDER_300,
    BenefitDaysClass.FROM_300_TO_499,
    BenefitDaysClass.FROM_500_TO_999,
    BenefitDaysClass.FROM_1000,
)
DAYS_PARTS = {
    BenefitDaysClass.ALL: DAY_BINS,
    BenefitDaysClass.AT_LEAST_300: DAY_BINS[1:],
}
AGGREGATE_PRODUCERS = frozenset({ProducerKind.ALL, ProducerKind.ASSOCIATION})
LEVEL_BELOW = {
    AreaLevel.COUNTRY: AreaLevel.REGION,
    AreaLevel.REGION: AreaLevel.SUBREGION,
    AreaLevel.SUBREGION: AreaLevel.MUNICIPALITY,
}
ADDITIVE_UNITS = frozenset({Unit.PERSONS, Unit.PERSONS_PER_MONTH, Unit.EUR})


def rounding(value: float) -> float:
    """Half a unit of the last printed decimal: 0.5 for 25, 0.05 for 24.8."""
    return 0.5 if float(value).is_integer() else 0.05


@dataclass(frozen=True)
class Checker:
    """A region and its CSV row numbers; makes warnings that point at a row."""

    region: Region
    lines: Mapping[str, Sequence[int]]

    def indexed(self, table: str) -> list[tuple[int, Any]]:
        return list(enumerate(self.region.table(table)))

    def warn(
        self,
        table: str,
        index: int,
        column: str | None,
        code: str,
        found: float | str,
        **params: Any,
    ) -> Finding:
        lines = self.lines.get(table)
        row = lines[index] if lines is not None and index < len(lines) else index + 2
        shown = round(found, 2) if isinstance(found, float) else found
        return Finding(
            Level.WARNING,
            code,
            table=table,
            row=row,
            column=column,
            found=shown,
            file=f"{table}.csv",
            params=params,
        )


def groups(
    rows: Iterable[tuple[int, Any]], key: Callable[[Any], tuple[object, ...]]
) -> dict[tuple[object, ...], list[Any]]:
    out: dict[tuple[object, ...], list[tuple[int, Any]]] = defaultdict(list)
    for index, row in rows:
        out[key(row)].append((index, row))
    return dict(out)
