"""``polku simulate``: play the baseline and scenarios forward, with uncertainty bands."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from polku import files
from polku.assumptions import Assumptions
from polku.data.reader import read_region
from polku.files import guard_outputs
from polku.i18n import Lang, fmt_number, said
from polku.model.terms import unit
from polku.rules import load_rules
from polku.simulation.limits import parse_size
from polku.simulation.results import summary, summary_json, write
from polku.simulation.runner import (
    DEFAULT_REPLICATIONS,
    DEFAULT_SEED,
    Settings,
    find_scenario,
    simulate,
)
from polku.simulation.scenario_checks import check_horizons

from .cba_table import cba_table
from .common import (
    DATASET_HELP,
    LANG_HELP,
    ForceOption,
    MaxMemoryOption,
    ScenarioOption,
    SetOption,
    console,
    dataset_folder,
    err_console,
    failures,
    note_first_compilation,
    progress_bars,
    resolve_lang,
)
from .national import NATIONAL_FILES, national_run

OUTPUT_FILES = frozenset({"summary.json", "series.csv", "series.parquet"})

HEADLINE = (
    "unemployed",
    "long_term",
    "in_rehabilitative_work",
    "waiting_rehabilitative_work",
    "exits_open_market_per_year",
    "cost_state_per_year",
    "cost_municipal_share_per_year",
    "cost_organiser_per_year",
    "income_total_per_year",
)
_HEAD = {
    "en": ("metric", "unit", "baseline", "scenario", "difference (p5-p95)"),
    "fi": ("mittari", "yksikkö", "perusura", "skenaario", "ero (p5-p95)"),
}


class Mode(StrEnum):
    """Expected values or random draws."""

    EXPECTED = "expected"
    STOCHASTIC = "stochastic"


class Engine(StrEnum):
    """Which engine draws a stochastic run (the expected mode is always NumPy's)."""

    AUTO = "auto"
    COMPILED = "compiled"
    NUMPY = "numpy"


class SimFormat(StrEnum):
    """How the summary is printed."""

    TABLE = "table"
    JSON = "json"


def _band(values: dict[str, float], lang: Lang, with_band: bool, whole: bool = False) -> str:
    def n(x: float) -> str:
        return fmt_number(round(x) if whole else x, lang, 0 if whole or abs(x) >= 100 else 2)

    text = n(values["mean"])
    if with_band:
        text += f" ({n(values['p5'])} … {n(values['p95'])})"
    return text


def _tables(doc: dict[str, Any], lang: Lang) -> None:
    stochastic = doc["mode"] == "stochastic"
    base = doc["scenarios"]["baseline"]["metrics"]
    for name, entry in doc["scenarios"].items():
        if name == "baseline" and len(doc["scenarios"]) > 1:
            continue
        title = entry["title_fi"] if lang == "fi" else entry["title"]
        # a scenario's key is what the reader typed after --scenario; the baseline's is not
        heading = title if name == "baseline" else f"{name}: {title}"
        table = Table(title=heading, title_justify="left")
        for head in said(_HEAD, lang):
            table.add_column(head, justify="left" if head in said(_HEAD, lang)[:2] else "right")
        for metric in HEADLINE:
            if metric not in entry["metrics"]:
                continue
            diff = entry.get("difference", {}).get(metric)
            code = doc["metrics"][metric]["unit"]
            whole = code.startswith(("persons", "eur"))  # whole persons and euros
            table.add_row(
                doc["metrics"][metric]["description_fi" if lang == "fi" else "description"],
                unit(code, lang),
                _band(base[metric], lang, stochastic, whole),
                _band(entry["metrics"][metric], lang, stochastic, whole),
                _band(diff, lang, True, whole) if diff else "-",
            )
        console.print(table)
        if "cba" in entry:
            console.print(cba_table(name, entry["cba"], lang, stochastic))


def simulate_command(
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    scenario: ScenarioOption = None,
    years: Annotated[int, typer.Option("--years", min=1, max=50, help="Horizon. / Vuodet.")] = 5,
    replications: Annotated[int, typer.Option("--replications", min=1, max=100_000)] = (
        DEFAULT_REPLICATIONS
    ),
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed (stochastic mode).")] = (
        DEFAULT_SEED
    ),
    mode: Annotated[Mode, typer.Option("--mode", help="expected or stochastic")] = Mode.EXPECTED,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for summary.json, series.csv and series.parquet."),
    ] = None,
    output: Annotated[SimFormat, typer.Option("--format", help="table or json")] = (
        SimFormat.TABLE
    ),
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    settings: SetOption = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Workers for the replications (threads; processes for the NumPy engine); "
            "the results do not change.",
        ),
    ] = (max(1, min(2, os.cpu_count() or 1))),
    engine: Annotated[
        Engine | None,
        typer.Option(
            "--engine",
            help="auto (compiled where Numba is installed), compiled or numpy; "
            "default: POLKU_ENGINE or auto.",
        ),
    ] = None,
    force: ForceOption = False,
    max_memory: MaxMemoryOption = None,
    areas: Annotated[
        str | None,
        typer.Option(
            "--areas",
            help="all: every employment area of the bundled classification, on a generated "
            "national dataset (one table, national.json/.csv/.svg in --out). / kaikki alueet",
        ),
    ] = None,
) -> None:
    """Simulate the region's clients month by month. / Simuloi asiakasvirrat.

    An existing --out folder is replaced (whole) only with --force."""
    language = resolve_lang(lang)
    if areas not in (None, "all"):
        raise typer.BadParameter(f"expected all, found {areas}", param_hint="--areas")
    with failures(language):
        own = OUTPUT_FILES if areas is None else NATIONAL_FILES
        guard_outputs([("--out", out)], force, kind="folder", own_files=own)
        assumptions = Assumptions.parse(settings or [])
        with dataset_folder(dataset) as folder:
            region = read_region(folder)
        scenarios = [find_scenario(s, region) for s in scenario or []]
        check_horizons(scenarios, years * 12)
        run_settings = Settings(
            mode=mode.value,
            replications=replications,
            seed=seed,
            months=years * 12,
            workers=workers,
            memory_limit=parse_size(max_memory) if max_memory else None,
            engine=None if engine is None else engine.value,
        )
        note_first_compilation(run_settings.mode, run_settings.engine, language)
        if areas is not None:
            national_run(
                region,
                scenarios,
                run_settings,
                out=out,
                as_json=output is SimFormat.JSON,
                lang=language,
            )
            return
        with progress_bars() as tick:
            sim = simulate(
                region,
                scenarios,
                settings=run_settings,
                rules=load_rules(),
                assumptions=assumptions,
                progress=tick,
            )
        doc = summary(sim)
        if out is not None:
            with files.folder(out) as staging:
                written = write(sim, staging)
            for path in written:
                err_console.print(f"-> {out / path.name}")
    if output is SimFormat.JSON:
        typer.echo(summary_json(doc))
    else:
        _tables(doc, language)
