"""The :class:`Region`: one validated regional dataset, as typed, frozen rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import ClassVar, TypeVar

from polku.model.columns import Row
from polku.model.tables import (
    ActivationShare,
    Area,
    AreaIndicator,
    BenefitDaysCount,
    ClientBase,
    IncomeShare,
    JobseekerCount,
    JobseekerStatusShare,
    MeasurePeriods,
    MunicipalShareMonth,
    OutcomeShare,
    Producer,
    ProducerClients,
    ProducerIndicator,
    ProposalParameter,
    SegmentShare,
    ServiceCapacity,
    ServiceNeed,
    SurvivalPoint,
)
from polku.model.vocabulary import AreaLevel

R = TypeVar("R", bound=Row)


@dataclass(frozen=True)
class SourceRef:
    """A source the dataset's figures come from.

    A fetched source also says when it was retrieved, when the publisher last changed
    it (the resource's last-modified date or JSON-stat ``updated``), the SHA-256 of the
    bytes read, and which of the dataset's tables it fed."""

    title: str
    path: str | None = None
    retrieved: str | None = None  # ISO 8601, UTC
    modified: str | None = None  # as the publisher gives it
    sha256: str | None = None  # of the bytes Polku read
    tables: tuple[str, ...] = ()

    PROVENANCE: ClassVar[tuple[str, ...]] = ("retrieved", "modified", "sha256")

    def details(self) -> dict[str, str]:
        """The provenance fields that are set, in a fixed order."""
        found = {k: getattr(self, k) for k in self.PROVENANCE}
        return {k: v for k, v in found.items() if v}


@dataclass(frozen=True)
class Region:
    """A dataset describing one region at one reference time (toimintaympäristö).

    Each table is a tuple of rows in file order; the attribute is named after the
    table. Row ``i`` of a table is line ``i + 2`` of its CSV file (line 1 is the header).
    """

    name: str
    title: str
    description: str
    sources: tuple[SourceRef, ...]
    areas: tuple[Area, ...]
    indicators: tuple[AreaIndicator, ...]
    jobseekers: tuple[JobseekerCount, ...]
    jobseeker_status: tuple[JobseekerStatusShare, ...]
    survival: tuple[SurvivalPoint, ...]
    benefit_days: tuple[BenefitDaysCount, ...]
    measure_periods: tuple[MeasurePeriods, ...]
    outcomes: tuple[OutcomeShare, ...]
    client_base: tuple[ClientBase, ...]
    segments: tuple[SegmentShare, ...]
    service_needs: tuple[ServiceNeed, ...]
    service_capacity: tuple[ServiceCapacity, ...]
    producer_clients: tuple[ProducerClients, ...]
    activation_shares: tuple[ActivationShare, ...]
    producers: tuple[Producer, ...]
    income_mix: tuple[IncomeShare, ...]
    producer_indicators: tuple[ProducerIndicator, ...]
    proposals: tuple[ProposalParameter, ...]

    description_fi: str = ""  # the description in Finnish, where given
    municipal_share_months: tuple[MunicipalShareMonth, ...] = ()  # optional (from 2025)
    title_fi: str = ""  # the title in Finnish, where given
    # the dataset's own texts (sources, notes, names) in other languages: language ->
    # {text as written in the files: the same in that language}
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` (Finnish where given), else the title."""
        return (self.title_fi if lang == "fi" else "") or self.title

    def say(self, text: str, lang: str) -> str:
        """A text of the dataset in ``lang``: its translation where the dataset gives
        one, else the text as written."""
        return self.translations.get(lang, {}).get(text, text)

    def table(self, name: str) -> tuple[Row, ...]:
        """The rows of the table called ``name``."""
        if name not in self.table_names():
            raise KeyError(name)
        rows: tuple[Row, ...] = getattr(self, name)
        return rows

    @classmethod
    def table_names(cls) -> tuple[str, ...]:
        """Names of the tables, in the order the dataset lists them."""
        return tuple(f.name for f in fields(cls) if f.name not in _META_FIELDS)

    def area(self, code: str) -> Area:
        """The area with ``code``; ``KeyError`` if there is none."""
        for area in self.areas:
            if area.code == code:
                return area
        raise KeyError(code)

    def area_names(self, lang: str) -> dict[str, str]:
        """Each area's code -> its name in ``lang`` ("fi" Finnish, otherwise English)."""
        return {a.code: a.name_fi if lang == "fi" else a.name_en for a in self.areas}

    def children(self, code: str, level: AreaLevel | None = None) -> tuple[Area, ...]:
        """Areas whose parent is ``code``, optionally only those at ``level``."""
        return tuple(
            a for a in self.areas if a.parent == code and (level is None or a.level is level)
        )


_META_FIELDS = frozenset(
    {"name", "title", "description", "description_fi", "sources", "title_fi", "translations"}
)


def rows_where(rows: Sequence[R], **conditions: object) -> tuple[R, ...]:
    """Rows whose attributes equal every given condition."""
    return tuple(r for r in rows if all(getattr(r, k) == v for k, v in conditions.items()))
