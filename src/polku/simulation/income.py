"""The associations' income by source: as the data give it, and as it varies.

:func:`income_by_source` adds up every association's income by funding source (S13);
:func:`income_noise` draws the yearly variation of their project money and sales for
the stochastic mode, on a stream of its own (common random numbers).
"""

from __future__ import annotations

import numpy as np

from polku.assumptions import Assumptions
from polku.model.region import Region, rows_where
from polku.model.vocabulary import ProducerIndicatorKind, ProducerKind

from .network import Array

SOURCES = (
    "purchased_services",
    "maintenance_compensation",
    "pay_subsidies",
    "sales",
    "employment_grants",
    "state_grants",
    "municipal_grants",
    "other",
)


_ASSOCIATIONS = (
    ProducerKind.ASSOCIATION,
    ProducerKind.ASSOCIATION_PURCHASE,
    ProducerKind.ASSOCIATION_MAINTENANCE,
)


def income_by_source(region: Region) -> dict[str, float]:
    """The associations' yearly income by funding source (S13): every association with an
    income figure, its income times its shares in ``income_mix.csv`` of the same period.
    An income without shares counts as ``other`` (``polku check`` warns of it)."""
    kinds = {p.id: p.kind for p in region.producers}
    out: dict[str, float] = {}
    for row in region.producer_indicators:
        if row.indicator is not ProducerIndicatorKind.INCOME:
            continue
        if kinds.get(row.producer) not in _ASSOCIATIONS:
            continue
        mix = rows_where(region.income_mix, producer=row.producer, period=row.period)
        total = sum(m.share_pct for m in mix)
        parts = {m.funding_source.value: m.share_pct / total for m in mix} if total else {}
        for source, share in (parts or {"other": 1.0}).items():
            out[source] = out.get(source, 0.0) + row.value * share
    return out


_NOISY = {
    "sim.grant_cv_pct": ("employment_grants", "state_grants", "municipal_grants"),
    "sim.sales_cv_pct": ("sales", "other"),
}


def income_noise(a: Assumptions, replications: int, months: int, seed: int) -> Array:
    """[R, T, len(SOURCES)] multipliers of the associations' income by source: a draw a
    year (log-normal with mean 1 and the assumed variation) for the project money and the
    sales, 1 for the sources that follow clients and places. One stream of its own, so
    the baseline and every scenario draw the same years (common random numbers)."""
    years = -(-months // 12)
    rng = np.random.default_rng([seed, 7_2017])
    out = np.ones((replications, years, len(SOURCES)))
    for name, sources in _NOISY.items():
        cv = a.number(name) / 100.0
        if cv <= 0:
            continue
        sigma = np.sqrt(np.log1p(cv * cv))
        draws = rng.lognormal(-sigma * sigma / 2.0, sigma, (replications, years, len(sources)))
        for j, source in enumerate(sources):
            out[:, :, SOURCES.index(source)] = draws[:, :, j]
    return np.repeat(out, 12, axis=1)[:, :months]
