"""Report section 1: client numbers and needs, as tables and figures."""

from __future__ import annotations

from typing import Any

from polku.analysis import Analysis
from polku.consistency.base import rounding
from polku.i18n import Lang, fmt_number

from . import charts
from .context import Figure, Section, Table, table
from .context import pick as _t
from .context import pick_all as _c
from .texts import term, text

Both = dict[str, list[str]]


def clients(a: Analysis, lang: Lang) -> Section:
    """1: service lines, survival, benefit days, client base, segments, needs, outcomes."""
    s = Section("s1", text("s1", lang))
    lines = [
        r
        for r in a.service_lines.rows
        if r.area == a.area and r.group == "unemployed" and "+" not in r.service_line
    ]
    by_line: dict[str, dict[str, float]] = {}
    for r in lines:
        by_line.setdefault(r.service_line, {})[r.period] = r.count
    periods = sorted({r.period for r in lines})
    rows: list[dict[str, Any]] = [
        {"line": term(line, lang), "period": p, "count": v[p]}
        for line, v in by_line.items()
        for p in periods
        if p in v and line != "all"
    ]
    raw = [[r.service_line, r.period, r.count, r.share_pct, r.change_pct] for r in lines]
    cols = _c(
        lang,
        ["Service line", "Month", "Unemployed", "Share %", "Change %"],
        ["Palvelulinja", "Kuukausi", "Työttömät", "Osuus %", "Muutos %"],
    )
    title = _t(
        lang,
        "Unemployed jobseekers by service line (S3)",
        "Työttömät työnhakijat palvelulinjoittain (S3)",
    )
    s.items.append(
        Figure(
            "f_lines",
            title,
            text("lines_caption", lang, months=_listed([str(p) for p in periods], lang)),
            charts.bars(rows, title, "line", "count", cols[0], cols[2], "period"),
            table(
                "t_lines",
                title,
                cols,
                raw,
                lang,
                a.service_lines.inputs,
                decimals=1,
                counts=(2,),
                derived=(3, 4),
                groups=(1,),
            ),
        )
    )
    steps = a.survival.steps
    rows = [{"months": 0, "share": 1.0}]
    rows += [{"months": x.months, "share": x.share} for x in steps]
    title = _t(
        lang,
        "Share of the inflow still unemployed (S2)",
        "Työttömyyteen tulleista yhä työttömänä (S2)",
    )
    cols = _c(
        lang,
        ["Months", "Still unemployed", "Monthly exit hazard", "Persons a month"],
        ["Kuukautta", "Yhä työttömänä", "Poistuma kuukaudessa", "Henkeä kuukaudessa"],
    )
    raw = [[x.months, x.share, x.monthly_hazard, x.persons_per_month] for x in steps]
    s.items.append(
        Figure(
            "f_survival",
            title,
            text(
                "survival_caption",
                lang,
                inflow=fmt_number(a.survival.inflow_per_month, lang),
                months=_listed([str(x.months) for x in steps], lang) or "-",
            ),
            charts.line(rows, title, "months", "share", cols[0], cols[1], percent=True),
            table("t_survival", title, cols, raw, lang, a.survival.inputs, (1, 2), 2),
        )
    )
    names = a.region.area_names(lang)
    days = [
        r for r in a.benefit_days.rows if r.days_class in ("0-299", "300-499", "500-999", "1000+")
    ]
    title = _t(
        lang,
        "Labour market subsidy recipients by benefit days (S4)",
        "Työmarkkinatuen saajat tukipäivien kertymän mukaan (S4)",
    )
    cols = _c(
        lang,
        ["Area", "Benefit days", "Recipients", "Share %"],
        ["Alue", "Tukipäivät", "Saajat", "Osuus %"],
    )
    s.items.append(
        Figure(
            "f_days",
            title,
            _t(
                lang,
                "Bars show each area's recipients by accumulated benefit days, as shares.",
                "Pylväät näyttävät alueiden saajien jakauman tukipäivien kertymän mukaan.",
            ),
            charts.bars(
                [
                    {"area": names[r.area], "days": r.days_class, "share": (r.share_pct or 0) / 100}
                    for r in days
                ],
                title,
                "days",
                "share",
                cols[1],
                cols[3],
                "area",
                percent=True,
            )
            if all(r.share_pct is not None for r in days)
            else charts.bars(  # no count of all recipients to divide by: the counts
                [{"area": names[r.area], "days": r.days_class, "n": r.recipients} for r in days],
                title,
                "days",
                "n",
                cols[1],
                cols[2],
                "area",
            ),
            table(
                "t_days",
                title,
                cols,
                [[names[r.area], r.days_class, r.recipients, r.share_pct] for r in days],
                lang,
                a.benefit_days.inputs,
                decimals=1,
                counts=(2,),
                derived=(3,),
                groups=(0,),
            ),
        )
    )
    cb = a.client_base
    title = _t(
        lang, "Client base under two definitions (S6)", "Asiakasmäärä kahdella tulkinnalla (S6)"
    )
    cols = _c(
        lang,
        ["Definition", "Clients", "From statistic 1", "From statistic 2"],
        ["Tulkinta", "Asiakkaita", "Tilasto 1", "Tilasto 2"],
    )
    s.items.append(
        table(
            "t_base",
            title,
            cols,
            [
                [_t(lang, "narrow", "suppea"), cb.narrow, *cb.narrow_components.values()],
                [_t(lang, "broad", "laaja"), cb.broad, *cb.broad_components.values()],
            ],
            lang,
            cb.inputs,
            decimals=0,
        )
    )
    title = _t(lang, "Client potential by segment (S7)", "Asiakaspotentiaali segmenteittäin (S7)")
    cols = _c(
        lang,
        ["Definition", "Segment", "Share %", "Clients"],
        ["Tulkinta", "Segmentti", "Osuus %", "Asiakkaita"],
    )
    seg = a.segments.rows
    s.items.append(
        Figure(
            "f_segments",
            title,
            _t(
                lang,
                "Green: could work on the open market; yellow: longer rehabilitation and "
                "participation; red: social rehabilitation or a pension.",
                "Vihreä: mahdollisuus avoimille työmarkkinoille; keltainen: pitkäkestoisempi "
                "kuntoutus ja osallisuus; punainen: sosiaalinen kuntoutus tai eläke.",
            ),
            charts.bars(
                [
                    {
                        "definition": term(r.definition, lang),
                        "segment": term(r.segment, lang),
                        "clients": r.clients,
                    }
                    for r in seg
                ],
                title,
                "segment",
                "clients",
                cols[1],
                cols[3],
                "definition",
            ),
            table(
                "t_segments",
                title,
                cols,
                [
                    [term(r.definition, lang), term(r.segment, lang), r.share_pct, r.clients]
                    for r in seg
                ],
                lang,
                a.segments.inputs,
                decimals=1,
                counts=(3,),
                derived=(2,),
                groups=(0,),
            ),
        )
    )
    s.items += [_needs(a, lang), _outcomes(a, lang), _bounds(a, lang)]
    return s


