"""Exit codes, and the one place where an error becomes a message and a code.

=====  ==========================================================================
code   meaning
=====  ==========================================================================
0      fine (warnings allowed)
1      the data have errors (``polku check`` found some, or a command met them)
2      the input cannot be read (no folder, a broken file, a wrong encoding)
3      a bad option or scenario (also an output that would be replaced without
       ``--force``)
4      a resource limit (memory estimated before a run, a full disk)
70     an internal error: one line asks to report it and names the file that holds
       the details; ``--debug`` (or ``POLKU_DEBUG=1``) shows the traceback instead
130    interrupted (Ctrl-C)
=====  ==========================================================================
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
import traceback
from pathlib import Path

import typer

from polku.errors import (
    AnalysisError,
    AssumptionError,
    BillError,
    DatasetError,
    DatasetUnreadableError,
    FindingsError,
    OutputError,
    PolkuError,
    ResourceLimitError,
    RuleError,
    ScenarioError,
    SourceError,
)

OK, DATA_ERRORS, UNREADABLE, BAD_OPTION, RESOURCE, INTERNAL, INTERRUPTED = 0, 1, 2, 3, 4, 70, 130


def code_for(exc: BaseException) -> int:
    """The exit code of an error Polku raised on purpose (or an OS error on the way).
    Findings that are all about command-line options (their column is ``--name``) are a
    bad option, whatever the error's class."""
    options = isinstance(exc, FindingsError) and exc.findings
    if options and all((f.column or "").startswith("--") for f in exc.findings):  # type: ignore[attr-defined]
        return BAD_OPTION
    if isinstance(exc, DatasetUnreadableError | RuleError | SourceError | BillError):
        return UNREADABLE
    if isinstance(exc, DatasetError | AnalysisError):
        return DATA_ERRORS
    if isinstance(exc, ScenarioError | AssumptionError | OutputError):
        return BAD_OPTION
    if isinstance(exc, ResourceLimitError | MemoryError):
        return RESOURCE
    if isinstance(exc, OSError):
        return RESOURCE if exc.errno in (errno.ENOSPC, errno.EDQUOT) else UNREADABLE
    if isinstance(exc, FindingsError):
        return UNREADABLE
    return INTERNAL if not isinstance(exc, PolkuError) else DATA_ERRORS


def debug_wanted(argv: list[str]) -> bool:
    """``--debug`` anywhere on the command line, or ``POLKU_DEBUG`` set."""
    return "--debug" in argv or os.environ.get("POLKU_DEBUG", "") not in ("", "0")


def crash_report(exc: BaseException) -> Path | None:
    """Write the traceback of an unexpected error to the user's log folder."""
    import platformdirs

    try:
        folder = Path(platformdirs.user_log_dir("polku", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"crash-{stamp}-{os.getpid()}.txt"
        text = "".join(traceback.format_exception(exc))
        path.write_text(f"polku {' '.join(sys.argv[1:])}\n\n{text}", "utf-8")
    except OSError:
        return None
    return path


def internal_error(exc: BaseException) -> int:
    """Say in one line that something went wrong inside Polku, and where the details are."""
    path = crash_report(exc)
    where = f"; details in {path}" if path else ""
    name = type(exc).__name__
    typer.echo(
        f"Internal error ({name}): please report it at the project's issue tracker{where}. "
        f"/ Sisäinen virhe: ilmoitathan siitä{where and ' (' + str(path) + ')'}.",
        err=True,
    )
    return INTERNAL


def describe(exc: BaseException) -> str:
    """The message of an error Polku raised on purpose, or of an OS error."""
    if isinstance(exc, OSError) and not isinstance(exc, PolkuError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, MemoryError):
        return "out of memory / muisti loppui"
    return str(exc)


def show_usage_error(exc: typer.TyperException) -> None:
    """A bad option or argument, shown as Typer shows it (a box with the usage)."""
    try:
        from typer import rich_utils

        rich_utils.rich_format_error(exc)  # type: ignore[arg-type,unused-ignore]
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - Typer's internals
        typer.echo(exc.format_message(), err=True)


__all__ = [
    "BAD_OPTION",
    "DATA_ERRORS",
    "INTERNAL",
    "INTERRUPTED",
    "OK",
    "RESOURCE",
    "UNREADABLE",
    "code_for",
    "crash_report",
    "debug_wanted",
    "describe",
    "internal_error",
    "show_usage_error",
]
