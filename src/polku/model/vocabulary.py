"""The field's vocabulary as enumerations (see ``docs/glossary.md``).

Every categorical column of a dataset takes its values from one of these. The
values are the strings written in the CSV files; the Finnish and English labels a
user reads live in :mod:`polku.i18n`.
"""

from __future__ import annotations

from enum import StrEnum


class AreaLevel(StrEnum):
    """Level of an area in the Statistics Finland regional classification."""

    COUNTRY = "country"
    REGION = "region"  # maakunta
    SUBREGION = "subregion"  # seutukunta
    MUNICIPALITY = "municipality"  # kunta
    GROUP = "group"  # a named set of municipalities, e.g. "other municipalities"


class ServiceLine(StrEnum):
    """TE-office client service lines (palvelulinjat), in use 2013-2024.

    A count may also cover a sum of lines (``03+05``) or every line (``all``); see
    :func:`service_line_parts`.
    """

    NO_EXPERT_NEED = "00"  # ei asiantuntijapalvelun tarvetta
    PLACEMENT = "01"  # työnvälitys- ja yrityspalvelut
    COMPETENCE = "02"  # osaamisen kehittämispalvelut
    SUPPORTED_EMPLOYMENT = "03"  # tuetun työllistämisen palvelut
    BENEFIT_CLIENTS = "04"  # etuusasiakkaat
    MULTI_SECTOR = "05"  # monialainen yhteispalvelu (TYP)
    UNKNOWN = "unknown"  # tuntematon


ALL_SERVICE_LINES = "all"


def service_line_parts(code: str) -> tuple[ServiceLine, ...]:
    """The single lines a service-line code covers.

    Examples:
        >>> [line.value for line in service_line_parts("03+05")]
        ['03', '05']
        >>> len(service_line_parts("all"))
        7
    """
    if code == ALL_SERVICE_LINES:
        return tuple(ServiceLine)
    return tuple(ServiceLine(part) for part in code.split("+"))


class JobseekerGroup(StrEnum):
    """Which jobseekers a count covers (TE-office placement statistics)."""

    UNEMPLOYED = "unemployed"  # työttömät työnhakijat
    ALL = "all"  # kaikki työnhakijat


class JobseekerStatus(StrEnum):
    """Composition of all jobseekers in the placement statistics (S1 footnote)."""

    SUBSIDISED = "subsidised"  # työllistetyt
    OPEN_MARKET = "open_market"  # työssä avoimilla työmarkkinoilla, haku voimassa
    UNEMPLOYED = "unemployed"  # työttömät
    LAID_OFF = "laid_off"  # lomautetut
    SHORTENED_WEEK = "shortened_week"  # lyhennetyllä työviikolla
    OUTSIDE_LABOUR_FORCE = "outside_labour_force"  # työvoiman ulkopuolella
    IN_SERVICES = "in_services"  # työllistymistä edistävissä palveluissa
    IN_EDUCATION = "in_education"  # koulutuksessa


class BenefitDaysClass(StrEnum):
    """Accumulated labour market subsidy days paid on the basis of unemployment."""

    UNDER_300 = "0-299"
    FROM_300_TO_499 = "300-499"
    FROM_500_TO_999 = "500-999"
    FROM_1000 = "1000+"
    AT_LEAST_300 = "300+"
    ALL = "all"


class Measure(StrEnum):
    """Employment-promoting measures (toimenpiteet)."""

    PAY_SUBSIDY = "pay_subsidy"  # palkkatuki
    WORK_TRIAL = "work_trial"  # työkokeilu
    REHABILITATIVE_WORK = "rehabilitative_work"  # kuntouttava työtoiminta
    EDUCATION = "education"  # koulutus


class ProducerKind(StrEnum):
    """Who runs a service. ``association`` and ``all`` are aggregates."""

    ORGANISER = "organiser"  # the organiser's own units (the wellbeing services county's)
    MUNICIPALITY = "municipality"
    ASSOCIATION_PURCHASE = "association_purchase"  # purchase contract (ostopalvelu)
    ASSOCIATION_MAINTENANCE = "association_maintenance"  # maintenance compensation
    COMPANY = "company"
    ASSOCIATION = "association"  # any association (both contract kinds)
    ALL = "all"


class Outcome(StrEnum):
    """Situation after a measure ended (ELY follow-up)."""

    OPEN_MARKET = "open_market"
    SUBSIDISED = "subsidised"
    SERVICE_OR_EDUCATION = "service_or_education"
    UNKNOWN = "unknown"
    UNEMPLOYED = "unemployed"


class ClientBaseDefinition(StrEnum):
    """The two definitions of the hard-to-employ client base (S6)."""

    NARROW = "narrow"  # suppea tulkinta
    BROAD = "broad"  # laaja tulkinta


class Segment(StrEnum):
    """Employment potential (S7)."""

    GREEN = "green"  # could work on the open labour market
    YELLOW = "yellow"  # longer participation, rehabilitation and employment services
    RED = "red"  # mainly other social rehabilitation services, or a pension


