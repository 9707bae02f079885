"""Report section 6, the producers' own finances: health, next year, stress, joint."""

from __future__ import annotations

import math
from typing import Any

from polku.i18n import Lang, fmt_number
from polku.producers.health import Health
from polku.producers.run import ProducerAnalysis

from . import charts
from .context import Figure, table
from .context import pick as _t
from .context import pick_all as _c
from .texts import term, text


def pct(share: float | None) -> float | None:
    """A share 0-1 as percent; None stays None."""
    return None if share is None else 100.0 * share


# the columns every table of a producer's finances starts with, and their values
_FINANCES_EN = ["Producer", "Income EUR", "Costs EUR", "Result EUR", "Reserves, months"]
_FINANCES_FI = ["Tuottaja", "Tulot €", "Kulut €", "Tulos €", "Varat, kk"]


def _finances(h: Health, name: str) -> list[Any]:
    return [name, h.income, h.costs, h.result, h.reserve_months]


def health_tables(p: ProducerAnalysis, lang: Lang) -> list[Any]:
    names = p.names
    inputs = p.finance_inputs
    cols = _c(
        lang,
        [*_FINANCES_EN, "Employer's share of pay-subsidised wages EUR"],
        [*_FINANCES_FI, "Palkkatuettujen palkoista itse maksettu €"],
    )
    first = p.runs[0].health
    money = [[*_finances(h, names.get(h.producer, h.producer)), h.employer_share] for h in first]
    finances = table(
        "t_prod_finances",
        _t(
            lang,
            f"The producers' finances in the data, {_periods(p)} (S13)",
            f"Tuottajien talous aineistossa, {_periods(p)} (S13)",
        ),
        cols,
        money,
        lang,
        inputs,
        decimals=(None, 0, 0, 0, 1, 0),
    )
    cols = _c(
        lang,
        [
            "Producer",
            "Concentration of income (0-1)",
            "Project and ad hoc money %",
            "Pay subsidies %",
        ],
        ["Tuottaja", "Tulojen keskittyneisyys (0-1)", "Hanke- ja kertarahat %", "Palkkatuet %"],
    )
    shares = [
        [
            names.get(h.producer, h.producer),
            h.concentration,
            pct(h.project_share),
            pct(h.pay_subsidy_share),
        ]
        for h in first
    ]
    indicators = table(
        "t_prod_indicators",
        _t(
            lang, "Health indicators of the income (S13, S14)", "Tulojen terveysmittarit (S13, S14)"
        ),
        cols,
        shares,
        lang,
        inputs,
        decimals=(None, 2, 1, 1),
    )
    cols = _c(
        lang,
        [
            "Scenario",
            "Producer",
            "Income next year EUR",
            "p5-p95 EUR",
            "Probability of a deficit %",
        ],
        ["Skenaario", "Tuottaja", "Tulot ensi vuonna €", "p5-p95 €", "Alijäämän todennäköisyys %"],
    )
    rows = []
    for run in p.runs:
        for h in run.health:
            band = None
            if h.next_year_p5 is not None and h.next_year_p95 is not None:
                low, high = h.next_year_p5, h.next_year_p95
                band = f"{fmt_number(low, lang, 0)} - {fmt_number(high, lang, 0)}"
            rows.append(
                [
                    run.title_fi if lang == "fi" else run.title,
                    names.get(h.producer, h.producer),
                    h.next_year_mean,
                    band,
                    pct(h.deficit_probability),
                ]
            )
    caption = _t(
        lang,
        f"Next year (the first 12 simulated months) by scenario, {p.replications} "
        "simulated years (S13)",
        f"Ensi vuosi (simulaation 12 ensimmäistä kuukautta) skenaarioittain, "
        f"{p.replications} simuloitua vuotta (S13)",
    )
    next_year = table(
        "t_prod_next_year", caption, cols, rows, lang, inputs, decimals=(None, None, 0, None, 1)
    )
    return [finances, indicators, next_year]


