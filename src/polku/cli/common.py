"""What every command shares: options, dataset lookup, the console."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager
from importlib import resources
from pathlib import Path

import typer
from rich.console import Console

from polku.data.embedded import DEFAULT_DATASET, dataset_names, dataset_resource
from polku.i18n import Lang, detect_lang, parse_lang

# Piped output is not cut to 80 columns: a findings table stays readable in a file.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

DATASET_HELP = (
    "Dataset folder, or the name of an embedded dataset "
    f"({', '.join(dataset_names())}). Default: {DEFAULT_DATASET}. / "
    "Aineistokansio tai sisäänrakennetun aineiston nimi."
)
LANG_HELP = "Language of the output: fi or en (default from POLKU_LANG or LANG). / Kieli."


def resolve_lang(value: str | None) -> Lang:
    """The language asked for, or the user's own."""
    if value is None:
        return detect_lang()
    try:
        return parse_lang(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from exc


def dataset_folder(dataset: str | None) -> AbstractContextManager[Path]:
    """A context giving the folder of ``dataset``: an embedded name or a path."""
    name = dataset or DEFAULT_DATASET
    if name in dataset_names() and not Path(name).exists():
        return resources.as_file(dataset_resource(name))
    return _PathContext(Path(name))


class _PathContext(AbstractContextManager[Path]):
    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc: object) -> None:
        return None
