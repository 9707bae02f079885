"""The embedded dataset holds every figure of S1-S16 as the survey printed it.

The expected numbers below are typed from the survey (../shared/seed, digested in
seed-digest.md); the dataset must hold the same. One test per table.
"""

from __future__ import annotations

import pytest

from polku import Region, default_region
from polku.model import rows_where


@pytest.fixture(scope="module")
def region() -> Region:
    return default_region()


def _jobseekers(region: Region, area: str, period: str, group: str) -> dict[str, int]:
    rows = rows_where(region.jobseekers, area=area, period=period, group=group)
    return {r.service_line: r.count for r in rows}


def test_s1_service_lines_by_area(region: Region) -> None:
    printed = {  # area: (03 unemployed, 05, total, 03 all jobseekers, 05, total)
        "MK09": (1788, 695, 2480, 2891, 1294, 4185),
        "SK093": (569, 236, 805, 971, 446, 1417),
        "SK091": (1173, 459, 1632, 1920, 848, 2768),
    }
    for area, figures in printed.items():
        unemployed = _jobseekers(region, area, "2017-03", "unemployed")
        everyone = _jobseekers(region, area, "2017-03", "all")
        held = tuple(unemployed[k] for k in ("03", "05", "03+05")) + tuple(
            everyone[k] for k in ("03", "05", "03+05")
        )
        assert held == figures, area


def test_s1_structural_unemployment_and_estimate_marks(region: Region) -> None:
    rows = rows_where(region.indicators, indicator="structural_unemployed")
    held = {r.area: (r.value, r.estimate) for r in rows}
    assert held == {"MK09": (5770, False), "SK093": (1904, True), "SK091": (3866, True)}


def test_s1_footnote_jobseeker_composition(region: Region) -> None:
    held = {r.status.value: r.share_pct for r in region.jobseeker_status}
    assert held == {
        "subsidised": 3,
        "open_market": 22,
        "unemployed": 50,
        "laid_off": 3,
        "shortened_week": 1,
        "outside_labour_force": 5,
        "in_services": 6,
        "in_education": 10,
    }


def test_s2_survival_curve_and_inflow(region: Region) -> None:
    assert {p.months: p.share_pct for p in region.survival} == {
        1: 72.45,
        3: 46.54,
        6: 27.4,
        12: 12.41,
    }
    inflow = rows_where(region.indicators, indicator="unemployment_inflow")
    assert [(r.value, r.period) for r in inflow] == [(1521, "2015-01/2016-03")]


def test_s3_service_lines_2017_against_2016(region: Region) -> None:
    printed = {  # line: (3/2017, share, 3/2016, share, change)
        "all": (8854, None, 9501, None, -6.8),
        "00": (300, 3.4, 123, 1.3, 143.9),
        "01": (2790, 31.5, 3464, 36.5, -19.5),
        "02": (3097, 35.0, 3164, 33.3, -2.1),
        "03": (1788, 20.2, 1766, 18.6, 1.2),
        "04": (13, 0.1, 44, 0.5, -70.5),
        "05": (695, 7.8, 457, 4.8, 52.1),
        "unknown": (171, 1.9, 483, 5.1, -64.6),
    }
    now = {
        r.service_line: r
        for r in rows_where(region.jobseekers, period="2017-03", area="MK09", group="unemployed")
    }
    then = {
        r.service_line: r
        for r in rows_where(region.jobseekers, period="2016-03", area="MK09", group="unemployed")
    }
    for line, (count, share, before, share_before, change) in printed.items():
        assert (now[line].count, now[line].reported_share_pct) == (count, share), line
        assert (then[line].count, then[line].reported_share_pct) == (before, share_before)
        assert now[line].reported_change_pct == change, line


def test_s4_benefit_days_by_area(region: Region) -> None:
    printed = {
        "MK09": [(2266, 47.5), (683, 14.3), (824, 17.3), (991, 20.8), 4771, 2498],
        "SK093": [(758, 49.7), (242, 15.9), (247, 16.2), (276, 18.1), 1526, 765],
        "SK091": [(1508, 46.5), (441, 13.6), (577, 17.8), (715, 22.0), 3245, 1733],
    }
    for area, figures in printed.items():
        rows = {r.days_class.value: r for r in rows_where(region.benefit_days, area=area)}
        bins = [
            (rows[k].recipients, rows[k].reported_share_pct)
            for k in ("0-299", "300-499", "500-999", "1000+")
        ]
        assert bins == figures[:4], area
        assert (rows["all"].recipients, rows["300+"].recipients) == tuple(figures[4:]), area


def test_s5_outcomes_as_printed_with_uncertain_cells_marked(region: Region) -> None:
    periods = {(r.measure.value, r.producer.value): r.ended_periods for r in region.measure_periods}
    assert periods == {
        ("pay_subsidy", "association"): 324,
        ("pay_subsidy", "municipality"): 284,
        ("pay_subsidy", "company"): 283,
        ("work_trial", "all"): 1760,
        ("rehabilitative_work", "all"): 2434,
    }
    printed = {  # open market, subsidised, service/education, unknown, unemployed
        ("pay_subsidy", "association"): (4, 9, 4, 5, 78),
        ("pay_subsidy", "municipality"): (7, 8, 0, 7, 81),
        ("pay_subsidy", "company"): (13, None, 11, 43, 38),
        ("work_trial", "all"): (7, None, 29, 10, 44),
        ("rehabilitative_work", "all"): (1, None, 57, 4, 26),
    }
    order = ("open_market", "subsidised", "service_or_education", "unknown", "unemployed")
    for (measure, producer), figures in printed.items():
        rows = {
            r.outcome.value: r
            for r in rows_where(region.outcomes, measure=measure, producer=producer)
        }
        assert tuple(rows[o].share_pct if o in rows else None for o in order) == figures
        assert all(r.estimate == (o == "subsidised") for o, r in rows.items())


