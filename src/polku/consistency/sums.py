"""Totals against their parts, areas against their subareas, shares against 100 %."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from polku.findings import Finding
from polku.model.vocabulary import (
    ALL_SERVICE_LINES,
    BenefitDaysClass,
    ProducerKind,
    service_line_parts,
)

from .base import (
    ADDITIVE_UNITS,
    AGGREGATE_PRODUCERS,
    ALL_LINES,
    DAYS_PARTS,
    LEVEL_BELOW,
    Checker,
    groups,
    rounding,
)


def _parts_sum(
    c: Checker,
    table: str,
    column: str,
    member: str,
    key: Callable[[Any], tuple[object, ...]],
    parts_of: Callable[[Any, set[str]], tuple[str, ...] | None],
) -> list[Finding]:
    out = []
    for rows in groups(c.indexed(table), key).values():
        values = {str(getattr(r, member)): getattr(r, column) for _, r in rows}
        for index, row in rows:
            parts = parts_of(getattr(row, member), set(values))
            if not parts or any(p not in values for p in parts) or len(parts) < 2:
                continue
            total = sum(values[p] for p in parts)
            if total != getattr(row, column):
                listing = " + ".join(f"{values[p]} ({p})" for p in parts)
                out.append(
                    c.warn(
                        table,
                        index,
                        column,
                        "parts_sum",
                        getattr(row, column),
                        total=f"{member} {getattr(row, member)}",
                        parts=listing,
                        part_values=[{"key": p, "value": values[p]} for p in parts],
                        expected=total,
                    )
                )
    return out


def _service_line_parts(code: str, present: set[str]) -> tuple[str, ...] | None:
    if code != ALL_SERVICE_LINES and "+" not in code:
        return None
    return tuple(line.value for line in service_line_parts(code))


def _days_parts(code: str, present: set[str]) -> tuple[str, ...] | None:
    parts = DAYS_PARTS.get(BenefitDaysClass(code))
    return tuple(str(p) for p in parts) if parts else None


def _producer_parts(code: str, present: set[str]) -> tuple[str, ...] | None:
    if code != ProducerKind.ALL:
        return None
    return tuple(sorted(p for p in present if p not in AGGREGATE_PRODUCERS))


def parts_sums(c: Checker) -> list[Finding]:
    """Totals against the sum of their parts: service lines, benefit-day bins, producers."""
    return (
        _parts_sum(
            c,
            "jobseekers",
            "count",
            "service_line",
            lambda r: (r.area, r.period, r.group),
            _service_line_parts,
        )
        + _parts_sum(
            c, "benefit_days", "recipients", "days_class", lambda r: (r.area, r.period), _days_parts
        )
        + _parts_sum(
            c,
            "producer_clients",
            "clients",
            "producer",
            lambda r: (r.area, r.period, r.measure),
            _producer_parts,
        )
    )


def _rollup(
    c: Checker,
    table: str,
    column: str,
    key: Callable[[Any], tuple[object, ...]],
    include: Callable[[Any], bool] = lambda r: True,
) -> list[Finding]:
    out = []
    by_key = groups(((i, r) for i, r in c.indexed(table) if include(r)), key)
    for rows in by_key.values():
        by_area = {r.area: (i, r) for i, r in rows}
        for area_code, (index, row) in by_area.items():
            level = c.region.area(area_code).level
            below = LEVEL_BELOW.get(level)
            children = c.region.children(area_code, below) if below else ()
            if len(children) < 2 or any(ch.code not in by_area for ch in children):
                continue
            parts = [(ch.code, getattr(by_area[ch.code][1], column)) for ch in children]
            total = sum(v for _, v in parts)
            if total != getattr(row, column):
                listing = " + ".join(f"{v} ({code})" for code, v in parts)
                out.append(
                    c.warn(
                        table,
                        index,
                        column,
                        "rollup_sum",
                        getattr(row, column),
                        area=area_code,
                        parts=listing,
                        part_values=[{"key": code, "value": v} for code, v in parts],
                        expected=total,
                    )
                )
    return out


def rollups(c: Checker) -> list[Finding]:
    """Each area's count against the sum of its subareas, where all are present."""
    return (
        _rollup(c, "jobseekers", "count", lambda r: (r.period, r.group, r.service_line))
        + _rollup(c, "benefit_days", "recipients", lambda r: (r.period, r.days_class))
        + _rollup(
            c,
            "indicators",
            "value",
            lambda r: (r.period, r.indicator),
            lambda r: r.unit in ADDITIVE_UNITS,
        )
    )


def _share_sum(
    c: Checker,
    table: str,
    column: str,
    key: Callable[[Any], tuple[object, ...]],
    include: Callable[[Any], bool] = lambda r: True,
) -> list[Finding]:
    out = []
    for group, rows in groups(
        ((i, r) for i, r in c.indexed(table) if include(r) and getattr(r, column) is not None),
        key,
    ).items():
        values = [getattr(r, column) for _, r in rows]
        tolerance = sum(rounding(v) for v in values)
        total = sum(values)
        if len(values) > 1 and abs(total - 100.0) > tolerance + 1e-9:
            label = " / ".join(str(g) for g in group)
            out.append(
                c.warn(
                    table,
                    rows[0][0],
                    column,
                    "shares_sum",
                    round(total, 2),
                    group=label,
                    total=round(total, 2),
                    expected=100,
                    tolerance=tolerance,
                )
            )
    return out


def share_sums(c: Checker) -> list[Finding]:
    """Shares that should make up a whole: outcomes, segments, income mix, and so on."""
    return (
        _share_sum(c, "outcomes", "share_pct", lambda r: (r.measure, r.producer, r.area, r.period))
        + _share_sum(c, "segments", "share_pct", lambda r: (r.definition, r.area, r.period))
        + _share_sum(c, "income_mix", "share_pct", lambda r: (r.producer, r.period))
        + _share_sum(c, "jobseeker_status", "share_pct", lambda r: (r.area, r.period))
        + _share_sum(c, "activation_shares", "share_pct", lambda r: (r.measure, r.period))
        + _share_sum(
            c,
            "producer_clients",
            "reported_share_pct",
            lambda r: (r.measure, r.area, r.period),
            lambda r: r.producer not in AGGREGATE_PRODUCERS,
        )
        + _share_sum(
            c,
            "jobseekers",
            "reported_share_pct",
            lambda r: (r.group, r.area, r.period),
            lambda r: r.service_line in ALL_LINES,
        )
    )