class NeedKind(StrEnum):
    """Kinds of service need (S8)."""

    FLOW = "flow"  # virtatavoite: employment effect primary
    RESERVE = "reserve"  # varantotavoite: wellbeing effect primary
    PARTICIPATION = "participation"  # osallistava aktivointi (both targets)


class FundingSource(StrEnum):
    """Income sources of a producer (S13)."""

    SALES = "sales"  # kaupallisten palveluiden myynti
    PURCHASED_SERVICES = (
        "purchased_services"  # the municipalities' and the organiser's purchases (KTT)
    )
    EMPLOYMENT_GRANTS = "employment_grants"  # työvoimapoliittinen avustus ja ESR
    PAY_SUBSIDIES = "pay_subsidies"  # palkkatuet
    STATE_GRANTS = "state_grants"  # työpaja-avustus (AVI) / muu valtionavustus
    MUNICIPAL_GRANTS = "municipal_grants"  # yleisavustukset, muut ostot, hankeosarahoitus
    OTHER = "other"  # muut tulot


PROJECT_SOURCES = (
    FundingSource.EMPLOYMENT_GRANTS,
    FundingSource.STATE_GRANTS,
    FundingSource.MUNICIPAL_GRANTS,
)
"""Project and ad hoc money: grants decided a year or a project at a time (ESF and
employment policy grants, AVI workshop and other state grants, municipal general grants
and project co-funding, S13)."""
MARKET_LOST_SOURCES = (FundingSource.EMPLOYMENT_GRANTS, FundingSource.STATE_GRANTS)
"""Separate grants not open to a producer selling on the market (ESF, STEA, OKM, S17)."""


class Unit(StrEnum):
    """Units of measurement used in datasets."""

    PERSONS = "persons"
    PERSONS_PER_MONTH = "persons_per_month"
    PERCENT = "percent"
    EUR = "eur"
    EUR_PER_RESIDENT = "eur_per_resident"
    EUR_PER_DAY = "eur_per_day"
    EUR_PER_WEEK = "eur_per_week"
    EUR_PER_CLIENT = "eur_per_client"
    DAYS_PER_WEEK = "days_per_week"
    PLACES = "places"


class IndicatorKind(StrEnum):
    """Scalar statistics of an area (table ``indicators``)."""

    STRUCTURAL_UNEMPLOYED = "structural_unemployed"
    UNEMPLOYMENT_INFLOW = "unemployment_inflow"
    RECENTLY_LONG_TERM_SHARE = "recently_long_term_share"
    REHABILITATIVE_WORK_NEED = "rehabilitative_work_need"
    MUNICIPAL_SHARE_PAID = "municipal_share_paid"
    MUNICIPAL_SHARE_PER_RESIDENT = "municipal_share_per_resident"
    RESIDENTS = "residents"
    THIRD_SECTOR_PURCHASES = "third_sector_purchases"
    THIRD_SECTOR_PURCHASES_BUDGET = "third_sector_purchases_budget"
    STATE_COMPENSATION_PER_DAY = "state_compensation_per_day"
    # monthly averages from Statistics Finland's tyonv tables (polku fetch)
    UNEMPLOYED_JOBSEEKERS = "unemployed_jobseekers"  # 12r5 TYOTTOMATLOPUSSA
    LONG_TERM_UNEMPLOYED = "long_term_unemployed"  # 12r5 PITKAAIKAISTYOTTOMAT
    REHABILITATIVE_WORK_CLIENTS = "rehabilitative_work_clients"  # 12u4 KUNTTYOLOP


INDICATOR_UNITS: dict[IndicatorKind, Unit] = {
    IndicatorKind.STRUCTURAL_UNEMPLOYED: Unit.PERSONS,
    IndicatorKind.UNEMPLOYMENT_INFLOW: Unit.PERSONS_PER_MONTH,
    IndicatorKind.RECENTLY_LONG_TERM_SHARE: Unit.PERCENT,
    IndicatorKind.REHABILITATIVE_WORK_NEED: Unit.PERSONS,
    IndicatorKind.MUNICIPAL_SHARE_PAID: Unit.EUR,
    IndicatorKind.MUNICIPAL_SHARE_PER_RESIDENT: Unit.EUR_PER_RESIDENT,
    IndicatorKind.RESIDENTS: Unit.PERSONS,
    IndicatorKind.THIRD_SECTOR_PURCHASES: Unit.EUR,
    IndicatorKind.THIRD_SECTOR_PURCHASES_BUDGET: Unit.EUR,
    IndicatorKind.STATE_COMPENSATION_PER_DAY: Unit.EUR_PER_DAY,
    IndicatorKind.UNEMPLOYED_JOBSEEKERS: Unit.PERSONS,
    IndicatorKind.LONG_TERM_UNEMPLOYED: Unit.PERSONS,
    IndicatorKind.REHABILITATIVE_WORK_CLIENTS: Unit.PERSONS,
}