def _bounds(a: Analysis, lang: Lang) -> Table:
    cols = _c(
        lang,
        [
            "Measure",
            "Producer",
            "Ended periods",
            "Sum of shares %",
            "Open market %",
            "Unknown %",
            "Upper bound %",
        ],
        [
            "Toimenpide",
            "Tuottaja",
            "Päättyneet jaksot",
            "Osuuksien summa %",
            "Avoimet työmarkkinat %",
            "Tuntematon %",
            "Yläraja %",
        ],
    )
    title = _t(
        lang,
        "To the open market, with the unknown outcomes shared out (S5, S9)",
        "Avoimille työmarkkinoille, tuntemattomat jaettuina samassa suhteessa (S5, S9)",
    )
    return table(
        "t_bounds",
        title,
        cols,
        [
            [
                term(c.measure, lang),
                term(c.producer, lang),
                c.ended_periods,
                c.share_sum,
                c.open_market,
                c.unknown,
                c.open_market_upper_bound,
            ]
            for c in a.effectiveness.columns
        ],
        lang,
        a.effectiveness.inputs,
        (3, 4, 5, 6),
        1,
    )


def _needs(a: Analysis, lang: Lang) -> Figure:
    title = _t(lang, "Needs against places (S8, S9)", "Tarve ja tarjonta (S8, S9)")
    cols = _c(
        lang,
        ["Measure", "Clients now", "Need", "Gap", "Proposal low", "Proposal high"],
        ["Toimenpide", "Asiakkaita nyt", "Tarve", "Vaje", "Ehdotus alin", "Ehdotus ylin"],
    )
    caps = a.needs.capacity
    rows = []
    for c in caps:
        rows.append({"measure": term(c.measure, lang), "kind": cols[1], "clients": c.available})
        if c.need is not None:
            rows.append({"measure": term(c.measure, lang), "kind": cols[2], "clients": c.need})
    return Figure(
        "f_needs",
        title,
        _t(
            lang,
            "Clients served now against the need the data give, by measure.",
            "Palvelua nyt saavat suhteessa aineiston mukaiseen tarpeeseen toimenpiteittäin.",
        ),
        charts.bars(rows, title, "measure", "clients", cols[0], cols[1], "kind"),
        table(
            "t_needs",
            title,
            cols,
            [
                [term(c.measure, lang), c.available, c.need, c.gap, c.added_low, c.added_high]
                for c in caps
            ],
            lang,
            a.needs.inputs,
            decimals=0,
            counts=(1, 2),
            derived=(3,),
        ),
    )


