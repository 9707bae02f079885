"""Build the region's :class:`Network` from its dataset, and report how well it fits.

- The unemployed are tracked a month at a time for their first 14 benefit months and
  then by benefit-day class (300-499, 500-999, 1000+ days), advancing from a class bin
  with probability 1 / its width in months.
- Exits from unemployment (to a measure's queue or elsewhere) in the first months come
  from the S2 survival curve, exactly: the monthly hazard of each interval. In the
  class bins, the hazards of leaving elsewhere are fitted so that the steady state
  reproduces the S4 stock of recipients in those classes.
- Measure durations by Little's law where the data have a stock and ended periods
  (rehabilitative work: clients / ended periods a month); otherwise named assumptions.
- Places from the dataset (S10 clients, S8 availability).
- Referrals are pulled by capacity: each month the organiser refers, from the eligible
  unemployed, enough people to fill the places that free up and to keep a waiting list
  of ``sim.waiting_list_pct`` of the places.
- Outcome shares from S5, with Dirichlet posteriors given the period counts.
- Segment shares from S7 on entering the client base (300 benefit days).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray

from polku.analysis.base import main_area, maybe
from polku.analysis.flows import survival
from polku.assumptions import Assumptions, parse_shares
from polku.errors import AnalysisError
from polku.model.region import Region, rows_where
from polku.model.vocabulary import (
    BenefitDaysClass,
    ClientBaseDefinition,
    IndicatorKind,
    Measure,
    Outcome,
    ProducerKind,
    Segment,
)

from .engine import Trajectory, run
from .network import (
    CLASS_BOUNDS,
    CLASSES,
    DAYS_PER_MONTH,
    DESTINATIONS,
    SEGMENTS,
    Array,
    Network,
    benefit_class,
)
from .network import Measure as SimMeasure

MONTHLY_BINS = 14  # 14 months x 21.75 days = 304.5 days: then the client base starts
QUEUE_MONTHS = 4  # waiting 0, 1, 2 and 3+ months: enough to serve the longest waiting first
FIT_CLASSES = (1, 2, 3)
WARM_MONTHS = 36  # months a calibration round runs on from the last round's state
MAX_ROUNDS = 200
_OUTCOME_ORDER = (Outcome.OPEN_MARKET, Outcome.SUBSIDISED, Outcome.SERVICE_OR_EDUCATION)
ROUTED_SEGMENTS = {
    "rehabilitative_work": ("yellow", "red"),
    "pay_subsidy": ("none", "green", "yellow"),
    "work_trial": ("none", "green", "yellow"),
    "education": ("none", "green", "yellow"),
}
CONTINUING = ("rehabilitative_work", "work_trial")
MIN_CLASS = {"rehabilitative_work": 1, "pay_subsidy": 0, "work_trial": 0, "education": 0}


@dataclass(frozen=True)
class Check:
    """One line of the calibration report."""

    target: str
    data: float
    model: float
    unit: str = ""
    note: str = ""  # what difference remains and why, where one does
    note_fi: str = ""

    @property
    def error(self) -> float:
        """Model minus data."""
        return self.model - self.data

    @property
    def relative(self) -> float:
        """(model - data) / data."""
        return self.error / self.data if self.data else 0.0


@dataclass(frozen=True)
class Calibration:
    """The calibrated network and the report of how it fits the data."""

    network: Network
    checks: tuple[Check, ...]
    durations: dict[str, float]


def _bins() -> tuple[Array, Array, NDArray[np.int64], Array]:
    """Advance probabilities, representative days, classes and S2 hazards of the bins."""
    days = [d * DAYS_PER_MONTH for d in range(MONTHLY_BINS)]
    widths = [(hi - lo) / DAYS_PER_MONTH for lo, hi in pairwise(CLASS_BOUNDS[1:])]
    days += [
        (CLASS_BOUNDS[1] + CLASS_BOUNDS[2]) / 2,
        (CLASS_BOUNDS[2] + CLASS_BOUNDS[3]) / 2,
        CLASS_BOUNDS[3] + 1,
    ]
    advance = [1.0] * MONTHLY_BINS + [1.0 / w for w in widths] + [0.0]
    classes = np.array([benefit_class(d) for d in days], dtype=np.int64)
    return np.array(advance), np.array(days), classes, np.zeros(len(days))


def _survival_hazards(region: Region, bins: int) -> Array:
    """Monthly hazards of leaving unemployment (to anywhere) in the monthly bins, from S2."""
    hazard = np.zeros(bins)
    steps = survival(region).steps
    for step in steps:
        hazard[step.from_months : step.months] = step.monthly_hazard
    hazard[steps[-1].months : MONTHLY_BINS] = steps[-1].monthly_hazard
    return hazard


def _outcomes(
    region: Region, area: str, measure: Measure, uncertain: bool, continuing: float
) -> tuple[Array, Array, float]:
    """Outcome shares [destinations..., back to unemployment, next period of the same
    measure]: S5's "in a service or education" is split by ``continuing``."""
    rows = list(rows_where(region.outcomes, area=area, measure=measure))
    shares = np.zeros(len(DESTINATIONS) + 2)
    total_n = 0.0
    for producer in dict.fromkeys(r.producer for r in rows):
        own = {r.outcome: r.share_pct for r in rows if r.producer == producer}
        periods = maybe(region.measure_periods, area=area, measure=measure, producer=producer)
        n = float(periods.ended_periods) if periods else 1.0
        vector = np.zeros(len(DESTINATIONS) + 2)
        for i, outcome in enumerate(_OUTCOME_ORDER):
            vector[i] = own.get(outcome, 0.0)
        vector[6] = vector[2] * continuing
        vector[2] -= vector[6]
        vector[4] = own.get(Outcome.UNKNOWN, 0.0)
        vector[5] = own.get(Outcome.UNEMPLOYED, 0.0)
        if vector.sum() > 0:
            shares += n * vector / vector.sum()
            total_n += n
    if total_n == 0:
        raise AnalysisError(f"outcomes.csv has no outcome shares for {measure} in {area}")
    mean = shares / total_n
    alpha = 1.0 + total_n * mean if uncertain else np.zeros_like(mean)
    return mean, np.where(mean > 0, alpha, 0.0), total_n


