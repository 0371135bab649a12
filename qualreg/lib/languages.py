"""The languages qualreg speaks: code, own name, direction, CLDR locale and script.

This module is read by settings, so it must not import anything from Django.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # as used in URLs, catalogues and stored records
    autonym: str  # the language's name in itself
    english_name: str
    bidi: bool
    babel_locale: str  # CLDR locale for names of countries and languages, dates, numbers
    script: str  # selects the web font: latin, cyrillic, arabic or ethiopic


LANGUAGES: tuple[Language, ...] = (
    Language("nb", "Norsk bokmål", "Norwegian Bokmål", False, "nb", "latin"),
    Language("nn", "Norsk nynorsk", "Norwegian Nynorsk", False, "nn", "latin"),
    Language("en", "English", "English", False, "en", "latin"),
    Language("ar", "العربية", "Arabic", True, "ar", "arabic"),
    Language("prs", "دری", "Dari", True, "fa_AF", "arabic"),
    Language("fa", "فارسی", "Farsi", True, "fa", "arabic"),
    Language("ps", "پښتو", "Pashto", True, "ps", "arabic"),
    Language("ckb", "کوردیی ناوەندی", "Sorani Kurdish", True, "ckb", "arabic"),
    Language("kmr", "Kurmancî", "Kurmanji Kurdish", False, "ku", "latin"),
    Language("ti", "ትግርኛ", "Tigrinya", False, "ti", "ethiopic"),
    Language("am", "አማርኛ", "Amharic", False, "am", "ethiopic"),
    Language("so", "Soomaali", "Somali", False, "so", "latin"),
    Language("uk", "Українська", "Ukrainian", False, "uk", "cyrillic"),
    Language("ru", "Русский", "Russian", False, "ru", "cyrillic"),
    Language("tr", "Türkçe", "Turkish", False, "tr", "latin"),
    Language("fr", "Français", "French", False, "fr", "latin"),
    Language("es", "Español", "Spanish", False, "es", "latin"),
    Language("sw", "Kiswahili", "Swahili", False, "sw", "latin"),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)
DEFAULT = "nb"


def get(code: str | None) -> Language:
    """The language for a code, or the default one for an unknown code."""
    return BY_CODE.get(code or "", BY_CODE[DEFAULT])


def django_lang_info() -> dict[str, dict[str, object]]:
    """Entries for django.conf.locale.LANG_INFO, which lacks several of our languages."""
    return {
        language.code: {
            "bidi": language.bidi,
            "code": language.code,
            "name": language.english_name,
            "name_local": language.autonym,
        }
        for language in LANGUAGES
    }
