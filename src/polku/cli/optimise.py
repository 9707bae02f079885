"""``polku optimise``: which mix of places and targeting does the most for the clients
and the public purse within a budget; the front, a chart and the five best-balanced
mixes with bands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from polku import files
from polku.assumptions import Assumptions
from polku.catalogue import translate
from polku.data.reader import read_region
from polku.files import guard_outputs
from polku.i18n import Lang, fmt_number
from polku.model.terms import term
from polku.optimise import Optimised, optimise_region, sentence
from polku.optimise.chart import trade_off_svg
from polku.optimise.front import Answer, band_text
from polku.report.optimised import objective_label

from .common import (
    DATASET_HELP,
    LANG_HELP,
    ForceOption,
    SetOption,
    console,
    dataset_folder,
    err_console,
    failures,
    progress_bars,
    resolve_lang,
)

OUTPUT_FILES = frozenset({"front.json", "trade-off-fi.svg", "trade-off-en.svg"})

WORDS: dict[str, str] = {  # key: English (context optimise_cli:<key>)
    "title": "The five best-balanced mixes ({evaluations} searched, seed {seed}; bands "
    "p5-p95 of {replications} replications)",
    "mix": "mix",
    "proposal": "The dataset's proposal, for comparison",
    "budget": "Constraint: the {payer}'s added cost at most {amount} EUR a year ({source})",
    "budget_data": "the dataset's purchases, S11",
    "added": "added cost a year",
    "none": "No mix of the search kept the constraints.",
    "min": "least",
    "max": "most",
}


def _word(key: str, lang: Lang) -> str:
    return translate(lang, f"optimise_cli:{key}", WORDS[key])


def optimise_command(
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    problem: Annotated[
        Path | None,
        typer.Option("--problem", help="A problem file (YAML): variables, objectives, limits."),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", min=0, help="Seed of the search.")] = None,
    trials: Annotated[
        int | None, typer.Option("--trials", min=1, max=100_000, help="Mixes to evaluate.")
    ] = None,
    replications: Annotated[
        int, typer.Option("--replications", min=2, max=10_000, help="To confirm the best.")
    ] = 200,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for front.json and the charts.")
    ] = None,
    output: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    settings: SetOption = None,
    force: ForceOption = False,
) -> None:
    """Search the mixes of places and targeting. / Etsi paikkojen ja kohdennuksen yhdistelmät.

    Without --problem: the dataset's added places of rehabilitative work, work trials and
    pay subsidy and the priority rule, for the fewest long-term unemployed and the best
    public net present value, with the organiser's added cost within its purchases."""
    language = resolve_lang(lang)
    if output not in ("table", "json"):
        raise typer.BadParameter(f"expected table or json, found {output}", param_hint="--format")
    with failures(language):
        guard_outputs([("--out", out)], force, kind="folder", own_files=OUTPUT_FILES)
        assumptions = Assumptions.parse(settings or [])
        with dataset_folder(dataset) as folder:
            region = read_region(folder)
        with progress_bars() as tick:
            done = optimise_region(
                region,
                problem,
                assumptions=assumptions,
                seed=seed,
                trials=trials,
                replications=replications,
                progress=lambda i, n: tick("optimise", i, n),
            )
        answer, proposal = done.answer, done.proposal
        if out is not None:
            with files.folder(out) as staging:
                _write(answer, proposal, staging)
            for name in sorted(OUTPUT_FILES):
                err_console.print(f"-> {out / name}")
    if output == "json":
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        _table(done, language)


def _table(done: Optimised, lang: Lang) -> None:
    answer, proposal = done.answer, done.proposal
    p = answer.problem
    title = _word("title", lang).format(
        evaluations=answer.evaluations, seed=answer.seed, replications=answer.replications
    )
    table = Table(title=title, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(_word("mix", lang))
    for o in p.objectives:
        head = f"{objective_label(o.name, done, lang)}: {_word(o.sense, lang)}"
        table.add_column(head, justify="right")
    table.add_column(_word("added", lang), justify="right")
    rows = [(str(i), e) for i, e in enumerate(answer.best, start=1)] + [("*", proposal)]
    for mark, e in rows:
        mix = sentence(e, p, lang).split(": ")[0] if mark != "*" else _word("proposal", lang)
        added = "-" if e.added_cost is None else fmt_number(round(e.added_cost), lang)
        table.add_row(
            mark, mix, *(band_text(e.objectives[o.name], o.name, lang) for o in p.objectives), added
        )
    console.print(table)
    if p.budget_payer is not None and p.budget_eur_per_year is not None:
        source = _word("budget_data", lang) if p.source == "default" else p.source
        console.print(
            _word("budget", lang).format(
                payer=term(p.budget_payer, lang),
                amount=fmt_number(round(p.budget_eur_per_year), lang),
                source=source,
            )
        )
    if not answer.best:
        console.print(_word("none", lang))
    for i, e in enumerate(answer.best, start=1):
        console.print(f"{i}. {sentence(e, p, lang)}")


def _write(answer: Answer, proposal: Any, folder: Path) -> None:
    doc = answer.to_dict()
    doc["proposal"] = {
        "changes": proposal.changes,
        "objectives": {k: v["mean"] for k, v in proposal.objectives.items()},
        "bands": {k: {"p5": v["p5"], "p95": v["p95"]} for k, v in proposal.objectives.items()},
    }
    (folder / "front.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2), "utf-8")
    for lang in ("fi", "en"):
        (folder / f"trade-off-{lang}.svg").write_text(
            trade_off_svg(answer, lang, proposal), "utf-8"
        )
