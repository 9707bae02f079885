"""The dataset's own texts in the report's language.

A dataset writes its sources, notes and names once, in the language its files use; its
descriptor may give them in other languages (``translations`` in datapackage.yaml, see
docs/dataset.md). After the report is built, every text of it that the dataset
translates (a source, a producer's name in a cell, a chart's labels, a sentence that
quotes a name) is said in the report's language. Longer texts are replaced first, so a
name inside a translated source is not translated twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .context import Figure, Report, Table


def translate(report: Report, texts: Mapping[str, str]) -> None:
    """Replace, in place, every text of ``report`` that ``texts`` translates."""
    if not texts:
        return
    order = sorted(texts, key=len, reverse=True)

    def say(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        for original in order:
            if original in value:
                value = value.replace(original, texts[original])
        return value

    for section in report.sections:
        section.paragraphs = [say(p) for p in section.paragraphs]
        for item in section.items:
            if isinstance(item, Figure):
                item.description = say(item.description)
                item.spec = _spec(item.spec, say)
                _table(item.table, say)
            else:
                _table(item, say)


def _table(table: Table, say: Any) -> None:
    table.sources = [say(s) for s in table.sources]
    table.rows = [[say(v) for v in row] for row in table.rows]
    table.raw = [[say(v) for v in row] for row in table.raw]


def _spec(spec: Any, say: Any) -> Any:
    """A chart's specification with its data values translated (labels and legends)."""
    if isinstance(spec, dict):
        return {k: _spec(v, say) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_spec(v, say) for v in spec]
    return say(spec)
