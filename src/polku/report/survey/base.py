"""S6-S8: the client base under two definitions, its segments, and needs against places."""

from __future__ import annotations

from polku.analysis import Analysis
from polku.i18n import Lang

from .. import charts
from ..context import Figure, Table, table
from ..context import pick as _t
from ..context import pick_all as _c
from ..texts import term


def s6_client_base(a: Analysis, lang: Lang) -> Table:
    """S6: the client base, narrow and broad, with the two statistics behind each."""
    cb = a.client_base
    title = _t(
        lang, "Client base under two definitions (S6)", "Asiakasmäärä kahdella tulkinnalla (S6)"
    )
    cols = _c(
        lang,
        ["Definition", "Clients", "From statistic 1", "From statistic 2"],
        ["Tulkinta", "Asiakkaita", "Tilasto 1", "Tilasto 2"],
    )
    return table(
        "t_base",
        title,
        cols,
        [
            [term("narrow", lang), cb.narrow, *cb.narrow_components.values()],
            [term("broad", lang), cb.broad, *cb.broad_components.values()],
        ],
        lang,
        cb.inputs,
        decimals=0,
    )


def s7_segments(a: Analysis, lang: Lang) -> Figure:
    """S7: the client potential by segment, each definition's base as one stacked bar in
    the segments' own colours."""
    title = _t(lang, "Client potential by segment (S7)", "Asiakaspotentiaali segmenteittäin (S7)")
    cols = _c(
        lang,
        ["Definition", "Segment", "Share %", "Clients"],
        ["Tulkinta", "Segmentti", "Osuus %", "Asiakkaita"],
    )
    seg = a.segments.rows
    colours = {term(k, lang): v for k, v in charts.SEGMENT_COLOURS.items()}
    chart = charts.bars(
        [
            {
                "definition": term(r.definition, lang),
                "segment": term(r.segment, lang),
                "clients": r.clients,
            }
            for r in seg
        ],
        title,
        "definition",
        "clients",
        _t(lang, "Client base", "Asiakasmäärän tulkinta"),
        _t(lang, "Clients, persons", "Asiakkaita, henkilöä"),
        "segment",
        stack=True,
        colors=colours,
    )
    return Figure(
        "f_segments",
        title,
        _t(
            lang,
            "Green: could work on the open market; yellow: longer rehabilitation and "
            "participation; red: social rehabilitation or a pension.",
            "Vihreä: mahdollisuus avoimille työmarkkinoille; keltainen: pitkäkestoisempi "
            "kuntoutus ja osallisuus; punainen: sosiaalinen kuntoutus tai eläke.",
        ),
        chart,
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


def s8_needs(a: Analysis, lang: Lang) -> Figure:
    """S8-S9: clients served now against the need, by measure."""
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
    persons = _t(lang, "Persons", "Henkilöä")
    return Figure(
        "f_needs",
        title,
        _t(
            lang,
            "Clients served now against the need the data give, by measure.",
            "Palvelua nyt saavat suhteessa aineiston mukaiseen tarpeeseen toimenpiteittäin.",
        ),
        charts.bars(rows, title, "measure", "clients", cols[0], persons, "kind", horizontal=True),
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
