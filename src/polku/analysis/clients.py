"""Client numbers: service lines (S1, S3), benefit days (S4), client base (S6), segments (S7)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.model.region import Region, rows_where
from polku.model.vocabulary import (
    ALL_SERVICE_LINES,
    BenefitDaysClass,
    ClientBaseDefinition,
    IndicatorKind,
    JobseekerGroup,
    Segment,
    service_line_parts,
)
from polku.provenance import Input

from .base import Result, data_input, find, main_area, maybe, round_half_up


@dataclass(frozen=True)
class LineRow:
    """One service line's count with computed share and change."""

    area: str
    period: str
    group: str
    service_line: str
    count: int
    share_pct: float | None  # of all lines in the same area, period and group
    change_pct: float | None  # against the same month a year earlier


@dataclass(frozen=True)
class ServiceLines(Result):
    """Jobseekers by service line with shares and year-on-year changes (S1, S3)."""

    rows: tuple[LineRow, ...]

    def records(self) -> list[dict[str, Any]]:
        return [vars(r) for r in self.rows]

    def get(self, area: str, period: str, group: str, line: str) -> LineRow:
        """The row for one area, period, group and line."""
        return find(
            self.rows, "service line", area=area, period=period, group=group, service_line=line
        )


def _year_before(period: str) -> str:
    return f"{int(period[:4]) - 1}{period[4:]}"


def service_lines(region: Region) -> ServiceLines:
    """Every jobseeker count with its share of all lines and its change from a year before."""
    counts = {(r.area, r.period, r.group, r.service_line): r.count for r in region.jobseekers}
    rows = []
    for r in region.jobseekers:
        whole = counts.get((r.area, r.period, r.group, ALL_SERVICE_LINES))
        before = counts.get((r.area, _year_before(r.period), r.group, r.service_line))
        share = 100.0 * r.count / whole if whole else None
        change = 100.0 * (r.count / before - 1.0) if before else None
        rows.append(
            LineRow(r.area, r.period, r.group.value, r.service_line, r.count, share, change)
        )
    inputs = tuple(data_input(r, r.count) for r in region.jobseekers)
    return ServiceLines(inputs, tuple(rows))


def line_count(
    region: Region, area: str, period: str | None, group: JobseekerGroup, lines: str
) -> tuple[int, list[Input]]:
    """Jobseekers on ``lines`` (e.g. ``03+05``): the printed row if there is one, else the
    sum of the single lines. ``period`` None takes the latest period with data."""
    rows = rows_where(region.jobseekers, area=area, group=group)
    if period is None:
        period = max((r.period for r in rows), default="")
    printed = maybe(rows, period=period, service_line=lines)
    if printed is not None:
        return printed.count, [data_input(printed, printed.count)]
    parts = [
        find(
            rows, f"jobseekers on line {p}", table="jobseekers", period=period, service_line=p.value
        )
        for p in service_line_parts(lines)
    ]
    return sum(p.count for p in parts), [data_input(p, p.count) for p in parts]


@dataclass(frozen=True)
class DaysRow:
    """Recipients in one benefit-day class with their share of all recipients."""

    area: str
    period: str
    days_class: str
    recipients: int
    share_pct: float | None


@dataclass(frozen=True)
class BenefitDays(Result):
    """Labour market subsidy recipients by accumulated benefit days (S4)."""

    rows: tuple[DaysRow, ...]

    def records(self) -> list[dict[str, Any]]:
        return [vars(r) for r in self.rows]

    def get(self, area: str, days_class: str) -> DaysRow:
        """The row for one area and class."""
        return find(self.rows, "benefit-day class", area=area, days_class=days_class)


def benefit_days(region: Region) -> BenefitDays:
    """Recipients by benefit-day class, each class's share of all recipients."""
    totals = {
        (r.area, r.period): r.recipients
        for r in region.benefit_days
        if r.days_class is BenefitDaysClass.ALL
    }
    rows = tuple(
        DaysRow(
            r.area,
            r.period,
            r.days_class.value,
            r.recipients,
            100.0 * r.recipients / totals[(r.area, r.period)]
            if totals.get((r.area, r.period))
            else None,
        )
        for r in region.benefit_days
    )
    return BenefitDays(tuple(data_input(r, r.recipients) for r in region.benefit_days), rows)