def test_s6_client_base(region: Region) -> None:
    held = {r.definition.value: (r.clients, r.estimate) for r in region.client_base}
    assert held == {"narrow": (2500, True), "broad": (4500, True)}
    deduction = rows_where(region.indicators, indicator="recently_long_term_share")
    assert [r.value for r in deduction] == [12]


def test_s7_segments(region: Region) -> None:
    held = {
        (r.definition.value, r.segment.value): (r.share_pct, r.reported_clients)
        for r in region.segments
    }
    assert held == {
        ("broad", "green"): (24.8, 1116),
        ("broad", "yellow"): (50.8, 2286),
        ("broad", "red"): (24.3, 1094),
        ("narrow", "green"): (24.8, 620),
        ("narrow", "yellow"): (50.8, 1270),
        ("narrow", "red"): (24.3, 608),
    }


def test_s8_needs_and_availability(region: Region) -> None:
    needs = {r.need.value: (r.clients_narrow, r.clients_broad) for r in region.service_needs}
    assert needs == {"flow": (600, 1100), "reserve": (1300, 2300), "participation": (600, 1100)}
    capacity = {r.measure.value: (r.clients, r.estimate) for r in region.service_capacity}
    assert capacity == {
        "pay_subsidy": (800, True),
        "work_trial": (70, True),
        "rehabilitative_work": (600, True),
        "education": (150, True),
    }


def test_s9_need_and_proposal(region: Region) -> None:
    need = rows_where(region.indicators, indicator="rehabilitative_work_need")
    assert [r.value for r in need] == [2000]
    places = rows_where(region.proposals, item="added_places")
    assert [(p.low, p.high, p.measure.value) for p in places] == [(500, 700, "rehabilitative_work")]


def test_s10_producers_and_municipal_split(region: Region) -> None:
    held = {
        r.producer.value: (r.clients, r.reported_share_pct, r.text_share_pct)
        for r in region.producer_clients
    }
    assert held == {
        "organiser": (151, 25, None),
        "municipality": (68, 11, None),
        "association_purchase": (237, 39, None),
        "association_maintenance": (149, 25, 30),
        "all": (605, None, None),
    }
    split = {r.area: r.share_pct for r in region.activation_shares}
    assert split == {"KU153": 32, "KU405": 55, "MK09-MUUT": 13}
    compensation = rows_where(region.indicators, indicator="state_compensation_per_day")
    assert [r.value for r in compensation] == [10.09]
    kinds = {p.name: p.kind.value for p in region.producers}
    for name in ("Laptuote", "TyönVuoksi", "IntoPajat", "Morova"):
        assert kinds[name] == "association_purchase"
    for name in ("Ekta", "Hyötyhalli"):
        assert kinds[name] == "association_maintenance"


def test_s11_money_and_implied_population(region: Region) -> None:
    values = {(r.area, r.period, r.indicator.value): r.value for r in region.indicators}
    assert values["MK09", "2016", "municipal_share_paid"] == 9_260_000
    assert values["MK09", "2016", "municipal_share_per_resident"] == 70.94
    assert values["SSS", "2016", "municipal_share_per_resident"] == 77.33
    assert values["MK09", "2016", "third_sector_purchases"] == 1_000_000
    assert values["MK09", "2017", "third_sector_purchases_budget"] == 1_000_000
    # The population is derived, not printed: it must equal the ratio it comes from.
    implied = (
        values["MK09", "2016", "municipal_share_paid"]
        / values["MK09", "2016", "municipal_share_per_resident"]
    )
    assert values["MK09", "2016", "residents"] == round(implied)
    assert 130_000 < implied < 131_000  # the digest: "about 130 500 residents"


def test_s13_income_mix_and_association_figures(region: Region) -> None:
    mix = {r.funding_source.value: r.share_pct for r in region.income_mix}
    assert mix == {
        "sales": 10,
        "purchased_services": 13,
        "employment_grants": 10,
        "pay_subsidies": 30,
        "state_grants": 5,
        "municipal_grants": 24,
        "other": 8,
    }
    figures = {(r.indicator.value, r.period): r.value for r in region.producer_indicators}
    assert figures == {
        ("income", "2016"): 8_100_000,
        ("clients", "2016"): 1500,
        ("cost_per_client", "2016"): 5400,
        ("clients_pay_subsidy", "2016"): 350,
        ("clients_work_trial", "2016"): 300,
        ("clients_rehabilitative_work", "2016"): 1000,
        ("open_market_share", "2016"): 7,
        ("funding_change", "2017"): -35,
        ("output_ratio", "2016"): 34,
    }


def test_s15_s16_productivity_and_price(region: Region) -> None:
    ratio = rows_where(region.producer_indicators, indicator="output_ratio")
    assert [r.value for r in ratio] == [34]
    price = {p.item.value: (p.low, p.high) for p in region.proposals}
    assert price["fixed_price_per_week"] == (30, 40)
    assert price["price_per_activity_day"] == (10, 10)
    assert price["activity_days_per_week"] == (1, 4)


def test_every_row_names_its_source(region: Region) -> None:
    for name in region.table_names():
        for row in region.table(name):
            assert row.source.strip(), (name, row)
