"""8 Where the next euro goes (``polku report --optimise``): the trade-off chart of the
searched mixes, the five best-balanced with bands beside the dataset's proposal, and a
sentence a mix."""

from __future__ import annotations

from typing import Any

from polku.i18n import Lang, fmt_number, said
from polku.optimise import Optimised, sentence
from polku.optimise.chart import trade_off_spec
from polku.optimise.chart import word as chart_word
from polku.optimise.evaluate import Evaluation
from polku.optimise.front import band_text

from .context import Figure, Section, Table, sourced
from .texts import text


def objective_label(name: str, done: Optimised, lang: Lang) -> str:
    """An objective as a reader names it: the metric's description, else the chart's word."""
    if name in done.metric_names:
        return said(done.metric_names[name], lang)
    return chart_word(name, lang) if name in ("long_term", "npv_public") else name


def optimise_section(done: Optimised, lang: Lang) -> Section:
    """The section of an optimisation run."""
    answer, p = done.answer, done.answer.problem
    s = Section("s9", text("s9", lang))
    run = text(
        "optimise_run",
        lang,
        evaluations=answer.evaluations,
        replications=fmt_number(answer.replications, lang),
        seed=answer.seed,
    )
    s.paragraphs.append(run)
    if p.budget_payer is not None and p.budget_eur_per_year is not None:
        s.paragraphs.append(
            text(
                "optimise_budget",
                lang,
                amount=fmt_number(round(p.budget_eur_per_year), lang),
            )
        )
    problem = text("optimise_default", lang) if p.source == "default" else p.source
    source = text("optimise_source", lang, problem=problem)
    rows: list[list[Any]] = []
    marks: list[tuple[str, Evaluation]] = [(str(i), e) for i, e in enumerate(answer.best, start=1)]
    marks.append(("*", done.proposal))
    for mark, e in marks:
        mix = sentence(e, p, lang).split(": ")[0] if mark != "*" else text("proposal", lang)
        added = "-" if e.added_cost is None else fmt_number(round(e.added_cost), lang)
        rows.append(
            [
                mark,
                mix,
                *(band_text(e.objectives[o.name], o.name, lang) for o in p.objectives),
                added,
            ]
        )
    columns = [
        "#",
        text("optimise_mix", lang),
        *(objective_label(o.name, done, lang) for o in p.objectives),
        text("optimise_added", lang),
    ]
    best = sourced(
        Table("t_optimise", text("optimise_table", lang), columns, rows, raw=rows), source
    )
    spec = trade_off_spec(answer, lang, done.proposal)
    front_rows: list[list[Any]] = [
        [
            sentence(e, p, lang).split(": ")[0],
            *(round(e.objectives[o.name]["mean"]) for o in p.objectives),
        ]
        for e in answer.front
    ]
    front = sourced(
        Table(
            "t_optimise_front",
            text("optimise_front", lang),
            [
                text("optimise_mix", lang),
                *(objective_label(o.name, done, lang) for o in p.objectives),
            ],
            [[str(r[0]), *(fmt_number(float(v), lang) for v in r[1:])] for r in front_rows],
            raw=front_rows,
        ),
        source,
    )
    s.items.append(
        Figure("f_optimise", chart_word("title", lang), spec["title"]["subtitle"], spec, front)
    )
    s.items.append(best)
    s.paragraphs += [f"{i}. {sentence(e, p, lang)}" for i, e in enumerate(answer.best, start=1)]
    return s
