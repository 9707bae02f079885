"""A producer's finances as the dataset gives them: income by source, costs, reserves.

Producers are the rows of ``producers.csv`` with an ``income`` figure in
``producer_indicators.csv`` (the embedded dataset has one: the associations together,
S13; nothing is made up per producer). Income by source is the income times the
shares in ``income_mix.csv``. Costs are the sum of the cost items where the data give
them; otherwise the cost per client times the clients (S13 gives both); otherwise the
assumption ``producers.cost_pct_of_income`` of the income.
"""

from __future__ import annotations

from dataclasses import dataclass

from polku.analysis.base import data_input
from polku.assumptions import Assumptions
from polku.errors import AnalysisError
from polku.model.region import Region, rows_where
from polku.model.tables import ProducerIndicator
from polku.model.vocabulary import COST_KINDS, FundingSource, ProducerIndicatorKind, ProducerKind
from polku.provenance import Input

K = ProducerIndicatorKind
PLACE_KINDS = {
    "rehabilitative_work": K.PLACES_REHABILITATIVE_WORK,
    "work_trial": K.PLACES_WORK_TRIAL,
    "pay_subsidy": K.PLACES_PAY_SUBSIDY,
}
CLIENT_KINDS = {
    "rehabilitative_work": K.CLIENTS_REHABILITATIVE_WORK,
    "work_trial": K.CLIENTS_WORK_TRIAL,
    "pay_subsidy": K.CLIENTS_PAY_SUBSIDY,
}


@dataclass(frozen=True)
class Finances:
    """One producer's (or group's) yearly finances."""

    producer: str
    name: str
    period: str
    income: float  # EUR a year
    by_source: dict[str, float]  # funding source -> EUR a year
    costs: float  # EUR a year
    cost_basis: str  # items, cost_per_client or assumption
    cost_items: dict[str, float]  # cost item -> EUR, where the data give them
    reserves: float | None  # EUR, where given
    clients: dict[str, float]  # measure (or "all") -> clients a year
    places: dict[str, float]  # measure -> places
    inputs: tuple[Input, ...]
    aggregate: bool = False  # a group reported together (S13), not one producer

    def share(self, *sources: FundingSource) -> float:
        """The share of income from ``sources`` (0-1)."""
        total = sum(self.by_source.get(s.value, 0.0) for s in sources)
        return total / self.income if self.income else 0.0


def _value(
    rows: tuple[ProducerIndicator, ...], kind: ProducerIndicatorKind
) -> ProducerIndicator | None:
    hits = [r for r in rows if r.indicator is kind]
    return hits[0] if hits else None


def producer_finances(
    region: Region, producer: str, assumptions: Assumptions | None = None
) -> Finances:
    """The finances of ``producer`` in the period of its income figure."""
    a = assumptions or Assumptions()
    names = {p.id: p.name for p in region.producers}
    kinds = {p.id: p.kind for p in region.producers}
    if producer not in names:
        known = ", ".join(names) or "none"
        raise AnalysisError(f"producers.csv: no producer {producer!r} (known: {known})")
    every = rows_where(region.producer_indicators, producer=producer)
    income_row = _value(every, K.INCOME)
    if income_row is None:
        raise AnalysisError(
            f"producer_indicators.csv: no income row for producer {producer!r}; the "
            "producer's finances need its yearly income"
        )
    period = income_row.period
    rows = tuple(r for r in every if r.period == period)
    inputs: list[Input] = [data_input(income_row, income_row.value)]
    mix = rows_where(region.income_mix, producer=producer, period=period)
    total_share = sum(m.share_pct for m in mix)
    by_source = (
        {m.funding_source.value: income_row.value * m.share_pct / total_share for m in mix}
        if total_share
        else {}
    )
    inputs += [data_input(m, m.share_pct) for m in mix]
    items = {k.value: r.value for k in COST_KINDS if (r := _value(rows, k)) is not None}
    inputs += [data_input(r, r.value) for k in COST_KINDS if (r := _value(rows, k)) is not None]
    per_client, clients_row = _value(rows, K.COST_PER_CLIENT), _value(rows, K.CLIENTS)
    if items:
        costs, basis = sum(items.values()), "items"
    elif per_client is not None and clients_row is not None:
        costs, basis = per_client.value * clients_row.value, "cost_per_client"
        inputs += [
            data_input(per_client, per_client.value),
            data_input(clients_row, clients_row.value),
        ]
    else:
        pct = a.number("producers.cost_pct_of_income")
        costs, basis = income_row.value * pct / 100.0, "assumption"
        inputs.append(a.input("producers.cost_pct_of_income"))
    reserves_row = _value(rows, K.RESERVES)
    if reserves_row is not None:
        inputs.append(data_input(reserves_row, reserves_row.value))
    clients = {m: r.value for m, k in CLIENT_KINDS.items() if (r := _value(rows, k)) is not None}
    if clients_row is not None:
        clients["all"] = clients_row.value
    places = {m: r.value for m, k in PLACE_KINDS.items() if (r := _value(rows, k)) is not None}
    return Finances(
        producer,
        names[producer],
        period,
        income_row.value,
        by_source,
        costs,
        basis,
        items,
        reserves_row.value if reserves_row is not None else None,
        clients,
        places,
        tuple(inputs),
        kinds[producer] in (ProducerKind.ASSOCIATION, ProducerKind.ALL),
    )


def all_finances(region: Region, assumptions: Assumptions | None = None) -> tuple[Finances, ...]:
    """Every producer with an income figure, in the order of ``producers.csv``."""
    with_income = {r.producer for r in region.producer_indicators if r.indicator is K.INCOME}
    return tuple(
        producer_finances(region, p.id, assumptions)
        for p in region.producers
        if p.id in with_income
    )
