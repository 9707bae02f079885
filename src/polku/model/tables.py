"""Row types of a regional dataset, one frozen dataclass per table.

Each class names its table (``TABLE``), its primary key (``KEY``) and its columns.
Figure ids in the docstrings (S1...) refer to the survey digest.
"""

from __future__ import annotations

from dataclasses import dataclass

from polku.model.columns import Row, area_col, col, count_col, percent_col, period_col
from polku.model.vocabulary import (
    AreaLevel,
    BenefitDaysClass,
    ClientBaseDefinition,
    FundingSource,
    IndicatorKind,
    JobseekerGroup,
    JobseekerStatus,
    Measure,
    NeedKind,
    Outcome,
    ProducerIndicatorKind,
    ProducerKind,
    ProposalItem,
    Segment,
    ShareBenefit,
    ShareDaysClass,
    Unit,
)

SERVICE_LINE_PATTERN = r"^(all|(0[0-5]|unknown)(\+(0[0-5]|unknown))*)$"


@dataclass(frozen=True)
class Area(Row):
    """A country, region, subregion, municipality or group of municipalities."""

    TABLE = "areas"
    KEY = ("code",)
    TITLE_EN = "Areas"
    TITLE_FI = "Alueet"

    code: str = col(
        "Statistics Finland code: SSS, MK##, SK###, KU### or a group code XX-NAME",
        "Tilastokeskuksen koodi: SSS, MK##, SK###, KU### tai ryhmäkoodi XX-NIMI",
        pattern=r"^(SSS|MK\d{2}|SK\d{3}|KU\d{3}|[A-Z0-9]+-[A-Z0-9]+)$",
    )
    level: AreaLevel = col("Level", "Taso")
    name_fi: str = col("Name in Finnish", "Nimi suomeksi")
    name_en: str = col("Name in English", "Nimi englanniksi")
    parent: str | None = col(
        "Code of the enclosing area", "Ylemmän alueen koodi", references="areas", default=None
    )


@dataclass(frozen=True)
class AreaIndicator(Row):
    """A scalar statistic of an area (S1 structural unemployment, S2 inflow, S11 money)."""

    TABLE = "indicators"
    KEY = ("area", "period", "indicator")
    TITLE_EN = "Indicators by area"
    TITLE_FI = "Alueiden tunnusluvut"

    area: str = area_col()
    period: str = period_col()
    indicator: IndicatorKind = col("Indicator", "Tunnusluku")
    value: float = col("Value", "Arvo")
    unit: Unit = col("Unit; must match the indicator", "Yksikkö; tunnusluvun mukainen")


@dataclass(frozen=True)
class JobseekerCount(Row):
    """Jobseekers by TE-office service line (S1, S3)."""

    TABLE = "jobseekers"
    KEY = ("area", "period", "group", "service_line")
    TITLE_EN = "Jobseekers by service line"
    TITLE_FI = "Työnhakijat palvelulinjoittain"

    area: str = area_col()
    period: str = period_col()
    group: JobseekerGroup = col("Which jobseekers", "Mitkä työnhakijat")
    service_line: str = col(
        "Service line 00-05, unknown, a sum such as 03+05, or all",
        "Palvelulinja 00-05, unknown, summa kuten 03+05, tai all",
        pattern=SERVICE_LINE_PATTERN,
    )
    count: int = count_col("Jobseekers", "Työnhakijat")
    reported_share_pct: float | None = percent_col(
        "Share of all lines as printed in the source",
        "Osuus kaikista palvelulinjoista lähteen mukaan",
        default=None,
    )
    reported_change_pct: float | None = col(
        "Change from a year earlier as printed in the source",
        "Muutos vuodentakaisesta lähteen mukaan",
        unit=Unit.PERCENT,
        default=None,
    )


