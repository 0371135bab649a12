"""What changed between two completed registrations of the resident an adviser reads."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from qualreg.advisers import access
from qualreg.advisers.changes import changes as changes_between
from qualreg.lib import languages


@require_GET
@access.adviser_required
@access.purpose_required
def changes(request: HttpRequest, registration_id: int, other_id: int) -> HttpResponse:
    """Both registrations are read (and audited) as the registration page reads one; the
    older is "before", the newer "after", whichever way round the link named them."""
    reason = request.purpose  # type: ignore[attr-defined]
    shown = access.read_registration(request, registration_id, reason)
    other = access.read_registration(request, other_id, reason, of_person=shown.person_id)
    before, after = sorted((shown, other), key=lambda registration: registration.sequence)
    return render(
        request,
        "advisers/changes.html",
        {
            "registration": shown,
            "before": before,
            "after": after,
            "before_language": languages.get(before.language),
            "after_language": languages.get(after.language),
            "parts": changes_between(before.answers, after.answers),
        },
    )
