"""What every command shares: options, dataset lookup, the console."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from polku.analysis import flatten
from polku.catalogue import translate
from polku.data.embedded import DEFAULT_DATASET, dataset_names, dataset_resource
from polku.errors import FindingsError, PolkuError
from polku.i18n import Lang, detect_lang, parse_lang
from polku.simulation.engine import compiles_first
from polku.simulation.runner import example_names

from .exits import code_for

# Piped output is not cut to 80 columns: a findings table stays readable in a file.
# Markup is off: text from the data (a cell holding "[/red]") is shown as it is, never
# read as Rich markup; Polku's own colours go by ``style=``.
console = Console(highlight=False, markup=False, width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)

DATASET_HELP = (
    "Dataset folder, or the name of an embedded dataset "
    f"({', '.join(dataset_names())}). Default: {DEFAULT_DATASET}. / "
    "Aineistokansio tai sisäänrakennetun aineiston nimi."
)


def scenario_help() -> str:
    """Help for ``--scenario``: a file or one of the shipped examples, repeatable."""
    return (
        "Scenario YAML file, a shipped example ("
        + ", ".join(example_names())
        + "), or the dataset's own proposal: from-data (its lower end), from-data-high. "
        "Repeatable. / Skenaario."
    )


LANG_HELP = "Language of the output: fi or en (default from POLKU_LANG or LANG). / Kieli."

# options several commands share, declared once
ScenarioOption = Annotated[list[str] | None, typer.Option("--scenario", help=scenario_help())]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        help="Override an assumption: NAME=VALUE (repeatable), e.g. disclosure.min_count=10. "
        "/ Muuta oletusta: NIMI=ARVO.",
    ),
]


def resolve_lang(value: str | None) -> Lang:
    """The language asked for, or the user's own."""
    if value is None:
        return detect_lang()
    try:
        return parse_lang(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from exc


def dataset_folder(dataset: str | None) -> AbstractContextManager[Path]:
    """A context giving the folder of ``dataset``: a path, or an embedded name. With no
    dataset given it is always the embedded default, whatever folders the current one
    holds; a name that is both a folder here and an embedded dataset is the folder."""
    if dataset is None:
        return resources.as_file(dataset_resource(DEFAULT_DATASET))
    if dataset in dataset_names() and not Path(dataset).exists():
        return resources.as_file(dataset_resource(dataset))
    return _PathContext(Path(dataset))


class _PathContext(AbstractContextManager[Path]):
    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc: object) -> None:
        return None


def say_error(text: str) -> None:
    """Print an error line in red on stderr (the text as it is: no markup read)."""
    err_console.print(text, style="red")


@contextmanager
def failures(language: Lang) -> Iterator[None]:
    """Turn Polku's errors into messages and exit codes, never a traceback.

    Every located problem is printed in ``language``; the code is the error's own
    (``polku.cli.exits``: 1 data errors, 2 unreadable, 3 bad option or scenario, 4 a
    resource limit).
    """
    try:
        yield
    except FindingsError as exc:
        for finding in exc.findings:
            err_console.print(finding.describe(language))
        raise typer.Exit(code_for(exc)) from exc
    except PolkuError as exc:
        say_error(str(exc))
        raise typer.Exit(code_for(exc)) from exc


MaxMemoryOption = Annotated[
    str | None,
    typer.Option(
        "--max-memory",
        help="Most memory a run may take, e.g. 16G or 512M (default: half the machine's). "
        "/ Ajon muistiraja.",
    ),
]

ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace outputs that exist. / Korvaa olemassa olevat."),
]


def key_value_csv(doc: dict[str, Any], skip: Iterable[str] = ()) -> str:
    """A document as ``key,value`` CSV lines (dotted keys), leaving out ``skip``."""
    left_out = set(skip)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["key", "value"])
    for key, value in flatten({k: v for k, v in doc.items() if k not in left_out}):
        writer.writerow([key, "" if value is None else value])
    return buffer.getvalue()


@contextmanager
def progress_bars() -> Iterator[Callable[[str, int, int], None]]:
    """A ``tick(name, done, total)`` that draws one progress bar per name on stderr."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def tick(name: str, done: int, total: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=total)
            bar.update(tasks[name], completed=done)

        yield tick


NOTES: dict[str, str] = {  # key: English (context cli:<key>)
    "compiling": "The first run with random draws on this machine compiles the engine "
    "(about 20 seconds); later runs start at once.",
}


def note_first_compilation(mode: str, engine: str | None, lang: Lang) -> None:
    """Say on stderr, before a run that will compile the engine first, that it will:
    the progress bar cannot move until the kernel is compiled."""
    if compiles_first(mode, engine):
        err_console.print(translate(lang, "cli:compiling", NOTES["compiling"]))
