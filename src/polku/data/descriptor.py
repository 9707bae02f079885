"""Reading and checking ``datapackage.yaml``, the dataset's Frictionless descriptor.

The YAML is loaded strictly (:mod:`polku.strictyaml`: UTF-8 only, no aliases, bounded
nesting): a duplicate key is an error that names its line. A
descriptor that cannot be parsed makes the dataset unreadable
(:class:`~polku.errors.DatasetUnreadableError`); one that parses but is incomplete
gives error findings, reported together with every other problem in the dataset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

import yaml

from polku import strictyaml
from polku.errors import DatasetUnreadableError
from polku.findings import Finding, Level
from polku.model.region import SourceRef

from .schema import TableSpec, table_specs

DESCRIPTOR = "datapackage.yaml"


@dataclass(frozen=True)
class Descriptor:
    """What the reader needs from ``datapackage.yaml``."""

    name: str
    title: str
    description: str
    sources: tuple[SourceRef, ...]
    paths: dict[str, str]  # table name -> CSV path relative to the folder
    description_fi: str = ""
    title_fi: str = ""
    translations: dict[str, dict[str, str]] = dataclass_field(default_factory=dict)


def _unreadable(code: str, **params: Any) -> DatasetUnreadableError:
    found = str(params.pop("found", ""))
    line = params.pop("line", None)
    return DatasetUnreadableError(
        [Finding(Level.ERROR, code, file=DESCRIPTOR, row=line, found=found, params=params)]
    )


def load_yaml(folder: Path) -> dict[str, Any]:
    """Parse the descriptor of ``folder``; raises when it cannot be read at all."""
    if not folder.is_dir():
        raise DatasetUnreadableError(
            [Finding(Level.ERROR, "folder_missing", file=str(folder), found=str(folder))]
        )
    path = folder / DESCRIPTOR
    if not path.is_file():
        raise _unreadable("descriptor_missing", found=str(path))
    try:
        data, _ = strictyaml.load(strictyaml.read_text(path))
    except strictyaml.TextError as exc:  # not UTF-8, a NUL byte, too large
        raise _unreadable(exc.code, line=exc.line, found=exc.found, **exc.params) from exc
    except OSError as exc:
        raise _unreadable("file_unreadable", detail=exc.strerror or type(exc).__name__) from exc
    except strictyaml.DuplicateKeyError as exc:
        mark = exc.problem_mark
        raise _unreadable(
            "descriptor_duplicate_key",
            line=mark.line + 1 if mark else None,
            found=str(exc.key),
            key=exc.key,
        ) from exc
    except yaml.YAMLError as exc:
        line, detail = strictyaml.describe(exc)
        raise _unreadable("descriptor_malformed", line=line, detail=detail) from exc
    if not isinstance(data, dict):
        raise _unreadable("descriptor_not_mapping", found=type(data).__name__)
    return data


def _finding(code: str, **params: Any) -> Finding:
    found = str(params.pop("found", ""))
    table = params.get("table")
    return Finding(Level.ERROR, code, table=table, file=DESCRIPTOR, found=found, params=params)


def _text(data: dict[str, Any], key: str, findings: list[Finding], required: bool) -> str:
    value = data.get(key)
    if value is None or (required and isinstance(value, str) and not value.strip()):
        if required:
            findings.append(_finding("descriptor_key_missing", key=key, kind="text"))
        return ""
    if not isinstance(value, str):
        findings.append(_finding("descriptor_key_type", key=key, kind="text", found=value))
        return ""
    return value


LANGUAGES = ("fi", "en", "sv")


def _translations(data: dict[str, Any], findings: list[Finding]) -> dict[str, dict[str, str]]:
    """``translations``: language -> {a text as the files write it: the same text in
    that language} (sources, notes, names), so a report in either language says them
    in its own."""
    raw = data.get("translations", {})
    kind = "a mapping of fi, en or sv to {text: translation}"
    if not isinstance(raw, dict):
        findings.append(_finding("descriptor_key_type", key="translations", kind=kind, found=raw))
        return {}
    out: dict[str, dict[str, str]] = {}
    for lang, texts in raw.items():
        pairs = texts.items() if isinstance(texts, dict) else ()
        if (
            lang not in LANGUAGES
            or not isinstance(texts, dict)
            or not all(
                isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
                for k, v in pairs
            )
        ):
            found = lang if lang not in LANGUAGES else texts
            findings.append(
                _finding("descriptor_key_type", key="translations", kind=kind, found=found)
            )
            continue
        out[str(lang)] = {str(k): str(v) for k, v in texts.items()}
    return out


def _sources(data: dict[str, Any], findings: list[Finding]) -> tuple[SourceRef, ...]:
    raw = data.get("sources", [])
    kind = "a list of {title, path}"
    if not isinstance(raw, list):
        findings.append(_finding("descriptor_key_type", key="sources", kind=kind, found=raw))
        return ()
    out = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            findings.append(_finding("descriptor_key_type", key="sources", kind=kind, found=item))
            continue
        path = item.get("path")
        extra = {k: str(item[k]) for k in SourceRef.PROVENANCE if isinstance(item.get(k), str)}
        tables = item.get("tables")
        named = tuple(t for t in tables if isinstance(t, str)) if isinstance(tables, list) else ()
        out.append(
            SourceRef(item["title"], path if isinstance(path, str) else None, tables=named, **extra)
        )
    return tuple(out)


def _check_schema(spec: TableSpec, resource: dict[str, Any], findings: list[Finding]) -> None:
    schema = resource.get("schema")
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list):
        key = f"resources[{spec.name}].schema.fields"
        findings.append(_finding("descriptor_key_missing", key=key, kind="a list of fields"))
        return
    named = [f for f in fields if isinstance(f, dict)]
    declared = {str(f.get("name")): f.get("type") for f in named}
    for field in spec.fields:
        if field.name not in declared:
            findings.append(
                _finding(
                    "schema_field_missing", table=spec.name, column=field.name, type=field.kind
                )
            )
        elif declared[field.name] != field.kind:
            findings.append(
                _finding(
                    "schema_field_type",
                    table=spec.name,
                    column=field.name,
                    type=field.kind,
                    found=declared[field.name],
                )
            )
    for name in declared:
        if name not in spec.column_names:
            findings.append(
                _finding(
                    "schema_field_unknown",
                    table=spec.name,
                    column=name,
                    columns=", ".join(spec.column_names),
                    found=name,
                )
            )


def _resources(data: dict[str, Any], findings: list[Finding]) -> dict[str, str]:
    raw = data.get("resources")
    if not isinstance(raw, list):
        code = "descriptor_key_missing" if raw is None else "descriptor_key_type"
        findings.append(_finding(code, key="resources", kind="a list of tables", found=raw or ""))
        return {}
    specs = {s.name: s for s in table_specs()}
    paths: dict[str, str] = {}
    for resource in raw:
        name = resource.get("name") if isinstance(resource, dict) else None
        if not isinstance(resource, dict) or not isinstance(name, str):
            findings.append(
                _finding(
                    "descriptor_key_missing", key="resources[].name", kind="text", found=resource
                )
            )
            continue
        if name not in specs:
            findings.append(
                Finding(
                    Level.WARNING,
                    "resource_unknown",
                    table=name,
                    file=DESCRIPTOR,
                    found=name,
                    params={"table": name, "names": ", ".join(specs)},
                )
            )
            continue
        if name in paths:
            findings.append(_finding("resource_duplicate", table=name, found=name))
            continue
        path = resource.get("path")
        if not isinstance(path, str) or not path or "/" in path or "\\" in path:
            findings.append(
                _finding(
                    "descriptor_key_type",
                    key=f"resources[{name}].path",
                    kind="a file name such as " + specs[name].path,
                    found=path or "",
                )
            )
            continue
        paths[name] = path
        _check_schema(specs[name], resource, findings)
    for name in specs:
        if specs[name].row_type.OPTIONAL:
            continue  # left out: an empty table
        if name not in paths and not any(f.table == name for f in findings):
            findings.append(_finding("resource_missing", table=name))
    return paths


DATASET_NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$"
"""The one rule for a dataset's name, wherever a name is given (a folder's descriptor,
an uploaded or imported workbook, the API, ``polku fetch --name``): it becomes a URL
path segment and a file name, so no spaces, slashes or ``..``."""


def valid_name(name: str) -> bool:
    """True if ``name`` follows :data:`DATASET_NAME`."""
    return re.fullmatch(DATASET_NAME, name) is not None and ".." not in name


def read_descriptor(folder: Path) -> tuple[Descriptor, list[Finding]]:
    """The descriptor of ``folder`` and the problems found in it."""
    data = load_yaml(folder)
    findings: list[Finding] = []
    name = _text(data, "name", findings, required=True)
    if name and not valid_name(name):
        findings.append(_finding("dataset_name_invalid", found=name))
    descriptor = Descriptor(
        name=name,
        title=_text(data, "title", findings, required=False),
        description=_text(data, "description", findings, required=False),
        description_fi=_text(data, "description_fi", findings, required=False),
        title_fi=_text(data, "title_fi", findings, required=False),
        translations=_translations(data, findings),
        sources=_sources(data, findings),
        paths=_resources(data, findings),
    )
    return descriptor, findings
