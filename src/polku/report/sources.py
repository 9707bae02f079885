"""The report's list of sources: where each table came from, and how to check it.

A fetched dataset names, for each source, the tables it fed, its address, when Polku
retrieved it, when the publisher last changed it (the resource's last-modified date or
JSON-stat ``updated``) and the SHA-256 of the bytes read, so a reader can fetch the
same file and compare. A dataset whose sources carry none of this (the embedded survey)
gets no table: its sources are named in the introduction.
"""

from __future__ import annotations

from polku.i18n import Lang
from polku.model.region import Region
from polku.model.tables import ROW_TYPES

from .context import Table
from .texts import text


def sources_table(region: Region, lang: Lang) -> Table | None:
    """One row per source with its tables and provenance; None if none has any."""
    refs = [s for s in region.sources if s.tables or s.details() or s.path]
    if not refs:
        return None
    columns = [
        text("source", lang),
        text("src_tables", lang),
        text("src_address", lang),
        text("src_retrieved", lang),
        text("src_modified", lang),
        "SHA-256",
    ]
    titles = {t.TABLE: t.TITLE_FI if lang == "fi" else t.TITLE_EN for t in ROW_TYPES}
    raw = [
        [
            s.title,
            ", ".join(titles.get(t, t) for t in s.tables),
            s.path or "",
            s.retrieved or "",
            s.modified or "",
            s.sha256 or "",
        ]
        for s in refs
    ]
    shown = [[*r[:-1], _grouped(str(r[-1]))] for r in raw]  # a hash in lines of 16
    return Table("t_sources", text("t_sources", lang), columns, shown, raw=raw)


def _grouped(digest: str) -> str:
    return " ".join(digest[i : i + 16] for i in range(0, len(digest), 16))


__all__ = ["sources_table"]
