"""The engine at national scale: every employment area of a year, on a generated national
dataset (:mod:`.generate`), run with bands (:mod:`.run`) and drawn as a map-like chart
(:mod:`.chart`)."""

from .generate import NationalArea, national_areas, scaled
from .run import AreaRow, National, run_national

__all__ = ["AreaRow", "National", "NationalArea", "national_areas", "run_national", "scaled"]
