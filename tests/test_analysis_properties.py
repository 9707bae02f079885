"""Invariants of the analyses under random inputs (Hypothesis)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from polku import default_region
from polku.analysis import Assumptions, effectiveness, municipal_share, producers, survival
from polku.analysis.clients import client_base, segments
from polku.analysis.effectiveness import wilson
from polku.analysis.pricing import PriceTerms, break_even_fixed, net_cost_per_week
from polku.rules import load_rules

REGION = default_region()
RULES = load_rules()
SHARE = municipal_share(REGION, RULES)


@settings(max_examples=60, deadline=None)
@given(
    green=st.floats(1, 60),
    yellow=st.floats(1, 60),
    rounding=st.sampled_from([1.0, 10.0, 100.0, 500.0]),
)
def test_segment_counts_add_up_to_the_client_base(
    green: float, yellow: float, rounding: float
) -> None:
    red = max(0.0, 100.0 - green - yellow)
    shares = {"green": green, "yellow": yellow, "red": red}
    rows = tuple(
        dataclasses.replace(s, share_pct=round(shares[s.segment.value], 1)) for s in REGION.segments
    )
    region = dataclasses.replace(REGION, segments=rows)
    base = client_base(region, Assumptions({"client_base.rounding": rounding}))
    result = segments(region, base)
    for definition in ("narrow", "broad"):
        counts = [r for r in result.rows if r.definition == definition]
        total_share = sum(r.share_pct for r in counts)
        expected = base.clients(definition) * total_share / 100.0
        assert abs(sum(r.clients for r in counts) - expected) <= 0.5 * len(counts) + 1e-6
        assert all(r.clients >= 0 for r in counts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.1, 99.9), min_size=4, max_size=4))
def test_survival_shares_and_hazards_stay_in_unit_interval(raw: list[float]) -> None:
    values = sorted(raw, reverse=True)
    points = tuple(
        dataclasses.replace(p, share_pct=round(v, 2))
        for p, v in zip(REGION.survival, values, strict=True)
    )
    result = survival(dataclasses.replace(REGION, survival=points))
    for step in result.steps:
        assert 0.0 <= step.share <= 1.0
        assert 0.0 <= step.monthly_hazard <= 1.0


@settings(max_examples=60, deadline=None)
@given(share=st.floats(0, 1), n=st.integers(0, 10_000), confidence=st.floats(0.5, 0.999))
def test_wilson_interval_is_in_unit_interval_and_holds_the_share(
    share: float, n: int, confidence: float
) -> None:
    low, high = wilson(share, n, confidence)
    assert 0.0 <= low <= high <= 1.0
    if n > 0:
        assert low <= share + 1e-12
        assert share - 1e-12 <= high


def test_result_shares_are_fractions() -> None:
    result = effectiveness(REGION)
    for cell in result.cells:
        assert 0.0 <= cell.share <= 1.0
    for share in producers(REGION).shares:
        assert 0.0 <= share.share <= 1.0
    assert 0.0 < SHARE.paid_fraction <= 1.0


@settings(max_examples=100, deadline=None)
@given(
    comp=st.floats(0, 50),
    saved=st.floats(0, 50),
    own=st.floats(0, 100),
    fixed=st.floats(0, 500),
    extra=st.floats(0.01, 100),
    per_day=st.floats(0, 100),
    days=st.floats(0.5, 5),
)
def test_net_cost_rises_with_the_price(
    comp: float, saved: float, own: float, fixed: float, extra: float, per_day: float, days: float
) -> None:
    terms = PriceTerms(comp, saved, own, 9.0)
    base = net_cost_per_week(terms, fixed, per_day, days)
    assert net_cost_per_week(terms, fixed + extra, per_day, days) > base
    assert net_cost_per_week(terms, fixed, per_day + extra, days) > base
    even = break_even_fixed(terms, per_day, days)
    assert abs(net_cost_per_week(terms, even, per_day, days)) < 1e-6
