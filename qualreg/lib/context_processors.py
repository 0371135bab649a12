"""Values every page needs: the active language's direction and script, and the switcher."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation

from qualreg.lib import languages


def site(request: HttpRequest) -> dict[str, object]:
    current = languages.get(translation.get_language())
    path = request.get_full_path()
    return {
        "current_language": current,
        "language_links": [
            (language, translate_url(path, language.code)) for language in languages.LANGUAGES
        ],
    }
