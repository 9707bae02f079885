"""Finnish and English: the language type, number formatting and message lookup.

Messages live in the catalogue :data:`polku.messages.CATALOGUE`; each has a ``what``
and an ``expected`` template per language, filled with named parameters. Numbers in
parameters are formatted per locale: ``1 234,5`` in Finnish, ``1,234.5`` in English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal

from polku.messages import CATALOGUE, LABELS

Lang = Literal["fi", "en"]
LANGS: tuple[Lang, ...] = ("fi", "en")

_NBSP = "\u00a0"


def detect_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The user's language from ``POLKU_LANG`` or ``LANG``: Finnish if it starts with fi."""
    env = os.environ if environ is None else environ
    value = env.get("POLKU_LANG") or env.get("LC_ALL") or env.get("LANG") or ""
    return "fi" if value.lower().startswith("fi") else "en"


def parse_lang(value: str) -> Lang:
    """``value`` as a :data:`Lang`; ``ValueError`` names the accepted values."""
    if value == "fi":
        return "fi"
    if value == "en":
        return "en"
    raise ValueError(f"unknown language {value!r}; expected one of: fi, en")


def fmt_number(value: float | int, lang: Lang = "en", decimals: int | None = None) -> str:
    """Format a number for ``lang``; floats keep at most 2 decimals unless told.

    Examples:
        >>> fmt_number(1234.5, "fi")
        '1\\xa0234,5'
        >>> fmt_number(1234.5, "en")
        '1,234.5'
        >>> fmt_number(2480, "fi")
        '2\\xa0480'
        >>> fmt_number(-0.001, "en", 2)
        '0.00'
    """
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        text = f"{value:,}"
    else:
        places = 2 if decimals is None else decimals
        text = f"{value:,.{places}f}"
        if text.startswith("-") and not text.strip("-0.,"):
            text = text[1:]  # -0.00 is 0.00
        if decimals is None and "." in text:
            text = text.rstrip("0").rstrip(".")
    if lang == "fi":
        text = text.replace(",", _NBSP).replace(".", ",")
    return text


def fmt_value(value: Any, lang: Lang) -> str:
    """Format a message parameter: numbers per locale, everything else as text."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fmt_number(value, lang)
    return str(value)


def message(code: str, part: str, lang: Lang, params: Mapping[str, Any]) -> str:
    """Render ``part`` (``what`` or ``expected``) of message ``code`` in ``lang``."""
    entry = CATALOGUE.get(code)
    if entry is None:
        return f"{code} {dict(params)}"
    template = entry[part][lang]
    return template.format(**{k: fmt_value(v, lang) for k, v in params.items()})


def label(key: str, lang: Lang) -> str:
    """A short user-interface word such as ``row`` or ``expected``, in ``lang``."""
    return LABELS[key][lang]
