"""Render a :class:`~polku.report.context.Report` as one self-contained HTML file."""

from __future__ import annotations

import re
from importlib import resources
from typing import Literal

import jinja2
import vl_convert as vlc

from .context import Report
from .quotes import quoted
from .texts import text

_ENV = jinja2.Environment(
    loader=jinja2.FunctionLoader(
        lambda name: (resources.files("polku.report") / "templates" / name).read_text("utf-8")
    ),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["quoted"] = quoted


LOCALES: dict[str, Literal["fi-FI", "en-GB"]] = {"fi": "fi-FI", "en": "en-GB"}


def svg(spec: dict[str, object], title_id: str, lang: str = "en") -> str:
    """The chart as inline SVG in ``lang``'s number format, labelled by ``title_id``."""
    import json

    out = vlc.vegalite_to_svg(json.dumps(spec), format_locale=LOCALES.get(lang, "en-GB"))
    out = re.sub(r"<\?xml[^>]*>", "", out)
    return out.replace("<svg ", f'<svg role="img" aria-labelledby="{title_id}" ', 1)


def render_html(report: Report) -> str:
    """The report as HTML: inline CSS, inline SVG charts, no external resources."""
    for figure in report.figures():
        if figure.spec:  # a protected chart has none (polku.report.protect)
            figure.svg = svg(figure.spec, f"{figure.id}-title", report.lang)
    template = _ENV.get_template("report.html.j2")
    return template.render(report=report, t=lambda key: text(key, report.lang))
