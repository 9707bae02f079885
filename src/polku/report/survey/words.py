"""Small pieces of wording the survey's figures share."""

from __future__ import annotations

from polku.i18n import Lang

from ..texts import text


def listed(items: list[str], lang: Lang) -> str:
    """``1, 3, 6 and 12`` in ``lang``."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {text('and', lang)} {items[-1]}"
