"""Report sections 2-4: the organiser's view, the funding, the cost-neutral price."""

from __future__ import annotations

from typing import Any

from polku.analysis import Analysis
from polku.analysis.pricing import BENEFIT_DAYS_PER_WEEK
from polku.i18n import Lang, fmt_number

from . import charts
from .context import Figure, Section, Table, table
from .context import pick as _t
from .context import pick_all as _c
from .texts import term, text


def organiser(a: Analysis, lang: Lang) -> Section:
    """2: producers' shares, activation, the municipal share."""
    s = Section("s2", text("s2", lang))
    cols = _c(
        lang, ["Producer kind", "Clients", "Share %"], ["Tuottajatyyppi", "Asiakkaita", "Osuus %"]
    )
    s.items.append(
        table(
            "t_producers",
            _t(
                lang,
                "Rehabilitative work clients by producer (S10)",
                "Kuntouttavan työtoiminnan asiakkaat tuottajittain (S10)",
            ),
            cols,
            [[term(p.producer, lang), p.clients, p.share] for p in a.producers.shares],
            lang,
            a.producers.inputs,
            (2,),
            1,
            counts=(1,),
            derived=(2,),
        )
    )
    m = a.municipal_share
    cols = _c(lang, ["Figure", "Value"], ["Tunnusluku", "Arvo"])
    raw: list[list[Any]] = [
        [_t(lang, "Reported municipal share, EUR", "Raportoitu kuntaosuus, €"), m.reported],
        [_t(lang, "At the full daily rate, EUR", "Täydellä päivärahalla, €"), m.full_rate_cost],
        [
            _t(lang, "Average paid fraction of the full rate", "Keskimääräinen maksettu osuus"),
            m.paid_fraction,
        ],
        [_t(lang, "Residents", "Asukkaita"), m.residents],
        [_t(lang, "Per resident, EUR", "Asukasta kohden, €"), m.per_resident],
        [
            _t(lang, "Whole country per resident, EUR", "Koko maa asukasta kohden, €"),
            m.national_per_resident,
        ],
    ]
    s.items.append(
        table(
            "t_municipal",
            _t(
                lang,
                "Municipal share of labour market subsidy (S11)",
                "Työmarkkinatuen kuntaosuus (S11)",
            ),
            cols,
            raw,
            lang,
            m.inputs,
            decimals=2,
        )
    )
    return s


def funding(a: Analysis, lang: Lang) -> Section:
    """3: the associations' income, concentration and a cut."""
    s = Section("s3", text("s3", lang))
    f = a.funding
    title = _t(
        lang,
        f"Income by source and a {f.cut_pct:.0f} % cut of each (S13)",
        f"Tulot lähteittäin ja kunkin {f.cut_pct:.0f} %:n leikkaus (S13)",
    )
    cols = _c(
        lang,
        ["Source", "Share %", "Income EUR", "Total after the cut EUR", "Loss %"],
        ["Lähde", "Osuus %", "Tulot €", "Kokonaistulot leikkauksen jälkeen €", "Menetys %"],
    )
    rows = []
    after = _t(lang, f"after a {f.cut_pct:.0f} % cut", f"{f.cut_pct:.0f} %:n leikkauksen jälkeen")
    for src in f.by_source:
        lost = f.income - src.income_after_cut  # what a cut of this source takes
        rows += [
            {"source": term(src.funding_source, lang), "case": cols[2], "eur": src.income},
            {"source": term(src.funding_source, lang), "case": after, "eur": src.income - lost},
        ]
    income = fmt_number(f.income, lang, 0)
    per_client = fmt_number(f.cost_per_client or 0, lang, 0)
    concentration = fmt_number(f.concentration, lang, 2)
    s.paragraphs.append(
        _t(
            lang,
            f"Income {income} EUR, {per_client} EUR a client; "
            f"concentration (Herfindahl) {concentration}.",
            f"Tulot {income} €, asiakasta kohden {per_client} €; "
            f"keskittyneisyys (Herfindahl) {concentration}.",
        )
    )
    s.items.append(
        Figure(
            "f_income",
            title,
            _t(
                lang,
                "Bars show the income from each source, and what is left of it after the cut.",
                "Pylväät näyttävät tulot lähteittäin ja mitä niistä jää leikkauksen jälkeen.",
            ),
            charts.bars(rows, title, "source", "eur", cols[0], cols[2], "case"),
            table(
                "t_income",
                title,
                cols,
                [
                    [
                        term(x.funding_source, lang),
                        x.share,
                        x.income,
                        x.income_after_cut,
                        x.loss_pct,
                    ]
                    for x in f.by_source
                ],
                lang,
                f.inputs,
                (1,),
                1,
            ),
        )
    )
    return s


