"""Summary with Edit links, completion, the receipt, the completed registration, and
"My registration" — everything registered about the person, in their language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET, require_POST

from qualreg.lib import languages
from qualreg.people.session import resident_required
from qualreg.privacy import audit
from qualreg.questionnaire import answers, engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration import consent_history, extras, journey
from qualreg.registration.models import Registration
from qualreg.registration.navigation import parts_nav


def answer_rows(registration: Registration) -> tuple[answers.PartAnswers, ...]:
    return answers.answer_rows(QUESTIONNAIRE, registration.answers)


def _missing_by_part(answers: Any) -> list[dict[str, Any]]:
    grouped: dict[str, dict[str, Any]] = {}
    for part, question, _name, messages in journey.missing_answers(answers):
        entry = grouped.setdefault(
            part.key,
            {"part": part, "url": reverse("registration:part", args=[part.key]), "questions": []},
        )
        anchor = f"{engine.field_name(question)}-question"
        row = {"question": question, "url": f"{entry['url']}#{anchor}", "message": messages[0]}
        if not any(r["question"].key == question.key for r in entry["questions"]):
            entry["questions"].append(row)
    return list(grouped.values())


# Parts that need the person are open; the others fold to their title, state and "Edit", so
# that the summary of a finished form fits a phone's screen instead of nineteen.
OPEN_STATES = (engine.HAS_PROBLEMS, engine.IN_PROGRESS)


def folded_parts(registration: Registration, nav: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each part's answers with its state from the navigation, and whether it is open."""
    states = {entry["part"].key: entry for entry in nav}
    return [
        {
            "section": section,
            "state": states[section.part.key]["state"],
            "state_label": states[section.part.key]["state_label"],
            "open": states[section.part.key]["state"] in OPEN_STATES,
        }
        for section in answer_rows(registration)
    ]


@never_cache
@gzip_page
@require_GET
@resident_required
def summary(request: HttpRequest) -> HttpResponse:
    draft = journey.draft_of(request.person)  # type: ignore[attr-defined]
    if draft is None or not journey.has_consent(draft):
        return redirect("registration:start")
    missing = _missing_by_part(draft.answers)
    nav = parts_nav(draft, None)
    return render(
        request,
        "resident/summary.html",
        {
            "parts": folded_parts(draft, nav),
            "missing": missing,
            "missing_count": sum(len(m["questions"]) for m in missing),
            "nav": nav,
            "progress": draft.progress_percent,
            "on_summary": True,
            "session_seconds": settings.SESSION_COOKIE_AGE,
        },
    )


@require_POST
@resident_required
def complete(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    try:
        journey.complete(person)
    except journey.NoDraft:
        if journey.last_completed(person) is not None:
            return redirect("registration:receipt")  # a repeated post: already completed
        return redirect("registration:start")
    except ValueError:
        return redirect(reverse("registration:summary") + "#missing")
    return redirect("registration:receipt")


@never_cache
@require_GET
@resident_required
def receipt(request: HttpRequest) -> HttpResponse:
    registration = journey.last_completed(request.person)  # type: ignore[attr-defined]
    if registration is None:
        return redirect("registration:start")
    return render(request, "resident/receipt.html", {"registration": registration})


@never_cache
@gzip_page
@require_GET
@resident_required
def completed(request: HttpRequest) -> HttpResponse:
    """The last completed registration, read-only, with the way to fill in the form again."""
    person = request.person  # type: ignore[attr-defined]
    if journey.draft_of(person) is not None:
        return redirect("registration:start")
    registration = journey.last_completed(person)
    if registration is None:
        return redirect("registration:start")
    return render(
        request,
        "resident/completed.html",
        {"registration": registration, "sections": answer_rows(registration)},
    )


@never_cache
@gzip_page
@require_GET
@resident_required
def my_registration(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    registrations = list(person.registrations.order_by("-sequence"))
    audit.record("registration.viewed_by_resident", person=person, by_resident=True)
    return render(
        request,
        "resident/my_registration.html",
        {
            "person": person,
            "preferred_language": languages.get(person.preferred_language),
            "registrations": [
                {
                    "registration": registration,
                    "language": languages.get(registration.language),
                    "sections": answer_rows(registration),
                }
                for registration in registrations
            ],
            "consents": consent_history.decisions_with_texts(person),
            "codes": person.login_codes.order_by("-issued_at")[:20],
            "has_draft": any(not r.is_completed for r in registrations),
            "extras": extras.sections_for(person),
        },
    )
