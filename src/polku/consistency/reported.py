"""Figures the source printed next to the data they derive from: do they agree?

Printed shares against counts, printed changes against last year's counts, printed
segment counts against share x client base, derived indicators against their formula,
and the survival curve against its own monotonicity.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from polku.findings import Finding, Level
from polku.model.vocabulary import (
    BenefitDaysClass,
    ClientBaseDefinition,
    IndicatorKind,
    ProducerIndicatorKind,
    ProducerKind,
)

from .base import Checker, groups, rounding

_EPS = 1e-9


def _share_check(
    c: Checker,
    table: str,
    column: str,
    member: str,
    whole: object,
    key: Any,
    code: str = "reported_share",
    printed: str = "reported_share_pct",
) -> list[Finding]:
    out = []
    for rows in groups(c.indexed(table), key).values():
        totals = [getattr(r, column) for _, r in rows if getattr(r, member) == whole]
        if len(totals) != 1 or totals[0] == 0:
            continue
        for index, row in rows:
            shown = getattr(row, printed)
            if shown is None:
                continue
            computed = 100.0 * getattr(row, column) / totals[0]
            if abs(computed - shown) > rounding(shown) + _EPS:
                out.append(
                    c.warn(
                        table,
                        index,
                        printed,
                        code,
                        shown,
                        text=shown,
                        expected=round(computed, 2),
                        part=getattr(row, column),
                        whole=totals[0],
                    )
                )
    return out


def reported_shares(c: Checker) -> list[Finding]:
    """Printed shares (and a text's claimed share) against shares of the counts."""
    return (
        _share_check(
            c, "jobseekers", "count", "service_line", "all", lambda r: (r.area, r.period, r.group)
        )
        + _share_check(
            c,
            "benefit_days",
            "recipients",
            "days_class",
            BenefitDaysClass.ALL,
            lambda r: (r.area, r.period),
        )
        + _share_check(
            c,
            "producer_clients",
            "clients",
            "producer",
            ProducerKind.ALL,
            lambda r: (r.area, r.period, r.measure),
        )
        + _share_check(
            c,
            "producer_clients",
            "clients",
            "producer",
            ProducerKind.ALL,
            lambda r: (r.area, r.period, r.measure),
            "text_share",
            "text_share_pct",
        )
    )


def _year_before(period: str) -> str:
    return f"{int(period[:4]) - 1}{period[4:]}" if period[:4].isdigit() else period


def reported_changes(c: Checker) -> list[Finding]:
    """Printed year-on-year changes against the counts of both years."""
    rows = c.indexed("jobseekers")
    counts = {(r.area, r.period, r.group, r.service_line): r.count for _, r in rows}
    out = []
    for index, r in rows:
        before = counts.get((r.area, _year_before(r.period), r.group, r.service_line))
        if r.reported_change_pct is None or not before:
            continue
        computed = 100.0 * (r.count / before - 1.0)
        if abs(computed - r.reported_change_pct) > rounding(r.reported_change_pct) + _EPS:
            out.append(
                c.warn(
                    "jobseekers",
                    index,
                    "reported_change_pct",
                    "reported_change",
                    r.reported_change_pct,
                    expected=round(computed, 2),
                    now=r.count,
                    before=before,
                )
            )
    return out


def segment_counts(c: Checker) -> list[Finding]:
    """Printed segment counts against share x client base of the same definition."""
    bases = {(b.area, b.definition): b.clients for b in c.region.client_base}
    out = []
    for index, s in c.indexed("segments"):
        base = bases.get((s.area, ClientBaseDefinition(s.definition)))
        if s.reported_clients is None or base is None:
            continue
        computed = base * s.share_pct / 100.0
        tolerance = base * rounding(s.share_pct) / 100.0 + 0.5
        if abs(computed - s.reported_clients) > tolerance + _EPS:
            out.append(
                c.warn(
                    "segments",
                    index,
                    "reported_clients",
                    "reported_clients",
                    s.reported_clients,
                    expected=round(computed, 1),
                    share=s.share_pct,
                    base=base,
                )
            )
    return out


def needs_against_base(c: Checker) -> list[Finding]:
    """The kinds of need should add up to the client base of each definition."""
    out = []
    for base_index, base in c.indexed("client_base"):
        column = f"clients_{base.definition}"
        needs = [n for n in c.region.service_needs if n.area == base.area]
        if len(needs) < 2:
            continue
        total = sum(getattr(n, column) for n in needs)
        if total != base.clients:
            listing = " + ".join(f"{getattr(n, column)} ({n.need})" for n in needs)
            out.append(
                c.warn(
                    "client_base",
                    base_index,
                    "clients",
                    "parts_sum",
                    base.clients,
                    total=f"client base {base.definition}",
                    parts=listing,
                    part_values=[{"key": n.need, "value": getattr(n, column)} for n in needs],
                    expected=total,
                )
            )
    return out


def _ratio_check(
    c: Checker, table: str, key: Any, kinds: tuple[Any, Any, Any], formula: str
) -> list[Finding]:
    """``kinds`` = (result, numerator, denominator): result ~ numerator / denominator."""
    out = []
    for rows in groups(c.indexed(table), key).values():
        by_kind = {r.indicator: (i, r.value) for i, r in rows}
        if not all(k in by_kind for k in kinds):
            continue
        index, result = by_kind[kinds[0]]
        numerator, denominator = by_kind[kinds[1]][1], by_kind[kinds[2]][1]
        step = rounding(denominator)
        if denominator - step <= 0:
            continue
        low, high = numerator / (denominator + step), numerator / (denominator - step)
        if not low - rounding(result) <= result <= high + rounding(result):
            out.append(
                c.warn(
                    table,
                    index,
                    "value",
                    "derived_value",
                    result,
                    indicator=kinds[0],
                    formula=formula,
                    expected=round(numerator / denominator, 2),
                )
            )
    return out


def derived_values(c: Checker) -> list[Finding]:
    """Figures defined by others: residents implied by S11, cost per client in S13."""
    return _ratio_check(
        c,
        "indicators",
        lambda r: (r.area, r.period),
        (
            IndicatorKind.RESIDENTS,
            IndicatorKind.MUNICIPAL_SHARE_PAID,
            IndicatorKind.MUNICIPAL_SHARE_PER_RESIDENT,
        ),
        "municipal_share_paid / municipal_share_per_resident",
    ) + _ratio_check(
        c,
        "producer_indicators",
        lambda r: (r.producer, r.period),
        (
            ProducerIndicatorKind.COST_PER_CLIENT,
            ProducerIndicatorKind.INCOME,
            ProducerIndicatorKind.CLIENTS,
        ),
        "income / clients",
    )


def survival_monotone(c: Checker) -> list[Finding]:
    """The share still unemployed cannot rise with time."""
    out = []
    for rows in groups(c.indexed("survival"), lambda r: (r.area, r.period)).values():
        ordered = sorted(rows, key=lambda ir: ir[1].months)
        for (_, a), (index, b) in pairwise(ordered):
            if b.share_pct > a.share_pct:
                out.append(
                    c.warn(
                        "survival",
                        index,
                        "share_pct",
                        "survival_increasing",
                        b.share_pct,
                        before=a.share_pct,
                        after=b.share_pct,
                    )
                )
    return out


NEEDED = (
    "areas",
    "indicators",
    "jobseekers",
    "survival",
    "benefit_days",
    "measure_periods",
    "outcomes",
    "segments",
    "service_needs",
    "service_capacity",
    "producer_clients",
    "producers",
    "income_mix",
    "producer_indicators",
    "proposals",
)


def completeness(c: Checker) -> list[Finding]:
    """Tables the analyses and the simulation need should have rows."""
    out = []
    for table in NEEDED:
        if not c.region.table(table):
            out.append(
                Finding(
                    Level.WARNING,
                    "table_empty",
                    table=table,
                    file=f"{table}.csv",
                    params={"table": table},
                )
            )
    mixed = {(m.producer, m.period) for m in c.region.income_mix}
    for index, row in c.indexed("producer_indicators"):
        if (
            row.indicator is ProducerIndicatorKind.INCOME
            and (row.producer, row.period) not in mixed
        ):
            out.append(
                c.warn(
                    "producer_indicators",
                    index,
                    "producer",
                    "income_without_mix",
                    row.producer,
                    producer=row.producer,
                    period=row.period,
                )
            )
    return out