class ProducerIndicatorKind(StrEnum):
    """Scalar figures of a producer or group of producers (S13, S15)."""

    INCOME = "income"
    CLIENTS = "clients"
    COST_PER_CLIENT = "cost_per_client"
    CLIENTS_PAY_SUBSIDY = "clients_pay_subsidy"
    CLIENTS_WORK_TRIAL = "clients_work_trial"
    CLIENTS_REHABILITATIVE_WORK = "clients_rehabilitative_work"
    OPEN_MARKET_SHARE = "open_market_share"
    FUNDING_CHANGE = "funding_change"  # change from the previous year
    OUTPUT_RATIO = "output_ratio"
    # a producer's finances (issue 8): costs by item, reserves, places by measure
    STAFF_COSTS = "staff_costs"
    PREMISES_COSTS = "premises_costs"
    PAY_SUBSIDISED_WAGES = "pay_subsidised_wages"  # wages and employer's contributions
    OTHER_COSTS = "other_costs"
    RESERVES = "reserves"  # free equity at the end of the period
    PLACES_REHABILITATIVE_WORK = "places_rehabilitative_work"
    PLACES_WORK_TRIAL = "places_work_trial"
    PLACES_PAY_SUBSIDY = "places_pay_subsidy"


COST_KINDS = (
    ProducerIndicatorKind.STAFF_COSTS,
    ProducerIndicatorKind.PREMISES_COSTS,
    ProducerIndicatorKind.PAY_SUBSIDISED_WAGES,
    ProducerIndicatorKind.OTHER_COSTS,
)
"""The cost items of a producer; their sum is its costs."""
NON_NEGATIVE = (
    *COST_KINDS,
    ProducerIndicatorKind.PLACES_REHABILITATIVE_WORK,
    ProducerIndicatorKind.PLACES_WORK_TRIAL,
    ProducerIndicatorKind.PLACES_PAY_SUBSIDY,
)
"""Producer figures that cannot be negative (reserves and income can: debts, refunds)."""


PRODUCER_INDICATOR_UNITS: dict[ProducerIndicatorKind, Unit] = {
    ProducerIndicatorKind.INCOME: Unit.EUR,
    ProducerIndicatorKind.CLIENTS: Unit.PERSONS,
    ProducerIndicatorKind.COST_PER_CLIENT: Unit.EUR_PER_CLIENT,
    ProducerIndicatorKind.CLIENTS_PAY_SUBSIDY: Unit.PERSONS,
    ProducerIndicatorKind.CLIENTS_WORK_TRIAL: Unit.PERSONS,
    ProducerIndicatorKind.CLIENTS_REHABILITATIVE_WORK: Unit.PERSONS,
    ProducerIndicatorKind.OPEN_MARKET_SHARE: Unit.PERCENT,
    ProducerIndicatorKind.FUNDING_CHANGE: Unit.PERCENT,
    ProducerIndicatorKind.OUTPUT_RATIO: Unit.PERCENT,
    ProducerIndicatorKind.STAFF_COSTS: Unit.EUR,
    ProducerIndicatorKind.PREMISES_COSTS: Unit.EUR,
    ProducerIndicatorKind.PAY_SUBSIDISED_WAGES: Unit.EUR,
    ProducerIndicatorKind.OTHER_COSTS: Unit.EUR,
    ProducerIndicatorKind.RESERVES: Unit.EUR,
    ProducerIndicatorKind.PLACES_REHABILITATIVE_WORK: Unit.PLACES,
    ProducerIndicatorKind.PLACES_WORK_TRIAL: Unit.PLACES,
    ProducerIndicatorKind.PLACES_PAY_SUBSIDY: Unit.PLACES,
}


class ShareBenefit(StrEnum):
    """The benefits Kela bills a municipal share of (from 2025)."""

    EARNINGS_RELATED = "earnings_related"  # ansiopäiväraha, its basic part
    BASIC_ALLOWANCE = "basic_allowance"  # peruspäiväraha
    LABOUR_MARKET_SUBSIDY = "labour_market_subsidy"  # työmarkkinatuki
    GENERAL_BENEFIT = "general_benefit"  # yleistuki, from May 2026


class ShareDaysClass(StrEnum):
    """Kela's accumulated-days classes of the municipal share (from 2025)."""

    FROM_101_TO_200 = "101-200"
    FROM_201_TO_300 = "201-300"
    FROM_301_TO_400 = "301-400"
    FROM_401_TO_700 = "401-700"
    FROM_701 = "701-"


class ProposalItem(StrEnum):
    """Parameters of a proposal (S9, S16)."""

    ADDED_PLACES = "added_places"
    FIXED_PRICE_PER_WEEK = "fixed_price_per_week"
    PRICE_PER_ACTIVITY_DAY = "price_per_activity_day"
    ACTIVITY_DAYS_PER_WEEK = "activity_days_per_week"


PROPOSAL_ITEM_UNITS: dict[ProposalItem, Unit] = {
    ProposalItem.ADDED_PLACES: Unit.PLACES,
    ProposalItem.FIXED_PRICE_PER_WEEK: Unit.EUR_PER_WEEK,
    ProposalItem.PRICE_PER_ACTIVITY_DAY: Unit.EUR_PER_DAY,
    ProposalItem.ACTIVITY_DAYS_PER_WEEK: Unit.DAYS_PER_WEEK,
}
