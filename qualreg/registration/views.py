"""The respondent's journey: information, login, consent, parts, summary, completion."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from qualreg.registration.session import resident_required


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/about.html")


@resident_required
def start(request: HttpRequest) -> HttpResponse:
    """Where a resident lands after login. The journey issue routes on from here."""
    return render(request, "registration/start.html")
