"""Values every page needs: the active language's direction and script, and the switcher."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from qualreg.lib import language_links, languages


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "current_language": languages.get(translation.get_language()),
        # Lazy: JSON replies and pages without the switcher never build the 18 links.
        "language_links": SimpleLazyObject(lambda: language_links.same_page(request)),
    }
