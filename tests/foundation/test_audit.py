import pytest

from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_record_writes_who_did_what_to_whom_and_why(staff, resident):
    event = audit.record("registration.read", actor=staff, person=resident, reason="planning")
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.actor, stored.person, stored.action, stored.reason) == (
        staff,
        resident,
        "registration.read",
        "planning",
    )
    assert stored.at is not None


def test_an_anonymous_actor_is_recorded_as_nobody(resident):
    from django.contrib.auth.models import AnonymousUser

    event = audit.record("login.failed", actor=AnonymousUser(), person=resident)
    assert event.actor is None
