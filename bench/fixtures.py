"""Residents with a consented draft registration holding a given answer set."""

from __future__ import annotations

from typing import Any

from qualreg.lib.sessions import SessionStore
from qualreg.people.models import Centre, Person
from qualreg.people.session import SESSION_KEY
from qualreg.registration import journey
from qualreg.registration.models import ConsentRecord


def resident_with_session(duf_number: str, answers: dict[str, Any], language: str = "en") -> str:
    """A resident with a consented draft holding `answers`; returns a session key.

    Shared by the benchmark and the tests that need a resident far into the form."""
    centre, _ = Centre.objects.get_or_create(name="Bench mottak")
    person = Person.objects.create(duf_number=duf_number, centre=centre)
    registration = journey.begin(person, language)
    registration.answers = answers
    registration.progress_percent = journey.progress_percent(answers)
    registration.save()
    ConsentRecord.objects.create(
        person=person,
        registration=registration,
        text_version="bench",
        language=language,
        decision=ConsentRecord.Decision.CONSENTED,
    )
    session = SessionStore()
    session[SESSION_KEY] = person.pk
    session.create()
    return str(session.session_key)
