"""Health of a producer's finances, a stress test, joint organisation and the market path.

- Health (S13, S14): income concentration (Herfindahl index of the sources), the share
  of project and ad hoc money, months of reserves, dependence on pay subsidies, the
  employer's own share of pay-subsidised wages, and the probability of a deficit next
  year given the simulated income.
- Stress test: one source (or all) cut by a share (default the survey's 35 % fall);
  ``producers.cost_adjustment_pct`` of the lost income is saved in costs the same year.
- Joint organisation (S18): incomes and costs added up, overheads saved
  (``producers.pooled_overhead_saving_pct`` of staff and premises costs), the spread of
  the pooled income against each member's.
- Market path (S17): grants closed to market-based sales removed, sales changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from polku.analysis.funding import cut_loss, herfindahl
from polku.model.vocabulary import (
    MARKET_LOST_SOURCES,
    PROJECT_SOURCES,
    FundingSource,
    ProducerIndicatorKind,
)

from .finances import Finances

Array = NDArray[np.float64]
ALL_SOURCES = "all"


@dataclass(frozen=True)
class Health:
    """Health indicators of one producer's finances."""

    producer: str
    income: float
    costs: float
    result: float  # income - costs, EUR a year
    concentration: float | None  # Herfindahl index of the income sources, 0-1
    project_share: float | None  # share of project and ad hoc money, 0-1
    pay_subsidy_share: float | None  # dependence on pay subsidies, 0-1
    reserve_months: float | None  # months of costs the reserves cover
    employer_share: float | None  # pay-subsidised wages not covered by the subsidy, EUR
    next_year_mean: float | None  # expected income next year (simulation)
    next_year_p5: float | None
    next_year_p95: float | None
    deficit_probability: float | None  # P(income < costs next year)


def deficit(income: Array, f: Finances, adjust: float) -> Array:
    """Next year's result for each simulated income: costs fall by ``adjust`` of the loss."""
    loss = np.maximum(f.income - income, 0.0)
    return np.asarray(income - (f.costs - adjust * loss), dtype=np.float64)


def health(f: Finances, next_year: Array | None = None, adjust: float = 0.0) -> Health:
    """The indicators of ``f``; ``next_year`` are simulated incomes (EUR, one a replication)."""
    wages = f.cost_items.get(ProducerIndicatorKind.PAY_SUBSIDISED_WAGES.value)
    subsidy = f.by_source.get(FundingSource.PAY_SUBSIDIES.value, 0.0)
    known = bool(f.by_source)  # income by source given (income_mix.csv)
    stats: tuple[float | None, ...] = (None, None, None, None)
    if next_year is not None and next_year.size:
        p5, p95 = np.percentile(next_year, [5, 95])
        result = deficit(next_year, f, adjust)
        stats = (float(next_year.mean()), float(p5), float(p95), float((result < 0).mean()))
    return Health(
        f.producer,
        f.income,
        f.costs,
        f.income - f.costs,
        herfindahl(list(f.by_source.values())) if known else None,
        f.share(*PROJECT_SOURCES) if known else None,
        f.share(FundingSource.PAY_SUBSIDIES) if known else None,
        12.0 * f.reserves / f.costs if f.reserves is not None and f.costs else None,
        wages - subsidy if wages is not None else None,
        *stats,
    )


@dataclass(frozen=True)
class StressRow:
    """One source (or all) cut: what is left and whether the producer goes into deficit."""

    producer: str
    source: str  # a funding source, or "all"
    cut_pct: float
    lost: float  # EUR a year
    income_after: float
    result_after: float  # EUR a year, after the costs saved
    in_deficit: bool
    reserve_months_left: float | None  # months the reserves cover such deficits


