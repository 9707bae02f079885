"""Every text of the report, in English; the gettext catalogues (:mod:`polku.catalogue`,
context ``report:<key>``) translate them."""

from __future__ import annotations

from polku.catalogue import translate
from polku.i18n import Lang
from polku.model.terms import TERMS, term

TEXTS: dict[str, str] = {  # key: English
    "title": "Employment services and the third sector: {region}",
    "made": "Made with Polku {version} on {date} from the dataset {dataset}.",
    "contents": "Contents",
    "unverified_mark": "(unverified)",
    "sheet": "Sheet",
    "table": "Table",
    "s0": "0 Subject and method",
    "s0_text": "This report computes, from the dataset described below, the analyses of a "
    "regional survey of employment services for the hard-to-employ and of the "
    "associations that produce them: client numbers and needs, the effectiveness of "
    "measures, the associations' funding and the cost-neutral price of work activity. "
    "Every figure is computed from the data and the dated rules, and every table and "
    "chart names its sources. Figures marked * rest on estimates or unverified rule "
    "values.",
    "outcomes_caption": (
        "Stacked bars: the outcomes of ended periods; the unknown share is its own colour."
    ),
    "outcomes_not_whole": "In the source, the shares of {columns} do not sum to 100 %.",
    "lines_caption": "Bars compare each service line's unemployed jobseekers in {months}.",
    "survival_caption": "Of {inflow} new unemployed a month, the line shows the share still "
    "unemployed after {months} months.",
    "and": "and",
    "s1": "1 Client numbers and needs",
    "s2": "2 The organiser's view",
    "s3": "3 The third sector's funding",
    "s4": "4 Conclusions: the cost-neutral price",
    "s5": "5 Scenarios against the baseline",
    "s7": "6 The associations' funding base",
    "s8": "7 The municipal-share bill",
    "s6": "Appendix: assumptions, rules and findings",
    "s9": "8 Where the next euro goes",
    "optimise_run": "Polku searched {evaluations} mixes of added places and the priority rule "
    "with Optuna's NSGA-II on expected values, kept those no other mix beats on every "
    "objective, and ran the five best balanced again with {replications} replications "
    "(seed {seed}) for their bands; the dataset's own proposal (*) was run the same way.",
    "optimise_budget": "Constraint: the organiser's added cost at most {amount} EUR a year "
    "(the dataset's purchases, S11).",
    "optimise_source": "Polku optimisation ({problem}), on the simulation of the dataset",
    "optimise_default": "the dataset's own question: added places within its purchases",
    "optimise_table": "The five best-balanced mixes and the dataset's proposal, p5-p95",
    "optimise_front": "Every mix on the front (expected values)",
    "optimise_mix": "Mix",
    "optimise_added": "Organiser's added cost, EUR a year",
    "proposal": "The dataset's proposal",
    "not_computed": "Not computed for this dataset: {reason}",
    "sources": "Sources",
    "t_sources": "Where the data come from: each source, the tables it fed, and how to check it",
    "src_tables": "Tables",
    "src_address": "Address",
    "src_retrieved": "Retrieved (UTC)",
    "src_modified": "Changed at the source",
    "source": "Source",
    "estimate_mark": "* includes estimates",
    "data_table": "The data behind the chart",
    "suppressed": "Counts of fewer than the threshold of persons are not shown (..), nor the cells "
    "and shares from which they could be computed; a chart with such a count is not drawn.",
    "no_scenarios": "No scenarios were given; run polku report --scenario NAME.",
    "assumptions": "Assumptions",
    "rules": "Rule values used",
    "findings": "Consistency findings in the data",
    "none": "None.",
    "name": "Name",
    "value": "Value",
    "unit": "Unit",
    "note": "Note",
    "verified": "Verified",
    "yes": "yes",
    "no": "no",
    "level": "Level",
    "place": "Place",
    "problem": "Problem",
    "expected": "Expected",
    "found": "Found",
}


def text(key: str, lang: Lang, **params: object) -> str:
    """The text ``key`` in ``lang``, with ``params`` filled in."""
    return translate(lang, f"report:{key}", TEXTS[key]).format(**params)


__all__ = ["TERMS", "TEXTS", "term", "text"]
