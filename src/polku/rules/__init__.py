"""Legislation as dated data: parameters keyed by the date they took effect.

``load_rules().at(date)`` gives the rules in force on a date; each value carries its
unit, description, reference and whether it was verified from a public source.
"""

from polku.rules.parameters import Bracket, Entry, Kind, Parameter, Scale
from polku.rules.ruleset import Rules, RuleSet, RuleValue, load_rules

__all__ = [
    "Bracket",
    "Entry",
    "Kind",
    "Parameter",
    "RuleSet",
    "RuleValue",
    "Rules",
    "Scale",
    "load_rules",
]
