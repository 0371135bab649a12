"""Organisations, advisers and assignments as administrators make them in the admin."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from qualreg.accounts.models import Role, User
from qualreg.advisers.models import Adviser, Assignment, Organisation
from tests.advisers.conftest import today
from tests.signing_in import signed_in


@pytest.mark.parametrize("number", ["460", "46011", "46O1", "٤٦٠١"])
def test_a_municipality_number_is_four_plain_digits(db, number) -> None:
    organisation = Organisation(kind="municipality", name="Bergen", municipality_number=number)
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "municipality_number" in error.value.message_dict


def test_a_municipality_needs_its_number_and_a_nav_office_does_not(db) -> None:
    with pytest.raises(ValidationError):
        Organisation(kind="municipality", name="Bergen").full_clean()
    Organisation(kind="nav_office", name="NAV Tromsø").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(kind="municipality", name="Bergen")


def test_the_database_refuses_a_malformed_municipality_number(db) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(kind="nav_office", name="NAV", municipality_number="12a4")


def test_only_an_adviser_account_can_belong_to_an_organisation(organisation, staff) -> None:
    with pytest.raises(ValidationError):
        Adviser(user=staff, organisation=organisation).full_clean()


def test_an_adviser_belongs_to_exactly_one_organisation(adviser, other_organisation) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Adviser.objects.create(user=adviser, organisation=other_organisation)


def test_an_assignment_ends_after_it_starts(assignment) -> None:
    assignment.end_date = assignment.start_date
    with pytest.raises(ValidationError):
        assignment.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        assignment.save()


def test_overlapping_assignments_to_the_same_organisation_are_refused(assignment) -> None:
    again = Assignment(
        person=assignment.person,
        organisation=assignment.organisation,
        start_date=today() + datetime.timedelta(days=30),
    )
    with pytest.raises(ValidationError):
        again.full_clean()
    assignment.end_date = today() + datetime.timedelta(days=30)
    assignment.save()
    again.full_clean()  # starts the day the first one ends: no shared day


def test_current_assignments_are_those_started_and_not_yet_ended(assignment) -> None:
    assert list(Assignment.objects.current()) == [assignment]
    assert not Assignment.objects.current(assignment.start_date - datetime.timedelta(days=1))
    assignment.end_date = today()
    assignment.save()
    assert not Assignment.objects.current()


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser("admin", password="x" * 20, role=Role.ADMINISTRATOR)
    return signed_in(user, client)


def test_an_administrator_creates_an_organisation_and_an_adviser_in_the_admin(
    admin_client,
) -> None:
    response = admin_client.post(
        "/admin/advisers/organisation/add/",
        {
            "kind": "municipality",
            "name": "Stavanger kommune",
            "municipality_number": "1103",
            "advisers-TOTAL_FORMS": "0",
            "advisers-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    organisation = Organisation.objects.get(name="Stavanger kommune")
    user = User.objects.create_user("siri", password="y" * 20, role=Role.ADVISER)
    response = admin_client.post(
        "/admin/advisers/adviser/add/",
        {"user": user.pk, "organisation": organisation.pk, "is_lead": "on"},
    )
    assert response.status_code == 302
    assert Adviser.objects.get(user=user).is_lead


def test_assignments_are_ended_in_the_admin_and_never_deleted(admin_client, assignment) -> None:
    response = admin_client.post(
        "/admin/advisers/assignment/",
        {"action": "end_today", "_selected_action": [assignment.pk]},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.end_date == today()
    response = admin_client.get(f"/admin/advisers/assignment/{assignment.pk}/delete/")
    assert response.status_code == 403
    assert Assignment.objects.filter(pk=assignment.pk).exists()


def test_the_admin_records_who_assigned(admin_client, resident, organisation) -> None:
    response = admin_client.post(
        "/admin/advisers/assignment/add/",
        {
            "person": resident.pk,
            "organisation": organisation.pk,
            "start_date": today().isoformat(),
            "reason": "settled in Bergen",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Assignment.objects.get().assigned_by.username == "admin"
