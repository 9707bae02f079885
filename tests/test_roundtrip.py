"""write(read(folder)) reproduces the folder, and the reader reads back what was written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import copy_embedded
from polku import default_region, read_region, write_region
from polku.data import FolderNotEmptyError, dataset_names


def test_embedded_dataset_is_listed() -> None:
    assert "south-karelia-2017" in dataset_names()


def test_read_write_read_is_equal(tmp_path: Path) -> None:
    region = default_region()
    write_region(region, tmp_path / "out")
    assert read_region(tmp_path / "out") == region


def test_write_reproduces_the_folder_byte_for_byte(tmp_path: Path) -> None:
    original = copy_embedded(tmp_path / "original")
    write_region(read_region(original), tmp_path / "written")
    for path in sorted(original.iterdir()):
        assert (tmp_path / "written" / path.name).read_bytes() == path.read_bytes(), path.name
    assert {p.name for p in (tmp_path / "written").iterdir()} == {
        p.name for p in original.iterdir()
    }


def test_changed_region_round_trips(tmp_path: Path) -> None:
    region = default_region()
    first = region.survival[0]
    changed = dataclasses.replace(
        region,
        name="my-region",
        survival=(
            dataclasses.replace(first, share_pct=70.125, note='quote " and, comma\nline'),
            *region.survival[1:],
        ),
    )
    write_region(changed, tmp_path / "mine")
    back = read_region(tmp_path / "mine")
    assert back == changed
    assert back.survival[0].share_pct == 70.125


def test_refuses_to_overwrite_a_non_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "keep.txt").write_text("mine", "utf-8")
    with pytest.raises(FolderNotEmptyError, match="not empty"):
        write_region(default_region(), target)
    assert (target / "keep.txt").read_text("utf-8") == "mine"
    assert not (target / "datapackage.yaml").exists()
    write_region(default_region(), target, overwrite=True)
    assert read_region(target) == default_region()


def _excel_fi(text: str) -> str:
    """A CSV as Finnish Excel saves it: semicolons, decimal commas, CRLF, a BOM, blank rows."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            [c.replace(".", ",") if c.replace(".", "", 1).lstrip("-").isdigit() else c for c in row]
        )
    writer.writerow([""] * len(rows[0]))  # the empty row Excel leaves at the end
    return "\ufeff" + out.getvalue()


def test_finnish_excel_csv_reads_the_same(tmp_path: Path) -> None:
    folder = copy_embedded(tmp_path / "excel")
    for path in folder.glob("*.csv"):
        path.write_text(_excel_fi(path.read_text("utf-8")), "utf-8", newline="")
    assert read_region(folder) == default_region()


def test_optional_columns_may_be_left_out(tmp_path: Path) -> None:
    from conftest import read_rows, write_rows

    folder = copy_embedded(tmp_path / "short")
    path = folder / "survival.csv"
    rows = read_rows(path)
    keep = [i for i, name in enumerate(rows[0]) if name != "note"]
    write_rows(path, [[r[i] for i in keep] for r in rows])
    region = read_region(folder)
    assert all(p.note is None for p in region.survival)
