"""The respondent's registration as a service: find the draft, begin it, record consent,
work out its state, complete it. Saving answers into it is `saving.py`."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from qualreg.people.models import Person
from qualreg.privacy import audit
from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Part, Question
from qualreg.registration.facts import write_facts
from qualreg.registration.models import ConsentRecord, Registration

# Answers to this question say who helped; the registration keeps it as a plain field so that
# statistics need not read answers.
HELPED_BY_QUESTION = "helped_by"
HELPED_BY_CODES = {"nobody": "alone", "staff": "staff", "interpreter": "interpreter"}


class NoDraft(Exception):
    """The person has no registration in progress (none yet, or it has been completed)."""


class NoConsent(NoDraft):
    """The draft has no consent on record: nothing may be saved into it."""


def draft_of(person: Person) -> Registration | None:
    return draft_of_person_id(person.pk)


def draft_of_person_id(person_id: int) -> Registration | None:
    drafts = Registration.objects.filter(person_id=person_id, status=Registration.Status.DRAFT)
    return drafts.first()


def last_completed(person: Person) -> Registration | None:
    return (
        person.registrations.filter(status=Registration.Status.COMPLETED)
        .order_by("-sequence")
        .first()
    )


# The decisions that say whether a person's consent stands: the latest of them counts. (A
# refusal to start another registration leaves an earlier consent standing.)
STANDING_DECISIONS = (ConsentRecord.Decision.CONSENTED, ConsentRecord.Decision.WITHDRAWN)


def latest_standing_decision(person_id: int) -> ConsentRecord | None:
    return (
        ConsentRecord.objects.filter(person_id=person_id, decision__in=STANDING_DECISIONS)
        .order_by("-at", "-pk")
        .first()
    )


def withdrawal_of(person_id: int) -> ConsentRecord | None:
    """The person's withdrawal of consent, if it is their latest word (see withdrawal.py)."""
    latest = latest_standing_decision(person_id)
    return latest if latest and latest.decision == ConsentRecord.Decision.WITHDRAWN else None


def has_consent(registration: Registration) -> bool:
    """The draft was consented for, and the person has not withdrawn consent since."""
    consented = registration.consents.filter(decision=ConsentRecord.Decision.CONSENTED).exists()
    return consented and withdrawal_of(registration.person_id) is None


def begin(person: Person, language: str) -> Registration:
    """The person's draft, creating it when there is none.

    A new draft after a completed registration starts from a copy of the last completed
    answers; the completed registration itself is never touched.
    """
    existing = draft_of(person)
    if existing is not None:
        return existing
    previous = last_completed(person)
    try:
        with transaction.atomic():
            latest = person.registrations.order_by("-sequence").first()
            registration = Registration.objects.create(
                person=person,
                sequence=(latest.sequence + 1) if latest else 1,
                definition_version=QUESTIONNAIRE.version,
                language=language,
                answers=dict(previous.answers) if previous else {},
            )
            registration.progress_percent = progress_percent(registration.answers)
            registration.save(update_fields=["progress_percent"])
            audit.record(
                "registration.started",
                person=person,
                registration=registration,
                by_resident=True,
                copied_from=previous.sequence if previous else None,
            )
    except IntegrityError:  # another tab created the draft a moment ago
        found = draft_of(person)
        if found is None:
            raise
        return found
    return registration


def record_consent(person: Person, language: str, version: str) -> Registration:
    with transaction.atomic():
        registration = begin(person, language)
        if not has_consent(registration):
            record_decision(
                person, ConsentRecord.Decision.CONSENTED, language, version, registration
            )
    return registration


def record_refusal(person: Person, language: str, version: str) -> None:
    record_decision(person, ConsentRecord.Decision.REFUSED, language, version)


_DECISION_ACTIONS = {
    ConsentRecord.Decision.CONSENTED: audit.Action.CONSENT_GIVEN,
    ConsentRecord.Decision.REFUSED: audit.Action.CONSENT_REFUSED,
    ConsentRecord.Decision.WITHDRAWN: audit.Action.CONSENT_WITHDRAWN,
}


