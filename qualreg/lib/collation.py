"""Alphabetical order as the readers of each language expect it.

The Unicode Collation Algorithm with the language's CLDR tailoring, from ICU: Érythrée
before Zimbabwe in French, Østerrike after Zimbabwe in Norwegian, Çad after Cezayir in
Turkish. Sorting by code point puts every accented or non-ASCII initial after z.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from qualreg.lib import languages

T = TypeVar("T")

# CLDR has no collation for Sorani, so ICU uses the root order, which puts ڕ after ز; in the
# Sorani alphabet it follows ر. (Our rule, on top of the root order.)
_OWN_TAILORINGS = {"ckb": "&ر<ڕ"}


def sort_key(language_code: str) -> Callable[[str], bytes]:
    """A key function that orders strings for readers of the language.

    A collator is made per call (a millisecond) rather than kept: ICU collators are not
    meant to be shared between threads, and lists are sorted once per language and kept.
    """
    import icu  # here, not at the top: loading ICU's data is paid when a list is first sorted

    language = languages.get(language_code)
    if language.code in _OWN_TAILORINGS:
        return icu.RuleBasedCollator(_OWN_TAILORINGS[language.code]).getSortKey
    return icu.Collator.createInstance(icu.Locale(language.babel_locale)).getSortKey


def sorted_for(language_code: str, items: Iterable[T], text: Callable[[T], str]) -> list[T]:
    """`items` in the alphabetical order of `text(item)` for readers of the language."""
    key = sort_key(language_code)
    return sorted(items, key=lambda item: key(text(item)))
