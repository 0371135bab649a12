"""Deleting a person: one service function removes them and everything that names them,
while the audit log keeps every row, referring to them only by a keyed pseudonym."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection

from qualreg.people.deletion import delete_person
from qualreg.people.models import Person
from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent
from qualreg.registration.models import AnswerFact, ConsentRecord, Registration

pytestmark = pytest.mark.django_db

DUF = "201258697561"
DUF_SPELLINGS = (DUF, "2012 586975 61", "2012586975 61", "2012 58697561")


def every_text_in_the_database() -> str:
    """Every value of every row of every table, as text."""
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            texts.extend(repr(row) for row in cursor.fetchall())
    texts.extend(repr(session.get_decoded()) for session in Session.objects.all())  # signed
    return "\n".join(texts)


def rows_pointing_at(person_pk: int) -> list[str]:
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not (field.is_relation and field.related_model is Person):
                continue
            if model._default_manager.filter(**{field.attname: person_pk}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


@pytest.fixture
def completed_twice(client, ready_to_complete, staff, log_in):
    """A resident with a completed registration, a second draft, consents, codes and the
    audit rows all that leaves, as the journey makes them."""
    client.post("/en/form/complete/")
    client.post("/en/consent/", {"decision": "consent"})  # fills in again: a second draft
    client.get("/en/my-registration/")
    client.post("/en/logout/")
    log_in(ready_to_complete.person)
    return ready_to_complete.person


def test_deleting_a_person_leaves_no_duf_number_and_no_row_pointing_at_them(completed_twice, staff):
    person = completed_twice
    pk = person.pk
    assert any(spelling in every_text_in_the_database() for spelling in DUF_SPELLINGS)
    assert Registration.objects.filter(person=person).count() == 2
    assert AnswerFact.objects.filter(registration__person=person).exists()
    events_before = AuditEvent.objects.count()
    own_events = AuditEvent.objects.filter(person=person).count()
    assert own_events > 3

    subject = delete_person(person, actor=staff, reason="The resident asked for deletion")

    text = every_text_in_the_database()
    assert not [spelling for spelling in DUF_SPELLINGS if spelling in text]
    assert rows_pointing_at(pk) == []
    assert not Person.objects.filter(pk=pk).exists()
    assert not Registration.objects.exists() and not ConsentRecord.objects.exists()
    assert not AnswerFact.objects.exists()
    assert AuditEvent.objects.count() == events_before + 1
    # The history stays whole, under the pseudonym only.
    assert AuditEvent.objects.filter(subject=subject).count() == own_events + 1
    deleted = AuditEvent.objects.get(action="person.deleted")
    assert deleted.person is None and deleted.actor == staff and deleted.subject == subject
    assert deleted.reason == "The resident asked for deletion"
    assert DUF not in subject


def test_the_pseudonym_is_keyed(settings, resident):
    first = audit.pseudonym(resident.duf_number)
    assert first == audit.pseudonym(resident.duf_number) and DUF not in first
    settings.LOGIN_CODE_HASH_KEY = "another-key-of-at-least-thirty-two-characters"
    assert audit.pseudonym(resident.duf_number) != first


def test_a_deleted_residents_session_ends(client, consented, staff):
    assert client.get("/en/form/personal/").status_code == 200
    delete_person(consented, actor=staff, reason="asked")
    response = client.get("/en/form/personal/")
    assert response.status_code == 302 and "/form/" not in response["Location"]


def test_every_audit_row_names_its_subject_by_pseudonym_from_the_first_login(client, consented):
    rows = AuditEvent.objects.filter(person=consented)
    assert rows.exists()
    assert set(rows.values_list("subject", flat=True)) == {audit.pseudonym(consented.duf_number)}


def test_the_migration_names_the_subject_of_rows_written_before(client, consented):
    AuditEvent.objects.update(subject="")
    migration = importlib.import_module("qualreg.privacy.migrations.0003_pseudonymous_subject")
    migration.name_subjects(apps, None)
    rows = AuditEvent.objects.filter(person=consented)
    assert set(rows.values_list("subject", flat=True)) == {audit.pseudonym(consented.duf_number)}