def stress(
    f: Finances, cut_pct: float, adjust: float = 0.0, knock_on: float = 0.0
) -> tuple[StressRow, ...]:
    """Cut each source in turn (losing ``knock_on`` of the cut from the others too, as in
    the analyses), then all together, by ``cut_pct``."""
    cut = cut_pct / 100.0
    cases = [(s, cut_loss(f.income, v, cut, knock_on)) for s, v in f.by_source.items()]
    cases.append((ALL_SOURCES, f.income * cut))
    rows = []
    for source, lost in cases:
        result = f.income - lost - (f.costs - adjust * lost)
        months = None
        if f.reserves is not None:
            # negative equity covers nothing
            months = max(f.reserves, 0.0) / (-result / 12.0) if result < 0 else float("inf")
        rows.append(
            StressRow(
                f.producer, source, cut_pct, lost, f.income - lost, result, result < 0, months
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class Pooled:
    """Producers organised jointly (S18): spread and finances before and after."""

    members: tuple[str, ...]
    cv_before: tuple[float, ...]  # each member's income coefficient of variation
    cv_weighted: float  # sum of sds / sum of means: the members side by side
    cv_pooled: float  # of the pooled income
    overhead_saving: float | None  # EUR a year, where staff and premises costs are given
    result_before: float  # sum of the members' results
    result_after: float
    deficit_before: tuple[float, ...]  # each member's probability of a deficit
    deficit_after: float
    health_before: tuple[Health, ...]  # each member's indicators
    health_after: Health  # the joint organisation's


def _add(maps: Sequence[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for m in maps:
        for k, v in m.items():
            out[k] = out.get(k, 0.0) + v
    return out


def _cv(x: Array) -> float:
    mean = float(x.mean())
    return float(x.std(ddof=1)) / mean if mean and x.size > 1 else 0.0


def pool(
    members: Sequence[Finances], samples: Sequence[Array], saving_pct: float, adjust: float = 0.0
) -> Pooled:
    """Pool ``members`` whose simulated incomes are ``samples`` (one array each, same size)."""
    if len(members) < 2 or len(members) != len(samples):
        raise ValueError("pooling needs two or more producers, each with its simulated income")
    overhead = [
        sum(
            f.cost_items.get(k.value, 0.0)
            for k in (ProducerIndicatorKind.STAFF_COSTS, ProducerIndicatorKind.PREMISES_COSTS)
        )
        for f in members
    ]
    known = any(f.cost_items for f in members)
    saving = saving_pct / 100.0 * sum(overhead) if known else None
    total = np.sum(np.stack(samples), axis=0)
    reserves = [f.reserves for f in members if f.reserves is not None]
    joint = replace(
        members[0],
        producer="+".join(f.producer for f in members),
        name=" + ".join(f.name for f in members),
        income=sum(f.income for f in members),
        by_source=_add([f.by_source for f in members]),
        costs=sum(f.costs for f in members) - (saving or 0.0),
        cost_items=_add([f.cost_items for f in members]),
        reserves=sum(reserves) if len(reserves) == len(members) else None,
        clients=_add([f.clients for f in members]),
        places=_add([f.places for f in members]),
        inputs=tuple(i for f in members for i in f.inputs),
    )
    sds = sum(float(s.std(ddof=1)) for s in samples)
    means = sum(float(s.mean()) for s in samples)
    return Pooled(
        tuple(f.producer for f in members),
        tuple(_cv(s) for s in samples),
        sds / means if means else 0.0,
        _cv(total),
        saving,
        sum(f.income - f.costs for f in members),
        joint.income - joint.costs,
        tuple(
            float((deficit(s, f, adjust) < 0).mean()) for f, s in zip(members, samples, strict=True)
        ),
        float((deficit(total, joint, adjust) < 0).mean()),
        tuple(health(f, s, adjust) for f, s in zip(members, samples, strict=True)),
        health(joint, total, adjust),
    )


def market_path(f: Finances, sales_change_pct: float) -> Finances:
    """``f`` after a move to market-based sales: separate grants gone, sales changed (S17)."""
    lost = {s.value for s in MARKET_LOST_SOURCES}
    by_source = {
        s: v * (1.0 + sales_change_pct / 100.0) if s == FundingSource.SALES.value else v
        for s, v in f.by_source.items()
        if s not in lost
    }
    return replace(f, by_source=by_source, income=sum(by_source.values()))
