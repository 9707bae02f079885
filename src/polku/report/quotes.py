"""Quoted originals keep their own language: a law's Finnish words inside an English
source line are marked ``lang="fi"`` (WCAG 3.1.2), so a screen reader says them in
Finnish.

Examples:
    >>> str(quoted("Laki 1370/2014: then 'puoliksi' to 1 000 days", "en"))
    'Laki 1370/2014: then <span lang="fi">&#39;puoliksi&#39;</span> to 1 000 days'
    >>> str(quoted("Associations' own figures", "en"))  # an apostrophe is no quote
    'Associations&#39; own figures'
    >>> str(quoted("'puoliksi'", "fi"))  # in a Finnish page, nothing to mark
    '&#39;puoliksi&#39;'
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

ORIGINAL = "fi"  # the language of the laws and the official pages quoted
_QUOTE = re.compile(r"(?<!\w)'([^']{2,}?)'(?!\w)")


def quoted(value: object, lang: str) -> Markup:
    """``value`` escaped for HTML, each quoted original in a span with its language
    when the page is in another language."""
    text = "" if value is None else str(value)
    if lang == ORIGINAL or "'" not in text:
        return escape(text)
    out, last = Markup(), 0
    for match in _QUOTE.finditer(text):
        out += escape(text[last : match.start()])
        out += Markup('<span lang="{}">').format(ORIGINAL) + escape(match.group(0))
        out += Markup("</span>")
        last = match.end()
    return out + escape(text[last:])


__all__ = ["ORIGINAL", "quoted"]
