"""Reading one CSV file of a dataset into raw records, with every problem located.

Checks the encoding (UTF-8, with or without a byte-order mark), the delimiter
(commas; or semicolons with decimal commas, as Excel writes CSV in a Finnish locale),
the header against the table's columns, and each record's length. A quote left open
is reported on the row where it opens, not where the file ends. Rows whose cells
are all empty (Excel leaves them) are skipped; optional columns may be left out. The
record's row number is the line where it starts, as a spreadsheet shows it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polku import strictyaml
from polku.findings import Finding, Level

from .schema import TableSpec

MAX_CSV_BYTES = 64_000_000  # a region's table is kilobytes; a country's a few megabytes


@dataclass
class RawTable:
    """The header-checked records of one file, keyed by column name."""

    spec: TableSpec
    file: str
    records: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    decimal_comma: bool = False  # semicolon-separated: numbers like 12,5

    def problem(
        self,
        code: str,
        row: int | None = None,
        column: str | None = None,
        found: str = "",
        **params: Any,
    ) -> None:
        """Record an error at ``row`` and ``column`` of this file."""
        if column is not None:
            params.setdefault("column", column)
        self.findings.append(
            Finding(
                Level.ERROR,
                code,
                table=self.spec.name,
                row=row,
                column=column,
                found=found,
                file=self.file,
                params=params,
            )
        )


def _read(path: Path, raw: RawTable) -> str | None:
    """The file's UTF-8 text, or ``None`` with a finding that names what it is instead
    (another encoding, a NUL byte, too large, unreadable)."""
    try:
        return strictyaml.read_text(path, MAX_CSV_BYTES)
    except strictyaml.TextError as exc:
        raw.problem(exc.code, row=exc.line, found=exc.found, **exc.params)
    except OSError as exc:
        raw.problem("file_unreadable", detail=exc.strerror or type(exc).__name__)
    return None


def _delimiter(text: str) -> str:
    """``;`` when the header is semicolon-separated (Finnish Excel), else ``,``."""
    first = text.split("\n", 1)[0]
    return ";" if ";" in first and "," not in first else ","


def _check_header(header: list[str], raw: RawTable) -> bool:
    names = [h.strip() for h in header]
    expected = raw.spec.column_names
    listing = ", ".join(expected)
    if len(names) == 1 and "\t" in names[0]:
        raw.problem("delimiter", row=1, found=names[0][:60])
        return False
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raw.problem("column_duplicate", row=1, column=name, found=name)
        elif name not in expected:
            raw.problem("column_unknown", row=1, column=name, found=name, columns=listing)
        seen.add(name)
    for spec in raw.spec.fields:
        if spec.name not in seen and spec.required:
            raw.problem("column_missing", row=1, column=spec.name, columns=listing)
    return not raw.findings


def read_csv(path: Path, spec: TableSpec) -> RawTable:
    """Read ``path`` as table ``spec``; problems are in the result's ``findings``."""
    raw = RawTable(spec, path.name)
    if not path.is_file():
        raw.problem("file_missing", path=path.name)
        return raw
    text = _read(path, raw)
    if text is None:
        return raw
    delimiter = _delimiter(text)
    raw.decimal_comma = delimiter == ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        header = next(reader, None)
        if header is None:
            raw.problem("file_empty", row=1)
            return raw
        if not _check_header(header, raw):
            return raw
        names = [h.strip() for h in header]
        missing = {f.name: "" for f in spec.fields if f.name not in names}
        start = reader.line_num + 1
        for cells in reader:
            if any(c.strip() for c in cells):
                if len(cells) != len(names) and reader.line_num > start:
                    raw.problem("csv_quote_unclosed", row=start, end=reader.line_num)
                elif len(cells) != len(names):
                    raw.problem(
                        "row_length",
                        row=start,
                        found=str(len(cells)),
                        cells=len(cells),
                        columns=len(names),
                    )
                else:
                    record = dict(zip(names, cells, strict=True))
                    raw.records.append((start, {**missing, **record}))
            start = reader.line_num + 1
    except csv.Error as exc:  # reported where its record starts, as a spreadsheet shows it
        spans = reader.line_num > start
        if "unexpected end of data" in str(exc) or ("field larger" in str(exc) and spans):
            raw.problem("csv_quote_unclosed", row=start, end=reader.line_num)
        else:
            at = f" (line {reader.line_num})" if spans else ""
            raw.problem("csv_syntax", row=start, detail=f"{exc}{at}")
    return raw
