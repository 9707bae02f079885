"""Every text of the report, in Finnish and English."""

from __future__ import annotations

from polku.i18n import Lang

TEXTS: dict[str, dict[str, str]] = {
    "title": {
        "en": "Employment services and the third sector: {region}",
        "fi": "Työllisyyspalvelut ja kolmas sektori: {region}",
    },
    "made": {
        "en": "Made with Polku {version} on {date} from the dataset {dataset}.",
        "fi": "Tehty Polku {version} -ohjelmalla {date} aineistosta {dataset}.",
    },
    "contents": {"en": "Contents", "fi": "Sisällys"},
    "s0": {"en": "0 Subject and method", "fi": "0 Selvityksen kohde ja toteutus"},
    "s0_text": {
        "en": "This report recomputes the analyses of the 2017 survey of South Karelia from "
        "the dataset below: every figure is computed from the data and the dated rules, "
        "and every table and chart names its sources. Figures marked * rest on "
        "estimates or unverified rule values.",
        "fi": "Tämä raportti laskee vuoden 2017 Etelä-Karjalan selvityksen analyysit "
        "uudelleen alla olevasta aineistosta: jokainen luku lasketaan aineistosta ja "
        "päivätyistä säännöistä, ja jokainen taulukko ja kaavio kertoo lähteensä. "
        "Tähdellä * merkityt luvut perustuvat arvioihin tai varmistamattomiin "
        "sääntöarvoihin.",
    },
    "s1": {"en": "1 Client numbers and needs", "fi": "1 Asiakasmäärät ja palvelutarpeet"},
    "s2": {"en": "2 The organiser's view", "fi": "2 Palveluiden järjestäjän näkökulma"},
    "s3": {"en": "3 The third sector's funding", "fi": "3 Kolmannen sektorin rahoitus"},
    "s4": {
        "en": "4 Conclusions: the cost-neutral price",
        "fi": "4 Johtopäätökset: kustannusneutraali hinta",
    },
    "s5": {"en": "5 Scenarios against the baseline", "fi": "5 Skenaariot perusuraan verrattuna"},
    "s7": {
        "en": "6 The associations' funding base",
        "fi": "6 Järjestöjen rahoituspohja",
    },
    "s6": {
        "en": "Appendix: assumptions, rules and findings",
        "fi": "Liite: oletukset, säännöt ja havainnot",
    },
    "not_computed": {
        "en": "Not computed for this dataset: {reason}",
        "fi": "Ei laskettu tälle aineistolle: {reason}",
    },
    "sources": {"en": "Sources", "fi": "Lähteet"},
    "source": {"en": "Source", "fi": "Lähde"},
    "estimate_mark": {"en": "* includes estimates", "fi": "* sisältää arvioita"},
    "data_table": {"en": "The data behind the chart", "fi": "Kaavion tiedot taulukkona"},
    "suppressed": {
        "en": "Counts of fewer than the threshold of persons are not shown (..), nor the cells "
        "and shares from which they could be computed; a chart with such a count is not drawn.",
        "fi": "Kynnystä pienempiä henkilömääriä ei näytetä (..), eikä soluja ja osuuksia, "
        "joista ne voisi laskea; kaaviota, jossa sellainen luku olisi, ei piirretä.",
    },
    "no_scenarios": {
        "en": "No scenarios were given; run polku report --scenario NAME.",
        "fi": "Skenaarioita ei annettu; aja polku report --scenario NIMI.",
    },
    "assumptions": {"en": "Assumptions", "fi": "Oletukset"},
    "rules": {"en": "Rule values used", "fi": "Käytetyt sääntöarvot"},
    "findings": {
        "en": "Consistency findings in the data",
        "fi": "Aineiston johdonmukaisuushavainnot",
    },
    "none": {"en": "None.", "fi": "Ei yhtään."},
    "name": {"en": "Name", "fi": "Nimi"},
    "value": {"en": "Value", "fi": "Arvo"},
    "unit": {"en": "Unit", "fi": "Yksikkö"},
    "note": {"en": "Note", "fi": "Huomautus"},
    "verified": {"en": "Verified", "fi": "Varmistettu"},
    "yes": {"en": "yes", "fi": "kyllä"},
    "no": {"en": "no", "fi": "ei"},
    "level": {"en": "Level", "fi": "Taso"},
    "place": {"en": "Place", "fi": "Paikka"},
    "problem": {"en": "Problem", "fi": "Ongelma"},
    "expected": {"en": "Expected", "fi": "Odotettu"},
    "found": {"en": "Found", "fi": "Havaittu"},
}


def text(key: str, lang: Lang, **params: object) -> str:
    """The text ``key`` in ``lang``, with ``params`` filled in."""
    return TEXTS[key][lang].format(**params)


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
}


def term(value: object, lang: Lang) -> str:
    """A vocabulary value as a reader says it, in ``lang`` (unknown values unchanged)."""
    key = str(value)
    if key in TERMS:
        en, fi = TERMS[key]
        return fi if lang == "fi" else en
    return key
