"""Administrators assign residents from a CSV file: a dry run reports every line, and
nothing is written unless every line is valid."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qualreg.accounts.models import Role, User
from qualreg.advisers.models import Assignment
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import today
from tests.centres.conftest import add_person
from tests.signing_in import signed_in

URL = "/admin/advisers/assignment/upload/"


@pytest.fixture
def admin_client(client, db):
    admin = User.objects.create_superuser("admin", password="x" * 20, role=Role.ADMINISTRATOR)
    return signed_in(admin, client)


def _post(client, text: str, write: bool):
    upload = SimpleUploadedFile("assign.csv", text.encode(), content_type="text/csv")
    data = {"csv_file": upload, "write": "1" if write else "0"}
    return client.post(URL, data, HTTP_ACCEPT_LANGUAGE="en")


def test_a_dry_run_reports_each_line_and_writes_nothing(
    admin_client, resident, organisation
) -> None:
    response = _post(
        admin_client, "DUF;organisation;start\n2012 586975 61;4601;2026-08-15\n", False
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dry run: 1 assignment would be made" in page
    assert "Will be assigned" in page and "Bergen kommune" in page
    assert not Assignment.objects.exists()


def test_a_valid_file_is_written_with_who_assigned(admin_client, resident, organisation) -> None:
    response = _post(admin_client, "201258697561,Bergen kommune,15.08.2026\n", True)
    assert "1 assignment made" in response.content.decode()
    assignment = Assignment.objects.get()
    assert (assignment.person, assignment.organisation) == (resident, organisation)
    assert assignment.start_date == datetime.date(2026, 8, 15)
    assert assignment.assigned_by.username == "admin"
    assert AuditEvent.objects.get(action="assignments.uploaded").detail["count"] == 1


def test_one_bad_line_refuses_the_whole_file_and_says_why_for_each(
    admin_client, resident, organisation, other_organisation, centre, assignment
) -> None:
    add_person(centre, "201911111111")
    text = "\n".join(
        [
            "201911111111;4601;2026-08-15",  # valid
            "2012 586975;4601;2026-08-15",  # malformed DUF number
            "201999999999;4601;2026-08-15",  # nobody
            "201911111111;Atlantis;2026-08-15",  # unknown organisation
            "201911111111;NAV Tromsø;15/08/2026",  # unknown date format
            "201258697561;4601;2026-09-01",  # already assigned, still running
            "201911111111;Bergen kommune;2026-09-01",  # the same pair as line 1
            "201911111111;4601",  # a value missing
        ]
    )
    response = _post(admin_client, text, True)
    page = response.content.decode()
    assert response.status_code == 400
    assert "7 lines are refused. Nothing was written" in page
    for reason in (
        "Enter a DUF number of 12 digits",
        "No resident has this DUF number.",
        "No organisation has this name or municipality number.",
        "Write the start date as 2026-08-15 or 15.08.2026.",
        "Already assigned to this organisation at that date.",
        "The same resident and organisation as line 1.",
        "Write three values: DUF number, organisation, start date.",
    ):
        assert reason in page, reason
    assert Assignment.objects.count() == 1  # only the fixture's
    assert not AuditEvent.objects.filter(action="assignments.uploaded").exists()


def test_an_unchanged_line_is_reported_and_not_duplicated(
    admin_client, resident, organisation, assignment
) -> None:
    text = f"201258697561;4601;{assignment.start_date.isoformat()}"
    response = _post(admin_client, text, True)
    assert "Already assigned from this date: no change" in response.content.decode()
    assert Assignment.objects.count() == 1


def test_a_later_assignment_after_the_end_is_accepted(
    admin_client, resident, organisation, assignment
) -> None:
    assignment.end_date = today() + datetime.timedelta(days=10)
    assignment.save()
    later = (today() + datetime.timedelta(days=10)).isoformat()
    _post(admin_client, f"201258697561;4601;{later}", True)
    assert Assignment.objects.count() == 2


def test_a_file_that_is_not_text_is_a_clear_error(admin_client, organisation) -> None:
    upload = SimpleUploadedFile("x.csv", b"\x81\x8d\x8f\x90\x9d", content_type="text/csv")
    response = admin_client.post(URL, {"csv_file": upload}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "The file could not be read" in response.content.decode()


def test_centre_staff_cannot_upload(staff, client, resident, organisation) -> None:
    client.force_login(staff)
    response = _post(client, "201258697561;4601;2026-08-15", True)
    assert response.status_code == 302  # the admin's own sign-in page
    assert not Assignment.objects.exists()