def stress_figure(p: ProducerAnalysis, lang: Lang) -> Figure:
    cols = _c(
        lang,
        [
            "Producer",
            "Source cut",
            "Lost EUR",
            "Income after EUR",
            "Result after EUR",
            "Deficit",
            "Reserves cover, months",
        ],
        [
            "Tuottaja",
            "Leikattu lähde",
            "Menetys €",
            "Tulot jälkeen €",
            "Tulos jälkeen €",
            "Alijäämä",
            "Varat riittävät, kk",
        ],
    )
    names = p.names
    title = _t(
        lang,
        f"Stress test: each source, and all, cut by {p.cut_pct:.0f} % (S13)",
        f"Stressitesti: kukin lähde ja kaikki yhdessä {p.cut_pct:.0f} % pienempinä (S13)",
    )
    raw = [
        [
            names.get(r.producer, r.producer),
            term(r.source if r.source != "all" else "total", lang),
            r.lost,
            r.income_after,
            r.result_after,
            text("yes" if r.in_deficit else "no", lang),
            None
            if r.reserve_months_left is None or not math.isfinite(r.reserve_months_left)
            else r.reserve_months_left,
        ]
        for r in p.stress
    ]
    chart_rows = [{"source": row[1], "eur": row[2], "producer": row[0]} for row in raw]
    inputs = p.finance_inputs
    return Figure(
        "f_prod_stress",
        title,
        _t(
            lang,
            "Bars show the income lost when each source falls; costs stay unless the "
            "assumption producers.cost_adjustment_pct says otherwise.",
            "Pylväät näyttävät menetetyt tulot, kun kukin lähde pienenee; kulut pysyvät, "
            "ellei oletus producers.cost_adjustment_pct muuta sano.",
        ),
        charts.bars(chart_rows, title, "source", "eur", cols[1], cols[2], "producer"),
        table(
            "t_prod_stress",
            title,
            cols,
            raw,
            lang,
            inputs,
            decimals=(None, None, 0, 0, 0, None, 1),
        ),
    )


def market_table(p: ProducerAnalysis, lang: Lang) -> Any:
    cols = _c(
        lang,
        [
            "Producer",
            "Income before EUR",
            "Income after EUR",
            "Result after EUR",
            "Project money after %",
        ],
        ["Tuottaja", "Tulot ennen €", "Tulot jälkeen €", "Tulos jälkeen €", "Hankerahat jälkeen %"],
    )
    names = p.names
    raw = [
        [names.get(b.producer, b.producer), b.income, a.income, a.result, pct(a.project_share)]
        for b, a in p.market
    ]
    caption = _t(
        lang,
        "Market path: separate grants (ESF, STEA, OKM) end when services are sold (S17)",
        "Markkinapolku: erilliset avustukset (ESR, STEA, OKM) päättyvät myynnin myötä (S17)",
    )
    inputs = p.finance_inputs
    return table("t_prod_market", caption, cols, raw, lang, inputs, decimals=(None, 0, 0, 0, 1))


def joint_table(p: ProducerAnalysis, lang: Lang) -> Any:
    """Finances of the pooled producers before (each) and after (together)."""
    pooled = p.pooled
    assert pooled is not None
    cols = _c(
        lang,
        [*_FINANCES_EN, "Concentration", "Variation of income %", "Probability of a deficit %"],
        [*_FINANCES_FI, "Keskittyneisyys", "Tulojen vaihtelu %", "Alijäämän todennäköisyys %"],
    )
    names = p.names
    together = _t(lang, "Together: ", "Yhdessä: ") + " + ".join(
        names.get(m, m) for m in pooled.members
    )
    cvs = (*pooled.cv_before, pooled.cv_pooled)
    rows = [
        [
            *_finances(h, names.get(h.producer, together)),
            h.concentration,
            100 * cv,
            pct(h.deficit_probability),
        ]
        for h, cv in zip((*pooled.health_before, pooled.health_after), cvs, strict=True)
    ]
    saving = fmt_number(pooled.overhead_saving or 0.0, lang, 0)
    caption = _t(
        lang,
        f"Joint organisation: finances apart and together; {saving} EUR of shared "
        "overheads saved (producers.pooled_overhead_saving_pct) (S18)",
        f"Yhteinen organisaatio: talous erikseen ja yhdessä; yhteisistä yleiskuluista "
        f"säästyy {saving} € (producers.pooled_overhead_saving_pct) (S18)",
    )
    inputs = p.finance_inputs
    return table(
        "t_prod_joint", caption, cols, rows, lang, inputs, decimals=(None, 0, 0, 0, 1, 2, 1, 1)
    )


def _periods(p: ProducerAnalysis) -> str:
    """The data years of the producers' figures, e.g. ``2016``."""
    return ", ".join(dict.fromkeys(f.period for f in p.finances))
