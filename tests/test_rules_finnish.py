"""Every rule's source citation in Finnish too: ``reference_fi`` beside each ``reference``
in the rule files, the rule set's translations, the Finnish report and ``polku rules``."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from polku import default_region
from polku.analysis.money import rule_input
from polku.cli import app
from polku.cli.common import console
from polku.errors import RuleError
from polku.report import build_report, render_html
from polku.report.translate import sayer, source_texts
from polku.rules import load_rules
from polku.rules.loader import load_file

PARAMETERS = Path(__file__).parents[1] / "src" / "polku" / "rules" / "parameters"
GLUE = ("in force", " the ", " and ", " from ", "paid")
RULES = load_rules()


def _cited() -> list[tuple[str, dict[str, object]]]:
    """(where, mapping) of every parameter and dated entry of the files with a reference."""
    found: list[tuple[str, dict[str, object]]] = []
    for path in sorted(PARAMETERS.glob("*.yaml")):
        for name, spec in yaml.safe_load(path.read_text("utf-8")).items():
            found.append((f"{path.stem}.{name}", spec))
            for start, raw in spec["values"].items():
                if isinstance(raw, dict) and "reference" in raw:
                    found.append((f"{path.stem}.{name} {start}", raw))
    return found


def _english(text: str) -> bool:
    return any(glue in f" {text} " for glue in GLUE)


def test_every_reference_has_a_finnish_one() -> None:
    cited = _cited()
    assert len(cited) == 41
    for where, raw in cited:
        en, fi = raw["reference"], raw.get("reference_fi")
        assert isinstance(fi, str), where
        assert fi.strip(), where
        assert not _english(fi), (where, fi)
        # a citation already wholly in Finnish (a Kela or TE page) stays as it is
        if _english(str(en)):
            assert fi != en, where


def test_finnish_references_keep_law_numbers_and_quotes() -> None:
    for where, raw in _cited():
        en, fi = str(raw["reference"]), str(raw["reference_fi"])
        assert re.findall(r"\d+/\d{4}", en) == re.findall(r"\d+/\d{4}", fi), where
        assert en.count("§") == fi.count("§"), where
        for quoted in re.findall(r"'([^']*)'", en):
            assert f"'{quoted}'" in fi, (where, quoted)


def test_entries_carry_their_finnish_reference() -> None:
    rates = RULES.parameter("municipal_share.rates")
    assert rates.reference_fi.startswith("Työttömyysturvalaki (1290/2002) 14 luku 3 §")
    entry = RULES.at("2016-07-01").get("municipal_share.rates").entry
    assert "voimaan 1.1.2015" in entry.reference_fi
    assert "in force 1.1.2015" in entry.reference
    # an entry without a source of its own takes the parameter's, in both languages
    inherited = RULES.at("2021-06-01").get("labour_market_subsidy.full_daily_rate").entry
    rate = RULES.parameter("labour_market_subsidy.full_daily_rate")
    assert (inherited.reference, inherited.reference_fi) == (rate.reference, rate.reference_fi)


def test_translations_map_english_references_to_finnish() -> None:
    fi = RULES.translations("fi")
    assert RULES.translations("en") == {}
    everything = [(p.reference, p.reference_fi) for p in RULES.parameters.values()] + [
        (e.reference, e.reference_fi) for p in RULES.parameters.values() for e in p.history
    ]
    texts = [  # text values and their Finnish
        (e.value, e.value_fi)
        for p in RULES.parameters.values()
        for e in p.history
        if isinstance(e.value, str)
    ]
    assert len(texts) == 5
    assert all(said for _en, said in texts)  # every text value has its Finnish
    everything += texts
    for en, said in everything:
        if en != said:
            assert fi[en] == said
    assert all(en != said and said for en, said in fi.items())
    assert len(fi) == 35 + 5  # 40 distinct references, 5 already in Finnish; 5 text values


def _visible(page: str) -> str:
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"</?span[^>]*>", "", page)  # a quote's language mark is inside a line
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_finnish_report_cites_the_rules_in_finnish() -> None:
    fi = _visible(render_html(build_report(default_region(), "fi")))
    en = _visible(render_html(build_report(default_region(), "en")))
    used = {
        said
        for original, said in RULES.translations("fi").items()
        if " ".join(original.split()) in en
    }
    assert len(used) >= 3  # the report cites some rules
    for original in RULES.translations("fi"):
        assert " ".join(original.split()) not in fi, original
    for said in used:
        assert " ".join(said.split()) in fi, said
    assert "voimaan 1.1.2015" in fi
    assert "in force" not in fi
    assert "50 % 300 päivän jälkeen" in fi  # a scale of rates in Finnish words
    # an unverified value's source is marked in the reader's language
    unverified = next(e for p in RULES.parameters.values() for e in p.history if not e.verified)
    source = rule_input(RULES.at(unverified.start).get(_name(unverified))).source
    assert source.endswith(" (unverified)")
    said = sayer(source_texts(RULES, default_region(), "fi"))(source)
    assert said.endswith(" (varmistamaton)")
    assert sayer(source_texts(RULES, default_region(), "en"))(source) == source


def _name(entry: object) -> str:
    return next(p.name for p in RULES.parameters.values() if entry in p.history)


def test_polku_rules_in_finnish_shows_finnish_citations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "width", 5000)
    runner = CliRunner()
    result = runner.invoke(app, ["rules", "--date", "2016-07-01", "--lang", "fi"])
    assert result.exit_code == 0, result.output
    entry = RULES.at("2016-07-01").get("municipal_share.rates").entry
    assert entry.reference_fi in result.output
    assert entry.reference not in result.output
    assert "in force" not in result.output
    english = runner.invoke(app, ["rules", "--date", "2016-07-01", "--lang", "en"])
    assert entry.reference in english.output
    # values in the reader's words: a scale of rates, a text value
    assert "50 % 300 päivän jälkeen" in result.output
    assert "50 % after 300 days" in english.output
    later = RULES.at("2024-01-01").get("services.pay_subsidy_rates").entry
    shown = runner.invoke(app, ["rules", "--date", "2024-01-01", "--lang", "fi"]).output
    assert later.value_fi in shown
    assert str(later.value) not in shown


@pytest.mark.parametrize("where", ["parameter", "entry"])
def test_a_finnish_reference_that_is_not_text_is_a_finding(tmp_path: Path, where: str) -> None:
    source = PARAMETERS / "services.yaml"
    text = source.read_text("utf-8")
    if where == "parameter":
        text = text.replace(
            "  reference: Työttömyysturvalaki 1290/2002, 10 luku 6 §\n",
            "  reference: Työttömyysturvalaki 1290/2002, 10 luku 6 §\n  reference_fi: [1, 2]\n",
        ).replace('  reference_fi: "Työttömyysturvalaki (1290/2002) 10 luku 6 §"\n', "")
        column = "expense_allowance_per_day.reference_fi"
    else:
        text = re.sub(r'(\n      reference_fi: )"Lait 918/2012[^\n]*', r"\g<1>12", text)
        column = "expense_allowance_per_day.values.2013-01-01.reference_fi"
    (tmp_path / "services.yaml").write_text(text, "utf-8")
    _, findings = load_file(tmp_path / "services.yaml")
    (finding,) = findings
    assert (finding.code, finding.column) == ("rule_value_type", column)
    assert finding.row is not None
    assert finding.expected("fi")
    with pytest.raises(RuleError, match=r"services\.yaml"):
        load_rules(tmp_path)


def test_every_note_has_its_finnish_text_and_polku_rules_shows_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entries = [e for p in RULES.parameters.values() for e in p.history if e.note]
    assert len(entries) >= 10
    for entry in entries:
        assert entry.note_fi, entry.note
        assert entry.note_fi != entry.note
        assert entry.note_in("fi") == entry.note_fi
        assert entry.note_in("en") == entry.note
    monkeypatch.setattr(console, "width", 5000)
    result = CliRunner().invoke(app, ["rules", "--date", "2023-07-01", "--lang", "fi"])
    assert result.exit_code == 0, result.output
    shown = [e for e in entries if e.note_fi in result.output]
    assert shown  # the notes of the rules in force that day, in Finnish
    assert not [e for e in entries if e.note in result.output]