def record_decision(
    person: Person,
    decision: str,
    language: str,
    version: str,
    registration: Registration | None = None,
    **detail: Any,
) -> ConsentRecord:
    """Store a consent decision (on the text `version` read in `language`) with its audit
    row: the one way consents, refusals and withdrawals are written."""
    record = ConsentRecord.objects.create(
        person=person,
        registration=registration,
        text_version=version,
        language=language,
        decision=decision,
    )
    audit.record(
        _DECISION_ACTIONS[ConsentRecord.Decision(decision)],
        person=person,
        registration=registration,
        by_resident=True,
        version=version,
        language=language,
        **detail,
    )
    return record


def progress_percent(answers: Any, resolved_answers: engine.Resolved | None = None) -> int:
    answered, total = engine.progress(QUESTIONNAIRE, answers, resolved_answers)
    return round(100 * answered / total) if total else 0


def resolved(registration: Registration) -> engine.Resolved:
    """The engine's pass over the registration's answers (which questions apply, clean
    answers), worked out once per answers document and shared by everything that renders or
    saves it in this request. Answers are never changed in place (the engine returns new
    documents), so the document's identity tells whether the pass still holds."""
    memo = registration.__dict__.get("_resolved")
    if memo is not None and memo[0] is registration.answers:
        return memo[1]
    result = engine.resolve(QUESTIONNAIRE, registration.answers)
    registration.__dict__["_resolved"] = (registration.answers, result)
    return result


def part_errors(registration: Registration, part: Part) -> dict[str, list[Any]]:
    """The engine's errors for one part of the registration, worked out once per answers
    document like `resolved()`: the page, its navigation and a save's answer all need them."""
    memo = registration.__dict__.setdefault("_part_errors", {})
    known = memo.get(part.key)
    if known is not None and known[0] is registration.answers:
        return known[1]
    errors = engine.validate(part, registration.answers, resolved(registration))
    memo[part.key] = (registration.answers, errors)
    return errors


def locked_draft(person_id: int) -> Registration:
    try:  # at most one draft per person (a constraint), so no ordering is needed
        return Registration.objects.select_for_update().get(
            person_id=person_id, status=Registration.Status.DRAFT
        )
    except Registration.DoesNotExist:
        raise NoDraft from None


def missing_answers(answers: Any) -> list[tuple[Part, Question, str, list[Any]]]:
    """Every problem that blocks completion: (part, question, field name, messages)."""
    rows = []
    resolved_answers = engine.resolve(QUESTIONNAIRE, answers)
    for part in QUESTIONNAIRE.parts:
        errors = engine.validate(part, answers, resolved_answers)
        if not errors:
            continue
        for question in engine.visible_questions(part, answers, resolved_answers):
            prefix = engine.field_name(question)
            for name, messages in errors.items():
                if name == prefix or name.startswith(prefix + "-"):
                    rows.append((part, question, name, messages))
    return rows


def complete(person: Person) -> Registration:
    """Complete the draft: prune answers that no longer apply and freeze it.

    Raises NoDraft when there is nothing to complete and ValueError while answers are missing.
    """
    with transaction.atomic():
        registration = locked_draft(person.pk)
        if missing_answers(registration.answers):
            raise ValueError("required answers are missing")
        answers = engine.prune(QUESTIONNAIRE, registration.answers)
        registration.answers = answers
        registration.status = Registration.Status.COMPLETED
        registration.completed_at = timezone.now()
        registration.progress_percent = progress_percent(answers)
        registration.definition_version = QUESTIONNAIRE.version
        helper = answers.get(HELPED_BY_QUESTION)
        registration.helped_by = HELPED_BY_CODES.get(helper, "") if isinstance(helper, str) else ""
        registration.save()
        write_facts(registration)  # in the same transaction: no completed row without facts
        audit.record(
            "registration.completed", person=person, registration=registration, by_resident=True
        )
    return registration
