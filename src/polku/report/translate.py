"""The dataset's own texts in the report's language.

A dataset writes its sources, notes and names once, in the language its files use; its
descriptor may give them in other languages (``translations`` in datapackage.yaml, see
docs/dataset.md). After the report is built, every text of it that the dataset
translates (a source, a producer's name in a cell, a chart's labels, a sentence that
quotes a name) is said in the report's language. Longer texts are replaced first, so a
name inside a translated source is not translated twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from polku.analysis.money import UNVERIFIED
from polku.model.region import Region
from polku.rules import RuleSet

from .context import Figure, Report, Table
from .texts import text


def source_texts(rules: RuleSet, region: Region, lang: str) -> dict[str, str]:
    """Every text the rules and the dataset translate into ``lang``, and the mark of an
    unverified rule value: what :func:`translate` replaces."""
    texts = {**rules.translations(lang), **region.translations.get(lang, {})}
    mark = text("unverified_mark", lang)
    if mark != UNVERIFIED:
        texts[UNVERIFIED] = mark
    return texts


def sayer(texts: Mapping[str, str]) -> Callable[[Any], Any]:
    """A function saying a text with every part ``texts`` translates replaced (longest
    first); other values unchanged."""
    order = sorted(texts, key=len, reverse=True)

    def say(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        for original in order:
            if original in value:
                value = value.replace(original, texts[original])
        return value

    return say


def translate(report: Report, texts: Mapping[str, str]) -> None:
    """Replace, in place, every text of ``report`` that ``texts`` translates."""
    if not texts:
        return
    say = sayer(texts)

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
