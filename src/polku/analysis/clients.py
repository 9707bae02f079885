"""Client numbers: service lines (S1, S3), benefit days (S4), client base (S6), segments (S7)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.errors import AnalysisError
from polku.model.region import Region, rows_where
from polku.model.tables import BenefitDaysCount
from polku.model.vocabulary import (
    ALL_SERVICE_LINES,
    BenefitDaysClass,
    ClientBaseDefinition,
    IndicatorKind,
    JobseekerGroup,
    Segment,
    ServiceLine,
    service_line_parts,
)
from polku.provenance import Input

from .base import Result, data_input, find, find_latest, latest, main_area, maybe, round_half_up


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
    return f"{int(period[:4]) - 1}{period[4:]}" if period[:4].isdigit() else period


_SINGLE_LINES = tuple(line.value for line in ServiceLine)
_WHOLE_LINES = tuple(line.value for line in ServiceLine if line is not ServiceLine.UNKNOWN)

LineKey = tuple[str, str, JobseekerGroup]


def _line_total(
    printed: dict[tuple[str, str, JobseekerGroup, str], int], key: LineKey, code: str
) -> int | None:
    """Jobseekers on ``code``: the printed row, else the sum of its single lines when all
    are there (for ``all``, lines 00-05; a line ``unknown`` counts where it is given)."""
    if (*key, code) in printed:
        return printed[(*key, code)]
    if code == ALL_SERVICE_LINES:
        if any((*key, line) not in printed for line in _WHOLE_LINES):
            return None
        return sum(printed.get((*key, line), 0) for line in _SINGLE_LINES)
    if "+" not in code:
        return None
    parts = [printed.get((*key, p.value)) for p in service_line_parts(code)]
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)


def service_lines(region: Region) -> ServiceLines:
    """Every jobseeker count with its share of all lines and its change from a year before.

    All lines together are the printed ``all`` row where there is one, else the sum of
    the single lines (a row ``all`` is then added, computed); a sum such as ``03+05`` a
    year before likewise."""
    printed = {(r.area, r.period, r.group, r.service_line): r.count for r in region.jobseekers}
    counts: list[tuple[LineKey, str, int]] = [
        ((r.area, r.period, r.group), r.service_line, r.count) for r in region.jobseekers
    ]
    for key in dict.fromkeys((r.area, r.period, r.group) for r in region.jobseekers):
        if (*key, ALL_SERVICE_LINES) not in printed:
            whole = _line_total(printed, key, ALL_SERVICE_LINES)
            if whole is not None:
                counts.append((key, ALL_SERVICE_LINES, whole))
    rows = []
    for key, line, count in counts:
        area, period, group = key
        whole = _line_total(printed, key, ALL_SERVICE_LINES)
        before = _line_total(printed, (area, _year_before(period), group), line)
        share = 100.0 * count / whole if whole else None
        change = 100.0 * (count / before - 1.0) if before else None
        rows.append(LineRow(area, period, group.value, line, count, share, change))
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


DAY_BINS = (
    BenefitDaysClass.UNDER_300,
    BenefitDaysClass.FROM_300_TO_499,
    BenefitDaysClass.FROM_500_TO_999,
    BenefitDaysClass.FROM_1000,
)
DAY_TOTALS = {BenefitDaysClass.ALL: DAY_BINS, BenefitDaysClass.AT_LEAST_300: DAY_BINS[1:]}


def days_total(
    region: Region, area: str, period: str, total: BenefitDaysClass
) -> tuple[int, list[BenefitDaysCount]] | None:
    """Recipients in ``total`` (``all`` or ``300+``): the printed row, else the sum of its
    classes when all are there; with the rows it comes from. None if neither."""
    own = {r.days_class: r for r in region.benefit_days if (r.area, r.period) == (area, period)}
    if total in own:
        return own[total].recipients, [own[total]]
    parts = [own.get(c) for c in DAY_TOTALS[total]]
    if any(p is None for p in parts):
        return None
    rows = [p for p in parts if p is not None]
    return sum(p.recipients for p in rows), rows


def benefit_days(region: Region) -> BenefitDays:
    """Recipients by benefit-day class, each class's share of all recipients.

    All recipients are the printed ``all`` row where there is one, else the sum of the
    four classes; a total the data do not print (``all``, ``300+``) is added, computed."""
    rows = []
    for area, period in dict.fromkeys((r.area, r.period) for r in region.benefit_days):
        whole = days_total(region, area, period, BenefitDaysClass.ALL)
        own = [r for r in region.benefit_days if (r.area, r.period) == (area, period)]
        counts = [(r.days_class.value, r.recipients) for r in own]
        for total in DAY_TOTALS:
            if all(r.days_class is not total for r in own):
                derived = days_total(region, area, period, total)
                if derived is not None:
                    counts.append((total.value, derived[0]))
        for days_class, n in counts:
            share = 100.0 * n / whole[0] if whole and whole[0] else None
            rows.append(DaysRow(area, period, days_class, n, share))
    return BenefitDays(tuple(data_input(r, r.recipients) for r in region.benefit_days), tuple(rows))


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
    periods = [r.period for r in region.benefit_days if r.area == area]
    days = days_total(region, area, max(periods, default=""), BenefitDaysClass.AT_LEAST_300)
    if days is None:
        raise AnalysisError(
            f"benefit_days.csv: no row for recipients with 300+ days (area {area}), nor "
            "all of 300-499, 500-999 and 1000+; the client base needs them"
        )
    unemployed, in_u = line_count(region, area, None, JobseekerGroup.UNEMPLOYED, lines)
    everyone, in_a = line_count(region, area, None, JobseekerGroup.ALL, lines)
    structural = find_latest(
        region.indicators,
        "structural unemployment",
        table="indicators",
        area=area,
        indicator=IndicatorKind.STRUCTURAL_UNEMPLOYED,
    )
    recent_rows = latest(
        region.indicators, area=area, indicator=IndicatorKind.RECENTLY_LONG_TERM_SHARE
    )
    recent_row = recent_rows[0] if recent_rows else None
    recent = a.number(
        "client_base.recently_long_term_pct", recent_row.value if recent_row else None
    )
    step = a.number("client_base.rounding")
    narrow_parts = {"benefit_days": float(days[0]), "service_lines": float(unemployed)}
    broad_parts = {
        "service_lines": float(everyone),
        "structural": structural.value * (1.0 - recent / 100.0),
    }
    narrow = round_half_up(
        _combine(narrow_parts, a.text("client_base.narrow_basis") or "mean"), step
    )
    broad = round_half_up(_combine(broad_parts, a.text("client_base.broad_basis") or "mean"), step)
    inputs = [
        *(data_input(d, d.recipients) for d in days[1]),
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
            own = latest(region.segments, area=base.area, definition=definition, segment=seg)
            if not own:
                continue
            row = own[0]
            clients = int(round_half_up(base.clients(definition) * row.share_pct / 100.0))
            rows.append(SegmentCount(definition.value, seg.value, row.share_pct, clients))
            inputs.append(data_input(row, row.share_pct))
    return Segments(tuple(inputs), tuple(rows))
