"""``polku report``: the survey's analyses (and scenarios) as HTML and Excel."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Annotated

import typer

from polku import files
from polku.analysis import Assumptions, analyse
from polku.bill.backtest import outlook
from polku.bill.history import municipality_names, read_history
from polku.data.reader import read_region
from polku.errors import AnalysisError
from polku.files import guard_outputs
from polku.optimise import optimise_region
from polku.producers.run import analyse_producers
from polku.report import build_report, render_html, write_xlsx
from polku.report.bill import BillPart
from polku.report.pdf import ready, write_pdf
from polku.rules import RuleSet, load_rules
from polku.simulation.limits import parse_size
from polku.simulation.runner import (
    DEFAULT_REPLICATIONS,
    DEFAULT_SEED,
    Settings,
    find_scenario,
    simulate,
)
from polku.simulation.scenario_checks import check_horizons

from .common import (
    DATASET_HELP,
    LANG_HELP,
    ForceOption,
    MaxMemoryOption,
    ScenarioOption,
    SetOption,
    dataset_folder,
    err_console,
    failures,
    note_first_compilation,
    progress_bars,
    resolve_lang,
)
from .simulate import Mode


def report_command(
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    scenario: ScenarioOption = None,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    out: Annotated[Path, typer.Option("--out", help="HTML file to write. / HTML-tiedosto.")] = (
        Path("polku-report.html")
    ),
    xlsx: Annotated[
        Path | None, typer.Option("--xlsx", help="Also write this Excel workbook.")
    ] = None,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help="Also print the report to PDF beside --out (Chromium; page numbers, "
            "bookmarks). / Myös PDF.",
        ),
    ] = False,
    years: Annotated[
        int, typer.Option("--years", min=1, max=50, help="Horizon of the scenarios. / Vuodet.")
    ] = 5,
    mode: Annotated[
        Mode,
        typer.Option("--mode", help="Scenarios: stochastic (bands, the default) or expected."),
    ] = Mode.STOCHASTIC,
    replications: Annotated[
        int,
        typer.Option(
            "--replications", min=20, max=100_000, help="Stochastic replications. / Toistot."
        ),
    ] = DEFAULT_REPLICATIONS,
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="Random seed (recorded in the report).")
    ] = (DEFAULT_SEED),
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Workers for the replications (threads; processes for the NumPy engine); "
            "the results do not change.",
        ),
    ] = (max(1, min(2, os.cpu_count() or 1))),
    bill_history: Annotated[
        Path | None,
        typer.Option(
            "--bill-history",
            help="Kela's municipal-share CSV: adds the bill forecast (section 7).",
        ),
    ] = None,
    bill_months: Annotated[
        int, typer.Option("--bill-months", min=1, max=36, help="Months of the bill forecast.")
    ] = 12,
    settings: SetOption = None,
    force: ForceOption = False,
    max_memory: MaxMemoryOption = None,
    optimise: Annotated[
        bool,
        typer.Option(
            "--optimise",
            help="Add section 8: where the next euro goes (polku optimise's default problem).",
        ),
    ] = False,
) -> None:
    """Write the report: HTML (and Excel, PDF). / Kirjoita raportti.

    Scenarios run stochastically by default (500 replications, the seed recorded), and
    the producers' section takes its next year from the same run. An existing --out,
    --xlsx or PDF is replaced only with --force; each is written whole or not at all."""
    language = resolve_lang(lang)
    with failures(language):
        guard_outputs(
            [("--out", out), ("--xlsx", xlsx), ("--pdf", out.with_suffix(".pdf") if pdf else None)],
            force,
            inputs=[("--bill-history", bill_history)],
        )
        if pdf:
            ready()  # Chromium and Playwright there, or stop before anything is written
        assumptions = Assumptions.parse(settings or [])
        with dataset_folder(dataset) as folder:
            region = read_region(folder)
        rules = load_rules()
        sim = None
        chosen = [find_scenario(s, region) for s in scenario or []]
        check_horizons(chosen, years * 12)
        if chosen:
            note_first_compilation(mode.value, None, language)
        with progress_bars() as tick:
            if chosen:
                sim = simulate(
                    region,
                    chosen,
                    settings=Settings(
                        mode=mode.value,
                        replications=replications,
                        seed=seed,
                        months=years * 12,
                        workers=workers,
                        memory_limit=parse_size(max_memory) if max_memory else None,
                    ),
                    rules=rules,
                    assumptions=assumptions,
                    progress=tick,
                )
            analysis = analyse(region, rules, assumptions)
            producers = None
            with contextlib.suppress(AnalysisError):  # the report then says why not
                producers = analyse_producers(
                    region,
                    chosen,
                    rules=rules,
                    assumptions=assumptions,
                    calibration=sim.calibration if sim else None,
                    simulation=sim,
                    progress=lambda name, done, total: tick(f"producers: {name}", done, total),
                )
            optimised = (
                optimise_region(
                    region,
                    assumptions=assumptions,
                    seed=seed,
                    progress=lambda i, n: tick("optimise", i, n),
                )
                if optimise
                else None
            )
        bill, names = _bill(bill_history, bill_months, rules) if bill_history else (None, {})
        report = build_report(
            region,
            language,
            rules=rules,
            analysis=analysis,
            simulation=sim,
            producers=producers,
            bill=bill,
            municipality_names=names,
            optimised=optimised,
        )
        html = render_html(report)
        files.write_text(out, html)
        err_console.print(f"-> {out}")
        if xlsx is not None:
            err_console.print(f"-> {write_xlsx(report, xlsx)}")
        if pdf:
            printed = write_pdf(html, out.with_suffix(".pdf"), report.title, language)
            err_console.print(f"-> {printed}")


def _bill(path: Path, months: int, rules: RuleSet) -> tuple[BillPart, dict[str, str]]:
    """The bill section's parts: the forecast after the file's last month, and a
    back-test on its first half when it holds four months or more."""
    history = read_history(path)
    result, test = outlook(history, rules, months)
    return BillPart(history, result, test), municipality_names(history)
