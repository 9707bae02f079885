"""A second, small region written by hand for tests: other areas, other numbers.

Lapland-like codes (MK19, SK191, KU698) with round synthetic figures, so that each
analysis's expected value can be derived by hand in the tests. :func:`small_region`
lacks rows the simulation needs (a dataset the simulation cannot carry);
:func:`three_producer_region` adds them, with three associations each reporting its
own income.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from polku.model import (
    ActivationShare,
    Area,
    AreaIndicator,
    BenefitDaysCount,
    IncomeShare,
    JobseekerCount,
    MeasurePeriods,
    OutcomeShare,
    Producer,
    ProducerClients,
    ProducerIndicator,
    ProposalParameter,
    Region,
    SegmentShare,
    ServiceCapacity,
    ServiceNeed,
    SurvivalPoint,
)
from polku.model.vocabulary import (
    AreaLevel,
    BenefitDaysClass,
    ClientBaseDefinition,
    FundingSource,
    IndicatorKind,
    JobseekerGroup,
    Measure,
    NeedKind,
    Outcome,
    ProducerIndicatorKind,
    ProducerKind,
    ProposalItem,
    Segment,
    Unit,
)

P: dict[str, Any] = {"source": "test figure", "estimate": False}


def _jobseekers() -> tuple[JobseekerCount, ...]:
    rows = []
    for period, scale in (("2016-03", 1.0), ("2015-03", 0.8)):
        for group, (l03, l05) in (
            (JobseekerGroup.UNEMPLOYED, (700, 300)),
            (JobseekerGroup.ALL, (1200, 600)),
        ):
            rows += [
                JobseekerCount("MK19", period, group, "03", int(l03 * scale), **P),
                JobseekerCount("MK19", period, group, "05", int(l05 * scale), **P),
            ]
    rows.append(JobseekerCount("MK19", "2016-03", JobseekerGroup.UNEMPLOYED, "all", 5000, **P))
    rows.append(JobseekerCount("MK19", "2015-03", JobseekerGroup.UNEMPLOYED, "all", 4000, **P))
    return tuple(rows)


def _benefit_days() -> tuple[BenefitDaysCount, ...]:
    counts = {
        BenefitDaysClass.UNDER_300: 1000,
        BenefitDaysClass.FROM_300_TO_499: 200,
        BenefitDaysClass.FROM_500_TO_999: 300,
        BenefitDaysClass.FROM_1000: 500,
        BenefitDaysClass.ALL: 2000,
        BenefitDaysClass.AT_LEAST_300: 1000,
    }
    rows = [BenefitDaysCount("MK19", "2016", c, n, **P) for c, n in counts.items()]
    rows.append(BenefitDaysCount("KU698", "2016", BenefitDaysClass.ALL, 1000, **P))
    return tuple(rows)


def _indicators() -> tuple[AreaIndicator, ...]:
    def ind(kind: IndicatorKind, value: float, unit: Unit, period: str = "2016") -> AreaIndicator:
        return AreaIndicator("MK19", period, kind, value, unit, **P)

    return (
        ind(IndicatorKind.STRUCTURAL_UNEMPLOYED, 2000, Unit.PERSONS),
        ind(IndicatorKind.RECENTLY_LONG_TERM_SHARE, 10, Unit.PERCENT),
        ind(IndicatorKind.UNEMPLOYMENT_INFLOW, 500, Unit.PERSONS_PER_MONTH),
        ind(IndicatorKind.REHABILITATIVE_WORK_NEED, 400, Unit.PERSONS),
        ind(IndicatorKind.MUNICIPAL_SHARE_PAID, 2_558_844, Unit.EUR),
        ind(IndicatorKind.RESIDENTS, 50_000, Unit.PERSONS),
    )


def _outcomes() -> tuple[OutcomeShare, ...]:
    shares = {Outcome.OPEN_MARKET: 20, Outcome.UNKNOWN: 50, Outcome.UNEMPLOYED: 30}
    return tuple(
        OutcomeShare("MK19", "2016", Measure.PAY_SUBSIDY, ProducerKind.COMPANY, o, s, **P)
        for o, s in shares.items()
    )


def small_region() -> Region:
    """The test region."""
    rehab = Measure.REHABILITATIVE_WORK
    return Region(
        name="small-test-region",
        title="Pieni testialue / small test region",
        description="Synthetic figures for tests",
        sources=(),
        areas=(
            Area("SSS", AreaLevel.COUNTRY, "Koko maa", "Whole country", None, **P),
            Area("MK19", AreaLevel.REGION, "Lappi", "Lapland", "SSS", **P),
            Area("SK191", AreaLevel.SUBREGION, "Rovaniemen sk", "Rovaniemi sr", "MK19", **P),
            Area("KU698", AreaLevel.MUNICIPALITY, "Rovaniemi", "Rovaniemi", "SK191", **P),
        ),
        indicators=_indicators(),
        jobseekers=_jobseekers(),
        jobseeker_status=(),
        survival=tuple(
            SurvivalPoint("MK19", "2016", m, s, **P)
            for m, s in ((1, 80), (3, 50), (6, 25), (12, 10))
        ),
        benefit_days=_benefit_days(),
        measure_periods=(
            MeasurePeriods("MK19", "2016", Measure.PAY_SUBSIDY, ProducerKind.COMPANY, 100, **P),
        ),
        outcomes=_outcomes(),
        client_base=(),
        segments=tuple(
            SegmentShare("MK19", "2016", d, s, pct, None, **P)
            for d in ClientBaseDefinition
            for s, pct in ((Segment.GREEN, 20), (Segment.YELLOW, 50), (Segment.RED, 30))
        ),
        service_needs=(
            ServiceNeed("MK19", "2016", NeedKind.FLOW, 300, 600, **P),
            ServiceNeed("MK19", "2016", NeedKind.RESERVE, 700, 1400, **P),
        ),
        service_capacity=(ServiceCapacity("MK19", "2016", rehab, 150, "clients", **P),),
        producer_clients=(
            ProducerClients("MK19", "2016-12", rehab, ProducerKind.ORGANISER, 30, None, None, **P),
            ProducerClients(
                "MK19", "2016-12", rehab, ProducerKind.ASSOCIATION_PURCHASE, 70, None, None, **P
            ),
            ProducerClients("MK19", "2016-12", rehab, ProducerKind.ALL, 100, None, None, **P),
        ),
        activation_shares=(ActivationShare("KU698", "2016-12", rehab, 60, **P),),
        producers=(
            Producer(
                "yhdistys-a", "Yhdistys A", ProducerKind.ASSOCIATION_PURCHASE, "MK19", False, **P
            ),
        ),
        income_mix=(
            IncomeShare("yhdistys-a", "2016", FundingSource.SALES, 50, **P),
            IncomeShare("yhdistys-a", "2016", FundingSource.PAY_SUBSIDIES, 50, **P),
        ),
        producer_indicators=(
            ProducerIndicator(
                "yhdistys-a", "2016", ProducerIndicatorKind.INCOME, 1_000_000, Unit.EUR, **P
            ),
            ProducerIndicator(
                "yhdistys-a", "2016", ProducerIndicatorKind.CLIENTS, 200, Unit.PERSONS, **P
            ),
            ProducerIndicator(
                "yhdistys-a", "2017", ProducerIndicatorKind.FUNDING_CHANGE, -20, Unit.PERCENT, **P
            ),
        ),
        proposals=(
            ProposalParameter(
                "MK19", "places", rehab, ProposalItem.ADDED_PLACES, 100, 200, Unit.PLACES, **P
            ),
            ProposalParameter(
                "MK19",
                "places",
                rehab,
                ProposalItem.FIXED_PRICE_PER_WEEK,
                20,
                30,
                Unit.EUR_PER_WEEK,
                **P,
            ),
            ProposalParameter(
                "MK19",
                "places",
                rehab,
                ProposalItem.PRICE_PER_ACTIVITY_DAY,
                5,
                5,
                Unit.EUR_PER_DAY,
                **P,
            ),
        ),
    )


# A second region with three associations that each report their income (no group
# reported together, unlike the survey), and every row the simulation needs.
ASSOCIATIONS: dict[str, tuple[str, ProducerKind, float, dict[FundingSource, float]]] = {
    "tyopaja-pohjola": (
        "Työpaja Pohjola ry",
        ProducerKind.ASSOCIATION_PURCHASE,
        600_000,
        {
            FundingSource.SALES: 20,
            FundingSource.PURCHASED_SERVICES: 30,
            FundingSource.PAY_SUBSIDIES: 30,
            FundingSource.MUNICIPAL_GRANTS: 20,
        },
    ),
    "valo-ry": (
        "Valo ry",
        ProducerKind.ASSOCIATION_PURCHASE,
        400_000,
        {
            FundingSource.PURCHASED_SERVICES: 25,
            FundingSource.PAY_SUBSIDIES: 40,
            FundingSource.EMPLOYMENT_GRANTS: 25,
            FundingSource.OTHER: 10,
        },
    ),
    "kuntoutussilta": (
        "Kuntoutussilta ry",
        ProducerKind.ASSOCIATION_MAINTENANCE,
        250_000,
        {
            FundingSource.STATE_GRANTS: 40,
            FundingSource.PAY_SUBSIDIES: 30,
            FundingSource.SALES: 30,
        },
    ),
}


def _purchases() -> float:
    """The organiser's purchases: the associations' purchased-services income."""
    return sum(
        income * mix.get(FundingSource.PURCHASED_SERVICES, 0) / 100
        for _, _, income, mix in ASSOCIATIONS.values()
    )


def three_producer_region() -> Region:
    """The small region with three associations, each with its income and income shares,
    and the rows the simulation and the producers' analysis need."""
    base = small_region()
    rehab, ps = Measure.REHABILITATIVE_WORK, Measure.PAY_SUBSIDY
    producers = [
        Producer(
            "hyvinvointialue", "Lapin hyvinvointialue", ProducerKind.ORGANISER, "MK19", False, **P
        )
    ]
    income_mix, figures = [], []
    for pid, (name, kind, income, mix) in ASSOCIATIONS.items():
        producers.append(Producer(pid, name, kind, "MK19", True, **P))
        income_mix += [IncomeShare(pid, "2016", s, pct, **P) for s, pct in mix.items()]
        figures += [
            ProducerIndicator(pid, "2016", ProducerIndicatorKind.INCOME, income, Unit.EUR, **P),
            ProducerIndicator(
                pid, "2016", ProducerIndicatorKind.CLIENTS, income / 5000, Unit.PERSONS, **P
            ),
            ProducerIndicator(
                pid, "2017", ProducerIndicatorKind.FUNDING_CHANGE, -20, Unit.PERCENT, **P
            ),
        ]
    clients = {
        ProducerKind.ORGANISER: 30,
        ProducerKind.ASSOCIATION_PURCHASE: 70,
        ProducerKind.ASSOCIATION_MAINTENANCE: 20,
    }
    rehab_outcomes = {
        Outcome.OPEN_MARKET: 5,
        Outcome.SERVICE_OR_EDUCATION: 50,
        Outcome.UNKNOWN: 10,
        Outcome.UNEMPLOYED: 35,
    }
    ps_outcomes = {Outcome.OPEN_MARKET: 10, Outcome.SUBSIDISED: 10, Outcome.UNEMPLOYED: 80}
    return replace(
        base,
        name="three-producer-region",
        title="Kolmen järjestön testialue / test region of three associations",
        description="Synthetic figures for tests: three associations, each with its income",
        indicators=(
            *base.indicators,
            AreaIndicator(
                "MK19", "2016", IndicatorKind.THIRD_SECTOR_PURCHASES, _purchases(), Unit.EUR, **P
            ),
        ),
        measure_periods=(
            *base.measure_periods,
            MeasurePeriods("MK19", "2016", rehab, ProducerKind.ALL, 400, **P),
            MeasurePeriods("MK19", "2016", ps, ProducerKind.ASSOCIATION, 120, **P),
        ),
        outcomes=(
            *base.outcomes,
            *(
                OutcomeShare("MK19", "2016", rehab, ProducerKind.ALL, o, s, **P)
                for o, s in rehab_outcomes.items()
            ),
            *(
                OutcomeShare("MK19", "2016", ps, ProducerKind.ASSOCIATION, o, s, **P)
                for o, s in ps_outcomes.items()
            ),
        ),
        service_capacity=(
            ServiceCapacity("MK19", "2016", rehab, 120, "clients", **P),
            ServiceCapacity("MK19", "2016", ps, 300, "periods started", **P),
        ),
        producer_clients=(
            *(
                ProducerClients("MK19", "2016-12", rehab, k, n, None, None, **P)
                for k, n in clients.items()
            ),
        ),
        producers=tuple(producers),
        income_mix=tuple(income_mix),
        producer_indicators=tuple(figures),
    )
