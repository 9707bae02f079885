"""The ``polku`` command line: thin commands that parse input, call the library, format."""

from __future__ import annotations

import sys

import typer

from polku.cli.app import app
from polku.cli.exits import (
    BAD_OPTION,
    INTERRUPTED,
    code_for,
    debug_wanted,
    describe,
    internal_error,
    show_usage_error,
)
from polku.errors import PolkuError


def run(argv: list[str]) -> int:
    """Run the command line on ``argv`` and return the exit code (see ``polku.cli.exits``):
    never a traceback unless ``--debug`` asks for one."""
    debug = debug_wanted(argv)
    args = [a for a in argv if a != "--debug"]
    try:
        result = app(args=args, prog_name="polku", standalone_mode=False)
    except typer.TyperException as exc:  # Click's usage errors, as Typer vendors them
        if type(exc).__name__ == "NoArgsIsHelpError":
            app(args=[*args, "--help"], prog_name="polku", standalone_mode=False)
            return 0
        show_usage_error(exc)
        return BAD_OPTION
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("Interrupted / keskeytetty", err=True)
        return INTERRUPTED
    except (PolkuError, OSError, MemoryError) as exc:
        if debug:
            raise
        typer.echo(describe(exc), err=True)
        return code_for(exc)
    except Exception as exc:
        if debug:
            raise
        return internal_error(exc)
    return int(result) if isinstance(result, int) else 0


def main() -> None:
    """Entry point of the ``polku`` console script."""
    sys.exit(run(sys.argv[1:]))


__all__ = ["app", "main", "run"]
