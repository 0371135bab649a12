"""A resident part-way through a registration with every question answered, in any language."""

from __future__ import annotations

from typing import Any

import pytest
from babel.messages.pofile import read_po
from django.contrib.sessions.backends.db import SessionStore

from qualreg.centres.models import Person
from qualreg.lib.catalogues import LOCALE_DIR
from qualreg.questionnaire.samples import answered_document
from qualreg.registration import journey
from qualreg.registration.models import ConsentRecord
from qualreg.registration.session import SESSION_KEY


@pytest.fixture
def resident_session(centre: Any) -> Any:
    """Log a resident with a consented draft holding `answered_document()` into a client."""

    def log_in(client: Any, language: str, duf_number: str = "201611112222") -> Person:
        person = Person.objects.create(duf_number=duf_number, centre=centre)
        registration = journey.begin(person, language)
        registration.answers = answered_document()
        registration.save()
        ConsentRecord.objects.create(
            person=person,
            registration=registration,
            text_version="test",
            language=language,
            decision=ConsentRecord.Decision.CONSENTED,
        )
        session = SessionStore()
        session[SESSION_KEY] = person.pk
        session.create()
        client.cookies["sessionid"] = session.session_key
        return person

    return log_in


def catalogue(code: str) -> dict[str, str]:
    """Source string → translation (first form for plurals) of a language's catalogue."""
    with (LOCALE_DIR / code / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalog = read_po(handle)
    pairs = {}
    for message in catalog:
        if not message.id:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        target = message.string[0] if isinstance(message.string, tuple) else message.string
        pairs[source] = target
    return pairs
