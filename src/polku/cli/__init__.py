"""The ``polku`` command line: thin commands that parse input, call the library, format."""

from __future__ import annotations

from polku.cli.app import app


def main() -> None:
    """Entry point of the ``polku`` console script."""
    app()


__all__ = ["app", "main"]
