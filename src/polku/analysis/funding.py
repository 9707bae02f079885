"""The associations' income (S13): euros by source, cost per client, concentration, cuts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.errors import AnalysisError
from polku.model.region import Region, rows_where
from polku.model.vocabulary import ProducerIndicatorKind
from polku.provenance import Input

from .base import Result, data_input, find


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
    """A producer's (or the associations') income mix and its exposure to cuts."""

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


def _reporting_producer(region: Region) -> str:
    """The producer (or group) whose income the dataset reports; the first one listed."""
    with_income = [
        r.producer
        for r in region.producer_indicators
        if r.indicator is ProducerIndicatorKind.INCOME
    ]
    if not with_income:
        raise AnalysisError("producer_indicators.csv has no income row for any producer")
    return with_income[0]


def funding(
    region: Region, assumptions: Assumptions | None = None, producer: str | None = None
) -> Funding:
    """Income by source in euros, cost per client, concentration, and cuts by source.

    A cut of ``funding.cut_pct`` (default: the dataset's reported fall) is applied to
    each source in turn; ``funding.knock_on_pct`` of it is lost from every other source
    as well (the survey's S12: a cut by one funder reduces the others).
    """
    a = assumptions or Assumptions()
    producer = producer or _reporting_producer(region)
    figures = rows_where(region.producer_indicators, producer=producer)
    income_row = find(
        figures, "income", table="producer_indicators", indicator=ProducerIndicatorKind.INCOME
    )
    period = income_row.period
    mix = rows_where(region.income_mix, producer=producer, period=period)
    clients_row = next(
        (r for r in figures if r.indicator is ProducerIndicatorKind.CLIENTS and r.period == period),
        None,
    )
    change_row = next(
        (r for r in figures if r.indicator is ProducerIndicatorKind.FUNDING_CHANGE), None
    )
    fallback = abs(change_row.value) if change_row else None
    cut = a.number("funding.cut_pct", fallback) / 100.0
    knock_on = a.number("funding.knock_on_pct") / 100.0
    total_share = sum(m.share_pct for m in mix) or 100.0
    income = income_row.value
    sources = []
    for m in mix:
        share = m.share_pct / total_share
        loss = cut_loss(income, income * share, cut, knock_on)
        sources.append(
            SourceIncome(
                m.funding_source.value, share, income * share, income - loss, 100.0 * loss / income
            )
        )
    inputs: list[Input] = [data_input(income_row, income)]
    inputs += [data_input(m, m.share_pct) for m in mix]
    clients = clients_row.value if clients_row else None
    if clients_row is not None:
        inputs.append(data_input(clients_row, clients))
    if change_row is not None:
        inputs.append(data_input(change_row, change_row.value))
    inputs += [a.input("funding.cut_pct", cut * 100), a.input("funding.knock_on_pct")]
    return Funding(
        tuple(inputs),
        producer,
        period,
        income,
        clients,
        income / clients if clients else None,
        herfindahl([s.share for s in sources]),
        cut * 100,
        income * (1 - cut),
        tuple(sources),
    )
