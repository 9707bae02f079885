"""The Excel template: a dataset as a workbook a planner fills in, and back.

:func:`write_template` writes a sheet per table (column names in row 1, a note on each
header, data validation for vocabularies, numbers and booleans), a sheet for the
dataset's name and sources, and an instructions sheet in Finnish or English.
:func:`import_workbook` reads a filled workbook through the same validation as a
dataset folder; findings name the sheet, row and column.
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from polku import files
from polku.errors import DatasetError, DatasetUnreadableError
from polku.findings import Finding, Level
from polku.i18n import Lang, said
from polku.model.region import Region, SourceRef

from .cells import decimal_comma, format_cell
from .reader import LoadResult, load
from .schema import TableSpec, table_specs
from .writer import descriptor_dict, write_region

META_SHEET = "datapackage"
MAX_ROWS = 200_000  # rows a sheet may have; a region's largest table has hundreds
EXTRA_COLUMNS = 20  # cells read past a table's columns (an unknown column is reported)
MAX_UNPACKED = 64_000_000  # bytes the workbook's parts may unpack to (a region: < 1 MB)
MAX_PART = 16_000_000  # bytes one part (a sheet, the shared strings) may unpack to
MAX_CELL = 32_767  # characters in a cell: Excel's own limit
HELP = {
    "en": (
        "Instructions",
        [
            "Fill in one sheet per table. Row 1 holds the column names: do not change them.",
            "Each header has a note saying what the column means, its unit and what it accepts.",
            "Numbers: a decimal point or comma (24.8 or 24,8), no thousands separators "
            "(1234567, not 1,234,567 or 1 234 567). Shares are percentages.",
            "Every row needs a source and an estimate mark (true or false).",
            "Area codes: SSS, MK##, SK###, KU### (Statistics Finland), listed on the areas sheet.",
            "Grey headers (and the grey client_base sheet) hold figures as the source printed "
            "them: polku check compares them with what the analyses compute from the other "
            "sheets; the analyses do not read them, so changing one changes no result. The "
            "client base, for one, is computed from benefit_days, jobseekers and indicators.",
            "Then: polku import THIS.xlsx --out FOLDER, and polku check FOLDER.",
        ],
    ),
    "fi": (
        "Ohjeet",
        [
            "Täytä jokainen taulu omalle välilehdelleen. Rivillä 1 ovat sarakkeiden nimet: älä "
            "muuta niitä.",
            "Jokaisen otsikon huomautus kertoo sarakkeen merkityksen, yksikön ja sallitut arvot.",
            "Luvut: desimaalipiste tai -pilkku (24.8 tai 24,8), ei tuhaterottimia "
            "(1234567, ei 1,234,567 tai 1 234 567). Osuudet ovat prosentteja.",
            "Jokainen rivi tarvitsee lähteen ja arviomerkinnän (true tai false).",
            "Aluekoodit: SSS, MK##, SK###, KU### (Tilastokeskus), lueteltuina areas-välilehdellä.",
            "Harmaat otsikot (ja harmaa client_base-välilehti) ovat lukuja sellaisina kuin lähde "
            "ne painoi: polku check vertaa niitä muista välilehdistä laskettuihin; analyysit "
            "eivät lue niitä, joten niiden muuttaminen ei muuta tuloksia. Esimerkiksi "
            "asiakasmäärä lasketaan välilehdistä benefit_days, jobseekers ja indicators.",
            "Sitten: polku import TÄMÄ.xlsx --out KANSIO ja polku check KANSIO.",
        ],
    ),
}
HEADER = PatternFill("solid", fgColor="EEF2F6")
PRINTED = PatternFill("solid", fgColor="C8C8C8")  # a printed figure, for polku check only
PRINTED_NOTE = {
    "en": "Printed figure, kept as the source gives it: polku check compares it with what "
    "the analyses compute; the analyses do not read it, so changing it changes no result.",
    "fi": "Painettu luku sellaisena kuin lähde sen antaa: polku check vertaa sitä "
    "analyysien laskemaan; analyysit eivät lue sitä, joten sen muuttaminen ei muuta "
    "tuloksia.",
}


def _note(spec: TableSpec, name: str, lang: Lang) -> str:
    field = spec.field(name)
    info = field.info
    parts = [info.fi if lang == "fi" else info.en, f"type: {field.kind}"]
    if info.unit:
        parts.append(f"unit: {info.unit.value}")
    if field.enum:
        parts.append("one of: " + ", ".join(field.enum))
    parts.append("required" if field.required else "optional")
    if field.printed:
        parts.append(said(PRINTED_NOTE, lang))
    return "\n".join(parts)


def _validation(spec: TableSpec, column: int, name: str) -> DataValidation | None:
    field = spec.field(name)
    letter = get_column_letter(column)
    if field.enum and len(",".join(field.enum)) < 250:
        rule = DataValidation(
            type="list", formula1='"' + ",".join(field.enum) + '"', allow_blank=not field.required
        )
    elif field.kind == "boolean":
        rule = DataValidation(type="list", formula1='"true,false"', allow_blank=False)
    elif field.kind in {"integer", "number"} and field.info.minimum is not None:
        rule = DataValidation(
            type="whole" if field.kind == "integer" else "decimal",
            operator="greaterThanOrEqual",
            formula1=str(field.info.minimum),
            allow_blank=not field.required,
        )
    else:
        return None
    rule.error = f"{name}: not an accepted value"
    rule.add(f"{letter}2:{letter}5000")
    return rule


def write_template(region: Region | None, path: str | Path, lang: Lang = "fi") -> Path:
    """A workbook to fill in: ``region``'s data as an example, or empty sheets if None."""
    book = Workbook()
    first = book.active
    assert first is not None
    title, lines = said(HELP, lang)
    first.title = title
    for line in lines:
        first.append([line])
    first.column_dimensions["A"].width = 110
    meta = book.create_sheet(META_SHEET)
    meta.append(["key", "value"])
    meta.append(["name", region.name if region else "my-region"])
    meta.append(["title", region.title if region else ""])
    meta.append(["description", region.description if region else ""])
    meta.append(["description_fi", region.description_fi if region else ""])
    meta.append(["title_fi", region.title_fi if region else ""])
    for source in region.sources if region else ():
        meta.append(["source", source.title])
    # the dataset's texts in other languages: translation_<lang>, the text, its translation
    for language, texts in (region.translations if region else {}).items():
        for original, translated in texts.items():
            meta.append([f"translation_{language}", original, translated])
    for spec in table_specs():
        sheet = book.create_sheet(spec.name)
        sheet.append(list(spec.column_names))
        for i, name in enumerate(spec.column_names, start=1):
            cell = sheet.cell(row=1, column=i)
            cell.font = Font(bold=True)
            cell.fill = PRINTED if spec.field(name).printed else HEADER
            cell.comment = Comment(_note(spec, name, lang), "Polku")
            sheet.column_dimensions[get_column_letter(i)].width = max(12, len(name) + 4)
            rule = _validation(spec, i, name)
            if rule is not None:
                sheet.add_data_validation(rule)
        for row in region.table(spec.name) if region else ():
            sheet.append([_excel_value(getattr(row, n)) for n in spec.column_names])
        sheet.freeze_panes = "A2"
        if _all_printed(spec):
            sheet.sheet_properties.tabColor = PRINTED.fgColor.rgb
    return files.write_with(path, book.save)  # atomic: a failed save leaves the old file


