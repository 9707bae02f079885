"""Run every analysis of the survey over one region: :func:`analyse`."""

from __future__ import annotations

from dataclasses import dataclass

from polku.assumptions import Assumptions
from polku.model.region import Region
from polku.rules import RuleSet, load_rules

from .base import main_area
from .clients import (
    BenefitDays,
    ClientBaseEstimate,
    Segments,
    ServiceLines,
    benefit_days,
    client_base,
    segments,
    service_lines,
)
from .effectiveness import Effectiveness, effectiveness
from .flows import Survival, survival
from .funding import Funding, funding
from .money import MunicipalShare, municipal_share
from .needs import NeedsAndCapacity, needs_and_capacity
from .pricing import Pricing, pricing
from .producers import Producers, producers


@dataclass(frozen=True)
class Analysis:
    """Every result for one region, with the rules and assumptions they used."""

    region: Region
    area: str
    assumptions: Assumptions
    service_lines: ServiceLines
    benefit_days: BenefitDays
    client_base: ClientBaseEstimate
    segments: Segments
    survival: Survival
    needs: NeedsAndCapacity
    effectiveness: Effectiveness
    producers: Producers
    municipal_share: MunicipalShare
    funding: Funding
    pricing: Pricing


def analyse(
    region: Region, rules: RuleSet | None = None, assumptions: Assumptions | None = None
) -> Analysis:
    """Every analysis of the survey over ``region``.

    Examples:
        >>> from polku import default_region
        >>> result = analyse(default_region())
        >>> result.client_base.narrow, result.client_base.broad
        (2500, 4500)
    """
    rules = rules or load_rules()
    a = assumptions or Assumptions()
    base = client_base(region, a)
    share = municipal_share(region, rules, a)
    return Analysis(
        region=region,
        area=main_area(region),
        assumptions=a,
        service_lines=service_lines(region),
        benefit_days=benefit_days(region),
        client_base=base,
        segments=segments(region, base),
        survival=survival(region),
        needs=needs_and_capacity(region),
        effectiveness=effectiveness(region, a),
        producers=producers(region),
        municipal_share=share,
        funding=funding(region, a),
        pricing=pricing(region, rules, share, a),
    )
