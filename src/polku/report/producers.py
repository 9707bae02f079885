"""Report section 6: the associations' funding base (S13-S19)."""

from __future__ import annotations

import math
from typing import Any

from polku.i18n import Lang, fmt_number
from polku.producers.run import ProducerAnalysis

from . import charts
from .context import Figure, Section, table
from .context import pick as _t
from .context import pick_all as _c
from .texts import term, text

RISK = {
    "producer": ("the producer", "tuottaja"),
    "organiser": ("the organiser", "järjestäjä"),
    "shared": ("shared", "jaettu"),
}


def _pct(share: float | None) -> float | None:
    return None if share is None else 100.0 * share


def _health(p: ProducerAnalysis, lang: Lang) -> list[Any]:
    names = {f.producer: f.name for f in p.finances}
    inputs = [i for f in p.finances for i in f.inputs]
    cols = _c(
        lang,
        [
            "Producer",
            "Income EUR",
            "Costs EUR",
            "Result EUR",
            "Reserves, months",
            "Employer's share of pay-subsidised wages EUR",
        ],
        [
            "Tuottaja",
            "Tulot €",
            "Kulut €",
            "Tulos €",
            "Varat, kk",
            "Palkkatuettujen palkoista itse maksettu €",
        ],
    )
    first = p.runs[0].health
    money = [
        [
            names.get(h.producer, h.producer),
            h.income,
            h.costs,
            h.result,
            h.reserve_months,
            h.employer_share,
        ]
        for h in first
    ]
    finances = table(
        "t_prod_finances",
        _t(lang, "The producers' finances (S13)", "Tuottajien talous (S13)"),
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
            _pct(h.project_share),
            _pct(h.pay_subsidy_share),
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
                    _pct(h.deficit_probability),
                ]
            )
    caption = _t(
        lang,
        f"Next year by scenario, from {p.replications} simulated years (S13)",
        f"Ensi vuosi skenaarioittain, {p.replications} simuloidusta vuodesta (S13)",
    )
    next_year = table(
        "t_prod_next_year", caption, cols, rows, lang, inputs, decimals=(None, None, 0, None, 1)
    )
    return [finances, indicators, next_year]


def _stress(p: ProducerAnalysis, lang: Lang) -> Figure:
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
    names = {f.producer: f.name for f in p.finances}
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
    inputs = [i for f in p.finances for i in f.inputs]
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


def _models(p: ProducerAnalysis, lang: Lang) -> Any:
    cols = _c(
        lang,
        [
            "Funding model",
            "Income EUR",
            "Variation %",
            "p5 EUR",
            "p95 EUR",
            "Organiser's cost EUR",
            "Risk borne by",
        ],
        [
            "Rahoitusmalli",
            "Tulot €",
            "Vaihtelu %",
            "p5 €",
            "p95 €",
            "Järjestäjän kustannus €",
            "Riskin kantaa",
        ],
    )
    raw = [
        [
            term(m.model, lang),
            m.income_mean,
            100 * m.income_cv,
            m.income_p5,
            m.income_p95,
            m.organiser_mean,
            _t(lang, *RISK[m.risk]),
        ]
        for m in p.models
    ]
    caption = _t(
        lang,
        "Funding models of rehabilitative work for the associations, one year (S10, S14, S16, S19)",
        "Kuntouttavan työtoiminnan rahoitusmallit järjestöille, yksi vuosi (S10, S14, S16, S19)",
    )
    return table(
        "t_prod_models",
        caption,
        cols,
        raw,
        lang,
        p.model_inputs,
        decimals=(None, 0, 1, 0, 0, 0, None),
    )


def _market(p: ProducerAnalysis, lang: Lang) -> Any:
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
    names = {f.producer: f.name for f in p.finances}
    raw = [
        [names.get(b.producer, b.producer), b.income, a.income, a.result, _pct(a.project_share)]
        for b, a in p.market
    ]
    caption = _t(
        lang,
        "Market path: separate grants (ESF, STEA, OKM) end when services are sold (S17)",
        "Markkinapolku: erilliset avustukset (ESR, STEA, OKM) päättyvät myynnin myötä (S17)",
    )
    inputs = [i for f in p.finances for i in f.inputs]
    return table("t_prod_market", caption, cols, raw, lang, inputs, decimals=(None, 0, 0, 0, 1))


def _pooling(p: ProducerAnalysis, lang: Lang) -> Any:
    cols = _c(
        lang,
        ["Producers", "Clients", "Variation of per-client income %"],
        ["Tuottajat", "Asiakkaita", "Asiakashintaisten tulojen vaihtelu %"],
    )
    raw: list[list[Any]] = [
        [
            " + ".join(term(g, lang) for g in group.group.split("+")),
            group.clients,
            100 * group.income_cv,
        ]
        for group in p.groups
    ]
    caption = _t(
        lang,
        "Joint organisation: the association groups' clients apart and pooled (S18)",
        "Yhteinen organisaatio: järjestöryhmien asiakkaat erikseen ja yhdessä (S18)",
    )
    return table(
        "t_prod_pooling",
        caption,
        cols,
        raw,
        lang,
        p.client_inputs,
        decimals=(None, 0, 1),
        counts=(1,),
    )