def _places_and_months(region: Region, area: str, a: Assumptions) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    rehab_total = maybe(
        region.producer_clients,
        area=area,
        measure=Measure.REHABILITATIVE_WORK,
        producer=ProducerKind.ALL,
    )
    ended = maybe(
        region.measure_periods,
        area=area,
        measure=Measure.REHABILITATIVE_WORK,
        producer=ProducerKind.ALL,
    )
    for cap in rows_where(region.service_capacity, area=area):
        name = cap.measure.value
        if cap.measure is Measure.REHABILITATIVE_WORK:
            places = float(rehab_total.clients if rehab_total else cap.clients)
            if ended is None or ended.ended_periods == 0:
                raise AnalysisError("measure_periods.csv lacks ended rehabilitative-work periods")
            out[name] = (places, places / (ended.ended_periods / 12.0))  # Little's law
        elif cap.measure is Measure.PAY_SUBSIDY:
            months = a.number("sim.months.pay_subsidy")
            out[name] = (cap.clients * months / 12.0, months)  # starts a year x length
        else:
            out[name] = (float(cap.clients), a.number(f"sim.months.{name}"))
    return out


def _segment_shares(region: Region, area: str) -> Array:
    shares = np.zeros(len(SEGMENTS))
    for row in rows_where(region.segments, area=area, definition=ClientBaseDefinition.NARROW):
        shares[SEGMENTS.index(row.segment.value)] = row.share_pct
    if shares.sum() == 0:
        shares[SEGMENTS.index(Segment.YELLOW.value)] = 1.0
    return np.asarray(shares / shares.sum(), dtype=np.float64)


def _destinations(a: Assumptions) -> Array:
    out = np.zeros((len(SEGMENTS), len(DESTINATIONS)))
    for i, segment in enumerate(SEGMENTS):
        for key, share in parse_shares(a.text(f"sim.exits.{segment}") or "unknown:100").items():
            out[i, DESTINATIONS.index(key)] = share
    return out


