"""The consent declaration: its versioned text, and the resident's decision.

Changing a word of the text means a new CONSENT_VERSION, so that every ConsentRecord names the
exact text the person agreed to. The text is translated like every other string.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from qualreg.people.session import logout_resident, resident_required
from qualreg.registration import journey, withdrawal
from qualreg.registration.remembered import remember_consent

CONSENT_VERSION = "2026-1"

# (heading, paragraphs) of the declaration, version CONSENT_VERSION.
CONSENT_TEXT = (
    (
        _("What the information is used for"),
        (
            _(
                "The information you register about your languages, schooling, work, skills "
                "and wishes is used to plan training, education and work for you when you are "
                "settled in a municipality."
            ),
            _("It is never used when your application for protection (asylum) is considered."),
        ),
    ),
    (
        _("Who can see it"),
        (
            _(
                "Advisers in the municipality you are settled in, in NAV and in the county "
                "career centre. Staff at the reception centre can see whether you have "
                "started or completed the registration, but never your answers."
            ),
            _("Every time someone reads your registration, it is recorded who, when and why."),
        ),
    ),
    (
        _("Your rights"),
        (
            _(
                "You have the right to see what is registered about you, and to have incorrect "
                "information corrected or deleted. You can see your registration in this "
                "service at any time you are logged in."
            ),
            _(
                "Taking part is voluntary. If you do not consent, nothing is registered except "
                "that you said no."
            ),
        ),
    ),
)


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
