"""Kela's municipal share of unemployment benefits by municipality, from 2025.

From 2025-01 Kela bills each municipality a share of the earnings-related allowance's
basic part, the basic allowance and the labour market subsidy (and, from May 2026, the
general benefit, yleistuki) that rises with each person's accumulated days. Kela
publishes it by municipality and month with the classes 101-200, 201-300, 301-400,
401-700, 701- and ``Yhteensä`` total rows in the benefit and class columns (and, in
some packages, age and sex): summing every row would count each euro several times.

:func:`share_months` keeps the part rows (benefit and class not ``Yhteensä``; any
other column that has a ``Yhteensä`` value at ``Yhteensä``) of the municipalities
asked, as :class:`~polku.model.tables.MunicipalShareMonth` rows: the same table
``polku bill`` forecasts from. Each column is found in the package's own schema by
what its name says; one that cannot be found is an error naming it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from polku.errors import SourceFormatError
from polku.model.tables import MunicipalShareMonth
from polku.model.vocabulary import ShareBenefit, ShareDaysClass

from .kela import SUPPRESSED, TOTAL_CLASS, Schema

DATASET = "kunnan-osarahoittaman-tyottomyysturvan-saajat-ja-maksetut-etuudet-kunnittain"
FIRST_MONTH = "2025-01"
BENEFITS = {
    "ansiopäiväraha": ShareBenefit.EARNINGS_RELATED,
    "peruspäiväraha": ShareBenefit.BASIC_ALLOWANCE,
    "työmarkkinatuki": ShareBenefit.LABOUR_MARKET_SUBSIDY,
    "yleistuki": ShareBenefit.GENERAL_BENEFIT,  # "Yleistuki työttömyyden perusteella"
}
# role -> the words the column's name contains (any one of the alternatives)
ROLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "kind": (("aikatyyppi",),),
    "year": (("vuosi",),),
    "month": (("kuukausi", "nro"),),
    "municipality": (("kunta", "nro"), ("kuntanumero",), ("kunta", "koodi")),
    "benefit": (("etuus",),),
    "days_class": (("luokka",),),
    "recipients": (("saaja",),),
    "eur": (("osuus", "eur"), ("kuntaosuus",)),
}


def columns(spec: Schema, dataset: str = DATASET) -> dict[str, str]:
    """Each role's column in the schema; an error names the one not found."""
    names = [n for n, _ in spec.fields]
    found: dict[str, str] = {}
    for role, alternatives in ROLES.items():
        hits = [
            n
            for n in names
            if n not in found.values()
            and any(all(p in n.casefold() for p in parts) for parts in alternatives)
        ]
        if role == "year":
            hits = [n for n in hits if n.casefold() == "vuosi"]
        if not hits:
            wanted = " or ".join(" and ".join(p) for p in alternatives)
            raise SourceFormatError(
                f"Kela {dataset} package.json",
                f"column for {role}",
                f"a field whose name contains {wanted} (the schema has: {', '.join(names)}) "
                "/ sarake puuttuu",
            )
        found[role] = hits[0]
    return found


def _benefit(word: str) -> ShareBenefit | None:
    folded = word.casefold()
    for start, benefit in BENEFITS.items():
        if folded.startswith(start):
            return benefit
    return None


@dataclass
class ShareMonths:
    """The part rows kept, and what could not be placed."""

    rows: list[MunicipalShareMonth]
    suppressed_eur: float  # in rows Kela did not place in a municipality (code 199)
    unknown: set[str]  # benefit or class words not recognised


def share_months(
    rows: Iterable[dict[str, Any]],
    spec: Schema,
    municipalities: Sequence[str],
    months: tuple[str, str],
    mergers: Mapping[str, str] | None = None,
    source: str = DATASET,
) -> ShareMonths:
    """The part rows of ``municipalities`` (3-digit codes) from ``months[0]`` to
    ``months[1]`` (``YYYY-MM``), one per municipality, month, benefit and class.

    Rows of a merged municipality's old code are credited to the new one; a month that
    appears in two files (a yearly file and ``data.csv``) is read from the first."""
    cols = columns(spec)
    extra = [n for n, kind in spec.fields if kind == "string" and n not in cols.values()]
    totals_in = dict.fromkeys(extra, False)
    wanted = {m.zfill(3) for m in municipalities}
    kept: dict[tuple[str, str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    suppressed = 0.0
    unknown: set[str] = set()
    listed = list(rows)
    for row in listed:  # which other columns (age, sex) have a total to keep
        for n in extra:
            totals_in[n] = totals_in[n] or row.get(n) == TOTAL_CLASS
    for row in listed:
        if str(row.get(cols["kind"])) != "Kuukausi":
            continue
        if any(row.get(n) != TOTAL_CLASS for n, has in totals_in.items() if has):
            continue
        month = f"{int(row[cols['year']])}-{int(row[cols['month']]):02d}"
        if not months[0] <= month <= months[1]:
            continue
        benefit_word = str(row.get(cols["benefit"]) or "")
        days_word = str(row.get(cols["days_class"]) or "")
        if benefit_word == TOTAL_CLASS or days_word == TOTAL_CLASS:
            continue
        code = str(row.get(cols["municipality"]) or "").zfill(3)
        code = (mergers or {}).get(code, code)
        eur = float(row.get(cols["eur"]) or 0.0)
        if code == SUPPRESSED:
            suppressed += eur
            continue
        if code not in wanted:
            continue
        benefit = _benefit(benefit_word)
        if benefit is None or days_word not in ShareDaysClass._value2member_map_:
            unknown.add(benefit_word if benefit is None else days_word)
            continue
        cell = kept[code, month, benefit.value, days_word]
        cell[0] += float(row.get(cols["recipients"]) or 0.0)
        cell[1] += eur
    out = [
        MunicipalShareMonth(
            municipality=code,
            month=month,
            benefit=ShareBenefit(benefit),
            days_class=ShareDaysClass(days),
            recipients=round(recipients),
            eur=round(eur, 2),
            source=f"Kela open data, {source}",
            estimate=False,
            note=None,
        )
        for (code, month, benefit, days), (recipients, eur) in sorted(kept.items())
    ]
    return ShareMonths(out, suppressed, unknown)


LONG_TERM_CLASSES = (
    ShareDaysClass.FROM_301_TO_400,
    ShareDaysClass.FROM_401_TO_700,
    ShareDaysClass.FROM_701,
)
MEANS_TESTED = (ShareBenefit.LABOUR_MARKET_SUBSIDY, ShareBenefit.GENERAL_BENEFIT)


def recipients_over_300(rows: Sequence[MunicipalShareMonth], months: Sequence[str]) -> float:
    """Monthly average of labour market subsidy (and general benefit) recipients in the
    classes above 300 days: the nearest the 2025 data come to the old 300+ count. A
    person crossing 400 or 700 days in a month is in two classes, so this is an upper
    bound."""
    total = sum(
        r.recipients
        for r in rows
        if r.month in months and r.benefit in MEANS_TESTED and r.days_class in LONG_TERM_CLASSES
    )
    return total / len(months) if months else 0.0


__all__ = [
    "BENEFITS",
    "DATASET",
    "FIRST_MONTH",
    "ShareMonths",
    "columns",
    "recipients_over_300",
    "share_months",
]
