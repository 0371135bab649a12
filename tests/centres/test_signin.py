"""Staff sign in with a password (throttled) and sign out; both are audited."""

from __future__ import annotations

import pytest
from django.test import Client

from qualreg.accounts.second_factor import enrol
from qualreg.privacy.models import AuditEvent
from tests.conftest import STAFF_PASSWORD
from tests.signing_in import current_code, signed_in

pytestmark = pytest.mark.django_db


def test_staff_sign_in_with_password_and_code_and_land_on_their_residents(staff):
    enrol(staff)
    client = Client()
    response = client.post("/en/staff/login/", {"username": "kari", "password": STAFF_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/en/staff/login/second-factor/"
    response = client.post(response["Location"], {"code": current_code(staff)})
    assert response.status_code == 302 and response["Location"] == "/en/staff/"
    assert "Residents" in client.get("/en/staff/").content.decode()
    assert AuditEvent.objects.filter(action="staff.signed_in", actor=staff).exists()


def test_a_wrong_password_is_refused_and_audited(staff):
    response = Client().post("/en/staff/login/", {"username": "kari", "password": "nope"})
    assert response.status_code == 400
    assert AuditEvent.objects.filter(action="staff.sign_in_failed").exists()


def test_ten_wrong_passwords_lock_the_account_for_a_while(staff):
    client = Client()
    for _ in range(10):
        client.post("/en/staff/login/", {"username": "kari", "password": "nope"})
    response = client.post("/en/staff/login/", {"username": "kari", "password": STAFF_PASSWORD})
    assert response.status_code == 400
    assert "Too many failed sign-ins. Wait 15 minutes and try again." in response.content.decode()


def test_signing_out_ends_the_session_and_is_audited(staff_client, staff):
    response = staff_client.post("/en/staff/logout/")
    assert response.status_code == 302 and response["Location"] == "/en/staff/login/"
    assert "You have signed out." in staff_client.get("/en/staff/login/").content.decode()
    assert staff_client.get("/en/staff/").status_code == 302
    assert AuditEvent.objects.filter(action="staff.signed_out", actor=staff).exists()


def test_signing_out_needs_post(staff_client):
    assert staff_client.get("/en/staff/logout/").status_code == 405
    assert staff_client.get("/en/staff/").status_code == 200


def test_signing_out_drops_codes_not_yet_shown(staff_client, resident):
    staff_client.post(f"/en/staff/residents/{resident.pk}/issue-code/")
    staff_client.post("/en/staff/logout/")
    signed_in(resident.centre.staff.get(), staff_client)
    assert staff_client.get("/en/staff/slips/").status_code == 410


def test_every_staff_action_is_audited(staff_client, staff, resident):
    staff_client.get("/en/staff/")
    staff_client.get(f"/en/staff/residents/{resident.pk}/")
    staff_client.post(
        "/en/staff/residents/add/", {"duf_number": "202300000001", "preferred_language": "so"}
    )
    staff_client.post(
        "/en/staff/residents/import/", {"lines": "202300000002", "default_language": "so"}
    )
    staff_client.post(f"/en/staff/residents/{resident.pk}/issue-code/")
    staff_client.get("/en/staff/slips/")
    staff_client.post(
        "/en/staff/residents/issue-codes/", {"person": [resident.pk], "layout": "one"}
    )
    actions = set(AuditEvent.objects.filter(actor=staff).values_list("action", flat=True))
    assert actions >= {
        "residents.listed",
        "resident.viewed",
        "resident.added",
        "residents.imported",
        "login_code.issued",
        "login_code.slips_shown",
        "login_code.bulk_issued",
    }
    for detail in AuditEvent.objects.values_list("detail", flat=True):
        assert "2023" not in str(detail) and resident.duf_number not in str(detail)
