"""Correction requests as a service: a resident asks, an administrator corrects or refuses.

A correction never changes a completed registration: it is a new completed registration that
supersedes the person's latest one (origin "correction", with the administrator and the
reason), so the old one stays readable in the history. Every step is audited; the audit rows
hold question keys, never answers or the texts people wrote.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from qualreg.corrections.models import CorrectionRequest
from qualreg.lib.text import clean_typed
from qualreg.people.models import Person
from qualreg.privacy import audit
from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration import journey
from qualreg.registration.facts import write_facts
from qualreg.registration.models import Registration


class AlreadyDecided(Exception):
    """The request was corrected or refused already (another administrator, a second tab)."""


class NothingChanged(Exception):
    """The corrected answers are those of the registration: there is nothing to correct."""


class AnswersIncomplete(Exception):
    """The corrected answers would not complete the questionnaire."""


def ask(
    person: Person, registration: Registration, question_key: str, text: str
) -> CorrectionRequest:
    """Record the resident's request about one answer of their completed registration."""
    request = CorrectionRequest.objects.create(
        person=person,
        registration=registration,
        question=question_key,
        text=clean_typed(text, multiline=True).strip(),
    )
    audit.record(
        audit.Action.CORRECTION_REQUESTED,
        person=person,
        registration=registration,
        by_resident=True,
        request=request.pk,
        question=question_key,
    )
    return request


def _open_locked(request_id: int) -> CorrectionRequest:
    request = CorrectionRequest.objects.select_for_update().filter(pk=request_id).first()
    if request is None or not request.is_open:
        raise AlreadyDecided
    return request


def _close(request: CorrectionRequest, state: str, actor: Any) -> None:
    request.state = state
    request.decided_by = actor
    request.decided_at = timezone.now()


def correct(request_id: int, actor: Any, answers: Any, reason: str) -> Registration:
    """Store `answers` as a new completed registration that supersedes the person's latest
    one, close the request and audit it. Raises AlreadyDecided, AnswersIncomplete (the
    questionnaire's own validation, as at the resident's completion) or NothingChanged."""
    if journey.missing_answers(answers):
        raise AnswersIncomplete
    answers = engine.prune(QUESTIONNAIRE, answers)
    with transaction.atomic():
        request = _open_locked(request_id)
        person = Person.objects.select_for_update().get(pk=request.person_id)
        latest = journey.last_completed(person)
        if latest is None:
            raise AlreadyDecided  # its registrations are gone (withdrawal, deletion)
        changed = sorted(
            k
            for k in answers.keys() | latest.answers.keys()
            if answers.get(k) != latest.answers.get(k)
        )
        if not changed:
            raise NothingChanged
        sequence = _sequence_for_correction(person, answers, changed)
        corrected = Registration.objects.create(
            person=person,
            sequence=sequence,
            definition_version=QUESTIONNAIRE.version,
            language=latest.language,
            status=Registration.Status.COMPLETED,
            answers=answers,
            progress_percent=journey.progress_percent(answers),
            helped_by=latest.helped_by,
            completed_at=timezone.now(),
            origin=Registration.Origin.CORRECTION,
            supersedes=latest,
            reason=clean_typed(reason, multiline=True).strip(),
            corrected_by=actor,
        )
        write_facts(corrected)
        _close(request, CorrectionRequest.State.CORRECTED, actor)
        request.correction = corrected
        request.save()
        audit.record(
            audit.Action.REGISTRATION_CORRECTED,
            actor=actor,
            person=person,
            registration=corrected,
            request=request.pk,
            supersedes=latest.sequence,
            questions=changed,
        )
    return corrected


def _sequence_for_correction(person: Person, answers: dict[str, Any], changed: list[str]) -> int:
    """The correction's number: the next one, or, when the person has a draft (which holds
    the next number), the draft's, the draft moving one up so that it stays the latest. The
    draft takes the corrected answers too, so that completing it does not bring back what was
    just corrected."""
    top = person.registrations.order_by("-sequence").values_list("sequence", flat=True).first()
    draft = journey.draft_of(person)
    if draft is None:
        return (top or 0) + 1
    number = draft.sequence
    draft.sequence = (top or 0) + 1
    draft_answers = dict(draft.answers) if isinstance(draft.answers, dict) else {}
    for key in changed:
        if key in answers:
            draft_answers[key] = answers[key]
        else:
            draft_answers.pop(key, None)
    draft.answers = draft_answers
    draft.progress_percent = journey.progress_percent(draft_answers)
    draft.save(update_fields=["sequence", "answers", "progress_percent"])
    return number


def refuse(request_id: int, actor: Any, reason: str) -> CorrectionRequest:
    """Close the request as refused, with the administrator's reason for the resident."""
    with transaction.atomic():
        request = _open_locked(request_id)
        _close(request, CorrectionRequest.State.REFUSED, actor)
        request.refusal_reason = clean_typed(reason, multiline=True).strip()
        request.save()
        audit.record(
            audit.Action.CORRECTION_REFUSED,
            actor=actor,
            person=request.person,
            registration=request.registration,
            request=request.pk,
        )
    return request
