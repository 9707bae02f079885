"""The messages of the rules that hold a dataset to what the commands can compute with
(:mod:`polku.data.integrity`, :mod:`polku.data.required`), English and Finnish, merged
into :data:`polku.messages.CATALOGUE`."""

from __future__ import annotations

Entry = dict[str, dict[str, str]]


def _m(what_en: str, what_fi: str, exp_en: str, exp_fi: str) -> Entry:
    return {"what": {"en": what_en, "fi": what_fi}, "expected": {"en": exp_en, "fi": exp_fi}}


DATA: dict[str, Entry] = {
    "value_out_of_bounds": _m(
        "the value of {item} is beyond what it can be",
        "kohteen {item} arvo on mahdoton",
        "a value from {low} to {high}",
        "arvo väliltä {low}-{high}",
    ),
    "value_not_positive": _m(
        "{item} is not above 0, and the commands divide by it",
        "{item} ei ole suurempi kuin 0, ja komennot jakavat sillä",
        "a value above 0",
        "arvo, joka on suurempi kuin 0",
    ),
    "period_year": _m(
        "the year {year} is not a year the data can be from",
        "vuosi {year} ei voi olla aineiston vuosi",
        "a year from {first} to {last}, e.g. 2016 or 2015-01/2016-03",
        "vuosi väliltä {first}-{last}, esim. 2016 tai 2015-01/2016-03",
    ),
    "period_reversed": _m(
        "the period ends before it starts",
        "ajanjakso päättyy ennen kuin se alkaa",
        "start/end with the start first, e.g. 2015-01/2016-03",
        "alku/loppu alku ensin, esim. 2015-01/2016-03",
    ),
    "area_parent_self": _m(
        "area {area} is its own parent",
        "alue {area} on oma ylempi alueensa",
        "the code of the area that encloses it (empty for the whole country)",
        "sen ympäröivän alueen koodi (koko maalla tyhjä)",
    ),
    "area_cycle": _m(
        "the areas' parents go round in a loop: {cycle}",
        "alueiden ylemmät alueet kiertävät kehää: {cycle}",
        "a tree: each area's chain of parents ends at the whole country",
        "puu: kunkin alueen ylempien alueiden ketju päättyy koko maahan",
    ),
    "table_needed_empty": _m(
        "the table holds no rows",
        "taulussa ei ole rivejä",
        "at least one row, needed by {purpose}",
        "vähintään yksi rivi; sitä tarvitsevat {purpose_fi}",
    ),
    "exceeds_population": _m(
        "{item} ({value}) is more than the residents of {area} ({population})",
        "{item} ({value}) on enemmän kuin alueen {area} asukkaat ({population})",
        "at most the residents of {area} (indicators.csv, row {residents_row})",
        "enintään alueen {area} asukasmäärä (indicators.csv, rivi {residents_row})",
    ),
    "outcome_weights_zero": _m(
        "every producer with outcome shares of {measure} has 0 ended periods",
        "jokaisella tuottajalla, jolla on toimenpiteen {measure} tilanneosuuksia, on 0 "
        "päättynyttä jaksoa",
        "more than 0 ended periods for one of them: polku simulate, polku report and polku "
        "producers weigh the outcomes (S5) by them",
        "enemmän kuin 0 päättynyttä jaksoa yhdellä niistä: polku simulate, polku report ja "
        "polku producers painottavat tilanteita (S5) niillä",
    ),
    # --- scenario bounds (polku.simulation.scenario) ---
    "scenario_places_bound": _m(
        "{places} places is outside what the model can plan with",
        "{places} paikkaa on mallin suunnittelualueen ulkopuolella",
        "a number of places from {low} to {high}",
        "vähintään {low} ja enintään {high} paikkaa",
    ),
    "scenario_places_removed": _m(
        "{removed} places removed, but there are {old} places today",
        "poistetaan {removed} paikkaa, mutta paikkoja on nyt {old}",
        "at least -{old}: at most the places there are",
        "vähintään -{old}: enintään nykyiset paikat",
    ),
    "scenario_rules_date": _m(
        "the bundled rules do not cover {date}",
        "mukana tulevat säännöt eivät kata päivää {date}",
        "a date from {first} to {last}",
        "päivämäärä {first} ja {last} väliltä",
    ),
}
