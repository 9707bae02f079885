"""The Typer application and its commands."""

from __future__ import annotations

from typing import Annotated

import typer

from polku import __version__

from .analyse import analyse_command
from .areas import areas_command
from .bill import bill_command
from .check import check
from .export import export
from .fetch import fetch_command
from .optimise import optimise_command
from .producers import producers_command
from .report import report_command
from .rules import rules_command
from .serve import serve_command
from .simulate import simulate_command
from .sweep import sweep_command
from .workbook import import_command, template_command

app = typer.Typer(
    name="polku",
    help=(
        "Polku: planning employment services for the hard-to-employ and the funding of "
        "third-sector producers. / Polku: vaikeasti työllistyvien palveluiden ja "
        "järjestöjen rahoituksen suunnittelu."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("check")(check)
app.command("export")(export)
app.command("analyse")(analyse_command)
app.command("rules")(rules_command)
app.command("simulate")(simulate_command)
app.command("sweep")(sweep_command)
app.command("optimise")(optimise_command)
app.command("report")(report_command)
app.command("producers")(producers_command)
app.command("template")(template_command)
app.command("import")(import_command)
app.command("serve")(serve_command)
app.command("fetch")(fetch_command)
app.command("bill")(bill_command)
app.command("areas")(areas_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"polku {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Polku command line."""
