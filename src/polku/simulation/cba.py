"""A scenario's cost-benefit account by payer, against the baseline as the counterfactual.

For each bearer of public money (the state, the municipalities' share, the organiser),
the scenario's spending less the baseline's, month by month and replication by
replication, is a saving where it is lower and a cost where it is higher. What the
baseline achieves on its own (deadweight) is thereby not credited to the scenario.

- Present values discount month ``t`` (0 = the first) at ``(1 + r) ** -((t + 1) / 12)``,
  ``r`` the real discount rate a year (``cba.discount_rate_pct``).
- A payer's net present value is its discounted savings less its discounted added
  costs. Benefits are the payers' positive net present values, costs the negative ones
  (as positive amounts); money moved from one payer to another adds to both alike.
- Optimism bias (``cba.optimism_bias_pct``), as HM Treasury's Green Book adjusts
  appraised costs, raises the public sector's net added spending of every month in
  which the payers together spend more; a month of mere transfers between payers is not
  raised. The raise is a cost of its own (``bias_pv``) in the public net present value,
  the costs and the payback; the payers' own accounts are shown without it.
- The payback month is the first month from which the public sector's cumulative
  discounted net saving stays at or above zero to the end of the horizon; none if it
  never does.
- The associations' income is not a payer's: its change (present value) is shown as
  what flows to them.

Every figure is a distribution over replications (p5, mean, p95); in the expected mode
the three coincide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from polku.assumptions import Assumptions

from .draws import Array
from .money import PAYERS

BEARERS = ("state", "municipal_share", "organiser")  # who bears public money (not Kela)
QUANTILES = (5, 50, 95)


@dataclass(frozen=True)
class CostBenefit:
    """A scenario's account: per replication, present values in EUR."""

    discount_rate_pct: float
    optimism_bias_pct: float
    months: int
    npv: dict[str, Array]  # bearer or "public" -> [R]
    benefits: Array  # [R]
    costs: Array  # [R], the optimism bias included
    bias: Array  # [R] present value of the optimism-bias raise (a cost, positive)
    associations: Array  # [R] present value of the change of the associations' income
    payback: Array  # [R] month index (1-based) from which paid back; 0 = never

    def bcr(self) -> Array:
        """Benefit-cost ratio per replication (NaN where nothing was spent)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.costs > 0, self.benefits / self.costs, np.nan)

    def to_dict(self) -> dict[str, Any]:
        """The account as ``summary.json`` gives it (see docs/simulation-json.md)."""
        ratio = self.bcr()
        paid = self.payback[self.payback > 0]
        return {
            "discount_rate_pct": self.discount_rate_pct,
            "optimism_bias_pct": self.optimism_bias_pct,
            "months": self.months,
            "npv": {k: bands(v) for k, v in self.npv.items()},
            "benefits_pv": bands(self.benefits),
            "costs_pv": bands(self.costs),
            "bias_pv": bands(self.bias),
            "bcr": bands(ratio[np.isfinite(ratio)]) if np.isfinite(ratio).any() else None,
            "associations_income_pv": bands(self.associations),
            "payback": {
                "share_paid_back": round(float((self.payback > 0).mean()), 4),
                "month_p50": int(np.percentile(paid, 50)) if paid.size else None,
            },
        }


def bands(values: Array) -> dict[str, float]:
    """``values`` over replications: mean, p5, p50 and p95, rounded to 3 decimals."""
    q = np.percentile(values, QUANTILES)
    return {
        "mean": round(float(values.mean()), 3),
        "p5": round(float(q[0]), 3),
        "p50": round(float(q[1]), 3),
        "p95": round(float(q[2]), 3),
    }


def discount(months: int, rate_pct: float) -> Array:
    """The discount factor of each month: ``(1 + r) ** -((t + 1) / 12)``.

    Examples:
        >>> [round(float(f), 4) for f in discount(12, 3.5)[[0, 11]]]
        [0.9971, 0.9662]
    """
    t = np.arange(1, months + 1, dtype=np.float64)
    return np.asarray((1.0 + rate_pct / 100.0) ** (-t / 12.0), dtype=np.float64)


def cost_benefit(
    base_payers: Array,
    payers: Array,
    base_income: Array,
    income: Array,
    assumptions: Assumptions | None = None,
) -> CostBenefit:
    """The account of a run (``payers`` ``[R, T, len(PAYERS)]`` EUR a month, ``income``
    ``[R, T, sources]``) against the baseline's (the same shapes; a baseline of one
    replication, as the expected mode gives, is broadcast)."""
    a = assumptions or Assumptions()
    rate = a.number("cba.discount_rate_pct")
    bias = a.number("cba.optimism_bias_pct")
    months = min(payers.shape[1], base_payers.shape[1])
    factor = discount(months, rate)
    saved = (
        np.stack(
            [
                base_payers[:, :months, PAYERS.index(b)] - payers[:, :months, PAYERS.index(b)]
                for b in BEARERS
            ],
            axis=2,
        )
        * factor[None, :, None]
    )  # [R, T, bearers], discounted
    npv = {b: saved[:, :, i].sum(axis=1) for i, b in enumerate(BEARERS)}
    by_payer = np.stack([npv[b] for b in BEARERS], axis=1)  # [R, bearers]
    public = saved.sum(axis=2)  # [R, T]
    raise_ = np.where(public < 0, -public * bias / 100.0, 0.0)  # [R, T], a cost
    npv["public"] = (public - raise_).sum(axis=1)
    benefits = np.where(by_payer > 0, by_payer, 0.0).sum(axis=1)
    costs = np.where(by_payer < 0, -by_payer, 0.0).sum(axis=1) + raise_.sum(axis=1)
    payback = _payback(np.cumsum(public - raise_, axis=1))
    change = (income[:, :months].sum(axis=2) - base_income[:, :months].sum(axis=2)) * factor
    return CostBenefit(
        rate,
        bias,
        months,
        npv,
        benefits,
        costs,
        raise_.sum(axis=1),
        change.sum(axis=1),
        payback.astype(np.float64),
    )


def _payback(cumulative: Array) -> Array:
    """Per replication, the first month (1-based) from which ``cumulative`` stays >= 0;
    0 where it ends below zero."""
    below = cumulative < -0.5  # half a euro: a sum of transfers that cancel is not a loss
    # the last month below zero, counted from the start; none below: paid back at once
    last_below = np.where(below.any(axis=1), below.shape[1] - np.argmax(below[:, ::-1], axis=1), 0)
    paid = last_below < cumulative.shape[1]
    return np.where(paid, last_below + 1, 0)
