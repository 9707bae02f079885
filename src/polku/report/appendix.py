"""Report section 5 (scenarios against the baseline) and the appendix."""

from __future__ import annotations

from polku.analysis import Analysis, document
from polku.findings import Finding
from polku.i18n import Lang
from polku.simulation.results import series, summary
from polku.simulation.runner import Simulation

from . import charts
from .context import Figure, Section, Table, cell, table
from .context import pick as _t
from .texts import text

SERIES = {
    "stock.long_term": ("Unemployed with 300+ benefit days", "Vähintään 300 päivää tukea saaneet"),
    "stock.in_rehabilitative_work": (
        "Clients in rehabilitative work",
        "Kuntouttavan työtoiminnan asiakkaat",
    ),
    "stock.waiting_rehabilitative_work": (
        "Waiting for rehabilitative work",
        "Kuntouttavaan työtoimintaan odottavat",
    ),
    "cost.municipal_share": ("Municipal share, EUR a month", "Kuntaosuus, € kuukaudessa"),
}
METRICS = (
    "long_term",
    "in_rehabilitative_work",
    "wait_rehabilitative_work",
    "cost_state_per_year",
    "cost_municipal_share_per_year",
    "cost_organiser_per_year",
    "income_total_per_year",
)


def scenarios(sim: Simulation | None, lang: Lang) -> Section:
    """5: each scenario's metrics and differences, and monthly series with bands."""
    s = Section("s5", text("s5", lang))
    if sim is None or not sim.scenarios:
        s.paragraphs.append(text("no_scenarios", lang))
        return s
    doc = summary(sim)
    s.paragraphs.append(
        _t(
            lang,
            f"Mode {doc['mode']}, {doc['replications']} replications, seed {doc['seed']}, "
            f"{doc['months']} months. Bands are p5-p95 across replications.",
            f"Tila {doc['mode']}, {doc['replications']} toistoa, siemenluku {doc['seed']}, "
            f"{doc['months']} kuukautta. Vaihteluvälit ovat toistojen p5-p95.",
        )
    )
    cols = [
        _t(lang, "Metric", "Mittari"),
        _t(lang, "Unit", "Yksikkö"),
        _t(lang, "Baseline", "Perusura"),
    ]
    for run in sim.scenarios:
        cols += [
            run.name,
            _t(lang, f"{run.name}: difference p5", f"{run.name}: ero p5"),
            _t(lang, f"{run.name}: difference p95", f"{run.name}: ero p95"),
        ]
    raw = []
    for m in METRICS:
        meta = doc["metrics"][m]
        row = [
            meta["description_fi" if lang == "fi" else "description"],
            meta["unit"],
            doc["scenarios"]["baseline"]["metrics"][m]["mean"],
        ]
        for run in sim.scenarios:
            entry = doc["scenarios"][run.name]
            diff = entry["difference"][m]
            row += [entry["metrics"][m]["mean"], diff["p5"], diff["p95"]]
        raw.append(row)
    s.items.append(
        table(
            "t_scenarios",
            _t(lang, "Scenarios against the baseline", "Skenaariot perusuraan verrattuna"),
            cols,
            raw,
            lang,
            decimals=1,
        )
    )
    for name, (title_en, title_fi) in SERIES.items():
        rows, data = [], []
        for run in sim.runs:
            values = series(run)[name]
            mean, lo, hi = values.mean(axis=0), values.min(axis=0), values.max(axis=0)
            if values.shape[0] > 1:
                import numpy as np

                lo, hi = np.percentile(values, 5, axis=0), np.percentile(values, 95, axis=0)
            for month in range(values.shape[1]):
                rows.append(
                    {
                        "series": run.name,
                        "month": month + 1,
                        "mean": float(mean[month]),
                        "p5": float(lo[month]),
                        "p95": float(hi[month]),
                    }
                )
                if (month + 1) % 12 == 0:
                    data.append([run.name, month + 1, mean[month], lo[month], hi[month]])
        title = _t(lang, title_en, title_fi)
        cols2 = [
            _t(lang, "Scenario", "Skenaario"),
            _t(lang, "Month", "Kuukausi"),
            _t(lang, "Mean", "Keskiarvo"),
            "p5",
            "p95",
        ]
        s.items.append(
            Figure(
                f"f_{name.replace('.', '_')}",
                title,
                _t(
                    lang,
                    f"{title_en}, month by month, for the baseline and each scenario, with the "
                    "p5-p95 band in the stochastic mode.",
                    f"{title_fi} kuukausittain perusuralle ja skenaarioille; satunnaistilassa "
                    "p5-p95-vaihteluväli.",
                ),
                charts.band(rows, title, cols2[1], cols2[2]),
                table(f"t_{name.replace('.', '_')}", title, cols2, data, lang, decimals=0),
            )
        )
    return s


def appendix(a: Analysis, findings: list[Finding], lang: Lang) -> Section:
    """Assumptions and rule values used, and the consistency findings."""
    s = Section("s6", text("s6", lang))
    doc = document(a)
    cols = [text("name", lang), text("value", lang), text("unit", lang), text("note", lang)]
    s.items.append(
        table(
            "t_assumptions",
            text("assumptions", lang),
            cols,
            [
                [name, v["value"], v["unit"], v["note_fi" if lang == "fi" else "note"]]
                for name, v in doc["assumptions"].items()
            ],
            lang,
        )
    )
    cols = [text("name", lang), text("value", lang), text("verified", lang), text("source", lang)]
    s.items.append(
        table(
            "t_rules",
            text("rules", lang),
            cols,
            [
                [name, v["value"], text("no" if v["unverified"] else "yes", lang), v["source"]]
                for name, v in doc["rules"].items()
            ],
            lang,
        )
    )
    cols = [
        text("level", lang),
        text("place", lang),
        text("problem", lang),
        text("expected", lang),
        text("found", lang),
    ]
    rows = [
        [f.level.value, f.place(lang), f.what(lang), f.expected(lang), f.found_text(lang)]
        for f in findings
    ]
    s.items.append(
        Table(
            "t_findings",
            text("findings", lang),
            cols,
            [[cell(v, lang) for v in r] for r in rows],
            raw=rows,
        )
    )
    return s
