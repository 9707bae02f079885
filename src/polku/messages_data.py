"""The messages of the rules that hold a dataset to what the commands can compute with
(:mod:`polku.data.integrity`, :mod:`polku.data.required`), in English (translated by
the gettext catalogues), merged into :data:`polku.messages.CATALOGUE`."""

from __future__ import annotations

Entry = dict[str, str]  # "what" and "expected", in English


def _m(what: str, expected: str) -> Entry:
    return {"what": what, "expected": expected}


DATA: dict[str, Entry] = {
    "value_out_of_bounds": _m(
        "the value of {item} is beyond what it can be",
        "a value from {low} to {high}",
    ),
    "value_not_positive": _m(
        "{item} is not above 0, and the commands divide by it",
        "a value above 0",
    ),
    "period_year": _m(
        "the year {year} is not a year the data can be from",
        "a year from {first} to {last}, e.g. 2016 or 2015-01/2016-03",
    ),
    "period_reversed": _m(
        "the period ends before it starts",
        "start/end with the start first, e.g. 2015-01/2016-03",
    ),
    "area_parent_self": _m(
        "area {area} is its own parent",
        "the code of the area that encloses it (empty for the whole country)",
    ),
    "area_cycle": _m(
        "the areas' parents go round in a loop: {cycle}",
        "a tree: each area's chain of parents ends at the whole country",
    ),
    "table_needed_empty": _m(
        "the table holds no rows",
        "at least one row, needed by {purpose}",
    ),
    "exceeds_population": _m(
        "{item} ({value}) is more than the residents of {area} ({population})",
        "at most the residents of {area} (indicators.csv, row {residents_row})",
    ),
    "outcome_weights_zero": _m(
        "every producer with outcome shares of {measure} has 0 ended periods",
        "more than 0 ended periods for one of them: polku simulate, polku report and polku "
        "producers weigh the outcomes (S5) by them",
    ),
    # --- scenario bounds (polku.simulation.scenario) ---
    "scenario_places_bound": _m(
        "{places} places is outside what the model can plan with",
        "a number of places from {low} to {high}",
    ),
    "scenario_places_removed": _m(
        "{removed} places removed, but there are {old} places today",
        "at least -{old}: at most the places there are",
    ),
    "scenario_rules_date": _m(
        "the bundled rules do not cover {date}",
        "a date from {first} to {last}",
    ),
}
