"""Access from the refused side: every staff page and action, for everyone who may not use it."""

from __future__ import annotations

import pytest
from django.test import Client

from qualreg.people.models import LoginCode, Person
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def staff_urls(person_id: int) -> list[tuple[str, str, dict]]:
    """(method, url, data) for every page and action of the staff portal."""
    return [
        ("get", "/en/staff/", {}),
        ("post", "/en/staff/", {"duf": "2012"}),
        ("get", "/en/staff/residents/add/", {}),
        (
            "post",
            "/en/staff/residents/add/",
            {"duf_number": "202300000001", "preferred_language": "ar"},
        ),
        ("get", "/en/staff/residents/import/", {}),
        (
            "post",
            "/en/staff/residents/import/",
            {"lines": "202300000002", "default_language": "ar"},
        ),
        ("get", f"/en/staff/residents/{person_id}/", {}),
        ("post", f"/en/staff/residents/{person_id}/issue-code/", {}),
        ("post", "/en/staff/residents/issue-codes/", {"person": [person_id], "layout": "one"}),
        ("get", "/en/staff/slips/", {}),
    ]


def resident_urls(person_id: int) -> list[tuple[str, str, dict]]:
    """The pages and actions that name one resident."""
    return [
        ("get", f"/en/staff/residents/{person_id}/", {}),
        ("post", f"/en/staff/residents/{person_id}/issue-code/", {}),
        ("post", "/en/staff/residents/issue-codes/", {"person": [person_id], "layout": "one"}),
    ]


def _nothing_happened() -> None:
    assert not LoginCode.objects.exists()
    assert not Person.objects.filter(duf_number__startswith="2023").exists()
    assert not AuditEvent.objects.filter(
        action__in=["login_code.issued", "resident.added"]
    ).exists()


@pytest.mark.parametrize("index", range(3))
def test_another_centres_staff_get_404_for_each_of_my_residents(
    other_staff_client, resident, index
):
    method, url, data = resident_urls(resident.pk)[index]
    response = getattr(other_staff_client, method)(url, data)
    assert response.status_code == 404, url
    assert resident.duf_display not in response.content.decode()
    _nothing_happened()


def test_a_bulk_issue_that_includes_anyone_of_another_centre_issues_nothing(
    other_staff_client, other_resident, resident
):
    response = other_staff_client.post(
        "/en/staff/residents/issue-codes/", {"person": [other_resident.pk, resident.pk]}
    )
    assert response.status_code == 404
    assert not LoginCode.objects.exists()


def test_an_id_of_nobody_is_404_as_well(staff_client):
    assert staff_client.get("/en/staff/residents/999999/").status_code == 404
    assert staff_client.post("/en/staff/residents/999999/issue-code/").status_code == 404


@pytest.mark.parametrize("index", range(10))
def test_anonymous_visitors_are_sent_to_the_staff_sign_in(resident, index):
    method, url, data = staff_urls(resident.pk)[index]
    response = getattr(Client(), method)(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/staff/login/?next=")
    _nothing_happened()


@pytest.mark.parametrize("index", range(10))
def test_a_resident_session_reaches_no_staff_page(resident_client, resident, index):
    method, url, data = staff_urls(resident.pk)[index]
    response = getattr(resident_client, method)(url, data)
    assert response.status_code == 404, url
    assert not AuditEvent.objects.filter(action="resident.added").exists()
    assert LoginCode.objects.filter(used_at__isnull=True).count() == 0


@pytest.mark.parametrize("role_fixture", ["adviser", "administrator"])
@pytest.mark.parametrize("index", range(10))
def test_other_roles_without_a_centre_get_404(request, resident, role_fixture, index):
    client = Client()
    client.force_login(request.getfixturevalue(role_fixture))
    method, url, data = staff_urls(resident.pk)[index]
    assert getattr(client, method)(url, data).status_code == 404, url
    _nothing_happened()


def test_a_deactivated_staff_account_is_refused(staff, resident):
    client = Client()
    client.force_login(staff)
    staff.is_active = False
    staff.save()
    response = client.get("/en/staff/")
    assert response.status_code in (302, 404)


def test_a_staff_session_reaches_no_resident_page(staff_client):
    response = staff_client.get("/en/start/")
    assert response.status_code == 302
    assert response["Location"].endswith("/login/")


def test_residents_logging_in_on_a_staff_computer_end_the_staff_session(
    staff_client, resident, code_for
):
    staff_client.post("/en/login/", {"duf_number": resident.duf_number, "code": code_for(resident)})
    assert staff_client.get("/en/staff/").status_code == 404  # now a resident's session