def _all_printed(spec: TableSpec) -> bool:
    """True when every figure of the table is a printed one (its key and provenance
    aside): the whole sheet is for checking."""
    own = [f for f in spec.fields if f.name not in (*spec.key, "source", "estimate", "note")]
    return bool(own) and all(f.printed for f in own)


def _excel_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    return format_cell(value)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_cell(value)
    return str(value)


def _sheet_finding(code: str, name: str, **params: Any) -> Finding:
    return Finding(Level.ERROR, code, table=name, file=f"sheet {name}", params=params)


def _rows(book: Any, name: str, width: int) -> list[tuple[Any, ...]]:
    """The rows of sheet ``name``: at most MAX_ROWS, ``width`` cells each, empty columns
    on the right dropped.

    Raises:
        _SheetError: the sheet's XML is broken, or it has too many rows.
    """
    out: list[tuple[Any, ...]] = []
    try:
        for row in book[name].iter_rows(max_col=width, values_only=True):
            long = next((v for v in row if isinstance(v, str) and len(v) > MAX_CELL), None)
            if long is not None:
                raise _SheetError(
                    _sheet_finding(
                        "cell_too_long", name, sheet=name, row=len(out) + 1, limit=MAX_CELL
                    )
                )
            out.append(row)
            if len(out) > MAX_ROWS:
                raise _SheetError(
                    _sheet_finding("sheet_too_large", name, sheet=name, limit=MAX_ROWS)
                )
    except _SheetError:
        raise
    except Exception as exc:  # openpyxl and the XML parser raise many kinds for a broken sheet
        finding = _sheet_finding("sheet_unreadable", name, sheet=name, detail=type(exc).__name__)
        raise _SheetError(finding) from exc
    used = max((i + 1 for row in out for i, v in enumerate(row) if v is not None), default=0)
    return [row[:used] for row in out]  # read-only sheets pad rows to max_col with None