@dataclass(frozen=True)
class ClientBaseEstimate(Result):
    """The client base under both definitions (S6), before and after rounding."""

    area: str
    narrow: int
    broad: int
    narrow_components: dict[str, float]
    broad_components: dict[str, float]

    def records(self) -> list[dict[str, Any]]:
        return [
            {"definition": d, "clients": n, **{f"from_{k}": v for k, v in c.items()}}
            for d, n, c in (
                ("narrow", self.narrow, self.narrow_components),
                ("broad", self.broad, self.broad_components),
            )
        ]

    def clients(self, definition: ClientBaseDefinition | str) -> int:
        """The estimate for ``definition``."""
        return self.narrow if str(definition) == "narrow" else self.broad


def _combine(components: dict[str, float], basis: str) -> float:
    if basis == "mean":
        return sum(components.values()) / len(components)
    return components[basis]


def client_base(region: Region, assumptions: Assumptions | None = None) -> ClientBaseEstimate:
    """Estimate the narrow and broad client base from the dataset's statistics.

    Narrow: recipients with 300+ benefit days and unemployed jobseekers on the chosen
    service lines. Broad: all jobseekers on those lines, and structural unemployment
    less the share recently become long-term unemployed. Each is the chosen basis (or
    the mean of both), rounded as the survey rounds.
    """
    a = assumptions or Assumptions()
    area = main_area(region)
    lines = a.text("client_base.service_lines") or "03+05"
    days = find(
        region.benefit_days,
        "recipients with 300+ days",
        table="benefit_days",
        area=area,
        days_class=BenefitDaysClass.AT_LEAST_300,
    )
    unemployed, in_u = line_count(region, area, None, JobseekerGroup.UNEMPLOYED, lines)
    everyone, in_a = line_count(region, area, None, JobseekerGroup.ALL, lines)
    structural = find(
        region.indicators,
        "structural unemployment",
        table="indicators",
        area=area,
        indicator=IndicatorKind.STRUCTURAL_UNEMPLOYED,
    )
    recent_row = maybe(
        region.indicators, area=area, indicator=IndicatorKind.RECENTLY_LONG_TERM_SHARE
    )
    recent = a.number(
        "client_base.recently_long_term_pct", recent_row.value if recent_row else None
    )
    step = a.number("client_base.rounding")
    narrow_parts = {"benefit_days": float(days.recipients), "service_lines": float(unemployed)}
    broad_parts = {
        "service_lines": float(everyone),
        "structural": structural.value * (1.0 - recent / 100.0),
    }
    narrow = round_half_up(
        _combine(narrow_parts, a.text("client_base.narrow_basis") or "mean"), step
    )
    broad = round_half_up(_combine(broad_parts, a.text("client_base.broad_basis") or "mean"), step)
    inputs = [
        data_input(days, days.recipients),
        *in_u,
        *in_a,
        data_input(structural, structural.value),
    ]
    if recent_row is not None:
        inputs.append(data_input(recent_row, recent_row.value))
    inputs += [
        a.input(n)
        for n in (
            "client_base.rounding",
            "client_base.narrow_basis",
            "client_base.broad_basis",
            "client_base.service_lines",
        )
    ]
    inputs.append(a.input("client_base.recently_long_term_pct", recent))
    return ClientBaseEstimate(
        tuple(inputs), area, int(narrow), int(broad), narrow_parts, broad_parts
    )


@dataclass(frozen=True)
class SegmentCount:
    """Clients in one segment under one definition."""

    definition: str
    segment: str
    share_pct: float
    clients: int


@dataclass(frozen=True)
class Segments(Result):
    """Client potential by segment under both definitions (S7)."""

    rows: tuple[SegmentCount, ...]

    def records(self) -> list[dict[str, Any]]:
        return [vars(r) for r in self.rows]

    def clients(self, definition: str, segment: str) -> int:
        """Clients in ``segment`` under ``definition``."""
        return find(self.rows, "segment", definition=definition, segment=segment).clients


def segments(region: Region, base: ClientBaseEstimate) -> Segments:
    """Segment counts: each segment's share of the estimated client base, whole persons."""
    rows = []
    inputs = list(base.inputs)
    for definition in ClientBaseDefinition:
        for seg in Segment:
            row = maybe(region.segments, definition=definition, segment=seg)
            if row is None:
                continue
            clients = int(round_half_up(base.clients(definition) * row.share_pct / 100.0))
            rows.append(SegmentCount(definition.value, seg.value, row.share_pct, clients))
            inputs.append(data_input(row, row.share_pct))
    return Segments(tuple(inputs), tuple(rows))
