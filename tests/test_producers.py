"""The associations' funding base (S13-S19): funding models, health, pooling, areas.

Small examples are computed by hand in the tests; the embedded dataset's figures are
compared with the survey's printed ones.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polku import default_region
from polku.assumptions import Assumptions
from polku.errors import AnalysisError
from polku.producers.finances import Finances, all_finances, producer_finances
from polku.producers.health import health, market_path, pool, stress
from polku.producers.models import MONTHS, Flows, Terms, compare, incomes
from polku.producers.volatility import income_cv, pooled_cv, threshold

TERMS = Terms(
    price_per_week=35.0,
    price_per_day=10.0,
    days_per_week=2.0,
    compensation_per_day=10.0,
    organiser_cost_per_week=5.0,
    voucher_share=0.5,
    result_share=0.1,
    open_market=0.25,
    wellbeing=0.5,
    weeks_per_month=52 / 12,  # a place in use every week, to keep the hand sums round
)


def _flows(stock: float, starts: float, reps: int = 4, share: float = 0.5) -> Flows:
    return Flows(
        np.full((reps, MONTHS), stock), np.full((reps, MONTHS), starts), share, starts / stock
    )


def test_contract_models_by_hand() -> None:
    # 16 clients in the service, the producer's half: 8 clients all year
    money = incomes(_flows(16, 4), TERMS, np.random.default_rng(1))
    weeks = 8 * 12 * 52 / 12  # 416 client-weeks
    per_client = weeks * (35 + 10 * 2)  # 22 880 EUR
    organiser = per_client + weeks * 5 - weeks * 2 * 10
    assert money["per_client"][0] == pytest.approx(np.full(4, per_client))
    assert money["per_client"][1] == pytest.approx(np.full(4, organiser))
    assert money["block"][0] == pytest.approx(np.full(4, per_client))
    assert money["block"][1] == pytest.approx(np.full(4, organiser))
    assert money["compensation"][0] == pytest.approx(np.full(4, weeks * 2 * 10))
    assert money["compensation"][1] == pytest.approx(np.full(4, weeks * 5))


def test_result_bonus_by_hand() -> None:
    money = incomes(_flows(16, 4), TERMS, np.random.default_rng(2))
    income = money["result_open_market"][0]
    per_client = 416 * 55
    # 2 periods a month start with the producer: 24 a year, a quarter end in the open
    # market; the bonus pays back the withheld 10 % when 6 of them do
    bonus = 0.1 * per_client / (24 * 0.25)
    results = (income - 0.9 * per_client) / bonus
    assert np.allclose(results, np.rint(results))  # whole outcomes, each paid the bonus
    assert results.min() >= 0
    assert results.max() <= 24


def test_voucher_keeps_the_expected_income_and_adds_choice() -> None:
    rng = np.random.default_rng(3)
    flows = _flows(16, 4, reps=4000)
    out = {m.model: m for m in compare(flows, TERMS, rng)}
    per_client = out["per_client"]
    voucher = out["voucher"]
    assert per_client.income_sd == 0.0  # the organiser places the same share every month
    assert voucher.income_mean == pytest.approx(per_client.income_mean, rel=0.02)
    assert voucher.income_sd > 0.05 * voucher.income_mean  # 8 chosen clients vary a lot
    assert out["block"].risk == "organiser"
    assert voucher.risk == "producer"


@settings(max_examples=25, deadline=None)
@given(clients=st.floats(4, 400), factor=st.floats(2, 8))
def test_income_spread_grows_as_clients_shrink(clients: float, factor: float) -> None:
    assert income_cv(clients / factor, 3.0) > income_cv(clients, 3.0)
    rng = np.random.default_rng(4)
    big, small = (
        _flows(clients * factor, clients * factor / 3, reps=600),
        _flows(clients, clients / 3, reps=600),
    )
    cv_big = {m.model: m.income_cv for m in compare(big, TERMS, rng)}
    cv_small = {m.model: m.income_cv for m in compare(small, TERMS, rng)}
    for model in ("voucher", "result_open_market", "result_wellbeing"):
        assert cv_small[model] > cv_big[model], model


def test_volatility_formula_matches_a_plain_simulation() -> None:
    """Clients arrive at a steady rate and stay a geometric number of months."""
    rng = np.random.default_rng(5)
    mean, stay, reps = 30.0, 3.0, 20_000
    now = rng.poisson(mean, reps)
    totals = np.zeros(reps)
    for month in range(60 + MONTHS):
        now = now - rng.binomial(now, 1 / stay) + rng.poisson(mean / stay, reps)
        if month >= 60:
            totals += now
    simulated = totals.std() / totals.mean()
    # the formula is for continuous time; a monthly model is within a few percent of it
    assert simulated == pytest.approx(income_cv(mean, stay), rel=0.15)
    n = threshold(0.10, stay)
    assert income_cv(n, stay) == pytest.approx(0.10)


def _finances(name: str, income: float, costs: float, **kw: object) -> Finances:
    base = Finances(
        name,
        name,
        "2024",
        income,
        {"pay_subsidies": 0.3 * income, "employment_grants": 0.2 * income, "sales": 0.5 * income},
        costs,
        "items",
        {
            "staff_costs": 0.6 * costs,
            "premises_costs": 0.1 * costs,
            "pay_subsidised_wages": 0.3 * costs,
        },
        120_000.0,
        {},
        {},
        (),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_health_indicators_by_hand() -> None:
    f = _finances("a", 1_000_000, 960_000)
    next_year = np.array([900_000.0, 950_000.0, 1_000_000.0, 1_050_000.0])
    h = health(f, next_year)
    assert h.result == 40_000
    assert h.concentration == pytest.approx(0.3**2 + 0.2**2 + 0.5**2)
    assert h.project_share == pytest.approx(0.2)
    assert h.pay_subsidy_share == pytest.approx(0.3)
    assert h.reserve_months == pytest.approx(120_000 / 80_000)
    assert h.employer_share == pytest.approx(0.3 * 960_000 - 300_000)
    assert h.deficit_probability == 0.5  # 900 000 and 950 000 < 960 000
    # half of a loss saved in costs: 950 000 against 960 000 - 25 000 is no deficit
    assert health(f, next_year, adjust=0.5).deficit_probability == 0.25


def test_stress_test_by_hand() -> None:
    f = _finances("a", 1_000_000, 900_000)
    rows = {r.source: r for r in stress(f, 35.0)}
    assert rows["pay_subsidies"].lost == pytest.approx(105_000)
    assert rows["pay_subsidies"].result_after == pytest.approx(-5_000)
    assert rows["pay_subsidies"].in_deficit
    assert rows["pay_subsidies"].reserve_months_left == pytest.approx(120_000 / (5_000 / 12))
    assert not rows["employment_grants"].in_deficit  # 70 000 lost from a 100 000 margin
    saved = {r.source: r for r in stress(f, 35.0, adjust=0.5)}
    assert saved["pay_subsidies"].result_after == pytest.approx(100_000 - 105_000 / 2)
    assert rows["all"].lost == pytest.approx(350_000)


@settings(max_examples=40, deadline=None)
@given(
    sizes=st.lists(st.floats(10, 1000), min_size=2, max_size=5),
    cvs=st.lists(st.floats(0.01, 0.5), min_size=5, max_size=5),
)
def test_pooling_independent_producers_lowers_the_spread(
    sizes: list[float], cvs: list[float]
) -> None:
    rng = np.random.default_rng(6)
    members = [_finances(f"p{i}", s * 1000, s * 1000) for i, s in enumerate(sizes)]
    samples = [
        f.income * (1 + cv * rng.standard_normal(400)) for f, cv in zip(members, cvs, strict=False)
    ]
    pooled = pool(members, samples, saving_pct=10.0)
    assert pooled.cv_pooled < pooled.cv_weighted
    assert pooled.cv_pooled < max(pooled.cv_before)
    assert pooled.overhead_saving == pytest.approx(0.1 * 0.7 * sum(f.costs for f in members))
    assert pooled.result_after == pytest.approx(pooled.result_before + pooled.overhead_saving)
    assert pooled_cv([1.0, 1.0], [0.1, 0.1]) < 0.1


def test_market_path_drops_the_separate_grants() -> None:
    f = _finances("a", 1_000_000, 1_000_000)
    after = market_path(f, sales_change_pct=20.0)
    assert "employment_grants" not in after.by_source
    assert after.by_source["sales"] == pytest.approx(600_000)
    assert after.income == pytest.approx(900_000)


def test_embedded_dataset_keeps_the_survey_aggregate() -> None:
    region = default_region()
    (assoc,) = all_finances(region)
    assert assoc.producer == "associations"
    # S13: about 8.1 M EUR; 30 % from pay subsidies; 5400 EUR a client, 1500 clients
    assert assoc.income == pytest.approx(8.1e6)
    assert assoc.by_source["pay_subsidies"] == pytest.approx(0.30 * 8.1e6)
    assert assoc.costs == pytest.approx(5400 * 1500)
    assert assoc.cost_basis == "cost_per_client"
    assert assoc.reserves is None
    assert assoc.cost_items == {}


def test_stress_on_the_embedded_dataset_shows_the_35_percent_fall() -> None:
    (assoc,) = all_finances(default_region())
    rows = {r.source: r for r in stress(assoc, 35.0)}
    # S13: funding falls 35 % for 2017; the associations break even in 2016
    assert rows["all"].income_after == pytest.approx(8.1e6 * 0.65)
    assert rows["pay_subsidies"].lost == pytest.approx(8.1e6 * 0.30 * 0.35)
    assert all(r.in_deficit for r in rows.values())


def test_a_producer_without_income_is_named() -> None:
    region = default_region()
    with pytest.raises(AnalysisError, match="no income row for producer 'laptuote'"):
        producer_finances(region, "laptuote")
    with pytest.raises(AnalysisError, match="no producer 'nobody'"):
        producer_finances(region, "nobody")


def test_costs_fall_back_to_the_named_assumption() -> None:
    region = default_region()
    rows = tuple(
        r for r in region.producer_indicators if r.indicator.value not in ("cost_per_client",)
    )
    f = producer_finances(
        replace(region, producer_indicators=rows),
        "associations",
        Assumptions.parse(["producers.cost_pct_of_income=90"]),
    )
    assert f.cost_basis == "assumption"
    assert f.costs == pytest.approx(0.9 * f.income)
    assert any(i.name == "producers.cost_pct_of_income" for i in f.inputs)


def test_threshold_is_consistent() -> None:
    assert math.isinf(income_cv(0, 3.0))
    with pytest.raises(ValueError, match="positive"):
        threshold(0.0, 3.0)


def _two_producers() -> object:
    from polku.model.tables import IncomeShare, ProducerIndicator
    from polku.model.vocabulary import FundingSource, ProducerIndicatorKind, Unit

    region = default_region()
    k = ProducerIndicatorKind
    figures = []
    mixes = []
    for producer, income, staff, reserves in (
        ("laptuote", 2_000_000, 1_200_000, 300_000),
        ("morova", 1_000_000, 700_000, 50_000),
    ):
        for kind, value, unit in (
            (k.INCOME, income, Unit.EUR),
            (k.STAFF_COSTS, staff, Unit.EUR),
            (k.PREMISES_COSTS, 0.2 * income, Unit.EUR),
            (k.OTHER_COSTS, 0.75 * income - staff, Unit.EUR),
            (k.RESERVES, reserves, Unit.EUR),
        ):
            figures.append(
                ProducerIndicator(
                    producer=producer,
                    period="2024",
                    indicator=kind,
                    value=float(value),
                    unit=unit,
                    source="test accounts",
                    estimate=False,
                )
            )
        for source, share in (
            (FundingSource.PAY_SUBSIDIES, 40.0),
            (FundingSource.PURCHASED_SERVICES, 35.0),
            (FundingSource.EMPLOYMENT_GRANTS, 25.0),
        ):
            mixes.append(
                IncomeShare(
                    producer=producer,
                    period="2024",
                    funding_source=source,
                    share_pct=share,
                    source="test accounts",
                    estimate=False,
                )
            )
    return replace(
        region,
        producer_indicators=(*region.producer_indicators, *figures),
        income_mix=(*region.income_mix, *mixes),
    )


def test_two_producers_with_accounts_are_pooled_with_overheads_saved() -> None:
    from polku.producers.run import analyse_producers

    region = _two_producers()
    a = analyse_producers(region, assumptions=Assumptions.parse(["producers.replications=100"]))  # type: ignore[arg-type]
    assert [f.producer for f in a.finances] == ["laptuote", "morova", "associations"]
    lap = a.finances[0]
    assert lap.cost_basis == "items"
    assert lap.costs == pytest.approx(0.95 * 2_000_000)
    health = {h.producer: h for h in a.runs[0].health}
    assert health["laptuote"].reserve_months == pytest.approx(12 * 300_000 / 1_900_000)
    pooled = a.pooled
    assert pooled is not None
    assert pooled.members == ("laptuote", "morova")  # not the associations' aggregate
    assert pooled.overhead_saving == pytest.approx(0.1 * (1_200_000 + 400_000 + 700_000 + 200_000))
    assert pooled.health_after.result == pytest.approx(
        sum(h.result for h in pooled.health_before) + pooled.overhead_saving
    )
    assert pooled.health_after.reserve_months == pytest.approx(
        12 * 350_000 / (0.95 * 2e6 + 0.95 * 1e6 - pooled.overhead_saving)
    )
    assert pooled.cv_pooled <= pooled.cv_weighted


def test_cuts_and_the_market_path_start_in_their_month() -> None:
    from polku.producers.run import analyse_producers
    from polku.simulation.scenario import scenario_from_data

    late = scenario_from_data(
        {
            "name": "late",
            "changes": {"funding_cut": {"municipal_grants": 50}, "from_month": 13},
        }
    )
    mid = scenario_from_data({"name": "mid", "changes": {"market_path": True, "from_month": 6}})
    a = analyse_producers(
        default_region(), [late, mid], assumptions=Assumptions.parse(["producers.replications=40"])
    )
    change = {run.scenario: run.income_change for run in a.runs}
    assert change["late"]["municipal_grants"] == pytest.approx(0.0)  # after next year
    # half of next year without the separate grants
    assert change["mid"]["employment_grants"] == pytest.approx(-0.5)
    assert change["mid"]["state_grants"] == pytest.approx(-0.5)
    assert change["mid"]["sales"] == pytest.approx(0.0, abs=1e-9)


def test_a_producer_without_income_shares_is_warned_and_kept() -> None:
    from polku.consistency import check_region
    from polku.producers.run import analyse_producers

    region = _two_producers()
    no_mix = replace(  # type: ignore[type-var]
        region,
        income_mix=tuple(m for m in region.income_mix if m.producer != "morova"),  # type: ignore[attr-defined]
    )
    warned = [f for f in check_region(no_mix) if f.code == "income_without_mix"]
    assert len(warned) == 1
    assert warned[0].file == "producer_indicators.csv"
    assert warned[0].params["producer"] == "morova"
    a = analyse_producers(no_mix, assumptions=Assumptions.parse(["producers.replications=30"]))
    morova = next(h for h in a.runs[0].health if h.producer == "morova")
    assert morova.concentration is None
    assert morova.next_year_mean == pytest.approx(1_000_000)  # no sources: income as it was
    assert a.pooled is not None


def test_the_stress_cut_comes_from_the_data_or_a_setting() -> None:
    from polku.producers.run import analyse_producers

    region = default_region()
    without = replace(
        region,
        producer_indicators=tuple(
            r for r in region.producer_indicators if r.indicator.value != "funding_change"
        ),
    )
    with pytest.raises(AnalysisError, match=r"--set funding\.cut_pct"):
        analyse_producers(without, assumptions=Assumptions.parse(["producers.replications=20"]))
    given = analyse_producers(
        without, assumptions=Assumptions.parse(["producers.replications=20", "funding.cut_pct=20"])
    )
    assert given.cut_pct == 20
