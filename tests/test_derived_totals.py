"""Totals and shares come from the parts when the data print no total.

The survey prints an ``all`` row beside its service lines and benefit-day classes; a
planner's data often do not. The analyses then add the parts up (and say nothing
where a part is missing) instead of leaving every share and change empty.
"""

from __future__ import annotations

import dataclasses

import pytest

from polku import default_region
from polku.analysis import analyse, benefit_days, service_lines
from polku.model import Region
from polku.model.vocabulary import BenefitDaysClass

REGION = default_region()


def _without(region: Region, table: str, **conditions: object) -> Region:
    rows = tuple(
        r
        for r in region.table(table)
        if not all(str(getattr(r, k)) == str(v) for k, v in conditions.items())
    )
    assert len(rows) < len(region.table(table))
    return dataclasses.replace(region, **{table: rows})


def test_service_line_shares_and_changes_without_a_printed_total() -> None:
    printed = service_lines(REGION)
    derived = service_lines(_without(REGION, "jobseekers", service_line="all"))
    for line in ("00", "01", "03", "05", "unknown"):
        for period in ("2017-03", "2016-03"):
            want = printed.get("MK09", period, "unemployed", line)
            got = derived.get("MK09", period, "unemployed", line)
            assert got.share_pct == pytest.approx(want.share_pct), (line, period)
            assert got.change_pct == want.change_pct
    # the lines add up to the printed 8854 and 9501, so the total is added, computed
    total = derived.get("MK09", "2017-03", "unemployed", "all")
    assert total.count == 8854
    assert total.share_pct == pytest.approx(100.0)
    assert total.change_pct == pytest.approx(100.0 * (8854 / 9501 - 1))


def test_a_printed_line_sum_a_year_before_comes_from_its_lines() -> None:
    region = _without(REGION, "jobseekers", period="2016-03", service_line="all")
    region = dataclasses.replace(
        region,
        jobseekers=(
            *region.jobseekers,
            *(
                dataclasses.replace(r, period="2018-03", count=r.count + 10)
                for r in region.jobseekers
                if (r.period, r.group.value, r.service_line) == ("2017-03", "unemployed", "03+05")
            ),
        ),
    )
    later = service_lines(region).get("MK09", "2018-03", "unemployed", "03+05")
    assert later.change_pct == pytest.approx(100.0 * (2490 / 2480 - 1))  # printed 2017 row
    before = service_lines(_without(region, "jobseekers", period="2017-03", service_line="03+05"))
    # 2018-03 against 1788 + 695 from the 2017 lines: no printed sum that year any more
    assert before.get("MK09", "2018-03", "unemployed", "03+05").change_pct == pytest.approx(
        100.0 * (2490 / 2483 - 1)
    )


def test_no_total_is_made_up_from_missing_lines() -> None:
    region = _without(REGION, "jobseekers", service_line="all")
    region = _without(region, "jobseekers", period="2017-03", group="unemployed", service_line="02")
    lines = service_lines(region)
    assert lines.get("MK09", "2017-03", "unemployed", "03").share_pct is None
    assert not [r for r in lines.rows if (r.period, r.service_line) == ("2017-03", "all")]


def test_benefit_day_shares_and_totals_without_printed_totals() -> None:
    region = _without(REGION, "benefit_days", days_class="all")
    region = _without(region, "benefit_days", days_class="300+")
    days = benefit_days(region)
    bins = {"0-299": 2266, "300-499": 683, "500-999": 824, "1000+": 991}
    for days_class, n in bins.items():
        assert days.get("MK09", days_class).share_pct == pytest.approx(100.0 * n / 4764)
    assert days.get("MK09", "all").recipients == sum(bins.values())
    assert days.get("MK09", "300+").recipients == 2498
    assert days.get("MK09", "300+").share_pct == pytest.approx(100.0 * 2498 / 4764)
    # the client base is the survey's: 300+ recipients are the sum of their classes
    a = analyse(region)
    assert a.client_base.narrow_components["benefit_days"] == 2498
    assert (a.client_base.narrow, a.client_base.broad) == (2500, 4500)


def test_the_printed_total_is_kept_where_there_is_one() -> None:
    # the survey's shares are of its printed 4771, not of the classes' 4764
    assert benefit_days(REGION).get("MK09", "0-299").share_pct == pytest.approx(100.0 * 2266 / 4771)


def test_activation_against_recipients_without_printed_totals() -> None:
    area_rows = [
        dataclasses.replace(r, area="KU405", recipients=r.recipients // 2)
        for r in REGION.benefit_days
        if r.area == "MK09" and r.days_class not in (BenefitDaysClass.ALL, "300+")
    ]
    region = dataclasses.replace(
        _without(REGION, "benefit_days", days_class="all"),
        benefit_days=(*_without(REGION, "benefit_days", days_class="all").benefit_days, *area_rows),
    )
    act = next(x for x in analyse(region).producers.activation if x.area == "KU405")
    whole = 2266 + 683 + 824 + 991
    own = sum(r.recipients for r in area_rows)
    assert act.share_of_recipients == pytest.approx(own / whole)
    assert act.ratio == pytest.approx(0.55 / (own / whole))


def test_a_second_year_of_data_gives_the_latest_year_not_a_mix() -> None:
    later = {
        "survival": [
            dataclasses.replace(p, period="2016-01/2017-03", share_pct=p.share_pct / 2)
            for p in REGION.survival
        ],
        "service_capacity": [
            dataclasses.replace(c, period="2017", clients=c.clients + 100)
            for c in REGION.service_capacity
        ],
        "indicators": [
            dataclasses.replace(i, period="2018-03", value=6000)
            for i in REGION.indicators
            if i.indicator.value == "structural_unemployed" and i.area == "MK09"
        ],
    }
    region = dataclasses.replace(
        REGION, **{t: (*REGION.table(t), *rows) for t, rows in later.items()}
    )
    a = analyse(region)
    assert [s.share for s in a.survival.steps] == pytest.approx(
        [p.share_pct / 200 for p in REGION.survival]
    )
    assert a.needs.measure("rehabilitative_work").available == 700
    assert a.client_base.broad_components["structural"] == pytest.approx(6000 * 0.88)