class _SheetError(Exception):
    """A sheet that cannot be read; ``finding`` says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


def _meta(book: Any, findings: list[Finding]) -> dict[str, list[str]]:
    """The key/value rows of the datapackage sheet (a row with one cell has no value);
    a ``translation_<lang>`` row's value is kept as ``text\ttranslation``."""
    meta: dict[str, list[str]] = {}
    if META_SHEET not in book.sheetnames:
        findings.append(_sheet_finding("sheet_missing", META_SHEET, sheet=META_SHEET))
        return meta
    try:
        rows = _rows(book, META_SHEET, 3)
    except _SheetError as exc:
        findings.append(exc.finding)
        return meta
    for row in rows[1:]:
        key, value, third = (*row, None, None, None)[:3]
        if key is not None and str(key).strip():
            text = _cell_text(value).strip()
            if str(key).strip().startswith("translation_"):
                text += "\t" + _cell_text(third).strip()
            meta.setdefault(str(key).strip(), []).append(text)
    if not (meta.get("name") or [""])[0]:
        findings.append(_sheet_finding("dataset_name_missing", META_SHEET))
    return meta


def _sheet_csv(spec: TableSpec, rows: list[tuple[Any, ...]]) -> str:
    """A sheet's rows as CSV text; a decimal comma in a number column's text (24,8)
    becomes a point, as the instructions promise."""
    kinds = {f.name: f.kind for f in spec.fields}
    header = [_cell_text(v).strip() for v in rows[0]] if rows else []
    numbers = {i for i, name in enumerate(header) if kinds.get(name) == "number"}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        cells = [_cell_text(v) for v in row]
        for i in numbers:
            if i < len(cells) and isinstance(row[i], str):
                cells[i] = decimal_comma(cells[i])
        writer.writerow(cells)
    return buffer.getvalue()


def _to_folder(book: Any, folder: Path) -> list[Finding]:
    """Write the workbook's sheets as CSV files with a descriptor; sheet problems found."""
    findings: list[Finding] = []
    meta = _meta(book, findings)
    for spec in table_specs():
        if spec.name not in book.sheetnames:
            findings.append(_sheet_finding("sheet_missing", spec.name, sheet=spec.name))
            continue
        try:
            rows = _rows(book, spec.name, len(spec.column_names) + EXTRA_COLUMNS)
        except _SheetError as exc:
            findings.append(exc.finding)
            continue
        (folder / spec.path).write_text(_sheet_csv(spec, rows), encoding="utf-8")
    # a dataset without a name is reported above, on the sheet; a stand-in name here
    # lets every other problem be found as well
    name = (meta.get("name") or [""])[0] or "imported"
    stub = Region(
        name,
        (meta.get("title") or [""])[0],
        (meta.get("description") or [""])[0],
        tuple(SourceRef(t) for t in meta.get("source", []) if t),
        **_empty_tables(),
        description_fi=(meta.get("description_fi") or [""])[0] or "",
        title_fi=(meta.get("title_fi") or [""])[0] or "",
        translations=_translations(meta),
    )
    import yaml

    (folder / "datapackage.yaml").write_text(
        yaml.safe_dump(descriptor_dict(stub), sort_keys=False, allow_unicode=True), "utf-8"
    )
    return findings


