"""The one error hierarchy of Polku.

::

    PolkuError                    anything Polku raises on purpose
    └── DatasetError              a dataset has errors; ``findings`` lists every one
        └── DatasetUnreadableError  the dataset cannot be read at all (no folder,
                                    no or malformed datapackage.yaml)

Every message names the place (file, row, column) and what was expected.
"""

from __future__ import annotations

from polku.findings import Finding


class PolkuError(Exception):
    """Base class of every error Polku raises on purpose."""


class DatasetError(PolkuError):
    """A dataset could not be loaded; ``findings`` holds every problem found."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = list(findings)
        lines = [f.describe() for f in self.findings[:20]]
        more = len(self.findings) - len(lines)
        if more > 0:
            lines.append(f"... and {more} more")
        super().__init__(f"{len(self.findings)} problem(s) in the dataset:\n" + "\n".join(lines))


class DatasetUnreadableError(DatasetError):
    """The dataset cannot be read at all: the folder or its descriptor is missing or broken."""
