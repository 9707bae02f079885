"""Service needs against availability (S8) and the rehabilitative-work gap (S9)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.model.region import Region
from polku.model.vocabulary import IndicatorKind, Measure, ProposalItem
from polku.provenance import Input

from .base import Result, data_input, latest, main_area, maybe


@dataclass(frozen=True)
class NeedRow:
    """Clients needing one kind of service, narrow and broad."""

    need: str
    clients_narrow: int
    clients_broad: int


@dataclass(frozen=True)
class CapacityRow:
    """A measure's clients now, its need where known, the gap, and a proposal."""

    measure: str
    available: int
    need: float | None
    gap: float | None
    added_low: float | None
    added_high: float | None
    remaining_gap_low: float | None  # after the larger proposal
    remaining_gap_high: float | None  # after the smaller proposal


@dataclass(frozen=True)
class NeedsAndCapacity(Result):
    """Needs by kind and capacity by measure, with the gaps the data allow (S8, S9)."""

    needs: tuple[NeedRow, ...]
    capacity: tuple[CapacityRow, ...]

    def records(self) -> list[dict[str, Any]]:
        return [vars(c) for c in self.capacity]

    def measure(self, measure: str) -> CapacityRow:
        """The capacity row of ``measure``."""
        return next(c for c in self.capacity if c.measure == measure)

    def total_need(self, definition: str) -> int:
        """Sum of all kinds of need under ``definition`` (narrow or broad)."""
        return sum(getattr(n, f"clients_{definition}") for n in self.needs)


def needs_and_capacity(region: Region) -> NeedsAndCapacity:
    """Compare needs with the places available, measure by measure."""
    area = main_area(region)
    inputs: list[Input] = []
    needs = []
    for row in latest(region.service_needs, area=area):
        needs.append(NeedRow(row.need.value, row.clients_narrow, row.clients_broad))
        inputs.append(data_input(row, (row.clients_narrow, row.clients_broad)))
    capacity = []
    for cap in latest(region.service_capacity, area=area):
        need = None
        if cap.measure is Measure.REHABILITATIVE_WORK:
            needs_given = latest(
                region.indicators, area=area, indicator=IndicatorKind.REHABILITATIVE_WORK_NEED
            )
            need_row = needs_given[0] if needs_given else None
            if need_row is not None:
                need = need_row.value
                inputs.append(data_input(need_row, need))
        added = maybe(
            region.proposals, area=area, measure=cap.measure, item=ProposalItem.ADDED_PLACES
        )
        low = high = None
        if added is not None:
            low, high = added.low, added.high
            inputs.append(data_input(added, (low, high)))
        gap = None if need is None else need - cap.clients
        capacity.append(
            CapacityRow(
                cap.measure.value,
                cap.clients,
                need,
                gap,
                low,
                high,
                None if gap is None or high is None else gap - high,
                None if gap is None or low is None else gap - low,
            )
        )
        inputs.append(data_input(cap, cap.clients))
    return NeedsAndCapacity(tuple(inputs), tuple(needs), tuple(capacity))
