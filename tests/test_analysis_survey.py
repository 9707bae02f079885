"""Every analysis reproduces the survey's printed figures (S1-S16) from the data.

The printed figures are typed here from the survey; the analysis code never contains
them (``test_no_survey_figure_in_analysis_code``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from polku import default_region
from polku.analysis import Analysis, analyse

ANALYSIS_SRC = Path(__file__).parents[1] / "src" / "polku" / "analysis"


@pytest.fixture(scope="module")
def result() -> Analysis:
    return analyse(default_region())


def test_s1_line_sums_by_subregion(result: Analysis) -> None:
    lines = result.service_lines
    for area, printed in (("SK093", 805), ("SK091", 1632)):
        parts = sum(lines.get(area, "2017-03", "unemployed", line).count for line in ("03", "05"))
        assert parts == printed
    everyone = sum(lines.get("MK09", "2017-03", "all", line).count for line in ("03", "05"))
    assert everyone == 4185


def test_s3_shares_and_changes(result: Analysis) -> None:
    printed = {
        "00": (3.4, 143.9),
        "01": (31.5, -19.5),
        "02": (35.0, -2.1),
        "03": (20.2, 1.2),
        "04": (0.1, -70.5),
        "05": (7.8, 52.1),
        "unknown": (1.9, -64.6),
    }
    for line, (share, change) in printed.items():
        row = result.service_lines.get("MK09", "2017-03", "unemployed", line)
        assert row.share_pct == pytest.approx(share, abs=0.05), line
        assert row.change_pct == pytest.approx(change, abs=0.05), line
    total = result.service_lines.get("MK09", "2017-03", "unemployed", "all")
    assert total.change_pct == pytest.approx(-6.8, abs=0.05)
    before = {"00": 1.3, "01": 36.5, "02": 33.3, "03": 18.6, "04": 0.5, "05": 4.8, "unknown": 5.1}
    for line, share in before.items():
        row = result.service_lines.get("MK09", "2016-03", "unemployed", line)
        assert row.share_pct == pytest.approx(share, abs=0.05), line


def test_s4_shares_by_area(result: Analysis) -> None:
    printed = {
        "MK09": (47.5, 14.3, 17.3, 20.8),
        "SK093": (49.7, 15.9, 16.2, 18.1),
        "SK091": (46.5, 13.6, 17.8, 22.0),
    }
    for area, shares in printed.items():
        computed = [
            result.benefit_days.get(area, c).share_pct
            for c in ("0-299", "300-499", "500-999", "1000+")
        ]
        assert computed == pytest.approx(shares, abs=0.05), area
        at_least = sum(
            result.benefit_days.get(area, c).recipients for c in ("300-499", "500-999", "1000+")
        )
        assert at_least == result.benefit_days.get(area, "300+").recipients


def test_s2_survival_inflow_and_hazards(result: Analysis) -> None:
    s = result.survival
    assert s.inflow_per_month == 1521
    assert [s.share(m) for m in (1, 3, 6, 12)] == pytest.approx([0.7245, 0.4654, 0.274, 0.1241])
    # the hazards reproduce the curve: compounding them gives the printed shares back
    remaining = 1.0
    for step in s.steps:
        remaining *= (1 - step.monthly_hazard) ** (step.months - step.from_months)
        assert remaining == pytest.approx(step.share)
    assert s.steps[-1].persons_per_month == pytest.approx(1521 * 0.1241)


def test_s5_outcomes_bounds_and_intervals(result: Analysis) -> None:
    company = result.effectiveness.column("pay_subsidy", "company")
    assert company.open_market_upper_bound == pytest.approx(0.228, abs=0.0005)  # "about 22.8 %"
    assert int(company.open_market_upper_bound * 100) == 22  # "at most 22 %"
    sums = {(c.measure, c.producer): round(c.share_sum * 100) for c in result.effectiveness.columns}
    assert sums == {
        ("pay_subsidy", "association"): 100,
        ("pay_subsidy", "municipality"): 103,
        ("pay_subsidy", "company"): 105,
        ("work_trial", "all"): 90,
        ("rehabilitative_work", "all"): 88,
    }
    for cell in result.effectiveness.cells:
        assert cell.low <= cell.share <= cell.high


def test_s6_client_base(result: Analysis) -> None:
    assert (result.client_base.narrow, result.client_base.broad) == (2500, 4500)


def test_s7_segments(result: Analysis) -> None:
    seg = result.segments
    assert [seg.clients("broad", s) for s in ("green", "yellow", "red")] == [1116, 2286, 1094]
    assert [seg.clients("narrow", s) for s in ("green", "yellow", "red")] == [620, 1270, 608]


def test_s8_s9_needs_and_the_rehabilitative_gap(result: Analysis) -> None:
    assert result.needs.total_need("narrow") == 2500
    assert result.needs.total_need("broad") == 4500
    rehab = result.needs.measure("rehabilitative_work")
    assert (rehab.need, rehab.available, rehab.gap) == (2000, 600, 1400)
    assert (rehab.added_low, rehab.added_high) == (500, 700)
    assert result.needs.measure("pay_subsidy").available == 800


def test_s10_producer_shares(result: Analysis) -> None:
    shares = {s.producer: round(s.share * 100) for s in result.producers.shares}
    assert shares == {
        "organiser": 25,
        "municipality": 11,
        "association_purchase": 39,
        "association_maintenance": 25,
    }


def test_s11_municipal_share(result: Analysis) -> None:
    m = result.municipal_share
    assert m.per_resident == pytest.approx(70.94, abs=0.005)
    assert m.national_per_resident == 77.33
    assert 0 < m.paid_fraction <= 1
    assert sum(c.estimate for c in m.classes if c.area == "MK09") == pytest.approx(9_260_000)
    assert m.daily_rate == 32.68  # the 2016 rule


def test_s13_income_and_cost_per_client(result: Analysis) -> None:
    f = result.funding
    assert f.cost_per_client == pytest.approx(5400)
    by_source = {s.funding_source: s for s in f.by_source}
    assert by_source["pay_subsidies"].income == pytest.approx(0.30 * 8_100_000)
    assert f.income_after_overall_cut == pytest.approx(8_100_000 * 0.65)  # the 35 % fall
    assert by_source["pay_subsidies"].loss_pct == pytest.approx(0.30 * 35)


def test_s16_survey_price_costs_the_organiser_no_more_than_it_saves(result: Analysis) -> None:
    """S16 calls 30-40 EUR a week + 10 EUR a day cost-neutral; under the 2015-2024 rules
    the benefit for the whole time in the service is state-funded (five days a week), so
    the proposal's upper end still costs the organiser less than it saves."""
    p = result.pricing
    assert (p.fixed_price, p.price_per_day) == (35, 10)  # middle of 30-40 EUR + 10 EUR a day
    assert all(w.net_cost_high is not None and w.net_cost_high < 0 for w in p.by_days)
    assert all(w.break_even_per_week > 40 for w in p.by_days)
    assert [c.places for c in p.places] == [500, 700]
    assert all(c.cost > 0 and c.saving > 0 for c in p.places)


