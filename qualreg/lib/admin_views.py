"""Pages for the directorate's administrators beside Django's admin."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from qualreg.lib import languages
from qualreg.lib.catalogues import LOCALE_DIR, check


def language_coverage(request: HttpRequest) -> HttpResponse:
    """Each language with its catalogue's coverage and whether a person has reviewed it.
    Routed through the admin site's own check (password and second factor; see urls.py)."""
    if not (request.user.is_superuser or getattr(request.user, "is_administrator", False)):
        raise PermissionDenied
    rows = []
    for language in languages.LANGUAGES:
        path = LOCALE_DIR / language.code / "LC_MESSAGES" / "django.po"
        report = check(path) if path.exists() else None
        rows.append((language, report))
    return render(
        request,
        "admin/language_coverage.html",
        {"rows": rows, "title": _("Languages"), "site_header": "qualreg"},
    )
