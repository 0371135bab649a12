"""Advisers sign in through the staff sign-in flow: same throttle, their own landing page."""

from __future__ import annotations

from django.test import Client

from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import ADVISER_PASSWORD
from tests.conftest import STAFF_PASSWORD


def test_an_adviser_signs_in_and_is_asked_for_the_second_factor(adviser) -> None:
    client = Client()
    response = client.post(
        "/en/advisers/login/", {"username": "nora", "password": ADVISER_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/advisers/login/second-factor/"
    assert AuditEvent.objects.filter(action="adviser.signed_in", actor=adviser).exists()


def test_centre_staff_cannot_sign_in_as_advisers(staff) -> None:
    response = Client().post(
        "/en/advisers/login/", {"username": "kari", "password": STAFF_PASSWORD}
    )
    assert response.status_code == 400
    assert "The user name or the password is wrong" in response.content.decode()
    assert AuditEvent.objects.filter(action="adviser.sign_in_failed").exists()


def test_wrong_passwords_lock_the_adviser_out_like_staff(adviser) -> None:
    client = Client()
    for _ in range(10):
        client.post("/en/advisers/login/", {"username": "nora", "password": "wrong"})
    response = client.post(
        "/en/advisers/login/", {"username": "nora", "password": ADVISER_PASSWORD}
    )
    assert response.status_code == 400
    assert "Too many failed sign-ins" in response.content.decode()


def test_the_staff_and_adviser_sign_ins_share_one_lockout(adviser) -> None:
    client = Client()
    for _ in range(10):
        client.post("/en/staff/login/", {"username": "nora", "password": "wrong"})
    response = client.post(
        "/en/advisers/login/", {"username": "nora", "password": ADVISER_PASSWORD}
    )
    assert "Too many failed sign-ins" in response.content.decode()


def test_signing_out_ends_the_adviser_session(adviser_client, adviser) -> None:
    response = adviser_client.post("/en/advisers/logout/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="adviser.signed_out", actor=adviser).exists()
    assert adviser_client.get("/en/advisers/").status_code == 302
