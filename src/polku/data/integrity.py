"""Checks across rows and tables: unique keys, known codes, fitting units, ranges.

These run on converted rows, before a :class:`~polku.model.region.Region` is built,
and return error findings with the row of each offending record. Besides the units,
:func:`units_and_ranges` holds a table to what the commands can compute with
(:mod:`polku.data.bounds`: magnitudes, denominators, periods, the area tree); an error
here stops the dataset from loading, so that no command computes on such a figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from polku.findings import Finding
from polku.model.columns import Row
from polku.model.tables import (
    AreaIndicator,
    ProducerIndicator,
    ProposalParameter,
)
from polku.model.vocabulary import (
    INDICATOR_UNITS,
    NON_NEGATIVE,
    PRODUCER_INDICATOR_UNITS,
    PROPOSAL_ITEM_UNITS,
)

from . import bounds
from .bounds import located_error as _error
from .schema import TableSpec

Located = Sequence[tuple[int, Row]]  # (row number, row)


def unique_keys(spec: TableSpec, file: str, rows: Located) -> list[Finding]:
    """An error for each row whose primary key an earlier row already has."""
    first: dict[tuple[object, ...], int] = {}
    out = []
    for line, row in rows:
        key = row.key()
        if key in first:
            text = ", ".join(str(k) for k in key)
            out.append(
                _error(
                    spec,
                    file,
                    line,
                    ",".join(spec.key),
                    "duplicate_key",
                    found=text,
                    key=text,
                    first=first[key],
                )
            )
        else:
            first[key] = line
    return out


def references(
    spec: TableSpec, file: str, rows: Located, keys: Mapping[str, set[str]]
) -> list[Finding]:
    """An error for each code that the referenced table does not list."""
    out = []
    for field in spec.fields:
        target = field.info.references
        if target is None or target not in keys:
            continue  # no such table, or it could not be read: reported there
        for line, row in rows:
            value = getattr(row, field.name)
            if value is not None and value not in keys[target]:
                out.append(
                    _error(
                        spec,
                        file,
                        line,
                        field.name,
                        "unknown_reference",
                        found=value,
                        value=value,
                        target=target,
                    )
                )
    return out


def units_and_ranges(spec: TableSpec, file: str, rows: Located) -> list[Finding]:
    """Units that must match their indicator or item; ranges that must not be inverted;
    the bounds of :func:`polku.data.bounds.table_rules`."""
    out = []
    for line, row in rows:
        expected = None
        item: object = None
        if isinstance(row, AreaIndicator):
            item, expected = row.indicator, INDICATOR_UNITS[row.indicator]
        elif isinstance(row, ProducerIndicator):
            item, expected = row.indicator, PRODUCER_INDICATOR_UNITS[row.indicator]
            if row.indicator in NON_NEGATIVE and row.value < 0:
                out.append(
                    _error(spec, file, line, "value", "value_negative", found=row.value, item=item)
                )
        elif isinstance(row, ProposalParameter):
            item, expected = row.item, PROPOSAL_ITEM_UNITS[row.item]
            if row.low > row.high:
                out.append(
                    _error(
                        spec, file, line, "low", "range_inverted", found=f"{row.low} > {row.high}"
                    )
                )
        if expected is not None and getattr(row, "unit", None) is not expected:
            out.append(
                _error(
                    spec,
                    file,
                    line,
                    "unit",
                    "unit_mismatch",
                    found=getattr(row, "unit", ""),
                    item=item,
                    unit=expected,
                )
            )
    return out + bounds.table_rules(spec, file, rows)
