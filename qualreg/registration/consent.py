"""The consent declaration and the resident's decision.

The text of every version is in consent_texts.py: changing a word of it means a new version,
so that every ConsentRecord names the exact text the person agreed to. The text is translated
like every other string.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods

from qualreg.people.session import logout_resident, resident_required
from qualreg.registration import consent_texts, journey, withdrawal
from qualreg.registration.remembered import remember_consent

# The version residents consent to now, and its text (consent_texts.py keeps every version).
CONSENT_VERSION = consent_texts.CURRENT_VERSION
CONSENT_TEXT = consent_texts.sections(CONSENT_VERSION)


@require_http_methods(["GET", "POST"])
@resident_required
def consent(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    draft = journey.draft_of(person)
    if draft is not None and journey.has_consent(draft):
        return redirect("registration:start")
    language = translation.get_language()
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision == "consent":
            if draft is None and journey.withdrawal_of(person.pk) is not None:
                # Consenting after a withdrawal keeps the registrations; no new one starts.
                withdrawal.consent_again(person, language, CONSENT_VERSION)
                return redirect(reverse("registration:my_registration") + "#consent")
            registration = journey.record_consent(person, language, CONSENT_VERSION)
            remember_consent(request, registration.pk)
            return redirect("registration:start")
        if decision == "refuse":
            journey.record_refusal(person, language, CONSENT_VERSION)
            logout_resident(request)
            return redirect("registration:consent_refused")
        return render(request, "resident/consent.html", _context(missing_decision=True), status=400)
    return render(request, "resident/consent.html", _context())


def _context(missing_decision: bool = False) -> dict[str, object]:
    return {
        "sections": CONSENT_TEXT,
        "version": CONSENT_VERSION,
        "contact_email": settings.CONTACT_EMAIL,
        "missing_decision": missing_decision,
    }


@require_GET
def consent_refused(request: HttpRequest) -> HttpResponse:
    return render(request, "resident/consent_refused.html")
