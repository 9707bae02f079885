"""Reading and writing regional datasets (Frictionless data packages)."""

from polku.data.embedded import DEFAULT_DATASET, dataset_names, default_region, load_embedded
from polku.data.reader import LoadResult, load, read_region
from polku.data.required import missing_rows
from polku.data.writer import FolderNotEmptyError, write_region

__all__ = [
    "DEFAULT_DATASET",
    "FolderNotEmptyError",
    "LoadResult",
    "dataset_names",
    "default_region",
    "load",
    "load_embedded",
    "missing_rows",
    "read_region",
    "write_region",
]
