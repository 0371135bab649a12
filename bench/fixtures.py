"""Residents with a consented draft registration holding a given answer set."""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends.db import SessionStore

from qualreg.centres.models import Centre, Person
from qualreg.registration import journey
from qualreg.registration.models import ConsentRecord
from qualreg.registration.session import SESSION_KEY


def resident_with_session(number: int, answers: dict[str, Any]) -> str:
    """A resident with a consented draft holding `answers`; returns a session key."""
    centre, _ = Centre.objects.get_or_create(name="Bench mottak")
    person = Person.objects.create(duf_number=f"2015{number:08d}", centre=centre)
    registration = journey.begin(person, "en")
    registration.answers = answers
    registration.progress_percent = journey.progress_percent(answers)
    registration.save()
    ConsentRecord.objects.create(
        person=person,
        registration=registration,
        text_version="bench",
        language="en",
        decision=ConsentRecord.Decision.CONSENTED,
    )
    session = SessionStore()
    session[SESSION_KEY] = person.pk
    session.create()
    return str(session.session_key)
