"""The gettext catalogues: Polku's keyed texts in the reader's language.

English is the source language and stays in the code, beside a stable key (the
dashboard's ``UI``, the report's ``TEXTS``, the vocabulary's ``TERMS``, the findings'
``CATALOGUE``...). Each translation is a gettext PO file,
``polku/locale/<lang>/LC_MESSAGES/polku.po``, whose entries have the key as their
context (``msgctxt "ui:nav"``) and the English as their ``msgid``; Babel reads them.
A translator adds a language by adding its PO file (``pybabel init`` from
``polku/locale/polku.pot``, see docs/translating.md): the language is then offered
everywhere, and whatever it does not translate yet is said in English. A fuzzy entry
(one whose English changed since it was translated) is not used.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from babel.messages.pofile import read_po

DOMAIN = "polku"
SOURCE_LANG = "en"  # the language of the code's texts
FIRST = ("fi", "en")  # the two complete languages, in the order they are offered


def _locale() -> resources.abc.Traversable:
    return resources.files("polku") / "locale"


@cache
def languages() -> tuple[str, ...]:
    """Every language a reader can choose: Finnish, English, then any other PO file's."""
    return languages_in(_locale())


def languages_in(folder: resources.abc.Traversable) -> tuple[str, ...]:
    """The languages of a locale folder (``<lang>/LC_MESSAGES/polku.po``), Finnish and
    English first."""
    found = sorted(
        entry.name
        for entry in folder.iterdir()
        if (entry / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    )
    return (*FIRST, *(lang for lang in found if lang not in FIRST))


@cache
def texts(lang: str) -> dict[tuple[str | None, str], str]:
    """The usable entries of ``lang``'s PO file: (context, English) -> translation."""
    path = _locale() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    return read_texts(path, lang) if path.is_file() else {}


def read_texts(path: resources.abc.Traversable, lang: str) -> dict[tuple[str | None, str], str]:
    """A PO file's translated entries, leaving out empty and fuzzy ones."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    table: dict[tuple[str | None, str], str] = {}
    for entry in catalog:
        english, text = entry.id, entry.string
        usable = isinstance(english, str) and isinstance(text, str) and not entry.fuzzy
        if usable and english and text:
            table[(entry.context, str(english))] = str(text)
    return table


def translate(lang: str, context: str, english: str) -> str:
    """``english`` (the text of key ``context``) in ``lang``; English where not translated.

    Examples:
        >>> translate("fi", "ui:nav", "Main menu")
        'Päävalikko'
        >>> translate("en", "ui:nav", "Main menu")
        'Main menu'
    """
    if lang == SOURCE_LANG:
        return english
    return texts(lang).get((context, english), english)


def translated(lang: str, context: str, english: str) -> bool:
    """Whether ``lang``'s catalogue has its own text for ``english`` under ``context``."""
    return lang == SOURCE_LANG or (context, english) in texts(lang)


def language_name(lang: str) -> str:
    """A language's name in itself, as a language menu shows it: Suomi, English, Svenska."""
    from babel import Locale

    name = str(Locale.parse(lang).get_display_name(lang))
    return name[:1].upper() + name[1:]