@dataclass(frozen=True)
class JobseekerStatusShare(Row):
    """Composition of all jobseekers by labour market status (S1 footnote)."""

    TABLE = "jobseeker_status"
    KEY = ("area", "period", "status")
    TITLE_EN = "All jobseekers by status"
    TITLE_FI = "Kaikki työnhakijat tilanteen mukaan"

    area: str = area_col()
    period: str = period_col()
    status: JobseekerStatus = col("Labour market status", "Työmarkkinatilanne")
    share_pct: float = percent_col("Share of all jobseekers", "Osuus kaikista työnhakijoista")


@dataclass(frozen=True)
class SurvivalPoint(Row):
    """Share of an unemployment inflow still unemployed after some months (S2)."""

    TABLE = "survival"
    KEY = ("area", "period", "months")
    TITLE_EN = "Flows into long-term unemployment"
    TITLE_FI = "Virrat pitkäaikaistyöttömyyteen"

    area: str = area_col()
    period: str = period_col()
    months: int = col(
        "Months since becoming unemployed", "Kuukautta työttömäksi tulosta", minimum=0
    )
    share_pct: float = percent_col("Share still unemployed", "Yhä työttömänä olevien osuus")


@dataclass(frozen=True)
class BenefitDaysCount(Row):
    """Labour market subsidy recipients by accumulated benefit days (S1, S4)."""

    TABLE = "benefit_days"
    KEY = ("area", "period", "days_class")
    TITLE_EN = "Labour market subsidy recipients by benefit days"
    TITLE_FI = "Työmarkkinatuen saajat tukipäivien kertymän mukaan"

    area: str = area_col()
    period: str = period_col()
    days_class: BenefitDaysClass = col("Accumulated benefit days", "Tukipäivien kertymä")
    recipients: int = count_col("Recipients", "Saajat")
    reported_share_pct: float | None = percent_col(
        "Share of all recipients as printed in the source",
        "Osuus kaikista saajista lähteen mukaan",
        default=None,
    )


@dataclass(frozen=True)
class MeasurePeriods(Row):
    """Periods of a measure started and ended in a year, by producer kind (S5)."""

    TABLE = "measure_periods"
    KEY = ("area", "period", "measure", "producer")
    TITLE_EN = "Ended measure periods"
    TITLE_FI = "Päättyneet toimenpidejaksot"

    area: str = area_col()
    period: str = period_col()
    measure: Measure = col("Measure", "Toimenpide")
    producer: ProducerKind = col("Producer kind", "Tuottajatyyppi")
    ended_periods: int = col(
        "Periods started and ended", "Alkaneet ja päättyneet jaksot", minimum=0
    )


@dataclass(frozen=True)
class OutcomeShare(Row):
    """Situation after a measure, share of ended periods (S5)."""

    TABLE = "outcomes"
    KEY = ("area", "period", "measure", "producer", "outcome")
    TITLE_EN = "Situation after the measure"
    TITLE_FI = "Tilanne palvelun jälkeen"

    area: str = area_col()
    period: str = period_col()
    measure: Measure = col("Measure", "Toimenpide")
    producer: ProducerKind = col("Producer kind", "Tuottajatyyppi")
    outcome: Outcome = col("Situation after the measure", "Tilanne palvelun jälkeen")
    share_pct: float = percent_col("Share of ended periods", "Osuus päättyneistä jaksoista")


@dataclass(frozen=True)
class ClientBase(Row):
    """An estimate of the hard-to-employ client base (S6)."""

    TABLE = "client_base"
    KEY = ("area", "period", "definition")
    TITLE_EN = "Client base"
    TITLE_FI = "Asiakkaiden kokonaismäärä"

    area: str = area_col()
    period: str = period_col()
    definition: ClientBaseDefinition = col("Definition", "Tulkinta")
    clients: int = count_col("Clients", "Asiakkaat")
    basis: str = col("Statistics the estimate rests on", "Tilastot, joihin arvio perustuu")


