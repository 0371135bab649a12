"""Every refusal leaves one audit row, and every asking whether a DUF number is registered in
the service is audited per number, pseudonymously when the person is not the staff's."""

from __future__ import annotations

import pytest

from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent
from tests.centres.test_access import resident_urls

pytestmark = pytest.mark.django_db

REFUSED = audit.Action.ACCESS_REFUSED
ADD_REFUSED = audit.Action.RESIDENT_ADD_REFUSED


def _no_number_in(event: AuditEvent, *numbers: str) -> None:
    for number in numbers:
        assert number not in str(event.detail) and number[4:10] not in str(event.detail)


@pytest.mark.parametrize("index", range(3))
def test_trying_another_centres_resident_is_refused_and_audited(
    other_staff_client, other_staff, resident, index
):
    method, url, data = resident_urls(resident.pk)[index]
    assert getattr(other_staff_client, method)(url, data).status_code == 404
    event = AuditEvent.objects.get(action=REFUSED)
    assert event.actor == other_staff
    assert event.person is None  # who was tried is an internal id, not a link to the person
    assert event.detail["resident_ids"] == [resident.pk]
    assert event.detail["view"].startswith("centres:")
    _no_number_in(event, resident.duf_number)


def test_an_id_of_nobody_is_audited_as_well(staff_client, staff):
    assert staff_client.get("/en/staff/residents/999999/").status_code == 404
    assert AuditEvent.objects.get(action=REFUSED).detail == {
        "view": "centres:resident",
        "resident_ids": [999999],
    }


def test_other_roles_and_resident_sessions_are_audited_when_refused(
    client, adviser, resident_client
):
    client.force_login(adviser)
    assert client.get("/en/staff/").status_code == 404
    assert resident_client.get("/en/staff/").status_code == 404
    adviser_row, resident_row = AuditEvent.objects.filter(action=REFUSED).order_by("id")
    assert (adviser_row.actor, adviser_row.by_resident) == (adviser, False)
    assert (resident_row.actor, resident_row.by_resident) == (None, True)


def test_adding_a_number_registered_elsewhere_is_audited_with_a_pseudonym(
    staff_client, staff, other_resident
):
    response = staff_client.post(
        "/en/staff/residents/add/",
        {"duf_number": "2019 123456 78", "preferred_language": "so"},
    )
    assert response.status_code == 400
    assert "already registered in the service" in response.content.decode()
    event = AuditEvent.objects.get(action=ADD_REFUSED)
    assert (event.actor, event.person) == (staff, None)
    assert event.detail == {
        "via": "form",
        "outcome": "elsewhere",
        "duf": audit.pseudonym(other_resident.duf_number),
    }
    _no_number_in(event, other_resident.duf_number)


def test_adding_a_number_already_on_my_list_is_audited_against_that_resident(
    staff_client, staff, resident
):
    staff_client.post(
        "/en/staff/residents/add/",
        {"duf_number": resident.duf_number, "preferred_language": "so"},
    )
    event = AuditEvent.objects.get(action=ADD_REFUSED)
    assert (event.actor, event.person) == (staff, resident)
    assert event.detail == {"via": "form", "outcome": "at_this_centre"}


def test_the_number_is_not_looked_up_until_the_rest_of_the_form_is_valid(
    staff_client, other_resident
):
    response = staff_client.post("/en/staff/residents/add/", {"duf_number": "201912345678"})
    page = response.content.decode()
    assert response.status_code == 400 and "Select the resident" in page
    assert "already registered" not in page
    assert not AuditEvent.objects.filter(action=ADD_REFUSED).exists()


def test_an_import_audits_each_number_it_looks_up(staff_client, staff, resident, other_resident):
    lines = "\n".join(["202011111111", resident.duf_number, other_resident.duf_number, "12345"])
    staff_client.post("/en/staff/residents/import/", {"lines": lines, "default_language": "uk"})
    refused = AuditEvent.objects.filter(action=ADD_REFUSED, actor=staff).order_by("id")
    assert [(event.person, event.detail) for event in refused] == [
        (resident, {"via": "import", "outcome": "at_this_centre"}),
        (
            None,
            {"via": "import", "outcome": "elsewhere", "duf": audit.pseudonym("201912345678")},
        ),
    ]
    assert AuditEvent.objects.filter(action=audit.Action.RESIDENT_ADDED).count() == 1
