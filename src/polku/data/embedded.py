"""The datasets shipped inside the package, read through ``importlib.resources``."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from polku.model.region import Region

from .reader import LoadResult, load, read_region

DEFAULT_DATASET = "south-karelia-2017"


def dataset_names() -> tuple[str, ...]:
    """Names of the embedded datasets."""
    root = resources.files("polku.data") / "datasets"
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir()))


def dataset_resource(name: str = DEFAULT_DATASET) -> Traversable:
    """The packaged folder of embedded dataset ``name``; ``KeyError`` if unknown."""
    if name not in dataset_names():
        raise KeyError(name)
    return resources.files("polku.data") / "datasets" / name


def load_embedded(name: str = DEFAULT_DATASET) -> LoadResult:
    """Load an embedded dataset with its findings."""
    with resources.as_file(dataset_resource(name)) as folder:
        return load(folder)


def default_region() -> Region:
    """The embedded default dataset (:data:`DEFAULT_DATASET`), the survey's own data."""
    with resources.as_file(dataset_resource(DEFAULT_DATASET)) as folder:
        return read_region(folder)
