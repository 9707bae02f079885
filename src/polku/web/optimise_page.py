"""The optimise page's data: the search's chart, its best mixes with their bands, a
sentence each, and the builder fields that save a mix as a scenario."""

from __future__ import annotations

from typing import Any

from polku.i18n import Lang, fmt_number
from polku.optimise import sentence
from polku.optimise.chart import trade_off_spec
from polku.optimise.evaluate import Evaluation
from polku.report.context import Figure, Table
from polku.report.optimised import optimise_section

from .optimise_jobs import Job


def fields_of(e: Evaluation) -> dict[str, str]:
    """A mix as the builder's form fields (what ``/scenarios/save`` takes)."""
    fields = {}
    for name, value in e.mix.items():
        if name.startswith("places.") and int(value):
            fields[f"add_{name.removeprefix('places.')}"] = str(int(value))
        elif name == "priority":
            fields["priority"] = str(value)
        elif name.startswith("price."):
            fields[name.removeprefix("price.")] = f"{float(value):g}"
    return fields


def result_data(job: Job, lang: Lang) -> dict[str, Any]:
    """What the result fragment shows of a finished search."""
    done = job.result
    if done is None:
        return {}
    answer = done.answer
    section = optimise_section(done, lang)  # the report's own section: one wording
    figure = next(i for i in section.items if isinstance(i, Figure))
    best_table = next(i for i in section.items if isinstance(i, Table))
    spec = trade_off_spec(answer, lang, done.proposal)
    mixes = [
        {
            "n": i,
            "sentence": sentence(e, answer.problem, lang),
            "fields": fields_of(e),
            "name": f"optimise-{job.id}-{i}",
            "cost": fmt_number(round(e.added_cost or 0.0), lang),
        }
        for i, e in enumerate(answer.best, start=1)
    ]
    return {
        "chart": {
            "id": "chart-optimise",
            "label": f"{figure.title}. {figure.description}",
            "reads": figure.description,
            "spec": spec,
            "table": figure.table,
        },
        "best_table": best_table,
        "paragraphs": section.paragraphs[:2],
        "mixes": mixes,
    }
