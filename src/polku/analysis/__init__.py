"""The survey as code: pure functions of (region, rules, assumptions) -> typed results.

Each function returns a frozen result with ``to_frame()`` and the inputs it used.
:func:`analyse` runs them all; :func:`document` turns the whole into the JSON that
``polku analyse --format json`` prints.
"""

from polku.analysis.base import Result
from polku.analysis.clients import benefit_days, client_base, segments, service_lines
from polku.analysis.document import document, flatten
from polku.analysis.effectiveness import effectiveness, wilson
from polku.analysis.flows import survival
from polku.analysis.funding import funding
from polku.analysis.money import municipal_share
from polku.analysis.needs import needs_and_capacity
from polku.analysis.pricing import pricing
from polku.analysis.producers import producers
from polku.analysis.run import Analysis, analyse
from polku.assumptions import REGISTRY, Assumption, Assumptions
from polku.provenance import Input

__all__ = [
    "REGISTRY",
    "Analysis",
    "Assumption",
    "Assumptions",
    "Input",
    "Result",
    "analyse",
    "benefit_days",
    "client_base",
    "document",
    "effectiveness",
    "flatten",
    "funding",
    "municipal_share",
    "needs_and_capacity",
    "pricing",
    "producers",
    "segments",
    "service_lines",
    "survival",
    "wilson",
]