def build(
    region: Region,
    assumptions: Assumptions | None = None,
    months: int = 60,
    accrue_in_measures: bool = False,
) -> Calibration:
    """Calibrate the network of ``region``; raises :class:`AnalysisError` if data lack."""
    a = assumptions or Assumptions()
    area = main_area(region)
    inflow = maybe(region.indicators, area=area, indicator=IndicatorKind.UNEMPLOYMENT_INFLOW)
    if inflow is None:
        raise AnalysisError(f"indicators.csv has no unemployment_inflow for {area}")
    uncertain = a.number("sim.outcome_uncertainty") >= 0.5
    burn = int(a.number("sim.burn_in_months"))
    measures = []
    capacity = _places_and_months(region, area, a)
    if not capacity:
        raise AnalysisError(
            f"service_capacity.csv has no rows for {area}: the simulation needs the region's "
            f"places / service_capacity.csv: alueella {area} ei ole paikkoja"
        )
    for name, (places, mean_months) in capacity.items():
        continuing = a.number(f"sim.continue_pct.{name}") / 100.0 if name in CONTINUING else 0.0
        if name == "education":
            mean, alpha, _ = _education_outcomes()
        else:
            mean, alpha, _ = _outcomes(region, area, Measure(name), uncertain, continuing)
        routed = np.array([1.0 if s in ROUTED_SEGMENTS[name] else 0.0 for s in SEGMENTS])
        waiting = a.number("sim.waiting_list_pct") / 100.0
        measures.append(
            SimMeasure(
                name,
                np.full(burn, places),
                1.0 / max(mean_months, 1.0),
                MIN_CLASS[name],
                routed,
                mean,
                alpha,
                waiting,
            )
        )
    advance, days, classes, _ = _bins()
    n_bins = len(days)
    net = Network(
        months=burn,
        inflow=np.full(burn, inflow.value),
        hazard=_survival_hazards(region, n_bins),
        advance=advance,
        bin_class=classes,
        bin_days=days,
        segment_bin=MONTHLY_BINS,
        segment_shares=_segment_shares(region, area),
        destinations=_destinations(a),
        measures=tuple(measures),
        queue_months=QUEUE_MONTHS,
        abandon_prob=a.number("sim.abandon_pct") / 100.0,
        priority=a.text("sim.priority") or "first_come",
        segment_priority=(2, 1, 3, 0),
        return_bin=np.array([MONTHLY_BINS // 2, n_bins - 3, n_bins - 2, n_bins - 1]),
        referral_mode="pull",
        queue_advance=np.array([1.0 / MONTHLY_BINS, *advance[MONTHLY_BINS:-1], 0.0]),
        initial_u=np.zeros((n_bins, len(SEGMENTS))),
        initial_q=np.zeros((len(measures), QUEUE_MONTHS, len(CLASSES), len(SEGMENTS))),
        initial_m=np.zeros((len(measures), len(CLASSES), len(SEGMENTS))),
    )
    net = _fit(region, area, net)
    net = _ranges(net, a)
    return Calibration(
        replace(
            net,
            months=months,
            inflow=np.full(months, inflow.value),
            measures=tuple(replace(m, places=m.places[:1].repeat(months)) for m in net.measures),
        ),
        _report(region, area, net),
        {k: v[1] for k, v in capacity.items()},
    )


def _ranges(net: Network, a: Assumptions) -> Network:
    """Assumptions given as ranges (``low..high``): drawn per replication when stochastic."""
    abandon = a.range("sim.abandon_pct")
    measures = []
    for m in net.measures:
        name = f"sim.months.{m.name}"
        bounds = a.range(name) if name in _MONTH_ASSUMPTIONS else None
        measures.append(replace(m, months_range=bounds))
    return replace(
        net,
        measures=tuple(measures),
        abandon_range=(abandon[0] / 100.0, abandon[1] / 100.0) if abandon else None,
    )


_MONTH_ASSUMPTIONS = ("sim.months.pay_subsidy", "sim.months.work_trial", "sim.months.education")


def _education_outcomes() -> tuple[Array, Array, float]:
    """Education has no S5 column: back to unemployment, open market or unknown, assumed."""
    mean = np.array([0.25, 0.0, 0.15, 0.0, 0.15, 0.45, 0.0])
    return mean, np.zeros_like(mean), 0.0


def _targets(region: Region, area: str) -> Array:
    wanted = (
        BenefitDaysClass.FROM_300_TO_499,
        BenefitDaysClass.FROM_500_TO_999,
        BenefitDaysClass.FROM_1000,
    )
    out = []
    for cls in wanted:
        row = maybe(region.benefit_days, area=area, days_class=cls)
        if row is None:
            raise AnalysisError(f"benefit_days.csv has no {cls} row for {area}")
        out.append(float(row.recipients))
    return np.array(out)


def _class_stocks(net: Network, u: Array, q: Array) -> Array:
    """Unemployed and waiting people by benefit-day class."""
    by_class = np.array([u[net.bin_class == c].sum() for c in range(len(CLASSES))])
    return np.asarray(by_class + q.sum(axis=(0, 1, 3)), dtype=np.float64)


def _data_state(net: Network, targets: Array) -> Network:
    """A starting state from the data: the S2 flow in the monthly bins, S4 beyond."""
    u = np.zeros((net.bins, len(SEGMENTS)))
    survive = np.cumprod(np.concatenate([[1.0], 1.0 - net.hazard[:-1]]))
    u[:MONTHLY_BINS, 0] = float(net.inflow[0]) * survive[:MONTHLY_BINS]
    for j, c in enumerate(FIT_CLASSES):
        u[net.bin_class == c] = targets[j] * net.segment_shares
    m = np.zeros_like(net.initial_m)
    for i, measure in enumerate(net.measures):
        weights = np.outer([0.0, 1.0, 1.0, 1.0], measure.route > 0)
        m[i] = float(measure.places[0]) * weights / max(weights.sum(), 1.0)
    return replace(net, initial_u=u, initial_m=m)


def _eligible_stock(net: Network, u: Array, m: int) -> float:
    measure = net.measures[m]
    mask = (net.bin_class >= measure.min_class)[:, None] * (measure.route > 0)[None, :]
    return float((u * mask).sum())


def _fit(region: Region, area: str, net: Network) -> Network:
    """Fit the class hazards so that S4 is a steady state; in the monthly bins, the
    hazard of leaving elsewhere is S2's hazard less the steady referral rate."""
    targets = _targets(region, area)
    total = net.hazard.copy()  # S2: leaving to anywhere, in the monthly bins
    class_hazard = np.full(len(FIT_CLASSES), 0.05)
    state = _data_state(net, targets)
    referral = np.zeros(MONTHLY_BINS)
    step = min(net.months, WARM_MONTHS)
    for _ in range(MAX_ROUNDS):
        hazard = total.copy()
        hazard[:MONTHLY_BINS] = np.clip(total[:MONTHLY_BINS] - referral, 0.0, 1.0)
        hazard[MONTHLY_BINS:] = class_hazard
        net = replace(state, hazard=hazard)
        final = run(net.with_months(step))  # warm start: each round goes on from the last
        state = replace(
            net, initial_u=final.final_u[0], initial_q=final.final_q[0], initial_m=final.final_m[0]
        )
        ratios = _class_stocks(net, final.final_u[0], final.final_q[0])[list(FIT_CLASSES)]
        ratios = ratios / np.maximum(targets, 1e-9)
        new_hazard = np.clip(class_hazard * ratios**0.6, 1e-4, 0.5)
        new_referral = _steady_referral(net, final)
        settled = np.abs(new_hazard / class_hazard - 1.0).max() < 1e-4
        class_hazard = new_hazard
        if settled and np.abs(new_referral - referral).max() < 1e-6:
            break
        referral = new_referral
    hazard = total.copy()
    hazard[:MONTHLY_BINS] = np.clip(total[:MONTHLY_BINS] - referral, 0.0, 1.0)
    hazard[MONTHLY_BINS:] = class_hazard
    final = run(replace(state, hazard=hazard))
    return replace(
        state,
        hazard=hazard,
        initial_u=final.final_u[0],
        initial_q=final.final_q[0],
        initial_m=final.final_m[0],
    )


def _steady_referral(net: Network, final: Trajectory) -> Array:
    """The last month's referral rate of the not-yet-segmented in each monthly bin."""
    rate = final.referral_rate[0, -1]  # [M]
    return np.asarray(
        (net.eligible()[:, :MONTHLY_BINS, 0] * rate[:, None]).sum(axis=0), dtype=np.float64
    )


def _report(region: Region, area: str, net: Network) -> tuple[Check, ...]:
    checks = []
    traj = run(net.with_months(1))
    leave = net.hazard[:MONTHLY_BINS] + _steady_referral(net, traj)
    for step in survival(region).steps:
        model = float(np.prod(1.0 - leave[: step.months]))
        checks.append(Check(f"survival_{step.months}m", step.share, model, unit="share"))
    by_class = _class_stocks(net, traj.final_u[0], traj.final_q[0])
    for j, c in enumerate(FIT_CLASSES):
        checks.append(
            Check(
                f"recipients_{CLASSES[c]}_days",
                float(_targets(region, area)[j]),
                float(by_class[c]),
                unit="persons",
            )
        )
    for i, m in enumerate(net.measures):
        checks.append(
            Check(
                f"stock_{m.name}",
                float(m.places[0]),
                float(traj.in_measure[0, -1, i].sum()),
                unit="persons",
            )
        )
    return tuple(checks)