def price(a: Analysis, lang: Lang) -> Section:
    """4: the cost-neutral price."""
    s = Section("s4", text("s4", lang))
    p = a.pricing
    title = _t(
        lang,
        "Break-even fixed price per client-week (S16)",
        "Kustannusneutraali kiinteä hinta asiakasviikolta (S16)",
    )
    cols = _c(
        lang,
        [
            "Activity days a week",
            "Break-even EUR/week",
            "Net cost at low price",
            "Net cost at high price",
        ],
        [
            "Toimintapäiviä viikossa",
            "Kustannusneutraali €/vko",
            "Nettokustannus alin hinta",
            "Nettokustannus ylin hinta",
        ],
    )
    rows = [{"days": w.days_per_week, "break_even": w.break_even_per_week} for w in p.by_days]
    proposal = next((r for r in a.region.proposals if r.item.value == "fixed_price_per_week"), None)
    low, high = (proposal.low, proposal.high) if proposal else (p.fixed_price, p.fixed_price)
    s.items.append(
        Figure(
            "f_price",
            title,
            _t(
                lang,
                "The line is the fixed weekly price at which the organiser's net cost is zero; "
                f"the shaded band is the proposal's {fmt_number(low, lang)}-"
                f"{fmt_number(high, lang)} EUR a week.",
                "Viiva on kiinteä viikkohinta, jolla järjestäjän nettokustannus on nolla; "
                f"varjostettu alue on ehdotuksen {fmt_number(low, lang)}-"
                f"{fmt_number(high, lang)} € viikossa.",
            ),
            charts.break_even(rows, title, cols[0], cols[1], low, high),
            table(
                "t_price",
                title,
                cols,
                [
                    [w.days_per_week, w.break_even_per_week, w.net_cost_low, w.net_cost_high]
                    for w in p.by_days
                ],
                lang,
                p.inputs,
                decimals=2,
            ),
        )
    )
    s.items.append(_price_terms(a, lang, low, high))
    cols = _c(
        lang,
        ["Places added", "Cost EUR/year", "Saving EUR/year", "Net EUR/year"],
        ["Lisäpaikat", "Kustannus €/v", "Säästö €/v", "Netto €/v"],
    )
    s.items.append(
        table(
            "t_places",
            _t(lang, "A year of added places (S16)", "Lisäpaikkojen vuosi (S16)"),
            cols,
            [[c.places, c.cost, c.saving, c.net] for c in p.places],
            lang,
            p.inputs,
            decimals=0,
        )
    )
    return s


PRICE_TERMS = (  # t_price_terms' rows, in order: the workbook's formulas refer to them
    "compensation",
    "share_saved",
    "benefit_days",
    "organiser_cost",
    "per_day",
    "low",
    "high",
)


def _price_terms(a: Analysis, lang: Lang, low: float, high: float) -> Table:
    """What the cost-neutral price is made of (S16): the amounts behind the table above,
    so that a reader (and the workbook's formulas) can recompute it."""
    p = a.pricing
    values = {
        "compensation": (
            _t(lang, "State compensation per activity day", "Valtion korvaus toimintapäivältä"),
            p.terms.compensation_per_day,
            _t(lang, "EUR/day", "€/pv"),
        ),
        "share_saved": (
            _t(
                lang,
                "Municipal share saved per benefit day",
                "Säästetty kuntaosuus etuuspäivältä",
            ),
            p.terms.share_saved_per_day,
            _t(lang, "EUR/day", "€/pv"),
        ),
        "benefit_days": (
            _t(lang, "Benefit days a week", "Etuuspäiviä viikossa"),
            BENEFIT_DAYS_PER_WEEK,
            _t(lang, "days", "päivää"),
        ),
        "organiser_cost": (
            _t(
                lang, "Organiser's own cost per client-week", "Järjestäjän oma kulu asiakasviikolta"
            ),
            p.terms.organiser_cost_per_week,
            _t(lang, "EUR/week", "€/vko"),
        ),
        "per_day": (
            _t(lang, "Price per activity day", "Hinta toimintapäivältä"),
            p.price_per_day,
            _t(lang, "EUR/day", "€/pv"),
        ),
        "low": (
            _t(lang, "Proposal's fixed price, low", "Ehdotuksen kiinteä hinta, alin"),
            low,
            _t(lang, "EUR/week", "€/vko"),
        ),
        "high": (
            _t(lang, "Proposal's fixed price, high", "Ehdotuksen kiinteä hinta, ylin"),
            high,
            _t(lang, "EUR/week", "€/vko"),
        ),
    }
    cols = _c(lang, ["Term", "Value", "Unit"], ["Osatekijä", "Arvo", "Yksikkö"])
    return table(
        "t_price_terms",
        _t(lang, "What the cost-neutral price is made of (S16)", "Hinnan osatekijät (S16)"),
        cols,
        [list(values[k]) for k in PRICE_TERMS],
        lang,
        p.inputs,
        decimals=2,
    )
