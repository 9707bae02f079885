"""Report section 1: client numbers and needs, one function per survey figure.

Each function builds one figure whole: its table, chart, caption and sources, so a
figure is found by its S-number in :data:`FIGURES` and changed in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from polku.analysis import Analysis
from polku.i18n import Lang

from ..context import Figure, Section, Table
from ..texts import text
from .base import s6_client_base, s7_segments, s8_needs
from .outcomes import s5_open_market_bounds, s5_outcomes
from .unemployment import s2_still_unemployed, s3_service_lines, s4_benefit_days

Item = Callable[[Analysis, Lang], Figure | Table]
FIGURES: dict[str, Item] = {  # in the order the section shows them
    "S3": s3_service_lines,
    "S2": s2_still_unemployed,
    "S4": s4_benefit_days,
    "S6": s6_client_base,
    "S7": s7_segments,
    "S8": s8_needs,
    "S5": s5_outcomes,
    "S5-S9": s5_open_market_bounds,
}


def clients(a: Analysis, lang: Lang) -> Section:
    """1: service lines, survival, benefit days, client base, segments, needs, outcomes."""
    return Section("s1", text("s1", lang), items=[make(a, lang) for make in FIGURES.values()])


__all__ = ["FIGURES", "clients"]