@dataclass(frozen=True)
class SegmentShare(Row):
    """Employment-potential segments of the client base (S7)."""

    TABLE = "segments"
    KEY = ("area", "period", "definition", "segment")
    TITLE_EN = "Client potential by segment"
    TITLE_FI = "Asiakaspotentiaali segmenteittäin"

    area: str = area_col()
    period: str = period_col()
    definition: ClientBaseDefinition = col("Client base definition", "Asiakasmäärän tulkinta")
    segment: Segment = col("Segment", "Segmentti")
    share_pct: float = percent_col("Share of the client base", "Osuus asiakkaista")
    reported_clients: int | None = count_col(
        "Clients as printed in the source", "Asiakkaat lähteen mukaan", default=None
    )


@dataclass(frozen=True)
class ServiceNeed(Row):
    """Clients in need of a kind of service, narrow and broad estimate (S8)."""

    TABLE = "service_needs"
    KEY = ("area", "period", "need")
    TITLE_EN = "Service needs"
    TITLE_FI = "Palvelutarpeet"

    area: str = area_col()
    period: str = period_col()
    need: NeedKind = col("Kind of need", "Tarpeen laji")
    clients_narrow: int = count_col("Clients, narrow definition", "Asiakkaat, suppea")
    clients_broad: int = count_col("Clients, broad definition", "Asiakkaat, laaja")


@dataclass(frozen=True)
class ServiceCapacity(Row):
    """Clients served by a measure: the availability side of S8."""

    TABLE = "service_capacity"
    KEY = ("area", "period", "measure")
    TITLE_EN = "Services available"
    TITLE_FI = "Palveluiden saatavuus"

    area: str = area_col()
    period: str = period_col()
    measure: Measure = col("Measure", "Toimenpide")
    clients: int = count_col("Clients", "Asiakkaat")
    basis: str = col("What the count covers", "Mitä luku kattaa")


@dataclass(frozen=True)
class ProducerClients(Row):
    """Clients of a measure by producer kind at a point in time (S10)."""

    TABLE = "producer_clients"
    KEY = ("area", "period", "measure", "producer")
    TITLE_EN = "Clients by producer kind"
    TITLE_FI = "Asiakkaat tuottajatyypeittäin"

    area: str = area_col()
    period: str = period_col()
    measure: Measure = col("Measure", "Toimenpide")
    producer: ProducerKind = col("Producer kind", "Tuottajatyyppi")
    clients: int = count_col("Clients", "Asiakkaat")
    reported_share_pct: float | None = percent_col(
        "Share as printed in the source's chart", "Osuus lähteen kaaviossa", default=None
    )
    text_share_pct: float | None = percent_col(
        "Share as stated in the source's text", "Osuus lähteen tekstissä", default=None
    )


@dataclass(frozen=True)
class ActivationShare(Row):
    """Share of a measure's clients living in each area (S10)."""

    TABLE = "activation_shares"
    KEY = ("area", "period", "measure")
    TITLE_EN = "Clients by municipality"
    TITLE_FI = "Asiakkaat kunnittain"

    area: str = area_col()
    period: str = period_col()
    measure: Measure = col("Measure", "Toimenpide")
    share_pct: float = percent_col("Share of the measure's clients", "Osuus asiakkaista")


