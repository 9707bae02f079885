"""The one error hierarchy of Polku.

::

    PolkuError                    anything Polku raises on purpose
    ├── FindingsError             an error that carries located findings
    │   ├── DatasetError          a dataset has errors; ``findings`` lists every one
    │   │   └── DatasetUnreadableError  the dataset cannot be read at all (no folder,
    │   │                               no or malformed datapackage.yaml)
    │   ├── RuleError             a rule file is broken, or a rule is asked for a date
    │   │                         it has no value for
    │   ├── ScenarioError         a scenario file is broken
    │   └── BillError             a file of Kela's municipal-share rows is broken
    ├── SourceError               an official data source failed or answered wrongly
    │   └── SourceFormatError     its answer is not in the format its specification gives
    ├── AssumptionError           an assumption was given an unknown name or a bad value
    ├── AnalysisError             an analysis lacks the data it needs
    ├── OutputError               an output would replace something without --force, or
    │                             cannot be written where asked
    └── ResourceLimitError        a run would need more memory than allowed (the estimate
                                  is in the message), or the disk is full

The command line turns each into its exit code (``polku.cli.exits``): 1 the data have
errors, 2 the input cannot be read, 3 a bad option or scenario, 4 a resource limit.

Every message names the place (file, row, column) and what was expected.
"""

from __future__ import annotations

from polku.findings import Finding


class PolkuError(Exception):
    """Base class of every error Polku raises on purpose."""


class FindingsError(PolkuError):
    """An error that carries every located problem found (``findings``)."""

    subject = "the input"

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = list(findings)
        lines = [f.describe() for f in self.findings[:20]]
        more = len(self.findings) - len(lines)
        if more > 0:
            lines.append(f"... and {more} more")
        super().__init__(f"{len(self.findings)} problem(s) in {self.subject}:\n" + "\n".join(lines))


class DatasetError(FindingsError):
    """A dataset could not be loaded; ``findings`` holds every problem found."""

    subject = "the dataset"


class DatasetUnreadableError(DatasetError):
    """The dataset cannot be read at all: the folder or its descriptor is missing or broken."""


class RuleError(FindingsError):
    """A rule file is broken, or a rule has no value for the date asked."""

    subject = "the rules"


class AssumptionError(PolkuError):
    """An assumption was given an unknown name or a value it cannot take."""


class AnalysisError(PolkuError):
    """An analysis lacks the data it needs; the message names the table and rows."""


class ScenarioError(FindingsError):
    """A scenario file is broken; ``findings`` names every problem."""

    subject = "the scenario"


class BillError(FindingsError):
    """A file of Kela's municipal-share rows is broken; ``findings`` names every problem."""

    subject = "the municipal-share history"


class SourceError(PolkuError):
    """An official data source (Kela, Statistics Finland, Sotkanet) failed or refused."""


class SourceStatusError(SourceError):
    """A source answered with an HTTP error status (kept for fallbacks, e.g. an old id)."""

    def __init__(self, message: str, status: int) -> None:
        self.status = status
        super().__init__(message)


class SourceFormatError(SourceError):
    """A source's answer is not in the format its specification gives: says where."""

    def __init__(self, source: str, where: str, expected: str, found: object = "") -> None:
        self.source, self.where, self.expected = source, where, expected
        shown = f"; found {str(found)[:80]!r}" if found != "" else ""
        super().__init__(f"{source}: {where}: expected {expected}{shown}")


class OutputError(PolkuError):
    """An output would replace an existing file or folder without ``--force``, lies
    inside a dataset folder, is named twice, or cannot be written where asked."""


class ResourceLimitError(PolkuError):
    """A run would exceed a resource limit (memory estimated before allocating, with
    the estimate and the option that raises the limit in the message), or the disk is
    full."""
