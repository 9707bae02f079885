"""Shared test helpers: a writable copy of the embedded dataset, and CSV editing."""

from __future__ import annotations

import csv
import io
import os
import shutil
from importlib import resources
from pathlib import Path

import pytest

from polku.data.embedded import DEFAULT_DATASET, dataset_resource

FIXTURES = Path(__file__).parent / "fixtures"


def copy_embedded(target: Path) -> Path:
    """Copy the embedded dataset's files to ``target`` and return it."""
    with resources.as_file(dataset_resource(DEFAULT_DATASET)) as folder:
        shutil.copytree(folder, target)
    return target


def read_rows(path: Path) -> list[list[str]]:
    """All records of a CSV file, header first."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    """Write records as CSV, the way the dataset writer does."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set the cell at spreadsheet ``row`` (header = 1) and ``column``."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A writable copy of the embedded dataset."""
    return copy_embedded(tmp_path / "region")


@pytest.fixture(scope="session")
def calibration():  # type: ignore[no-untyped-def]
    """The embedded region's calibrated simulation network (built once per session)."""
    from polku import default_region
    from polku.simulation.calibrate import build

    return build(default_region())


@pytest.fixture(scope="session")
def simulation_network(calibration):  # type: ignore[no-untyped-def]
    """The calibrated network of the embedded region."""
    return calibration.network


# The test client's requests name the host "testserver"; the dashboard answers only
# to the hosts it is told (polku.web.security).
os.environ.setdefault("POLKU_ALLOWED_HOSTS", "testserver")