@dataclass(frozen=True)
class Producer(Row):
    """A service producer named in the dataset, or a group reported together."""

    TABLE = "producers"
    KEY = ("id",)
    TITLE_EN = "Producers"
    TITLE_FI = "Palveluntuottajat"

    id: str = col("Identifier", "Tunniste", pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = col("Name", "Nimi")
    kind: ProducerKind = col("Producer kind", "Tuottajatyyppi")
    area: str = area_col()
    interviewed: bool = col("Interviewed in the survey", "Haastateltu selvityksessä")


@dataclass(frozen=True)
class IncomeShare(Row):
    """A producer's income by funding source (S13)."""

    TABLE = "income_mix"
    KEY = ("producer", "period", "funding_source")
    TITLE_EN = "Income by source"
    TITLE_FI = "Tulot lähteittäin"

    producer: str = col("Producer identifier", "Tuottajan tunniste", references="producers")
    period: str = period_col()
    funding_source: FundingSource = col("Funding source", "Rahoituslähde")
    share_pct: float = percent_col("Share of income", "Osuus tuloista")


@dataclass(frozen=True)
class ProducerIndicator(Row):
    """A scalar figure of a producer (S13 income, clients; S15 output ratio)."""

    TABLE = "producer_indicators"
    KEY = ("producer", "period", "indicator")
    TITLE_EN = "Producer figures"
    TITLE_FI = "Tuottajien tunnusluvut"

    producer: str = col("Producer identifier", "Tuottajan tunniste", references="producers")
    period: str = period_col()
    indicator: ProducerIndicatorKind = col("Indicator", "Tunnusluku")
    value: float = col("Value", "Arvo")
    unit: Unit = col("Unit; must match the indicator", "Yksikkö; tunnusluvun mukainen")


@dataclass(frozen=True)
class ProposalParameter(Row):
    """A parameter of a proposal, as a range (S9, S16)."""

    TABLE = "proposals"
    KEY = ("area", "proposal", "item")
    TITLE_EN = "Proposals"
    TITLE_FI = "Ehdotukset"

    area: str = area_col()
    proposal: str = col("Proposal identifier", "Ehdotuksen tunniste", pattern=r"^[a-z0-9_]+$")
    measure: Measure = col("Measure", "Toimenpide")
    item: ProposalItem = col("Parameter", "Parametri")
    low: float = col("Lower end of the range", "Vaihteluvälin alaraja", minimum=0)
    high: float = col("Upper end of the range", "Vaihteluvälin yläraja", minimum=0)
    unit: Unit = col("Unit; must match the item", "Yksikkö; parametrin mukainen")


@dataclass(frozen=True)
class MunicipalShareMonth(Row):
    """Kela's monthly municipal-share bill by municipality, benefit and days class.

    From 2025; ``polku bill`` forecasts the months after the table's last. Optional: a
    dataset without it has none."""

    TABLE = "municipal_share_months"
    KEY = ("municipality", "month", "benefit", "days_class")
    TITLE_EN = "Municipal share by month"
    TITLE_FI = "Kuntaosuus kuukausittain"
    OPTIONAL = True

    municipality: str = col(
        "Municipality code, 3 digits", "Kuntanumero, 3 numeroa", pattern=r"^[0-9]{3}$"
    )
    month: str = col(
        "Month YYYY-MM", "Kuukausi VVVV-KK", pattern=r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$"
    )
    benefit: ShareBenefit = col("Benefit", "Etuus")
    days_class: ShareDaysClass = col("Accumulated-days class", "Kertymäluokka")
    recipients: int = count_col(
        "Recipients (not additive across classes)", "Saajat (ei summattavissa luokittain)"
    )
    eur: float = col("Municipal share billed", "Laskutettu kuntaosuus", unit=Unit.EUR)


ROW_TYPES: tuple[type[Row], ...] = (
    Area,
    AreaIndicator,
    JobseekerCount,
    JobseekerStatusShare,
    SurvivalPoint,
    BenefitDaysCount,
    MeasurePeriods,
    OutcomeShare,
    ClientBase,
    SegmentShare,
    ServiceNeed,
    ServiceCapacity,
    ProducerClients,
    ActivationShare,
    Producer,
    IncomeShare,
    ProducerIndicator,
    ProposalParameter,
    MunicipalShareMonth,
)
"""Every table of a dataset, in the order they are written."""

PRINTED_COLUMNS: dict[str, tuple[str, ...]] = {
    JobseekerCount.TABLE: ("reported_share_pct", "reported_change_pct"),
    BenefitDaysCount.TABLE: ("reported_share_pct",),
    ClientBase.TABLE: ("clients", "basis"),
    SegmentShare.TABLE: ("reported_clients",),
    ProducerClients.TABLE: ("reported_share_pct", "text_share_pct"),
}
"""Columns that hold a figure as the source printed it, beside the data it derives from:
kept so that ``polku check`` can compare the two; no analysis reads them. The client
base (S6) is one: the analyses compute it from benefit days, jobseekers and indicators."""
