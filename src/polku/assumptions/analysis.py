"""Assumptions of the analyses (S1-S16)."""

from __future__ import annotations

from typing import Any

from .definition import Assumption, Value


def _a(name: str, default: Value, unit: str, en: str, fi: str, **kw: Any) -> Assumption:
    return Assumption(name, default, unit, en, fi, **kw)


ANALYSIS: tuple[Assumption, ...] = (
    _a(
        "client_base.rounding",
        500.0,
        "persons",
        "The survey's 'about 2500' and 'about 4500' are the mean of its two statistics "
        "for each definition, rounded to this step",
        "Selvityksen 'noin 2500' ja 'noin 4500' ovat kummankin tulkinnan kahden tilaston "
        "keskiarvo tähän tarkkuuteen pyöristettynä",
        minimum=1,
    ),
    _a(
        "client_base.narrow_basis",
        "mean",
        "",
        "Narrow client base from labour market subsidy recipients with 300+ days "
        "(benefit_days), unemployed jobseekers on the service lines (service_lines), or both",
        "Suppea asiakasmäärä: yli 300 päivää työmarkkinatukea saaneet (benefit_days), "
        "palvelulinjojen työttömät (service_lines) tai niiden keskiarvo (mean)",
        choices=("mean", "benefit_days", "service_lines"),
        kind="choice",
    ),
    _a(
        "client_base.broad_basis",
        "mean",
        "",
        "Broad client base from all jobseekers on the service lines (service_lines), "
        "structural unemployment less the recently long-term unemployed (structural), or both",
        "Laaja asiakasmäärä: palvelulinjojen kaikki työnhakijat (service_lines), "
        "rakennetyöttömyys vähennettynä äskettäin pitkäaikaistyöttömiksi tulleilla "
        "(structural) tai keskiarvo (mean)",
        choices=("mean", "service_lines", "structural"),
        kind="choice",
    ),
    _a(
        "client_base.service_lines",
        "03+05",
        "",
        "TE service lines whose clients form the client base",
        "TE-palvelulinjat, joiden asiakkaat muodostavat asiakasmäärän",
        kind="service_lines",
    ),
    _a(
        "client_base.recently_long_term_pct",
        None,
        "percent",
        "Share of structural unemployment deducted as recently become long-term unemployed; "
        "default: the dataset's indicator recently_long_term_share",
        "Rakennetyöttömyydestä vähennettävä äskettäin pitkäaikaistyöttömiksi tulleiden osuus; "
        "oletus: aineiston tunnusluku recently_long_term_share",
        minimum=0,
        maximum=100,
    ),
    _a(
        "effectiveness.confidence",
        0.95,
        "probability",
        "Coverage of the Wilson intervals of outcome shares",
        "Tulososuuksien Wilsonin luottamusvälien luottamustaso",
        minimum=0.5,
        maximum=0.999,
    ),
    _a(
        "municipal_share.rules_date",
        None,
        "date",
        "Date whose rules price the benefit days; default: mid-year of the benefit-day statistic",
        "Päivä, jonka säännöillä etuuspäivät hinnoitellaan; oletus: "
        "etuuspäivätilaston vuoden puoliväli",
        kind="date",
    ),
    _a(
        "municipal_share.benefit_days_per_year",
        261.0,
        "days",
        "Benefit days paid in a year to a recipient receiving it all year (five days a "
        "week, 52.2 weeks)",
        "Etuuspäiviä vuodessa koko vuoden tukea saavalla (viisi päivää viikossa, 52,2 viikkoa)",
        minimum=1,
        maximum=366,
    ),
    _a(
        "funding.cut_pct",
        None,
        "percent",
        "Cut applied to each income source in turn; default: the dataset's funding_change",
        "Kuhunkin tulolähteeseen vuorollaan kohdistuva leikkaus; oletus: aineiston funding_change",
        minimum=0,
        maximum=100,
    ),
    _a(
        "funding.knock_on_pct",
        0.0,
        "percent",
        "Share of a cut in one source that is lost from the others too (S12 says cuts "
        "spill over; the survey gives no figure)",
        "Osuus yhden lähteen leikkauksesta, joka menetetään myös muista (S12; ei lukua "
        "selvityksessä)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "pricing.activity_days_per_week",
        2.5,
        "days_per_week",
        "Activity days a week of a typical client (the survey's services run 1-4 days)",
        "Tyypillisen asiakkaan toimintapäivät viikossa (selvityksessä 1-4 päivää)",
        minimum=0.5,
        maximum=5,
    ),
    _a(
        "pricing.weeks_per_year",
        46.0,
        "weeks",
        "Weeks a work-activity place is used in a year (holidays and gaps excluded)",
        "Viikot, jotka työtoimintapaikka on vuodessa käytössä",
        minimum=1,
        maximum=52,
    ),
    _a(
        "pricing.organiser_cost_per_week",
        10.0,
        "eur_per_week",
        "The organiser's own client guidance and contract management cost per client-week "
        "(the survey's price includes it; no figure given)",
        "Järjestäjän oma asiakasohjaus- ja sopimushallintakustannus asiakasviikolta",
        minimum=0,
    ),
    _a(
        "pricing.client_days_class",
        "300+",
        "",
        "Benefit-day class of the clients the added places serve; sets the municipal share "
        "saved during activity",
        "Lisäpaikkojen asiakkaiden tukipäiväluokka",
        choices=("300+", "all", "1000+", "500-999", "300-499"),
        kind="choice",
    ),
    _a(
        "pricing.fixed_price_per_week",
        None,
        "eur_per_week",
        "Fixed price per client-week; default: the middle of the dataset's proposal",
        "Kiinteä hinta asiakasviikolta; oletus: aineiston ehdotuksen keskikohta",
        minimum=0,
    ),
    _a(
        "pricing.price_per_activity_day",
        None,
        "eur_per_day",
        "Price per activity day; default: the middle of the dataset's proposal",
        "Hinta toimintapäivältä; oletus: aineiston ehdotuksen keskikohta",
        minimum=0,
    ),
    _a(
        "disclosure.min_count",
        5.0,
        "persons",
        "Counts of fewer persons than this are not published (report, workbook, "
        "dashboard), with the cells from which they could be recomputed",
        "Tätä pienempiä henkilömääriä ei julkaista (raportti, työkirja, selain), eikä "
        "soluja, joista ne voisi laskea",
        minimum=1,
    ),
)
