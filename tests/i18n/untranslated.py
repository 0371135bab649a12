"""Make a missing translation visible to the tests instead of falling back to Norwegian.

Django lets every language but English fall back to the default language (`nb`), so a string
missing from the Tigrinya catalogue appears in Norwegian and nobody notices. In the tests,
that fall-back is replaced by one that marks the string, and a middleware records every
response that carries the mark; the suite fails on any such page (see tests/conftest.py).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import trans_real

from qualreg.lib import languages

MARK = "⟦untranslated⟧"
_MARKED = re.compile(re.escape(MARK) + r"([^<\"\n]{0,80})")
_SEPARATOR = trans_real.CONTEXT_SEPARATOR
# English needs no fall-back: its source strings are English.
MARKED_LANGUAGES = frozenset(languages.CODES) - {"en"}


class MarkUntranslated(gettext.NullTranslations):
    """Stands where the Norwegian fall-back would: answers every string with it marked."""

    def gettext(self, message: str) -> str:
        return MARK + message.split(_SEPARATOR, 1)[-1]

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return MARK + (singular if n == 1 else plural).split(_SEPARATOR, 1)[-1]


def install() -> None:
    """From now on, a string a language lacks comes out marked, in every language but English."""
    original = trans_real.DjangoTranslation._add_fallback

    def add_marking_fallback(self: trans_real.DjangoTranslation, localedirs=None) -> None:  # type: ignore[no-untyped-def]
        if self.language() in MARKED_LANGUAGES:
            self.add_fallback(MarkUntranslated())
        else:
            original(self, localedirs)

    trans_real.DjangoTranslation._add_fallback = add_marking_fallback  # type: ignore[method-assign]
    # Translations already built hold the Norwegian fall-back: build them again.
    trans_real._translations = {}
    trans_real._default = None
    settings.MIDDLEWARE = [f"{__name__}.RecordUntranslated", *settings.MIDDLEWARE]


# Where the current test saw marked strings: "GET /ti/…" → the strings, as they begin.
FOUND: dict[str, list[str]] = {}


def marked_strings(content: bytes | str) -> list[str]:
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    return [" ".join(m.group(1).split()) for m in _MARKED.finditer(text)]


class RecordUntranslated:
    """Notes every response whose text carries a marked (untranslated) string."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Django's admin is Django's pages in Django's catalogues, for the directorate's staff;
        # the promise of 18 complete languages is about our pages.
        if request.path.startswith("/admin/"):
            return response
        if not response.streaming and MARK.encode() in response.content:
            where = f"{request.method} {request.get_full_path()}"
            FOUND.setdefault(where, []).extend(marked_strings(response.content))
        return response
