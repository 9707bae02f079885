"""docs/rules.md, made from the rule files: every parameter, its dates, values and sources.

A test keeps the page equal to :func:`reference` of the shipped rules, so the page and
the rules cannot drift apart.
"""

from __future__ import annotations

from .parameters import Entry, Parameter, Scale
from .ruleset import RuleSet

HEAD = """# Rules: the legislation Polku applies, by date

Made from `src/polku/rules/parameters/*.yaml` (do not edit by hand: a test compares this
page with the files). Each value took effect on its date and holds until the next one;
`polku rules --date YYYY-MM-DD` lists the rules in force on a day. *Verified* means the
value was read in the public source it cites (Finlex law text, Kela or TE pages); a value
that is not verified says why in its note.
"""


def _value(entry: Entry) -> str:
    if entry.value is None:
        return "not defined"
    if isinstance(entry.value, Scale):
        return "; ".join(f"{b.rate_pct:g} % after {b.above} days" for b in entry.value.brackets)
    if isinstance(entry.value, bool):
        return "yes" if entry.value else "no"
    return str(entry.value)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def _finnish(entry: Entry) -> str:
    if entry.reference_fi == entry.reference:
        return "(the same)"
    return _cell(entry.reference_fi)


def _section(p: Parameter) -> list[str]:
    lines = [
        f"## `{p.name}`",
        "",
        f"{p.description}. Unit: {p.unit}. Law: {p.reference}.",
        *(["", f"Suomeksi: {p.description_fi}. Laki: {p.reference_fi}."] if p.reference_fi else []),
        "",
        "| from | value | verified | source | source in Finnish | note |",
        "|---|---|---|---|---|---|",
    ]
    for e in p.history:
        lines.append(
            f"| {e.start.isoformat()} | {_cell(_value(e))} | {'yes' if e.verified else 'no'} "
            f"| {_cell(e.reference)} | {_finnish(e)} | {_cell(e.note)} |"
        )
    return [*lines, ""]


def reference(rules: RuleSet) -> str:
    """The page: one section per parameter, in name order."""
    lines = [HEAD]
    for name in sorted(rules.parameters):
        lines += _section(rules.parameters[name])
    return "\n".join(lines).rstrip() + "\n"
