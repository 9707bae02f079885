"""The organiser's multi-producer system (S10): producers' shares, activation by area."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.model.region import Region
from polku.model.tables import BenefitDaysCount
from polku.model.vocabulary import BenefitDaysClass, Measure, ProducerKind
from polku.provenance import Input

from .base import Result, data_input, latest, main_area, maybe
from .clients import days_total

_AGGREGATES = frozenset({ProducerKind.ALL, ProducerKind.ASSOCIATION})


@dataclass(frozen=True)
class ProducerShare:
    """One producer kind's clients and share of all clients of a measure."""

    measure: str
    producer: str
    clients: int
    share: float  # 0-1


@dataclass(frozen=True)
class AreaActivation:
    """An area's share of a measure's clients against its share of subsidy recipients."""

    area: str
    measure: str
    share_of_clients: float  # 0-1
    share_of_recipients: float | None  # None when the dataset has no recipients for the area
    ratio: float | None  # > 1: more activated than its share of recipients


@dataclass(frozen=True)
class Producers(Result):
    """Clients by producer kind and activation by area (S10)."""

    shares: tuple[ProducerShare, ...]
    activation: tuple[AreaActivation, ...]

    def records(self) -> list[dict[str, Any]]:
        return [vars(s) for s in self.shares]

    def share(self, producer: str, measure: str = Measure.REHABILITATIVE_WORK) -> float:
        """The share of ``producer`` among the measure's clients."""
        return next(
            s.share for s in self.shares if (s.producer, s.measure) == (producer, str(measure))
        )


def producers(region: Region) -> Producers:
    """Each producer kind's share of clients; each area's activation against recipients."""
    area = main_area(region)
    inputs: list[Input] = []
    shares = []
    for measure in Measure:
        rows = [
            r
            for r in latest(region.producer_clients, area=area, measure=measure)
            if r.producer not in _AGGREGATES
        ]
        total = sum(r.clients for r in rows)
        for r in rows:
            shares.append(
                ProducerShare(
                    measure.value, r.producer.value, r.clients, r.clients / total if total else 0.0
                )
            )
            inputs.append(data_input(r, r.clients))
    recipients = _recipients(region)
    whole = recipients.get(area)
    activation = []
    for act in region.activation_shares:
        own = recipients.get(act.area)
        share_of_recipients = None
        if own is not None and whole is not None and whole[0]:
            share_of_recipients = own[0] / whole[0]
            inputs += [data_input(r, r.recipients) for r in (*own[1], *whole[1])]
        ratio = act.share_pct / 100.0 / share_of_recipients if share_of_recipients else None
        activation.append(
            AreaActivation(
                act.area, act.measure.value, act.share_pct / 100.0, share_of_recipients, ratio
            )
        )
        inputs.append(data_input(act, act.share_pct))
    return Producers(tuple(inputs), tuple(shares), tuple(activation))


def _recipients(region: Region) -> dict[str, tuple[int, list[BenefitDaysCount]]]:
    """Each area's subsidy recipients in its latest period: the printed ``all`` row, else
    the sum of the benefit-day classes."""
    out = {}
    for area in dict.fromkeys(r.area for r in region.benefit_days):
        period = max(r.period for r in region.benefit_days if r.area == area)
        total = days_total(region, area, period, BenefitDaysClass.ALL)
        if total is not None:
            out[area] = total
    return out


def total_clients(region: Region, measure: Measure) -> int | None:
    """The printed total of a measure's clients, if the dataset has one."""
    row = maybe(
        region.producer_clients, area=main_area(region), measure=measure, producer=ProducerKind.ALL
    )
    return None if row is None else row.clients
