"""The same analyses on a second, small region; every expected value derived by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from polku import check_region, read_region, write_region
from polku.analysis import Analysis, Assumptions, analyse, document
from small_region import small_region


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    folder = tmp_path_factory.mktemp("small") / "region"
    write_region(small_region(), folder)  # through the files, as a planner's dataset would be
    return analyse(read_region(folder))


def test_it_is_a_valid_dataset(tmp_path: Path) -> None:
    write_region(small_region(), tmp_path / "r")
    assert read_region(tmp_path / "r") == small_region()
    assert check_region(small_region()) == []


def test_client_base(result: Analysis) -> None:
    # narrow: mean(300+ recipients 1000, unemployed on 03+05 700+300=1000) = 1000
    # broad: mean(all on 03+05 1200+600=1800, structural 2000*(1-0.10)=1800) = 1800 -> 2000
    assert result.client_base.narrow_components == {"benefit_days": 1000, "service_lines": 1000}
    assert (result.client_base.narrow, result.client_base.broad) == (1000, 2000)


def test_client_base_other_definitions() -> None:
    a = Assumptions({"client_base.broad_basis": "service_lines", "client_base.rounding": 100.0})
    assert analyse(small_region(), assumptions=a).client_base.broad == 1800


def test_segments(result: Analysis) -> None:
    # 20/50/30 % of 1000 and of 2000
    assert [result.segments.clients("narrow", s) for s in ("green", "yellow", "red")] == [
        200,
        500,
        300,
    ]
    assert [result.segments.clients("broad", s) for s in ("green", "yellow", "red")] == [
        400,
        1000,
        600,
    ]


def test_service_lines_share_and_change(result: Analysis) -> None:
    row = result.service_lines.get("MK19", "2016-03", "unemployed", "03")
    assert row.share_pct == pytest.approx(700 / 5000 * 100)  # 14 %
    assert row.change_pct == pytest.approx(25.0)  # 700 / 560 - 1


def test_survival(result: Analysis) -> None:
    hazards = [s.monthly_hazard for s in result.survival.steps]
    # 1-0.8; 1-(0.5/0.8)^(1/2); 1-(0.25/0.5)^(1/3); 1-(0.1/0.25)^(1/6)
    assert hazards == pytest.approx([0.2, 0.2094306, 0.2062995, 0.1416258], abs=1e-6)
    assert result.survival.steps[-1].persons_per_month == pytest.approx(50)  # 500 * 10 %


def test_effectiveness(result: Analysis) -> None:
    column = result.effectiveness.column("pay_subsidy", "company")
    assert column.open_market_upper_bound == pytest.approx(0.4)  # 0.2 / (1 - 0.5)
    cell = next(c for c in result.effectiveness.cells if c.outcome == "open_market")
    assert (cell.low, cell.high) == pytest.approx((0.1333, 0.2888), abs=1e-4)  # 20 of 100


def test_needs_and_gap(result: Analysis) -> None:
    rehab = result.needs.measure("rehabilitative_work")
    assert (rehab.need, rehab.available, rehab.gap) == (400, 150, 250)
    assert (rehab.remaining_gap_low, rehab.remaining_gap_high) == (50, 150)  # 250-200, 250-100
    assert result.needs.total_need("broad") == 2000


def test_producers_and_activation(result: Analysis) -> None:
    assert result.producers.share("organiser") == pytest.approx(0.3)
    (act,) = result.producers.activation
    # 60 % of clients, 1000 of 2000 recipients = 50 % -> 1.2 times its share
    assert (act.share_of_recipients, act.ratio) == pytest.approx((0.5, 1.2))


def test_municipal_share(result: Analysis) -> None:
    m = result.municipal_share
    # rates 2016: 300-499 and 500-999 at 50 %, 1000+ at 70 %:
    # (200*0.5 + 300*0.5 + 500*0.7) = 600 full-rate recipient-years
    assert m.full_rate_cost == pytest.approx(600 * 32.68 * 261)
    assert m.paid_fraction == pytest.approx(2_558_844 / (600 * 32.68 * 261))
    assert m.per_resident == pytest.approx(2_558_844 / 50_000)
    assert m.average_rate_pct("300+") == pytest.approx(60.0)  # (200*50+300*50+500*70)/1000


def test_funding(result: Analysis) -> None:
    f = result.funding
    assert f.cost_per_client == pytest.approx(5000)
    assert f.concentration == pytest.approx(0.5)
    assert f.income_after_overall_cut == pytest.approx(800_000)
    assert f.by_source[1].income_after_cut == pytest.approx(900_000)  # 20 % of 500 000


def test_pricing(result: Analysis) -> None:
    p = result.pricing
    saved = 0.60 * 32.68 * result.municipal_share.paid_fraction
    # break-even = d * (10.09 - 5) + 5 * saved - 10 at d = 2.5: the share is saved on the
    # five benefit days of each week in the service, the compensation on activity days
    assert p.break_even_per_week == pytest.approx(2.5 * (10.09 - 5) + 5 * saved - 10)
    assert p.fixed_price == 25  # middle of 20-30
    first = p.places[0]
    assert first.cost == pytest.approx(100 * 46 * (25 + 5 * 2.5 + 10))


def test_document_works_for_the_small_region(result: Analysis) -> None:
    doc = document(result)
    assert doc["area"] == "MK19"
    assert doc["client_base"]["broad"] == 2000
