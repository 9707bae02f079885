"""Table schemas derived from the row types of :mod:`polku.model.tables`.

A :class:`TableSpec` says which columns a table has, their types and constraints;
it is built once from the dataclass declarations, written into ``datapackage.yaml``
as a Frictionless table schema, and used by the reader to convert and check cells.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from functools import cache
from typing import Any

from polku.model.columns import META_KEY, ColumnInfo, Row
from polku.model.tables import PRINTED_COLUMNS, ROW_TYPES

_KINDS: dict[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


@dataclass(frozen=True)
class FieldSpec:
    """One column: its name, Frictionless type, Python type and constraints."""

    name: str
    kind: str  # Frictionless type: string, integer, number, boolean
    py_type: type
    required: bool
    info: ColumnInfo
    printed: bool = False  # a figure as the source printed it, kept for polku check only

    @property
    def enum(self) -> tuple[str, ...] | None:
        """Allowed values when the column takes a vocabulary."""
        if issubclass(self.py_type, StrEnum):
            return tuple(m.value for m in self.py_type)
        return None

    def frictionless(self) -> dict[str, Any]:
        """This field as a Frictionless table-schema field descriptor."""
        constraints: dict[str, Any] = {"required": self.required}
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.info.minimum is not None:
            constraints["minimum"] = self.info.minimum
        if self.info.maximum is not None:
            constraints["maximum"] = self.info.maximum
        if self.info.pattern is not None:
            constraints["pattern"] = self.info.pattern
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.kind,
            "description": self.info.en,
            "description_fi": self.info.fi,
        }
        if self.info.unit is not None:
            out["unit"] = self.info.unit.value
        out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class TableSpec:
    """A table: its name, row type, columns in file order and primary key."""

    name: str
    row_type: type[Row]
    fields: tuple[FieldSpec, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        """Column names in file order."""
        return tuple(f.name for f in self.fields)

    @property
    def path(self) -> str:
        """The CSV file name inside the dataset folder."""
        return f"{self.name}.csv"

    def field(self, name: str) -> FieldSpec:
        """The column called ``name``."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def frictionless(self) -> dict[str, Any]:
        """The Frictionless resource descriptor of this table."""
        schema: dict[str, Any] = {
            "fields": [f.frictionless() for f in self.fields],
            "primaryKey": list(self.key),
        }
        foreign = [
            {
                "fields": f.name,
                "reference": {
                    "resource": f.info.references,
                    "fields": "code" if f.info.references == "areas" else "id",
                },
            }
            for f in self.fields
            if f.info.references
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        return {
            "name": self.name,
            "path": self.path,
            "title": self.row_type.TITLE_EN,
            "title_fi": self.row_type.TITLE_FI,
            "description": (self.row_type.__doc__ or "").strip().splitlines()[0],
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True},
            "schema": schema,
        }


def _field_spec(name: str, annotation: Any, info: ColumnInfo) -> FieldSpec:
    args = typing.get_args(annotation)
    required = True
    py_type = annotation
    if isinstance(annotation, types.UnionType) and type(None) in args:
        required = False
        py_type = next(a for a in args if a is not type(None))
    base = str if issubclass(py_type, StrEnum) else py_type
    return FieldSpec(name, _KINDS[base], py_type, required, info)


def _table_spec(row_type: type[Row]) -> TableSpec:
    hints = typing.get_type_hints(row_type)
    own: list[FieldSpec] = []
    provenance: list[FieldSpec] = []
    printed = PRINTED_COLUMNS.get(row_type.TABLE, ())
    for f in fields(row_type):
        spec = _field_spec(f.name, hints[f.name], f.metadata[META_KEY])
        spec = replace(spec, printed=f.name in printed)
        (provenance if f.name in {"source", "estimate", "note"} else own).append(spec)
    return TableSpec(row_type.TABLE, row_type, tuple(own + provenance), row_type.KEY)


@cache
def table_specs() -> tuple[TableSpec, ...]:
    """Every table of a dataset, in file order."""
    return tuple(_table_spec(t) for t in ROW_TYPES)


def table_spec(name: str) -> TableSpec:
    """The table called ``name``; ``KeyError`` if Polku has no such table."""
    for spec in table_specs():
        if spec.name == name:
            return spec
    raise KeyError(name)


def markdown_reference() -> str:
    """The tables and columns of a dataset as Markdown, for ``docs/dataset.md``."""
    lines: list[str] = []
    for spec in table_specs():
        doc = (spec.row_type.__doc__ or "").strip().splitlines()[0]
        lines += [
            f"### `{spec.path}`: {spec.row_type.TITLE_EN} / {spec.row_type.TITLE_FI}",
            "",
            doc,
            "",
            f"Key: {', '.join(spec.key)}.",
            "",
            "| column | type | unit | constraints | meaning | merkitys |",
            "|---|---|---|---|---|---|",
        ]
        for f in spec.fields:
            rules = []
            if f.required:
                rules.append("required")
            if f.info.minimum is not None:
                rules.append(f"≥ {f.info.minimum:g}")
            if f.info.maximum is not None:
                rules.append(f"≤ {f.info.maximum:g}")
            if f.enum:
                rules.append("one of " + ", ".join(f"`{v}`" for v in f.enum))
            if f.info.pattern:
                rules.append(f"pattern `{f.info.pattern}`")
            if f.info.references:
                rules.append(f"a key of `{f.info.references}`")
            if f.printed:
                rules.append("**printed figure**: checked, not read by the analyses")
            unit = f.info.unit.value if f.info.unit else ""
            cells = [f"`{f.name}`", f.kind, unit, "; ".join(rules), f.info.en, f.info.fi]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)
