"""The reader's language: its code, number formatting and message lookup.

Messages live in :data:`polku.messages.CATALOGUE`; each has a ``what`` and an
``expected`` template in English, translated by the gettext catalogues
(:mod:`polku.catalogue`, context ``message:<code>:<part>``) and filled with named
parameters. Numbers in parameters are formatted per locale: ``1 234,5`` in Finnish,
``1,234.5`` in English (other languages by Babel's locale data).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, TypeVar

from babel.numbers import get_decimal_symbol, get_group_symbol

from polku.catalogue import languages, translate
from polku.messages import CATALOGUE, LABELS

Lang = str  # a language code of polku.catalogue.languages(): fi, en, sv...
LANGS: tuple[Lang, ...] = languages()
T = TypeVar("T")


def detect_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The user's language from ``POLKU_LANG`` or ``LANG`` (``fi_FI.UTF-8`` is Finnish,
    ``sv_FI`` Swedish); English if it names no language of the catalogues."""
    env = os.environ if environ is None else environ
    value = env.get("POLKU_LANG") or env.get("LC_ALL") or env.get("LANG") or ""
    code = value.lower()[:2]
    return code if code in LANGS else "en"


def parse_lang(value: str) -> Lang:
    """``value`` as a :data:`Lang`; ``ValueError`` names the accepted values."""
    if value in LANGS:
        return value
    raise ValueError(f"unknown language {value!r}; expected one of: {', '.join(LANGS)}")


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
    if lang != "en":  # Finnish and Swedish: 1 234,5 (a no-break space groups)
        group, point = get_group_symbol(lang), get_decimal_symbol(lang)
        text = text.replace(",", "\0").replace(".", point).replace("\0", group)
    return text


def fmt_value(value: Any, lang: Lang) -> str:
    """Format a message parameter: numbers per locale, everything else as text."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fmt_number(value, lang)
    return str(value)


def said(choices: Mapping[str, T], lang: Lang) -> T:
    """A small local text's ``lang`` version, English where it has none.

    For texts kept beside their code as ``{"en": ..., "fi": ...}``; the keyed
    catalogues go through :mod:`polku.catalogue` instead.

    Examples:
        >>> said({"en": "Dataset", "fi": "Aineisto"}, "sv")
        'Dataset'
    """
    return choices[lang] if lang in choices else choices["en"]


def message(code: str, part: str, lang: Lang, params: Mapping[str, Any]) -> str:
    """Render ``part`` (``what`` or ``expected``) of message ``code`` in ``lang``."""
    entry = CATALOGUE.get(code)
    if entry is None:
        return f"{code} {dict(params)}"
    template = translate(lang, f"message:{code}:{part}", entry[part])
    return template.format(**{k: fmt_value(v, lang) for k, v in params.items()})


def label(key: str, lang: Lang) -> str:
    """A short user-interface word such as ``row`` or ``expected``, in ``lang``."""
    return translate(lang, f"label:{key}", LABELS[key])
