"""Deleting one resident and everything that names them (the right to erasure).

The person goes with every row that points at them: their registrations (with their facts)
and consent decisions, whose foreign keys cascade (declared by the apps that own them, so
this module needs none of them), and their login codes. The audit log keeps every row: the
link to the person is cleared and each row still names them by `subject`, the keyed
pseudonym of their DUF number, which is all that is left of them.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from qualreg.lib import throttle
from qualreg.people.models import Person
from qualreg.people.session import SESSION_KEY
from qualreg.privacy import audit


def delete_person(person: Person, *, actor: Any, reason: str) -> str:
    """Delete `person` and everything that names them, in one transaction; the audit log
    gets one row more ("person.deleted", by `actor`, with `reason`). Returns the pseudonym
    the audit log names them by."""
    subject = audit.pseudonym(person.duf_number)
    with transaction.atomic():
        _end_sessions(person.pk)
        throttle.clear("duf", person.duf_number)
        _count, deleted = person.delete()
        audit.record(
            audit.Action.PERSON_DELETED,
            actor=actor,
            reason=reason,
            subject=subject,
            deleted={label: n for label, n in sorted(deleted.items()) if n},
        )
    return subject


def _end_sessions(person_id: int) -> None:
    """Delete the sessions a resident is logged in with (they hold the person's id)."""
    live = Session.objects.filter(expire_date__gt=timezone.now())
    ended = [s.pk for s in live.iterator() if s.get_decoded().get(SESSION_KEY) == person_id]
    Session.objects.filter(pk__in=ended).delete()
