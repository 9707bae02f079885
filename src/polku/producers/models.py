"""Funding models of a service (S10, S14, S16, S19) as comparable options.

Every model is paid on the same client flows: the clients of the service month by month
and the periods started, one row per replication of the simulation. Under a contract
the organiser places the producer's share of the clients; under a voucher each client
starting a period chooses the producer (with the voucher share) and stays to the end of
the period, so the producer's clients vary even when the service is full. For one year
(the first 12 months of the flows), with ``W = 52/12`` weeks a month, ``d`` activity
days a week and the weekly price ``P = F + p*d`` (fixed price ``F`` a week and ``p`` an
activity day, S16)::

    client-weeks   = sum over months of clients * W
    per-client     income = client-weeks * P
    block          income = E[per-client income]        (a yearly sum for the capacity)
    compensation   income = client-weeks * d * c         (c: state compensation a day, S10)
    voucher        income = client-weeks(chosen) * P     (each client chooses the producer)
    result bonus   income = (1 - f) * per-client income + b * outcomes
                   b = f * E[per-client income] / (E[periods] * q)   (q: outcome probability)

The block sum and the bonus ``b`` are set so that the models cost the same on average:
they differ in who bears the variation. The organiser pays the producer and its own
guidance cost ``O`` a client-week, and receives the state compensation for the days
(S10), so its cost is ``income + client-weeks * (O - d*c)``; under the compensation
model it passes the compensation on and bears only ``O``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
MONTHS = 12
MODELS = (
    "per_client",
    "block",
    "compensation",
    "voucher",
    "result_open_market",
    "result_wellbeing",
)
RISK = {
    "per_client": "producer",
    "block": "organiser",
    "compensation": "producer",
    "voucher": "producer",
    "result_open_market": "shared",
    "result_wellbeing": "shared",
}
"""Who bears the variation in the number of clients (and, for bonuses, of results)."""


@dataclass(frozen=True)
class Flows:
    """The clients of one service, per replication and month: the whole service (the
    market) and the producer's part of it when the organiser places clients by contract."""

    market_stock: Array  # [R, T] clients of the whole service at the end of each month
    market_starts: Array  # [R, T] periods started in the whole service
    share: float  # the producer's share of the service's clients
    exit_prob: float  # monthly probability that a period ends (1 / mean stay)

    def __post_init__(self) -> None:
        shape = self.market_stock.shape
        if self.market_stock.ndim != 2 or shape[1] < MONTHS:
            raise ValueError(f"flows need [replications, months >= {MONTHS}], not {shape}")
        if self.market_starts.shape != shape:
            raise ValueError("market_stock and market_starts must have the same shape")
        if not 0.0 < self.share <= 1.0:
            raise ValueError(f"share must be in (0, 1], not {self.share}")

    @property
    def stock(self) -> Array:
        """The producer's clients: its share of the service (placed by the organiser)."""
        return self.market_stock * self.share

    @property
    def starts(self) -> Array:
        """Periods started with the producer."""
        return self.market_starts * self.share

    def chosen(self, share: float, rng: np.random.Generator) -> Array:
        """[R, T] the producer's clients when each client chooses it with ``share`` at the
        start of a period and stays to its end (a service voucher)."""
        share = min(max(share, 0.0), 1.0)
        now = rng.binomial(np.rint(self.market_stock[:, 0]).astype(np.int64), share)
        out = np.empty_like(self.market_stock)
        for t in range(self.market_stock.shape[1]):
            if t:
                now = now - rng.binomial(now, self.exit_prob)
                now = now + rng.binomial(np.rint(self.market_starts[:, t]).astype(np.int64), share)
            out[:, t] = now
        return out


@dataclass(frozen=True)
class Terms:
    """Prices and probabilities the models are paid by."""

    price_per_week: float  # F, EUR a client-week
    price_per_day: float  # p, EUR an activity day
    days_per_week: float  # d
    compensation_per_day: float  # c, EUR a client's activity day (state, through the organiser)
    organiser_cost_per_week: float  # O, the organiser's own guidance cost
    voucher_share: float  # share of voucher clients who choose the producer
    result_share: float  # f, share of the price paid as a bonus
    open_market: float  # probability that a period ends in the open market (S5)
    wellbeing: float  # probability of a measured wellbeing gain
    weeks_per_month: float = 46.0 / 12.0  # weeks a place is used (pricing.weeks_per_year)

    @property
    def weekly_price(self) -> float:
        """P = F + p*d."""
        return self.price_per_week + self.price_per_day * self.days_per_week


@dataclass(frozen=True)
class ModelOutcome:
    """One funding model: the producer's yearly income and the organiser's cost."""

    model: str
    income_mean: float
    income_sd: float
    income_p5: float
    income_p95: float
    organiser_mean: float
    organiser_sd: float
    risk: str  # who bears the variation: producer, organiser or shared

    @property
    def income_cv(self) -> float:
        """Coefficient of variation of the producer's income (sd / mean)."""
        return self.income_sd / self.income_mean if self.income_mean else 0.0


def _year(a: Array) -> Array:
    return np.asarray(a[:, :MONTHS].sum(axis=1), dtype=np.float64)


def incomes(flows: Flows, terms: Terms, rng: np.random.Generator) -> dict[str, tuple[Array, Array]]:
    """Per model, the producer's yearly income and the organiser's cost, per replication."""
    weeks = _year(flows.stock) * terms.weeks_per_month
    days = weeks * terms.days_per_week
    guidance = weeks * terms.organiser_cost_per_week
    refund = days * terms.compensation_per_day
    per_client = weeks * terms.weekly_price
    out: dict[str, tuple[Array, Array]] = {
        "per_client": (per_client, per_client + guidance - refund),
    }
    block = np.full_like(per_client, per_client.mean())
    out["block"] = (block, block + guidance - refund)
    out["compensation"] = (refund, guidance)
    # voucher: each client starting a period chooses the producer with voucher_share
    v_weeks = _year(flows.chosen(terms.voucher_share, rng)) * terms.weeks_per_month
    v_income = v_weeks * terms.weekly_price
    v_days = v_weeks * terms.days_per_week
    out["voucher"] = (
        v_income,
        v_income + v_weeks * terms.organiser_cost_per_week - v_days * terms.compensation_per_day,
    )
    periods = np.rint(_year(flows.starts)).astype(np.int64)
    for model, p in (
        ("result_open_market", terms.open_market),
        ("result_wellbeing", terms.wellbeing),
    ):
        p = min(max(p, 0.0), 1.0)
        results = rng.binomial(periods, p).astype(np.float64)
        # the bonus is set in advance so that the expected outcomes pay back what is withheld
        expected = float(periods.mean()) * p
        bonus = terms.result_share * per_client.mean() / expected if expected > 0 else 0.0
        income = (1.0 - terms.result_share) * per_client + bonus * results
        out[model] = (income, income + guidance - refund)
    return out


def compare(flows: Flows, terms: Terms, rng: np.random.Generator) -> tuple[ModelOutcome, ...]:
    """Every funding model's income (mean, spread) and organiser's cost, side by side."""
    rows = []
    for model, (income, cost) in incomes(flows, terms, rng).items():
        p5, p95 = np.percentile(income, [5, 95])
        rows.append(
            ModelOutcome(
                model,
                float(income.mean()),
                float(income.std(ddof=1)) if income.size > 1 else 0.0,
                float(p5),
                float(p95),
                float(cost.mean()),
                float(cost.std(ddof=1)) if cost.size > 1 else 0.0,
                RISK[model],
            )
        )
    return tuple(rows)
