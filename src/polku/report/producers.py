"""Report section 6: the associations' funding base (S13-S19)."""

from __future__ import annotations

from typing import Any

from polku.i18n import Lang, fmt_number
from polku.producers.run import ProducerAnalysis

from .context import Section, table
from .context import pick as _t
from .context import pick_all as _c
from .producer_finances import health_tables, joint_table, market_table, stress_figure
from .texts import term, text

RISK = {
    "producer": ("the producer", "tuottaja"),
    "organiser": ("the organiser", "järjestäjä"),
    "shared": ("shared", "jaettu"),
}


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
    basis = "; ".join(f"{f.name}: {term(f.cost_basis, lang)}" for f in p.finances)
    s.paragraphs.append(_t(lang, f"Costs come from: {basis}.", f"Kulujen peruste: {basis}."))
    s.paragraphs.append(
        _t(
            lang,
            f"Next year's income is the simulated income of each source in the first 12 "
            f"months, over {p.replications} stochastic replications (seed {p.seed}"
            + ("; the same run as section 5" if p.shared_run else "")
            + "), shared among the producers by their "
            "part of that source in the data; project money and sales also vary from year "
            "to year (sim.grant_cv_pct, sim.sales_cv_pct). Where the service is full "
            "(a waiting list), "
            "clients placed by contract hardly vary, so per-client income is as steady as "
            "block funding; a voucher (the client chooses) and result bonuses bring "
            "variation. The pooling and area tables ask instead how much per-client income "
            "varies for a producer whose clients come as they come.",
            f"Ensi vuoden tulot ovat kunkin lähteen simuloidut tulot ensimmäisten 12 "
            f"kuukauden ajalta {p.replications} satunnaistoistossa (siemen {p.seed}"
            + ("; sama ajo kuin luvussa 5" if p.shared_run else "")
            + "), jaettuina tuottajille niiden "
            "osuuksien mukaan aineistossa; hanke- ja kertarahoitus sekä myynti vaihtelevat "
            "myös vuodesta toiseen (sim.grant_cv_pct, sim.sales_cv_pct). Kun palvelu on "
            "täynnä (jonoa on), "
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
    if not p.areas:
        s.paragraphs.append(
            _t(
                lang,
                "The table by area is empty: the data give no shares of rehabilitative "
                "work clients by municipality (activation_shares).",
                "Aluetaulukko on tyhjä: aineistossa ei ole kuntouttavan työtoiminnan "
                "asiakkaiden jakaumaa kunnittain (activation_shares).",
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
        *health_tables(p, lang),
        stress_figure(p, lang),
        _models(p, lang),
        market_table(p, lang),
        _pooling(p, lang),
        *([joint_table(p, lang)] if p.pooled is not None else []),
        _areas(p, lang, area_names),
    ]
    return s
