"""Reading a dataset folder into a validated :class:`~polku.model.region.Region`.

Every problem in the folder is collected before anything is raised, so a planner
sees all of them at once. :func:`load` returns the findings with the region (``None``
when a file or a value has errors); :func:`read_region` raises
:class:`~polku.errors.DatasetError`. A dataset whose files are valid but which lacks a
row the analyses need (:mod:`polku.data.required`) still loads, with an error for each
such row: ``polku check`` fails, and what can be computed without the row still is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polku.errors import DatasetError
from polku.findings import Finding, Level, errors
from polku.model.columns import Row
from polku.model.region import Region
from polku.model.tables import Area, Producer

from . import integrity
from .cells import convert
from .csvfile import RawTable, read_csv
from .descriptor import Descriptor, read_descriptor
from .required import missing_rows
from .schema import TableSpec, table_specs

FILE_LEVEL = frozenset(
    {
        "file_missing",
        "file_empty",
        "encoding",
        "text_nul",
        "file_too_large",
        "file_unreadable",
        "delimiter",
        "csv_syntax",
        "csv_quote_unclosed",
        "column_missing",
        "column_unknown",
        "column_duplicate",
    }
)


@dataclass(frozen=True)
class LoadResult:
    """A loaded dataset: the region (unless its files have errors), every finding (also
    the rows it lacks), row numbers."""

    folder: Path
    region: Region | None
    findings: list[Finding]
    lines: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings are allowed)."""
        return self.region is not None and not errors(self.findings)


def _rows(raw: RawTable) -> list[tuple[int, Row]]:
    out = []
    for line, record in raw.records:
        values: dict[str, Any] = {}
        good = True
        for spec in raw.spec.fields:
            text = record[spec.name]
            if raw.decimal_comma and spec.kind == "number":
                text = text.replace(",", ".").replace("\u00a0", "").replace(" ", "")
            value, problem = convert(spec, text)
            if problem is not None:
                code, params = problem
                raw.problem(code, row=line, column=spec.name, found=record[spec.name], **params)
                good = False
            values[spec.name] = value
        if good:
            out.append((line, raw.spec.row_type(**values)))
    return out


def _key_sets(tables: dict[str, list[tuple[int, Row]]]) -> dict[str, set[str]]:
    return {
        "areas": {r.code for _, r in tables.get("areas", []) if isinstance(r, Area)},
        "producers": {r.id for _, r in tables.get("producers", []) if isinstance(r, Producer)},
    }


def _read_tables(
    folder: Path, descriptor: Descriptor, findings: list[Finding]
) -> dict[str, list[tuple[int, Row]]]:
    tables: dict[str, list[tuple[int, Row]]] = {}
    specs: dict[str, tuple[TableSpec, str]] = {}
    for spec in table_specs():
        if spec.name not in descriptor.paths:
            continue
        raw = read_csv(folder / descriptor.paths[spec.name], spec)
        rows = _rows(raw)
        findings.extend(raw.findings)
        tables[spec.name] = rows
        specs[spec.name] = (spec, raw.file)
    keys = _key_sets(tables)
    # A table that could not be read is reported once; codes referring to it are not
    # checked, so that one broken areas.csv does not bury its cause under a flood.
    broken = {f.table for f in findings if f.level is Level.ERROR and f.code in FILE_LEVEL}
    keys = {name: codes for name, codes in keys.items() if name not in broken}
    for name, rows in tables.items():
        spec, file = specs[name]
        findings.extend(integrity.unique_keys(spec, file, rows))
        findings.extend(integrity.references(spec, file, rows, keys))
        findings.extend(integrity.units_and_ranges(spec, file, rows))
    return tables


def load(folder: str | Path, *, partial: bool = False) -> LoadResult:
    """Read and validate the dataset in ``folder``; ``partial``: some tables may be
    empty (a workbook filled in for a few tables), so an empty needed table is no error.

    Raises:
        DatasetUnreadableError: the folder or its ``datapackage.yaml`` cannot be read.
    """
    path = Path(folder)
    descriptor, findings = read_descriptor(path)
    tables = _read_tables(path, descriptor, findings)
    if partial:
        findings = [f for f in findings if f.code != "table_needed_empty"]
    lines = {name: tuple(line for line, _ in rows) for name, rows in tables.items()}
    if errors(findings):
        return LoadResult(path, None, findings, lines)
    columns: dict[str, Any] = {name: tuple(row for _, row in rows) for name, rows in tables.items()}
    region = Region(
        name=descriptor.name,
        title=descriptor.title,
        description=descriptor.description,
        description_fi=descriptor.description_fi,
        title_fi=descriptor.title_fi,
        translations=descriptor.translations,
        sources=descriptor.sources,
        **columns,
    )
    findings.extend(missing_rows(region, lines))
    return LoadResult(path, region, findings, lines)


def read_region(folder: str | Path) -> Region:
    """The validated region in ``folder``; it may lack rows some analyses need (those
    stop with an :class:`~polku.errors.AnalysisError` naming the row).

    Raises:
        DatasetError: with every problem found, if the dataset's files have errors.
    """
    result = load(folder)
    if result.region is None:
        raise DatasetError(errors(result.findings))
    return result.region
