"""The vocabulary as a reader says it: each code value in English and Finnish.

The simulation names its series, metrics and payers with these words, and the report,
the dashboard and the CLI show them, so one term reads the same everywhere.
"""

from __future__ import annotations

from polku.i18n import Lang

TERMS: dict[str, tuple[str, str]] = {  # vocabulary value: (English, Finnish)
    "pay_subsidy": ("pay subsidy", "palkkatuki"),
    "work_trial": ("work trial", "työkokeilu"),
    "rehabilitative_work": ("rehabilitative work", "kuntouttava työtoiminta"),
    "education": ("education", "koulutus"),
    "organiser": ("organiser", "järjestäjä"),
    "municipality": ("municipality", "kunta"),
    "association": ("association", "järjestö"),
    "association_purchase": ("association, purchase contract", "järjestö, ostopalvelu"),
    "association_maintenance": (
        "association, maintenance compensation",
        "järjestö, ylläpitokorvaus",
    ),
    "company": ("company", "yritys"),
    "all": ("all", "kaikki"),
    "open_market": ("open labour market", "avoimet työmarkkinat"),
    "subsidised": ("subsidised work", "tukityö"),
    "service_or_education": ("service or education", "palvelu tai koulutus"),
    "unknown": ("unknown", "tuntematon"),
    "unemployed": ("unemployed", "työtön"),
    "green": ("green", "vihreä"),
    "yellow": ("yellow", "keltainen"),
    "red": ("red", "punainen"),
    "narrow": ("narrow", "suppea"),
    "broad": ("broad", "laaja"),
    "flow": ("flow target", "virtatavoite"),
    "reserve": ("reserve target", "varantotavoite"),
    "participation": ("participation", "osallistava aktivointi"),
    "sales": ("sales", "myynti"),
    "purchased_services": ("purchased services", "ostopalvelut"),
    "employment_grants": ("employment grants and ESF", "työvoimapoliittinen avustus ja ESR"),
    "pay_subsidies": ("pay subsidies", "palkkatuet"),
    "state_grants": ("state grants", "valtionavustukset"),
    "municipal_grants": ("municipal grants", "kuntien avustukset"),
    "other": ("other", "muut tulot"),
    "kela": ("Kela", "Kela"),
    "state": ("the state", "valtio"),
    "municipal_share": ("municipal share", "kuntaosuus"),
    "maintenance_compensation": ("maintenance compensation", "ylläpitokorvaus"),
    "pension_other": ("pension or other", "eläke tai muu"),
    "total": ("total", "yhteensä"),
    "per_client": ("per-client price", "asiakaskohtainen hinta"),
    "block": ("block funding", "könttäsumma"),
    "compensation": ("state compensation per day", "valtionkorvaus päivältä"),
    "voucher": ("service voucher", "palveluseteli"),
    "result_open_market": (
        "bonus per open-market outcome",
        "tulospalkkio avoimille työmarkkinoille",
    ),
    "result_wellbeing": ("bonus per wellbeing gain", "tulospalkkio hyvinvoinnin paranemisesta"),
    "producer": ("the producer", "tuottaja"),
    "shared": ("shared", "jaettu"),
    "items": ("cost items", "kulut eriteltyinä"),
    "cost_per_client": ("cost per client x clients", "asiakaskohtainen kustannus x asiakkaat"),
    "assumption": ("assumption", "oletus"),
    "staff_costs": ("staff", "henkilöstö"),
    "premises_costs": ("premises", "tilat"),
    "pay_subsidised_wages": ("wages of pay-subsidised workers", "palkkatuettujen palkat"),
    "other_costs": ("other costs", "muut kulut"),
    "earnings_related": (
        "earnings-related allowance (basic part)",
        "ansiopäiväraha (perusosa)",
    ),
    "basic_allowance": ("basic allowance", "peruspäiväraha"),
    "labour_market_subsidy": ("labour market subsidy", "työmarkkinatuki"),
    "general_benefit": ("general benefit (yleistuki)", "yleistuki"),
}


def term(value: object, lang: Lang) -> str:
    """A vocabulary value as a reader says it, in ``lang`` (unknown values unchanged)."""
    key = str(value)
    if key in TERMS:
        en, fi = TERMS[key]
        return fi if lang == "fi" else en
    return key


SERVICE_LINES: dict[str, tuple[str, str]] = {  # TE service line code: (English, Finnish)
    "all": ("all service lines", "kaikki palvelulinjat"),
    "00": ("no need of expert services", "ei asiantuntijapalvelujen tarvetta"),
    "01": ("placement and enterprise services", "työnvälitys- ja yrityspalvelut"),
    "02": ("competence development", "osaamisen kehittämispalvelut"),
    "03": ("supported employment", "tuetun työllistymisen palvelut"),
    "04": ("benefit clients", "etuusasiakkaat"),
    "05": ("multi-sector joint service (TYP)", "monialainen yhteispalvelu (TYP)"),
    "unknown": ("line unknown", "palvelulinja tuntematon"),
}


def service_line(code: str, lang: Lang) -> str:
    """A TE service line as a reader knows it: ``01 työnvälitys- ja yrityspalvelut``
    (a sum such as ``03+05`` is named by its parts)."""
    if "+" in code:
        return " + ".join(service_line(part, lang) for part in code.split("+"))
    if code not in SERVICE_LINES:
        return code
    en, fi = SERVICE_LINES[code]
    name = fi if lang == "fi" else en
    return f"{code} {name}" if code[:1].isdigit() else name


UNITS: dict[str, tuple[str, str]] = {  # unit code: (English, Finnish), as a reader writes it
    "persons": ("persons", "henkilöä"),
    "days": ("days", "päivää"),
    "persons_per_year": ("persons a year", "henkilöä vuodessa"),
    "persons_per_month": ("persons a month", "henkilöä kuukaudessa"),
    "eur": ("EUR", "€"),
    "eur_per_year": ("EUR a year", "€/vuosi"),
    "eur_per_month": ("EUR a month", "€/kk"),
    "eur_per_week": ("EUR a week", "€/viikko"),
    "eur_per_day": ("EUR a day", "€/päivä"),
    "months": ("months", "kuukautta"),
    "share": ("share", "osuus"),
    "percent": ("%", "%"),
    "places": ("places", "paikkaa"),
}


def unit(code: str, lang: Lang) -> str:
    """A unit code as a reader writes it, in ``lang`` (unknown codes unchanged)."""
    if code in UNITS:
        en, fi = UNITS[code]
        return fi if lang == "fi" else en
    return code
