"""Assemble the report context from a region: analyses, findings, optional scenarios."""

from __future__ import annotations

from polku import __version__
from polku.analysis import Analysis, analyse
from polku.consistency import check_region
from polku.errors import AnalysisError
from polku.i18n import Lang
from polku.model.region import Region
from polku.optimise import Optimised
from polku.producers.run import ProducerAnalysis, analyse_producers
from polku.rules import RuleSet, load_rules
from polku.simulation.runner import Simulation

from .appendix import appendix
from .bill import BillPart, bill_section
from .context import Report, Section, today
from .money import funding, organiser, price
from .optimised import optimise_section
from .producers import producers as producer_section
from .protect import protect
from .scenarios import scenarios
from .sources import sources_table
from .survey import clients
from .texts import text
from .translate import source_texts, translate


def build_report(
    region: Region,
    lang: Lang,
    *,
    rules: RuleSet | None = None,
    analysis: Analysis | None = None,
    simulation: Simulation | None = None,
    producers: ProducerAnalysis | None = None,
    bill: BillPart | None = None,
    municipality_names: dict[str, str] | None = None,
    optimised: Optimised | None = None,
) -> Report:
    """The whole report for ``region`` in ``lang``."""
    a = analysis or analyse(region, rules)
    reason = ""
    if producers is None:
        try:
            producers = analyse_producers(
                region,
                rules=rules,
                assumptions=a.assumptions,
                calibration=simulation.calibration if simulation else None,
            )
        except AnalysisError as exc:  # the rest of the report stands without it
            reason = str(exc)
    names = region.area_names(lang)
    name = names[a.area]
    intro = Section(
        "s0",
        text("s0", lang),
        [
            text("s0_text", lang),
            region.title_in(lang),
            (region.description_fi if lang == "fi" else "") or region.description,
        ],
    )
    listed = sources_table(region, lang)
    if listed is None:
        titles = "; ".join(s.title for s in region.sources)
        intro.paragraphs += [f"{text('sources', lang)}: {titles}"]
    else:
        intro.items.append(listed)
    sections = [
        intro,
        clients(a, lang),
        organiser(a, lang),
        funding(a, lang),
        price(a, lang),
        scenarios(simulation, lang),
        producer_section(producers, lang, names)
        if producers is not None
        else Section("s7", text("s7", lang), [text("not_computed", lang, reason=reason)]),
        *([bill_section(bill, lang, municipality_names or {})] if bill is not None else []),
        *([optimise_section(optimised, lang)] if optimised is not None else []),
        appendix(a, check_region(region), lang),
    ]
    made = text("made", lang, version=__version__, date=today(lang), dataset=region.name)
    report = Report(lang, text("title", lang, region=name), made, sections)
    in_use = rules or load_rules()  # the rule set analyse() used
    translate(report, source_texts(in_use, region, lang))
    protect(report, int(a.assumptions.number("disclosure.min_count")))
    return report
