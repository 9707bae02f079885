"""Report section 5 and what stands behind it: stochastic bands from common random
numbers, words instead of code names, a reading under each chart, money that reconciles,
the dataset's own proposal, and price changes for the added places only."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from polku import default_region
from polku.model.vocabulary import ProposalItem
from polku.report.build import build_report
from polku.report.context import Figure, Table
from polku.simulation.accounts import accounts
from polku.simulation.describe import changes_in_words
from polku.simulation.runner import Settings, Simulation, find_scenario, simulate

CODE_NAMES = re.compile(
    r"rehabilitative_work|pay_subsidy|work_trial|municipal_share|eur_per_year|"
    r"persons_per_year|\bpersons\b.*_|open_market|pension_other"
)


@pytest.fixture(scope="module")
def sim() -> Simulation:
    region = default_region()
    return simulate(
        region,
        [find_scenario("from-data", region)],
        settings=Settings(mode="stochastic", replications=100, seed=3, months=36),
    )


def _section(sim: Simulation, lang: str) -> list[Table | Figure]:
    report = build_report(sim.region, lang, simulation=sim)  # type: ignore[arg-type]
    return next(s for s in report.sections if s.id == "s5").items


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_section_5_has_real_bands_and_words(sim: Simulation, lang: str) -> None:
    items = _section(sim, lang)
    metrics = next(i for i in items if isinstance(i, Table) and i.id == "t_scenarios")
    assert metrics.columns[-2:] == (
        ["ero p5", "ero p95"] if lang == "fi" else ["difference p5", "difference p95"]
    )
    for row in metrics.rows:
        assert not CODE_NAMES.search(" ".join(row[:2])), row[:2]
    # the scenario's own differences have a width: p5 < p95 where the scenario acts
    _, _, base, scenario, diff, p5, p95 = metrics.raw[0]
    assert diff < 0  # more places lower the long-term unemployed
    assert p5 < diff < p95 < 0
    assert diff == pytest.approx(scenario - base, abs=1.5)
    # counts are whole persons, and next year's money is there beside the horizon's
    assert all(float(r[2]).is_integer() and float(r[3]).is_integer() for r in metrics.raw[:2])
    assert any("next year" in r[0] or "ensi vuosi" in r[0] for r in metrics.raw)
    figures = [i for i in items if isinstance(i, Figure)]
    assert len(figures) == 4
    for figure in figures:
        words = ("vähentää", "lisää", "pienentää", "kasvattaa")
        if lang == "en":
            words = ("lowers", "raises")
        assert any(w in figure.description for w in words), figure.description
        assert "p5-p95" in figure.description
        assert figure.table.sources  # the chart says where it came from
        legend = figure.spec["layer"][0]["encoding"]["color"]["legend"]
        assert legend["symbolType"] == "stroke"  # the legend draws lines, like the chart


def test_expected_mode_shows_no_bands() -> None:
    region = default_region()
    sim = simulate(region, [find_scenario("from-data", region)], settings=Settings(months=24))
    items = _section(sim, "en")
    metrics = next(i for i in items if isinstance(i, Table) and i.id == "t_scenarios")
    assert not any("p5" in c for c in metrics.columns)
    for figure in (i for i in items if isinstance(i, Figure)):
        assert "p5" not in figure.description
        assert figure.table.columns == ["Scenario", "Month", "Mean"]
        assert len(figure.spec["layer"]) == 1  # the lines alone


def test_money_by_payer_reconciles(sim: Simulation) -> None:
    for run in sim.runs:
        rows = accounts(run.money)
        for row in rows:
            assert row.borne == pytest.approx(row.paid, rel=1e-9, abs=1e-6), row.flow
            assert 0 <= row.associations <= row.paid + 1e-6
        total = rows[-1]
        assert total.paid == pytest.approx(sum(r.paid for r in rows[:-1]))
        # the bearer columns are the payer metrics the summary reports
        years = run.money.payers.mean(axis=(0, 1)) * 12
        assert total.state == pytest.approx(years[1], rel=1e-9)
        assert total.municipalities == pytest.approx(years[2], rel=1e-9)
        assert total.organiser == pytest.approx(years[3], rel=1e-9)
        assert total.paid == pytest.approx(years[0] + total.paid - rows[0].paid - rows[1].paid)


def test_from_data_is_the_datasets_own_proposal() -> None:
    region = default_region()
    rows = {r.item: r for r in region.proposals}
    low = find_scenario("from-data", region)
    high = find_scenario("from-data-high", region)
    added = rows[ProposalItem.ADDED_PLACES]
    assert low.changes["places"]["rehabilitative_work"]["add"] == added.low
    assert high.changes["places"]["rehabilitative_work"]["add"] == added.high
    week = rows[ProposalItem.FIXED_PRICE_PER_WEEK]
    assert low.changes["price"]["per_week"] == (week.low + week.high) / 2
    # another region's proposal is its own
    other = replace(
        region,
        proposals=tuple(
            replace(r, low=550, high=800) if r.item is ProposalItem.ADDED_PLACES else r
            for r in region.proposals
        ),
    )
    assert find_scenario("from-data", other).changes["places"]["rehabilitative_work"]["add"] == 550


def test_a_price_change_reprices_the_added_places_only(sim: Simulation) -> None:
    region = sim.region
    base = simulate(region, settings=Settings(months=24))
    new_only = {
        "name": "x",
        "changes": {"places": {"rehabilitative_work": {"add": 200}}, "price": {"per_week": 35}},
    }
    every = {
        **new_only,
        "changes": {**new_only["changes"], "price": {"per_week": 35, "applies_to": "all_places"}},
    }
    from polku.simulation.scenario import scenario_from_data

    a = simulate(region, [scenario_from_data(new_only)], settings=Settings(months=24))
    b = simulate(region, [scenario_from_data(every)], settings=Settings(months=24))
    organiser = 3  # PAYERS index
    baseline_cost = base.baseline.money.payers[0, -1, organiser]
    # adding places at a lower price for the new ones still costs the organiser more
    assert a.scenarios[0].money.payers[0, -1, organiser] > baseline_cost
    # repricing every place at 35 EUR a week (below the calibrated price) costs less
    assert b.scenarios[0].money.payers[0, -1, organiser] < baseline_cost
    words = changes_in_words(
        a.scenarios[0].scenario, base.calibration.network, base.baseline.money.prices, "en"
    )
    assert any("added places only" in w and "existing places keep" in w for w in words)


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"segment_shares": {"green": 30, "yellow": 50, "red": 30}}, "segment_shares"),
        ({"price": {"per_week": 40}}, "price"),  # for added places, but none are added
        (
            {"places": {"rehabilitative_work": {"add": 100, "from_month": 70}}, "months": 60},
            "from_month",
        ),
    ],
)
def test_a_scenario_that_would_change_nothing_or_too_much_is_refused(
    changes: dict[str, object], where: str
) -> None:
    from polku.errors import ScenarioError
    from polku.simulation.scenario import scenario_from_data

    with pytest.raises(ScenarioError) as info:
        scenario_from_data({"name": "x", "changes": changes})
    assert any(where in (f.column or "") for f in info.value.findings)


def test_removing_more_places_than_there_are_is_refused() -> None:
    from polku.errors import ScenarioError
    from polku.simulation.scenario import scenario_from_data

    scenario = scenario_from_data(
        {"name": "x", "changes": {"places": {"work_trial": {"add": -2000}}}}
    )
    with pytest.raises(ScenarioError, match="places today"):
        simulate(default_region(), [scenario], settings=Settings(months=12))
