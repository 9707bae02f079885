"""The baseline's money against the region's reported figures (S11, S13), and the money
lookup with any number of producers."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from polku import default_region
from polku.cli import app
from polku.model.region import Region
from polku.model.tables import IncomeShare, Producer, ProducerIndicator
from polku.model.vocabulary import (
    FundingSource,
    IndicatorKind,
    ProducerIndicatorKind,
    ProducerKind,
    Unit,
)
from polku.simulation.income import income_by_source
from polku.simulation.runner import Settings, simulate


@pytest.fixture(scope="module")
def summary() -> dict[str, object]:
    result = CliRunner().invoke(app, ["simulate", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, object] = json.loads(result.output)
    return doc


def _reported(kind: IndicatorKind) -> float:
    region = default_region()
    return next(r.value for r in region.indicators if r.indicator is kind and r.area == "MK09")


def test_municipal_share_is_a_calibration_target_within_two_percent(
    summary: dict[str, object],
) -> None:
    checks = summary["calibration"]
    assert isinstance(checks, list)
    line = next(c for c in checks if "municipal_share" in c["target"])
    assert {"data", "model", "relative", "note"} <= set(line)
    assert line["data"] == _reported(IndicatorKind.MUNICIPAL_SHARE_PAID)
    assert abs(line["model"] / line["data"] - 1) < 0.02
    assert abs(line["relative"]) < 0.02


def test_the_fitted_paid_fraction_is_named_with_its_value_and_meaning(
    summary: dict[str, object],
) -> None:
    fitted = {f["name"]: f for f in summary["fitted"]}  # type: ignore[attr-defined]
    paid = fitted["paid_fraction"]
    assert 0.3 < paid["value"] < 1.0
    assert "municipal share" in paid["meaning"]
    assert "kuntaosuu" in paid["meaning_fi"]
    # the baseline's municipal share is the rate x days x the fitted fraction: halve the
    # fraction and the money would halve, so the fit is what brings it to S11
    baseline = summary["scenarios"]["baseline"]["metrics"]  # type: ignore[index]
    reported = _reported(IndicatorKind.MUNICIPAL_SHARE_PAID)
    assert baseline["cost_municipal_share_per_year"]["mean"] == pytest.approx(reported, rel=0.02)


def test_money_lines_beyond_two_percent_say_why(summary: dict[str, object]) -> None:
    for line in summary["calibration"]:  # type: ignore[attr-defined]
        if line["target"].startswith("money_") and abs(line["relative"]) > 0.02:
            assert line["note"], line["target"]
            assert line["note_fi"], line["target"]
    income = {c["target"]: c for c in summary["calibration"]}  # type: ignore[attr-defined]
    total = income["money_income_total_per_year"]
    assert abs(total["relative"]) < 0.02  # the associations' income, S13
    purchases = income["money_organiser_purchases_per_year"]
    assert purchases["data"] == _reported(IndicatorKind.THIRD_SECTOR_PURCHASES)
    assert abs(purchases["relative"]) < 0.02


def test_the_register_stock_is_reconciled_in_words(summary: dict[str, object]) -> None:
    line = next(
        c
        for c in summary["calibration"]  # type: ignore[attr-defined]
        if c["target"] == "stock_unemployed_registered"
    )
    assert line["data"] == 8854  # S3, unemployed jobseekers 3/2017 (the data's figure)
    assert "register" in line["note"]
    assert "rekisteri" in line["note_fi"]
    assert "9,501" in line["note"]  # the year before, from the data, as a second reading


def _three_producers(region: Region) -> Region:
    """The embedded region with its associations' income split over three producers."""
    base = next(p for p in region.producers if p.kind is ProducerKind.ASSOCIATION)
    income = next(
        r
        for r in region.producer_indicators
        if r.producer == base.id and r.indicator is ProducerIndicatorKind.INCOME
    )
    splits = {"a": 0.5, "b": 0.3, "c": 0.2}
    mixes = {
        "a": {FundingSource.PAY_SUBSIDIES: 60, FundingSource.SALES: 40},
        "b": {FundingSource.PURCHASED_SERVICES: 50, FundingSource.MUNICIPAL_GRANTS: 50},
        "c": {FundingSource.EMPLOYMENT_GRANTS: 70, FundingSource.OTHER: 30},
    }
    producers = tuple(
        Producer(
            id=f"assoc-{k}",
            name=f"Association {k}",
            kind=kind,
            area=base.area,
            interviewed=False,
            source="test",
            estimate=False,
            note="",
        )
        for k, kind in zip(
            splits,
            (
                ProducerKind.ASSOCIATION_PURCHASE,
                ProducerKind.ASSOCIATION_MAINTENANCE,
                ProducerKind.ASSOCIATION,
            ),
            strict=True,
        )
    )
    indicators = tuple(
        ProducerIndicator(
            producer=f"assoc-{k}",
            period=income.period,
            indicator=ProducerIndicatorKind.INCOME,
            value=income.value * share,
            unit=Unit.EUR,
            source="test",
            estimate=False,
            note="",
        )
        for k, share in splits.items()
    )
    mix = tuple(
        IncomeShare(
            producer=f"assoc-{k}",
            period=income.period,
            funding_source=source,
            share_pct=pct,
            source="test",
            estimate=False,
            note="",
        )
        for k, shares in mixes.items()
        for source, pct in shares.items()
    )
    others = tuple(p for p in region.producers if p.id != base.id)
    return replace(
        region,
        producers=others + producers,
        producer_indicators=tuple(r for r in region.producer_indicators if r.producer != base.id)
        + indicators,
        income_mix=mix,
    )


def test_the_money_lookup_adds_up_every_producer() -> None:
    region = _three_producers(default_region())
    by_source = income_by_source(region)
    total = sum(r.value for r in region.producer_indicators if r.indicator.value == "income")
    assert sum(by_source.values()) == pytest.approx(total)
    assert by_source["pay_subsidies"] == pytest.approx(total * 0.5 * 0.6)
    assert by_source["employment_grants"] == pytest.approx(total * 0.2 * 0.7)
    # the simulated baseline keeps all three producers' income
    sim = simulate(region, settings=Settings(months=12))
    simulated = float(sim.baseline.money.income[0].sum())
    assert simulated == pytest.approx(total, rel=0.05)