def _as_sheets(findings: list[Finding]) -> list[Finding]:
    """Findings about CSV files, told in terms of the workbook's sheets."""
    out = []
    for f in findings:
        if f.file and f.file.endswith(".csv"):
            f = replace(f, file=f"sheet {f.file.removesuffix('.csv')}")
        out.append(f)
    return out


def _unreadable(source: Path, code: str, **params: Any) -> DatasetUnreadableError:
    return DatasetUnreadableError(
        [Finding(Level.ERROR, code, file=source.name, found=source.name, params=params)]
    )


def _open(source: Path) -> Any:
    """The workbook at ``source``, read-only; its unpacked size is checked first, so a
    zip bomb is refused before openpyxl unpacks it."""
    try:
        with zipfile.ZipFile(source) as archive:
            parts = [item.file_size for item in archive.infolist()]
            size = sum(parts)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _unreadable(source, "workbook_unreadable", detail=type(exc).__name__) from exc
    if size > MAX_UNPACKED:
        raise _unreadable(source, "file_too_large", size=size, limit=MAX_UNPACKED)
    if max(parts, default=0) > MAX_PART:  # one huge cell or sheet, parsed whole by openpyxl
        raise _unreadable(source, "file_too_large", size=max(parts), limit=MAX_PART)
    try:
        return load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise _unreadable(source, "workbook_unreadable", detail=type(exc).__name__) from exc


def read_workbook(path: str | Path) -> LoadResult:
    """Load a filled template with every finding in terms of sheets, rows and columns.

    Raises:
        DatasetUnreadableError: the file is not an Excel workbook (not a zip, broken).
    """
    source = Path(path)
    book = _open(source)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            problems = _to_folder(book, folder)
            result = load(folder)
    finally:
        book.close()
    reported = {f.table for f in problems}  # a sheet reported once, not again as a file
    later = [f for f in result.findings if not (f.code == "file_missing" and f.table in reported)]
    findings = problems + _as_sheets(later)
    region = result.region if not problems else None
    return LoadResult(source, region, findings, result.lines)


def read_filled(path: str | Path) -> Region:
    """A workbook filled in for some tables only (``polku fetch --fill``): its rows are
    read and checked row by row as :func:`read_workbook` does, but a table left empty or
    a sheet left out is not an error here (the caller has those tables from elsewhere).

    Raises:
        DatasetError: a cell, row or reference is wrong, naming sheet, row and column.
    """
    from .required import missing_rows

    source = Path(path)
    book = _open(source)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            problems = [f for f in _to_folder(book, folder) if f.code != "sheet_missing"]
            result = load(folder, partial=True)
    finally:
        book.close()
    incomplete = missing_rows(result.region, result.lines) if result.region else []
    wrong = [
        f
        for f in problems + _as_sheets([f for f in result.findings if f not in incomplete])
        if f.level is Level.ERROR and f.code != "file_missing"
    ]
    if wrong or result.region is None:
        raise DatasetError(wrong or problems)
    return result.region


def import_workbook(path: str | Path, out: str | Path, *, overwrite: bool = False) -> Region:
    """Read a filled template and write it as a dataset folder.

    Raises:
        DatasetError: with every problem, naming sheet, row and column; nothing is written.
    """
    result = read_workbook(path)
    if result.region is None:
        raise DatasetError([f for f in result.findings if f.level is Level.ERROR])
    write_region(result.region, out, overwrite=overwrite)
    return result.region


def _empty_tables() -> dict[str, Any]:
    """Every table of a region, empty (keyword arguments of :class:`Region`)."""
    return dict.fromkeys(Region.table_names(), ())


def _translations(meta: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """The ``translation_<lang>`` rows: language -> {text: translation} (rows without
    both texts are left out)."""
    out: dict[str, dict[str, str]] = {}
    for key, values in meta.items():
        if key.startswith("translation_"):
            pairs = (v.split("\t", 1) for v in values)
            texts = {a: b for a, b in pairs if a and b}
            if texts:
                out[key.removeprefix("translation_")] = texts
    return out
