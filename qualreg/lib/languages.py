"""The languages qualreg speaks: code, own name, direction, CLDR locale and script, and
which of them a browser's language tag (BCP 47, as phones send it) asks for.

This module is read by settings, so it must not import anything from Django.
"""

from __future__ import annotations

from collections.abc import Iterable
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


# Primary language subtags that name one of ours by another code: the macrolanguage "no",
# ISO 639-3 codes some systems send, and Persian/Pashto varieties.
_SYNONYMS: dict[str, str] = {
    "no": "nb",
    "nob": "nb",
    "nno": "nn",
    "pes": "fa",
    "pbt": "ps",
    "pbu": "ps",
    "pst": "ps",
    "swh": "sw",
    "swc": "sw",
}


def match_tag(tag: str) -> str | None:
    """Our language for one browser language tag (`fa-AF` → prs, `ku` → kmr), or None.

    Dari is Persian as written in Afghanistan, so `fa` with the region AF is Dari. Plain `ku`
    is Kurmanji (Latin script, as phones in Türkiye and Syria send it); `ku` in Arabic script
    or from Iraq or Iran is Sorani, which phones usually send as `ckb` anyway.
    """
    subtags = tag.strip().lower().replace("_", "-").split("-")
    primary, rest = subtags[0], set(subtags[1:])
    if primary == "fa" and "af" in rest:
        return "prs"
    if primary == "ku":
        return "ckb" if "latn" not in rest and rest & {"arab", "iq", "ir"} else "kmr"
    code = _SYNONYMS.get(primary, primary)
    return code if code in BY_CODE else None


def best_match(tags: Iterable[str]) -> str | None:
    """The first of a browser's tags, most wanted first, that names one of our languages."""
    for tag in tags:
        if tag == "*":
            return None  # "anything else" ends the person's own list
        code = match_tag(tag)
        if code is not None:
            return code
    return None