def test_results_have_frames_and_name_their_inputs(result: Analysis) -> None:
    for name in (
        "service_lines",
        "benefit_days",
        "client_base",
        "segments",
        "survival",
        "needs",
        "effectiveness",
        "producers",
        "municipal_share",
        "funding",
        "pricing",
    ):
        res = getattr(result, name)
        frame = res.to_frame()
        assert len(frame) > 0, name
        assert res.inputs, name
        assert all(i.source for i in res.inputs), name


# Distinctive figures printed in the survey; the class bounds 300/500/1000 and small
# numbers are vocabulary, not results, and are left out.
SURVEY_FIGURES = {
    2480,
    2483,
    2498,
    2500,
    4185,
    4500,
    5770,
    1904,
    3866,
    1521,
    72.45,
    46.54,
    27.4,
    12.41,
    9_260_000,
    9.26,
    70.94,
    77.33,
    5400,
    8_100_000,
    8.1,
    605,
    151,
    68,
    237,
    149,
    2434,
    1760,
    324,
    284,
    283,
    1116,
    2286,
    1094,
    620,
    1270,
    608,
    24.8,
    50.8,
    24.3,
    2000,
    1300,
    2300,
    1100,
    800,
    10.09,
    32.68,
    32.4,
    32.8,
    22.8,
    0.228,
    0.43,
    34,
    35,
    1500,
    350,
    700,
    40,
    0.13,
}


def test_no_survey_figure_in_analysis_code() -> None:
    found = []
    for path in ANALYSIS_SRC.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, int | float)
                and not isinstance(node.value, bool)
                and node.value in SURVEY_FIGURES
            ):
                found.append(f"{path.name}:{node.lineno} {node.value}")
    assert not found
