"""Moving Centre, Person and LoginCode from `centres` to `people` keeps every row.

A database is taken back to the migrations as they were before the move, filled through the
models of that time, and migrated forward; today's models then read every row and every
foreign key, and the content types (permissions, admin history) have followed the models.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from qualreg.accounts.models import User
from qualreg.people.models import Centre, LoginCode, Person
from qualreg.privacy.models import AuditEvent
from qualreg.registration.models import ConsentRecord, Registration

BEFORE_THE_MOVE = [
    ("accounts", "0002_initial"),
    ("centres", "0001_initial"),
    ("privacy", "0001_initial"),
    ("registration", "0005_facts_of_completed_registrations"),
]
NO_PEOPLE_YET = ("people", None)


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def fill_with_the_old_models(old_apps) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """One of everything, written the way the code before the move wrote it."""
    centre = old_apps.get_model("centres", "Centre").objects.create(
        name="Fjellheim mottak", municipality="Bergen"
    )
    staff = old_apps.get_model("accounts", "User").objects.create(
        username="kari", role="centre_staff", centre=centre
    )
    person = old_apps.get_model("centres", "Person").objects.create(
        duf_number="201258697561", centre=centre, preferred_language="ar", added_by=staff
    )
    code = old_apps.get_model("centres", "LoginCode").objects.create(
        person=person,
        code_hash="a" * 64,
        issued_by=staff,
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    registration = old_apps.get_model("registration", "Registration").objects.create(
        person=person, sequence=1, definition_version="1", language="ar", answers={"a": "b"}
    )
    consent = old_apps.get_model("registration", "ConsentRecord").objects.create(
        person=person, registration=registration, text_version="2026-1", language="ar",
        decision="consented",
    )  # fmt: skip
    event = old_apps.get_model("privacy", "AuditEvent").objects.create(
        action="login_code.issued", actor=staff, person=person
    )
    person_type = old_apps.get_model("contenttypes", "ContentType").objects.get(
        app_label="centres", model="person"
    )
    return {
        "centre": centre.pk,
        "staff": staff.pk,
        "person": person.pk,
        "code": code.pk,
        "registration": registration.pk,
        "consent": consent.pk,
        "event": event.pk,
        "person_type": person_type.pk,
    }


@pytest.mark.django_db(transaction=True)
def test_every_row_and_foreign_key_survives_the_move_to_people():
    old = migrate([*BEFORE_THE_MOVE, NO_PEOPLE_YET])
    ids = fill_with_the_old_models(old.loader.project_state(BEFORE_THE_MOVE).apps)

    forward = MigrationExecutor(connection)
    forward.migrate(forward.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    person = Person.objects.get(pk=ids["person"])
    assert person.duf_number == "201258697561"
    assert person.preferred_language == "ar"
    assert person.centre == Centre.objects.get(pk=ids["centre"], name="Fjellheim mottak")
    assert person.added_by == User.objects.get(pk=ids["staff"])
    assert User.objects.get(pk=ids["staff"]).centre_id == ids["centre"]
    code = LoginCode.objects.get(pk=ids["code"])
    assert (code.person, code.code_hash, code.issued_by_id) == (person, "a" * 64, ids["staff"])
    assert list(LoginCode.objects.usable()) == [code]
    registration = Registration.objects.get(pk=ids["registration"])
    assert (registration.person, registration.answers) == (person, {"a": "b"})
    assert ConsentRecord.objects.get(pk=ids["consent"]).person == person
    assert AuditEvent.objects.get(pk=ids["event"]).person == person
    assert [
        Model.objects.count()
        for Model in (Centre, Person, LoginCode, Registration, ConsentRecord, AuditEvent)
    ] == [1, 1, 1, 1, 1, 1]
    # The content type kept its id, so permissions and admin history still name residents.
    person_type = ContentType.objects.get_for_model(Person)
    assert person_type.pk == ids["person_type"]
    assert Permission.objects.filter(content_type=person_type, codename="change_person").exists()
    assert not ContentType.objects.filter(app_label="centres").exists()
