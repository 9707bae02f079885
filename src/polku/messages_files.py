"""The messages of hostile or broken input files (another encoding, a NUL byte, a file
too large, an unclosed quote, an unreadable sheet), English and Finnish, merged into
:data:`polku.messages.CATALOGUE`."""

from __future__ import annotations

Entry = dict[str, dict[str, str]]


def _m(what_en: str, what_fi: str, exp_en: str, exp_fi: str) -> Entry:
    return {"what": {"en": what_en, "fi": what_fi}, "expected": {"en": exp_en, "fi": exp_fi}}


FILES: dict[str, Entry] = {
    # --- hostile or broken files ---
    "text_nul": _m(
        "the text holds a NUL byte (is it a binary file?)",
        "tekstissä on NUL-tavu (onko tiedosto binäärinen?)",
        "plain UTF-8 text",
        "tavallinen UTF-8-teksti",
    ),
    "file_too_large": _m(
        "the file is too large ({size} bytes)",
        "tiedosto on liian suuri ({size} tavua)",
        "at most {limit} bytes",
        "enintään {limit} tavua",
    ),
    "file_unreadable": _m(
        "the file cannot be read ({detail})",
        "tiedostoa ei voi lukea ({detail})",
        "a readable file",
        "luettava tiedosto",
    ),
    "csv_quote_unclosed": _m(
        "a quote opened on this row is not closed where its cell ends (the record runs to "
        "line {end})",
        "tällä rivillä avattu lainausmerkki ei sulkeudu solun lopussa (tietue jatkuu riville "
        "{end})",
        'a closing quote for every opening one, e.g. "Survey, part 2"',
        'jokaiselle avaavalle lainausmerkille sulkeva, esim. "Kysely, osa 2"',
    ),
    "sheet_unreadable": _m(
        "sheet {sheet} cannot be read ({detail})",
        "välilehteä {sheet} ei voi lukea ({detail})",
        "a sheet saved by Excel or LibreOffice",
        "Excelillä tai LibreOfficella tallennettu välilehti",
    ),
    "sheet_too_large": _m(
        "sheet {sheet} has more than {limit} rows",
        "välilehdellä {sheet} on yli {limit} riviä",
        "at most {limit} rows",
        "enintään {limit} riviä",
    ),
    "cell_too_long": _m(
        "sheet {sheet}, row {row}: a cell holds more than {limit} characters",
        "välilehti {sheet}, rivi {row}: solussa on yli {limit} merkkiä",
        "at most {limit} characters, as in Excel",
        "enintään {limit} merkkiä, kuten Excelissä",
    ),
    "dataset_name_invalid": _m(
        "the dataset's name cannot be used in an address or a file name",
        "aineiston nimeä ei voi käyttää osoitteessa tai tiedostonimessä",
        "letters a-z, digits, '.', '_' and '-', starting with a letter or digit, at most 80, "
        "e.g. my-region-2024",
        "kirjaimia a-z, numeroita, '.', '_' ja '-', alussa kirjain tai numero, enintään 80, "
        "esim. oma-alue-2024",
    ),
    "dataset_name_missing": _m(
        "the dataset needs a name",
        "aineisto tarvitsee nimen",
        "a name on the row name of the datapackage sheet, e.g. my-region-2024",
        "nimi datapackage-välilehden name-rivillä, esim. oma-alue-2024",
    ),
    # --- what the simulation is given (from the dataset, through the calibration) ---
    "simulation_count": _m(
        "the simulation cannot run with this number of people ({name})",
        "simulaatiota ei voi ajaa tällä henkilömäärällä ({name})",
        "a finite number from 0 to {high}; it comes from the dataset, whose values "
        "polku check bounds",
        "äärellinen luku väliltä 0 - {high}; se tulee aineistosta, jonka arvot polku check "
        "tarkistaa",
    ),
    "simulation_rate": _m(
        "the simulation cannot run with this rate ({name})",
        "simulaatiota ei voi ajaa tällä osuudella ({name})",
        "a finite number; it comes from the dataset (a zero or missing denominator?)",
        "äärellinen luku; se tulee aineistosta (nolla tai puuttuva jakaja?)",
    ),
}
