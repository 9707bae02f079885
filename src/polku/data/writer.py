"""Writing a :class:`~polku.model.region.Region` to a dataset folder.

The folder gets ``datapackage.yaml`` (with a Frictionless table schema per table)
and one UTF-8, comma-separated CSV per table. Reading the folder back gives an equal
region. An existing non-empty folder is never overwritten unless asked, and then it is
replaced whole (:func:`polku.files.folder`): the new folder is built beside it and
swapped in, so no stale file stays and a failed write (a full disk) leaves the old
folder as it was.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml

from polku import files
from polku.errors import OutputError
from polku.model.region import Region

from .cells import format_cell
from .descriptor import DESCRIPTOR
from .schema import TableSpec, table_specs

PROFILE = "tabular-data-package"


class FolderNotEmptyError(OutputError):
    """The output folder already holds files and overwriting was not allowed."""


def descriptor_dict(region: Region) -> dict[str, Any]:
    """The ``datapackage.yaml`` content for ``region``."""
    out: dict[str, Any] = {"profile": PROFILE, "name": region.name}
    if region.title:
        out["title"] = region.title
    if region.title_fi:
        out["title_fi"] = region.title_fi
    if region.description:
        out["description"] = region.description
    if region.description_fi:
        out["description_fi"] = region.description_fi
    if region.translations:
        out["translations"] = {k: dict(v) for k, v in region.translations.items()}
    if region.sources:
        out["sources"] = [
            {
                "title": s.title,
                **({"path": s.path} if s.path else {}),
                **s.details(),
                **({"tables": list(s.tables)} if s.tables else {}),
            }
            for s in region.sources
        ]
    out["resources"] = [spec.frictionless() for spec in table_specs()]
    return out


def table_text(region: Region, spec: TableSpec) -> str:
    """The CSV text of one table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(spec.column_names)
    for row in region.table(spec.name):
        writer.writerow([format_cell(getattr(row, name)) for name in spec.column_names])
    return buffer.getvalue()


def write_region(region: Region, folder: str | Path, *, overwrite: bool = False) -> Path:
    """Write ``region`` as a dataset folder and return its path.

    Raises:
        FolderNotEmptyError: ``folder`` exists, is not empty and ``overwrite`` is false.
        ResourceLimitError: the disk is full; the folder is left as it was.
        OutputError: the folder cannot be written; the folder is left as it was.
    """
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise FolderNotEmptyError(f"{path} exists and is not a folder")
    if path.is_dir() and any(path.iterdir()) and not overwrite:
        raise FolderNotEmptyError(
            f"{path} is not empty; choose an empty folder or allow overwriting (--force)"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise files.write_failed(path, exc) from exc
    text = yaml.safe_dump(descriptor_dict(region), sort_keys=False, allow_unicode=True, width=100)
    with files.folder(path) as staging:  # built beside it, then swapped in whole
        (staging / DESCRIPTOR).write_text(text, encoding="utf-8")
        for spec in table_specs():
            (staging / spec.path).write_text(table_text(region, spec), encoding="utf-8", newline="")
    return path
