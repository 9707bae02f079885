"""Polku: planning employment services for the hard-to-employ in a Finnish region.

The public API is small; everything else is reachable through the subpackages.

Examples:
    >>> import polku
    >>> region = polku.default_region()
    >>> region.area(region.areas[0].code).level.value
    'country'
"""

from polku.analysis import Analysis, Assumptions, analyse, document
from polku.consistency import check_region
from polku.data import (
    DEFAULT_DATASET,
    LoadResult,
    default_region,
    load,
    read_region,
    write_region,
)
from polku.errors import DatasetError, DatasetUnreadableError, PolkuError
from polku.findings import Finding, Level
from polku.model import Region
from polku.rules import RuleSet, load_rules

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_DATASET",
    "Analysis",
    "Assumptions",
    "DatasetError",
    "DatasetUnreadableError",
    "Finding",
    "Level",
    "LoadResult",
    "PolkuError",
    "Region",
    "RuleSet",
    "__version__",
    "analyse",
    "check_region",
    "default_region",
    "document",
    "load",
    "load_rules",
    "read_region",
    "write_region",
]
