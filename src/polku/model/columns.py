"""Declaring a table's columns: description, unit and constraints on a dataclass field.

A row type of :mod:`polku.model.tables` is a frozen dataclass whose fields are made
with :func:`col`. What a column *declares* lives here; how it is *checked* lives in
:mod:`polku.data` (the schema is kept apart from its validation, as in pandera).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from polku.model.vocabulary import Unit

META_KEY = "polku"


@dataclass(frozen=True)
class ColumnInfo:
    """What a column means and which values it accepts."""

    en: str
    fi: str
    unit: Unit | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    references: str | None = None  # name of the table whose key this column refers to


def col(
    en: str,
    fi: str,
    *,
    unit: Unit | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    pattern: str | None = None,
    references: str | None = None,
    default: Any = ...,
) -> Any:
    """A dataclass field that carries its :class:`ColumnInfo`."""
    info = ColumnInfo(en, fi, unit, minimum, maximum, pattern, references)
    if default is ...:
        return field(metadata={META_KEY: info})
    return field(default=default, metadata={META_KEY: info})


PERIOD_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2]))?(/\d{4}(-(0[1-9]|1[0-2]))?)?$"


def percent_col(en: str, fi: str, *, default: Any = ...) -> Any:
    """A share in percent, from 0 to 100."""
    return col(en, fi, unit=Unit.PERCENT, minimum=0.0, maximum=100.0, default=default)


def count_col(en: str, fi: str, *, default: Any = ...) -> Any:
    """A count of persons: a whole number, at least 0."""
    return col(en, fi, unit=Unit.PERSONS, minimum=0.0, default=default)


def area_col() -> Any:
    """The ``area`` column: a code of the ``areas`` table."""
    return col("Area code", "Aluekoodi", references="areas")


def period_col() -> Any:
    """The ``period`` column: ``YYYY``, ``YYYY-MM`` or a range ``start/end``."""
    return col(
        "Reference period: YYYY, YYYY-MM or start/end",
        "Tarkasteluajankohta: VVVV, VVVV-KK tai alku/loppu",
        pattern=PERIOD_PATTERN,
    )


@dataclass(frozen=True, kw_only=True)
class Row:
    """Provenance carried by every row: where the figure came from."""

    TABLE: ClassVar[str] = ""
    KEY: ClassVar[tuple[str, ...]] = ()
    TITLE_EN: ClassVar[str] = ""
    TITLE_FI: ClassVar[str] = ""
    OPTIONAL: ClassVar[bool] = False  # a dataset may leave the table out (an empty table)

    source: str = col("Source of the figure", "Luvun lähde")
    estimate: bool = col("True if the figure is an estimate", "Tosi, jos luku on arvio")
    note: str | None = col("Note", "Huomautus", default=None)

    def key(self) -> tuple[object, ...]:
        """The row's primary key values."""
        return tuple(getattr(self, name) for name in self.KEY)
