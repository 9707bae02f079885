"""The messages of Kela's municipal-share rows (``polku bill --history``), English and
Finnish, merged into :data:`polku.messages.CATALOGUE`."""

from __future__ import annotations

Entry = dict[str, dict[str, str]]


def _m(what_en: str, what_fi: str, exp_en: str, exp_fi: str) -> Entry:
    return {"what": {"en": what_en, "fi": what_fi}, "expected": {"en": exp_en, "fi": exp_fi}}


BILL: dict[str, Entry] = {
    # --- Kela's municipal-share rows (polku bill --history) ---
    "bill_file": _m(
        "the file cannot be opened ({reason})",
        "tiedostoa ei voi avata ({reason})",
        "a CSV file of Kela's municipal-share rows",
        "Kelan kuntaosuusrivien CSV-tiedosto",
    ),
    "bill_encoding": _m(
        "the file is not UTF-8 text (byte {byte})",
        "tiedosto ei ole UTF-8-tekstiä (tavu {byte})",
        "UTF-8 text, as Kela publishes it",
        "UTF-8-tekstiä, kuten Kela sen julkaisee",
    ),
    "bill_columns": _m(
        "the header lacks the columns {missing}",
        "otsikkoriviltä puuttuvat sarakkeet {missing}",
        "Kela's columns separated by semicolons: {columns}",
        "Kelan sarakkeet puolipistein eroteltuina: {columns}",
    ),
    "bill_empty": _m(
        "the file has no monthly rows (aikatyyppi Kuukausi) by benefit and class",
        "tiedostossa ei ole kuukausirivejä (aikatyyppi Kuukausi) etuuksittain ja luokittain",
        "rows with the columns {columns}",
        "rivejä sarakkein {columns}",
    ),
    "bill_no_rows": _m(
        "the dataset {dataset} has no rows of Kela's monthly municipal share",
        "aineistossa {dataset} ei ole Kelan kuukausittaisia kuntaosuusrivejä",
        "rows in municipal_share_months.csv, or Kela's CSV given with --history FILE",
        "rivejä tiedostossa municipal_share_months.csv tai Kelan CSV valinnalla --history TIEDOSTO",
    ),
    "bill_places": _m(
        "more places than there are recipients in the class {target}",
        "enemmän paikkoja kuin luokassa {target} on saajia",
        "at most {most} places: the class's recipients a month in the level months",
        "enintään {most} paikkaa: luokan saajat kuukaudessa tason kuukausina",
    ),
    "bill_duplicate": _m(
        "the same municipality, month, benefit and class twice",
        "sama kunta, kuukausi, etuus ja luokka kahdesti",
        "one row for each; the first is on row {first}",
        "yksi rivi kutakin; ensimmäinen on rivillä {first}",
    ),
    "bill_general_benefit": _m(
        "a yleistuki row in a month before yleistuki took effect",
        "yleistukirivi kuukaudelta ennen yleistuen voimaantuloa",
        "yleistuki from the month the rules give (municipal_share.general_benefit)",
        "yleistuki vasta säännöissä annetusta kuukaudesta (municipal_share.general_benefit)",
    ),
    "bill_month": _m(
        "not a month",
        "ei ole kuukausi",
        "a month YYYYMM, e.g. 202507",
        "kuukausi muodossa VVVVKK, esim. 202507",
    ),
    "bill_municipality": _m(
        "not a municipality code",
        "ei ole kuntanumero",
        "a municipality code of up to 3 digits, e.g. 405",
        "enintään kolminumeroinen kuntanumero, esim. 405",
    ),
    "bill_benefit": _m(
        "unknown benefit",
        "tuntematon etuus",
        "one of: {known}",
        "jokin näistä: {known}",
    ),
    "bill_class": _m(
        "unknown accumulated-days class",
        "tuntematon kertymäluokka",
        "one of: {known}",
        "jokin näistä: {known}",
    ),
    "bill_eur": _m(
        "not an amount in EUR",
        "ei ole euromäärä",
        "an amount in EUR with a decimal point or comma",
        "euromäärä desimaalipisteellä tai -pilkulla",
    ),
    "bill_recipients": _m(
        "not a number of recipients",
        "ei ole saajien määrä",
        "a whole number of recipients, 0 or more",
        "saajien kokonaismäärä, 0 tai enemmän",
    ),
    "bill_total": _m(
        "a Yhteensä row differs from the sum of its parts",
        "Yhteensä-rivi poikkeaa osiensa summasta",
        "the sum of its parts in EUR: {parts}",
        "osiensa summa euroina: {parts}",
    ),
    "bill_no_months": _m(
        "no month before {start} can be fitted",
        "ennen kuukautta {start} ei ole sovitettavia kuukausia",
        "at least one month before {start} after any change of the rules "
        "(the file holds: {months})",
        "vähintään yksi kuukausi ennen kuukautta {start} sääntöjen muutoksen jälkeen "
        "(tiedostossa: {months})",
    ),
    "bill_backtest": _m(
        "cannot back-test on {fit} fitted months",
        "jälkitestiä ei voi tehdä {fit} sovitetulla kuukaudella",
        "from 1 to {last} months: the rest of the {months} are forecast",
        "1 - {last} kuukautta: loput {months} kuukaudesta ennustetaan",
    ),
}
