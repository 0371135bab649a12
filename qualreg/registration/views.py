"""The respondent's journey: information, where to go after login, and the end of a session."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from qualreg.lib import buttons
from qualreg.people.session import current_person, logout_resident, resident_required
from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration import journey


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "resident/about.html", {"buttons": buttons.JOURNEY})


@require_GET
@resident_required
def start(request: HttpRequest) -> HttpResponse:
    """After login: consent first, then the first unfinished part, or the completed form."""
    person = request.person  # type: ignore[attr-defined]
    draft = journey.draft_of(person)
    if draft is None:
        if journey.last_completed(person) is not None:
            return redirect("registration:completed")
        return redirect("registration:consent")
    if not journey.has_consent(draft):
        return redirect("registration:consent")
    for part in QUESTIONNAIRE.parts:
        state = engine.part_state(part, draft.answers, draft.attempted, journey.resolved(draft))
        if state != engine.DONE:
            return redirect("registration:part", part_key=part.key)
    return redirect("registration:summary")


@require_GET
def session_ended(request: HttpRequest) -> HttpResponse:
    if current_person(request) is not None:
        return redirect("registration:start")  # still logged in, e.g. kept alive in another tab
    logout_resident(request)  # drops the stale cookie
    return render(request, "resident/session_ended.html", status=200)


@require_POST
@resident_required
def keep_alive(request: HttpRequest) -> HttpResponse:
    """Touching the session restarts its idle time (SESSION_SAVE_EVERY_REQUEST)."""
    request.session.modified = True
    return HttpResponse(status=204)