def _joint(p: ProducerAnalysis, lang: Lang) -> Any:
    """Finances of the pooled producers before (each) and after (together)."""
    pooled = p.pooled
    assert pooled is not None
    cols = _c(
        lang,
        [
            "Producer",
            "Income EUR",
            "Costs EUR",
            "Result EUR",
            "Reserves, months",
            "Concentration",
            "Variation of income %",
            "Probability of a deficit %",
        ],
        [
            "Tuottaja",
            "Tulot €",
            "Kulut €",
            "Tulos €",
            "Varat, kk",
            "Keskittyneisyys",
            "Tulojen vaihtelu %",
            "Alijäämän todennäköisyys %",
        ],
    )
    names = {f.producer: f.name for f in p.finances}
    together = _t(lang, "Together: ", "Yhdessä: ") + " + ".join(
        names.get(m, m) for m in pooled.members
    )
    cvs = (*pooled.cv_before, pooled.cv_pooled)
    rows = [
        [
            names.get(h.producer, together),
            h.income,
            h.costs,
            h.result,
            h.reserve_months,
            h.concentration,
            100 * cv,
            _pct(h.deficit_probability),
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
    inputs = [i for f in p.finances for i in f.inputs]
    return table(
        "t_prod_joint", caption, cols, rows, lang, inputs, decimals=(None, 0, 0, 0, 1, 2, 1, 1)
    )


def _areas(p: ProducerAnalysis, lang: Lang, area_names: dict[str, str]) -> Any:
    cols = _c(
        lang,
        ["Area", "Clients", "Variation of per-client income %", "Suits"],
        ["Alue", "Asiakkaita", "Asiakashintaisten tulojen vaihtelu %", "Sopii"],
    )
    raw = [
        [area_names.get(r.area, r.area), r.clients, 100 * r.income_cv, term(r.suits, lang)]
        for r in p.areas
    ]
    caption = _t(
        lang,
        "Per-client pricing or block funding by area (S19)",
        "Asiakashinnoittelu vai könttäsumma alueittain (S19)",
    )
    return table(
        "t_prod_areas",
        caption,
        cols,
        raw,
        lang,
        p.client_inputs,
        decimals=(None, 0, 1, None),
        counts=(1,),
    )


def producers(p: ProducerAnalysis, lang: Lang, area_names: dict[str, str]) -> Section:
    """6: finances, health, stress, funding models, market path, pooling, areas."""
    s = Section("s7", text("s7", lang))
    names = {f.producer: f.name for f in p.finances}
    basis = "; ".join(f"{names[f.producer]}: {term(f.cost_basis, lang)}" for f in p.finances)
    s.paragraphs.append(_t(lang, f"Costs come from: {basis}.", f"Kulujen peruste: {basis}."))
    s.paragraphs.append(
        _t(
            lang,
            f"Next year's income is the income by source in the data moved by the change "
            f"the simulation gives each source, over {p.replications} stochastic "
            f"replications (seed {p.seed}). Where the service is full (a waiting list), "
            "clients placed by contract hardly vary, so per-client income is as steady as "
            "block funding; a voucher (the client chooses) and result bonuses bring "
            "variation. The pooling and area tables ask instead how much per-client income "
            "varies for a producer whose clients come as they come.",
            f"Ensi vuoden tulot ovat aineiston tulot lähteittäin muutettuina sillä "
            f"muutoksella, jonka simulaatio antaa kullekin lähteelle, {p.replications} "
            f"satunnaistoistossa (siemen {p.seed}). Kun palvelu on täynnä (jonoa on), "
            "sopimuksella ohjatut asiakkaat tuskin vaihtelevat, joten asiakashintaiset tulot "
            "ovat yhtä vakaat kuin könttäsumma; palveluseteli (asiakas valitsee) ja "
            "tulospalkkiot tuovat vaihtelua. Yhdistämis- ja aluetaulukot kysyvät sen sijaan, "
            "paljonko asiakashintaiset tulot vaihtelevat, kun asiakkaat tulevat kun tulevat.",
        )
    )
    s.paragraphs.append(
        _t(
            lang,
            f"A producer paid per client for {fmt_number(p.threshold_clients, lang, 0)} "
            f"clients on average sees its yearly income vary by "
            f"{fmt_number(100 * p.max_cv, lang, 0)} % (periods of "
            f"{fmt_number(p.stay_months, lang, 1)} months); with fewer clients, block "
            "funding suits it better (S19).",
            f"Asiakashinnalla toimiva tuottaja, jolla on keskimäärin "
            f"{fmt_number(p.threshold_clients, lang, 0)} asiakasta, näkee vuositulojensa "
            f"vaihtelevan {fmt_number(100 * p.max_cv, lang, 0)} % (jaksot "
            f"{fmt_number(p.stay_months, lang, 1)} kk); pienemmälle könttäsumma sopii "
            "paremmin (S19).",
        )
    )
    groups = [f for f in p.finances if f.aggregate]
    if groups and len(groups) < len(p.finances):
        listed = ", ".join(f.name for f in groups)
        s.paragraphs.append(
            _t(
                lang,
                f"{listed}: a group reported together; its figures may include the "
                "producers listed separately, so do not add them up.",
                f"{listed}: yhdessä raportoitu ryhmä; sen luvuissa voivat olla mukana "
                "erikseen luetellut tuottajat, joten niitä ei pidä laskea yhteen.",
            )
        )
    s.items += [
        *_health(p, lang),
        _stress(p, lang),
        _models(p, lang),
        _market(p, lang),
        _pooling(p, lang),
        *([_joint(p, lang)] if p.pooled is not None else []),
        _areas(p, lang, area_names),
    ]
    return s