def _listed(items: list[str], lang: Lang) -> str:
    """``1, 3, 6 and 12`` in ``lang``."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {text('and', lang)} {items[-1]}"


def _outcomes_caption(a: Analysis, lang: Lang) -> str:
    """What the chart shows, and which columns of the source miss 100 % (beyond the
    rounding of their printed shares), where any do."""
    off = []
    for col in a.effectiveness.columns:
        shares = [
            round(100.0 * c.share, 6)  # the printed percentage back, without float noise
            for c in a.effectiveness.cells
            if (c.measure, c.producer) == (col.measure, col.producer)
        ]
        total = sum(shares)
        if abs(total - 100.0) > sum(rounding(v) for v in shares) + 1e-9:
            name = f"{term(col.measure, lang)} / {term(col.producer, lang)}"
            off.append(f"{name} ({fmt_number(round(total, 1), lang)} %)")
    caption = text("outcomes_caption", lang)
    if off:
        caption += " " + text("outcomes_not_whole", lang, columns=_listed(off, lang))
    return caption


def _outcomes(a: Analysis, lang: Lang) -> Figure:
    title = _t(lang, "Situation after the measure (S5)", "Tilanne palvelun jälkeen (S5)")
    cols = _c(
        lang,
        ["Measure", "Producer", "Outcome", "Share %", "95 % low", "95 % high"],
        ["Toimenpide", "Tuottaja", "Tilanne", "Osuus %", "95 % alaraja", "95 % yläraja"],
    )
    cells = a.effectiveness.cells
    rows = [
        {
            "column": f"{term(c.measure, lang)} / {term(c.producer, lang)}",
            "outcome": term(c.outcome, lang),
            "share": c.share,
        }
        for c in cells
    ]
    return Figure(
        "f_outcomes",
        title,
        _outcomes_caption(a, lang),
        charts.bars(
            rows, title, "column", "share", cols[0], cols[3], "outcome", stack=True, percent=True
        ),
        table(
            "t_outcomes",
            title,
            cols,
            [
                [
                    term(c.measure, lang),
                    term(c.producer, lang),
                    term(c.outcome, lang),
                    c.share,
                    c.low,
                    c.high,
                ]
                for c in cells
            ],
            lang,
            a.effectiveness.inputs,
            (3, 4, 5),
            1,
        ),
    )
