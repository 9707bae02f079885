"""The vocabulary as a reader says it: each code value in English, translated by the
gettext catalogues (:mod:`polku.catalogue`, contexts ``term:``, ``line:``, ``unit:``).

The simulation names its series, metrics and payers with these words, and the report,
the dashboard and the CLI show them, so one term reads the same everywhere.
"""

from __future__ import annotations

from polku.catalogue import translate
from polku.i18n import Lang

TERMS: dict[str, str] = {  # vocabulary value: English
    "pay_subsidy": "pay subsidy",
    "work_trial": "work trial",
    "rehabilitative_work": "rehabilitative work",
    "education": "education",
    "organiser": "organiser",
    "municipality": "municipality",
    "association": "association",
    "association_purchase": "association, purchase contract",
    "association_maintenance": "association, maintenance compensation",
    "company": "company",
    "all": "all",
    "open_market": "open labour market",
    "subsidised": "subsidised work",
    "service_or_education": "service or education",
    "unknown": "unknown",
    "unemployed": "unemployed",
    "green": "green",
    "yellow": "yellow",
    "red": "red",
    "narrow": "narrow",
    "broad": "broad",
    "flow": "flow target",
    "reserve": "reserve target",
    "participation": "participation",
    "sales": "sales",
    "purchased_services": "purchased services",
    "employment_grants": "employment grants and ESF",
    "pay_subsidies": "pay subsidies",
    "state_grants": "state grants",
    "municipal_grants": "municipal grants",
    "other": "other",
    "kela": "Kela",
    "state": "the state",
    "municipal_share": "municipal share",
    "maintenance_compensation": "maintenance compensation",
    "pension_other": "pension or other",
    "total": "total",
    "per_client": "per-client price",
    "block": "block funding",
    "compensation": "state compensation per day",
    "voucher": "service voucher",
    "result_open_market": "bonus per open-market outcome",
    "result_wellbeing": "bonus per wellbeing gain",
    "producer": "the producer",
    "shared": "shared",
    "items": "cost items",
    "cost_per_client": "cost per client x clients",
    "assumption": "assumption",
    "staff_costs": "staff",
    "premises_costs": "premises",
    "pay_subsidised_wages": "wages of pay-subsidised workers",
    "other_costs": "other costs",
    "earnings_related": "earnings-related allowance (basic part)",
    "basic_allowance": "basic allowance",
    "labour_market_subsidy": "labour market subsidy",
    "general_benefit": "general benefit (yleistuki)",
}


def term(value: object, lang: Lang) -> str:
    """A vocabulary value as a reader says it, in ``lang`` (unknown values unchanged)."""
    key = str(value)
    if key in TERMS:
        return translate(lang, f"term:{key}", TERMS[key])
    return key


SERVICE_LINES: dict[str, str] = {  # TE service line code: English
    "all": "all service lines",
    "00": "no need of expert services",
    "01": "placement and enterprise services",
    "02": "competence development",
    "03": "supported employment",
    "04": "benefit clients",
    "05": "multi-sector joint service (TYP)",
    "unknown": "line unknown",
}


def service_line(code: str, lang: Lang) -> str:
    """A TE service line as a reader knows it: ``01 työnvälitys- ja yrityspalvelut``
    (a sum such as ``03+05`` is named by its parts)."""
    if "+" in code:
        return " + ".join(service_line(part, lang) for part in code.split("+"))
    if code not in SERVICE_LINES:
        return code
    name = translate(lang, f"line:{code}", SERVICE_LINES[code])
    return f"{code} {name}" if code[:1].isdigit() else name


UNITS: dict[str, str] = {  # unit code: English, as a reader writes it
    "persons": "persons",
    "days": "days",
    "persons_per_year": "persons a year",
    "persons_per_month": "persons a month",
    "eur": "EUR",
    "eur_per_year": "EUR a year",
    "eur_per_month": "EUR a month",
    "eur_per_week": "EUR a week",
    "eur_per_day": "EUR a day",
    "months": "months",
    "share": "share",
    "percent": "%",
    "places": "places",
    "weeks": "weeks",
    "days_per_week": "days a week",
    "percent_per_month": "% a month",
    "probability": "probability",
    "date": "date",
    "replications": "replications",
    "flag": "yes or no",
}
NO_UNIT = ("", "none")  # a value with no unit (a text, a code)


def unit(code: str, lang: Lang) -> str:
    """A unit code as a reader writes it, in ``lang`` (unknown codes unchanged)."""
    if code in NO_UNIT:
        return ""
    if code in UNITS:
        return translate(lang, f"unit:{code}", UNITS[code])
    return code
