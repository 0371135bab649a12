import pytest

from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_record_writes_who_did_what_to_whom_and_why(staff, resident):
    event = audit.record(
        audit.Action.RESIDENT_VIEWED, actor=staff, person=resident, reason="planning"
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.actor, stored.person, stored.action, stored.reason) == (
        staff,
        resident,
        "resident.viewed",
        "planning",
    )
    assert stored.at is not None


def test_an_anonymous_actor_is_recorded_as_nobody(resident):
    from django.contrib.auth.models import AnonymousUser

    event = audit.record("login.failed", actor=AnonymousUser(), person=resident)
    assert event.actor is None


def test_an_action_outside_the_vocabulary_is_refused(resident):
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.record("resident.peeked_at", person=resident)
    assert not AuditEvent.objects.exists()


def test_a_pseudonym_is_keyed_stable_and_never_the_number(settings):
    first = audit.pseudonym("201258697561")
    assert first == audit.pseudonym("201258697561") != audit.pseudonym("201258697562")
    assert "201258697561" not in first and "586975" not in first
    settings.LOGIN_CODE_HASH_KEY = "another-key-of-at-least-thirty-two-chars"
    assert audit.pseudonym("201258697561") != first


def test_record_each_writes_one_row_per_subject_in_one_statement(
    staff, resident, django_assert_num_queries
):
    from qualreg.people.models import Person

    other = Person.objects.create(duf_number="201911111111", centre=resident.centre)
    with django_assert_num_queries(1):
        audit.record_each(
            audit.Action.RESIDENTS_LISTED,
            [(resident, None), (other, None)],
            actor=staff,
            page=1,
        )
    rows = AuditEvent.objects.order_by("pk")
    assert [(row.person, row.actor, row.detail) for row in rows] == [
        (resident, staff, {"page": 1}),
        (other, staff, {"page": 1}),
    ]
    assert rows[1].subject == audit.pseudonym("201911111111")


def test_record_each_refuses_an_action_outside_the_vocabulary(resident):
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.record_each("residents.peeked_at", [(resident, None)])
    assert not AuditEvent.objects.exists()
