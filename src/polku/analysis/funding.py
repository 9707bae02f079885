"""The associations' income (S13): euros by source, cost per client, concentration, cuts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.errors import AnalysisError
from polku.model.region import Region, rows_where
from polku.model.tables import IncomeShare, ProducerIndicator
from polku.model.vocabulary import ProducerIndicatorKind, ProducerKind
from polku.provenance import Input

from .base import Result, data_input, find_latest, latest


@dataclass(frozen=True)
class SourceIncome:
    """One funding source: share, euros, and the effect of cutting it."""

    funding_source: str
    share: float  # 0-1
    income: float  # EUR
    income_after_cut: float  # total income if this source alone is cut
    loss_pct: float  # of total income


@dataclass(frozen=True)
class Funding(Result):
    """The associations' (or one producer's) income mix and its exposure to cuts."""

    producer: str
    period: str
    income: float
    clients: float | None
    cost_per_client: float | None
    concentration: float  # Herfindahl-Hirschman index of the shares, 0-1
    cut_pct: float
    income_after_overall_cut: float
    by_source: tuple[SourceIncome, ...]

    def records(self) -> list[dict[str, Any]]:
        return [vars(s) for s in self.by_source]


def herfindahl(shares: list[float]) -> float:
    """Concentration of an income mix: the sum of squared shares (1 = a single source).

    Examples:
        >>> herfindahl([0.5, 0.5]), herfindahl([1.0])
        (0.5, 1.0)
    """
    total = sum(shares)
    return sum((s / total) ** 2 for s in shares) if total else 0.0


def cut_loss(income: float, source_income: float, cut: float, knock_on: float = 0.0) -> float:
    """Income lost when one source is cut by ``cut`` (0-1) and ``knock_on`` (0-1) of that
    cut is lost from every other source too (S12: a cut by one funder reduces the others).

    Examples:
        >>> cut_loss(100.0, 30.0, 0.5), cut_loss(100.0, 30.0, 0.5, knock_on=0.1)
        (15.0, 18.5)
    """
    return source_income * cut + (income - source_income) * cut * knock_on


_MEMBERS = (ProducerKind.ASSOCIATION_PURCHASE, ProducerKind.ASSOCIATION_MAINTENANCE)


def reporting_producers(region: Region) -> tuple[str, ...]:
    """The producers whose income S13 describes: the associations reported together (a
    producer of kind ``association``) where the dataset has such a group with an income,
    else every association with an income, else every producer with one."""
    kinds = {p.id: p.kind for p in region.producers}
    with_income = list(
        dict.fromkeys(
            r.producer
            for r in region.producer_indicators
            if r.indicator is ProducerIndicatorKind.INCOME
        )
    )
    if not with_income:
        raise AnalysisError("producer_indicators.csv has no income row for any producer")
    groups = [p for p in with_income if kinds.get(p) is ProducerKind.ASSOCIATION]
    members = [p for p in with_income if kinds.get(p) in _MEMBERS]
    return tuple(groups or members or with_income)


@dataclass(frozen=True)
class _Own:
    """One producer's figures: its latest income, the shares of that period, clients and
    the change of funding."""

    income: ProducerIndicator
    mix: tuple[IncomeShare, ...]
    clients: ProducerIndicator | None
    change: ProducerIndicator | None


def _own(region: Region, producer: str) -> _Own:
    figures = rows_where(region.producer_indicators, producer=producer)
    income = find_latest(
        figures, "income", table="producer_indicators", indicator=ProducerIndicatorKind.INCOME
    )
    clients = latest(figures, indicator=ProducerIndicatorKind.CLIENTS, period=income.period)
    change = latest(figures, indicator=ProducerIndicatorKind.FUNDING_CHANGE)
    return _Own(
        income,
        rows_where(region.income_mix, producer=producer, period=income.period),
        clients[0] if clients else None,
        change[0] if change else None,
    )


def _by_source(members: list[_Own]) -> dict[str, float]:
    """Income by source in euros: each producer's income times its normalised shares."""
    out: dict[str, float] = {}
    for m in members:
        total = sum(s.share_pct for s in m.mix) or 100.0
        for s in m.mix:
            key = s.funding_source.value
            out[key] = out.get(key, 0.0) + m.income.value * s.share_pct / total
    return out


def _change(region: Region, members: list[_Own]) -> tuple[float | None, list[ProducerIndicator]]:
    """The fall of funding: the income-weighted mean of the producers' changes, else any
    change the dataset gives."""
    given = [m for m in members if m.change is not None]
    weight = sum(m.income.value for m in given)
    if given and weight:
        rows = [m.change for m in given if m.change is not None]
        mean = sum(m.income.value * m.change.value for m in given if m.change) / weight
        return abs(mean), rows
    other = latest(region.producer_indicators, indicator=ProducerIndicatorKind.FUNDING_CHANGE)
    return (abs(other[0].value), [other[0]]) if other else (None, [])


def funding(
    region: Region, assumptions: Assumptions | None = None, producer: str | None = None
) -> Funding:
    """Income by source in euros, cost per client, concentration, and cuts by source.

    ``producer`` None takes the associations together (:func:`reporting_producers`):
    their incomes and income by source are summed, the clients too where every one
    gives them. A cut of ``funding.cut_pct`` (default: the dataset's reported fall,
    income-weighted over the producers) is applied to each source in turn;
    ``funding.knock_on_pct`` of it is lost from every other source as well (the
    survey's S12: a cut by one funder reduces the others).
    """
    a = assumptions or Assumptions()
    members = [_own(region, p) for p in ((producer,) if producer else reporting_producers(region))]
    income = sum(m.income.value for m in members)
    fallback, changes = _change(region, members)
    cut = a.number("funding.cut_pct", fallback) / 100.0
    knock_on = a.number("funding.knock_on_pct") / 100.0
    sources = []
    for source, euros in _by_source(members).items():
        loss = cut_loss(income, euros, cut, knock_on)
        share = euros / income if income else 0.0
        lost = 100.0 * loss / income if income else 0.0
        sources.append(SourceIncome(source, share, euros, income - loss, lost))
    inputs: list[Input] = []
    for m in members:
        inputs.append(data_input(m.income, m.income.value))
        inputs += [data_input(s, s.share_pct) for s in m.mix]
        if m.clients is not None:
            inputs.append(data_input(m.clients, m.clients.value))
    inputs += [data_input(c, c.value) for c in changes]
    inputs += [a.input("funding.cut_pct", cut * 100), a.input("funding.knock_on_pct")]
    counted = [m.clients.value for m in members if m.clients is not None]
    clients = sum(counted) if len(counted) == len(members) else None
    return Funding(
        tuple(inputs),
        "+".join(m.income.producer for m in members),
        ", ".join(sorted({m.income.period for m in members})),
        income,
        clients,
        income / clients if clients else None,
        herfindahl([s.share for s in sources]),
        cut * 100,
        income * (1 - cut),
        tuple(sources),
    )
