"""Failed password checks are audited with the account tried, never the name as typed, and
their rows are bounded: tries refused while locked check no password and write no row."""

from __future__ import annotations

import hashlib

import pytest
from django.test import Client

from qualreg.accounts.models import Role, User
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def sign_in(
    username: str, password: str, address: str = "198.51.100.1", form: str = "/en/staff/login/"
):  # type: ignore[no-untyped-def]
    return Client(REMOTE_ADDR=address).post(form, {"username": username, "password": password})


def test_a_wrong_password_is_audited_with_the_account_tried(staff):
    sign_in("ｋａｒｉ", "wrong-password")
    event = AuditEvent.objects.get(action="staff.sign_in_failed")
    assert event.detail == {"outcome": "wrong", "account": staff.pk}
    assert event.actor is None


def test_a_wrong_admin_password_is_audited_as_such(db):
    admin = User.objects.create_superuser("direktorat", password="x" * 20, role=Role.ADMINISTRATOR)
    sign_in("DIREKTORAT", "wrong-password", form="/admin/login/")
    event = AuditEvent.objects.get(action="admin.sign_in_failed")
    assert event.detail == {"outcome": "wrong", "account": admin.pk}


def test_a_name_of_no_account_is_audited_as_a_keyed_hash_never_as_typed(staff):
    typed = "Sommer2026!kari"  # a password typed into the username field
    for spelling in (typed, typed.upper(), "Ｓｏｍｍｅｒ2026！ｋａｒｉ"):
        sign_in(spelling, "wrong-password")
    rows = list(AuditEvent.objects.filter(action="staff.sign_in_failed"))
    assert len(rows) == 3
    hashes = {row.detail["name_hash"] for row in rows}
    assert len(hashes) == 1  # the same name however it was spelt
    plain = hashlib.sha256(typed.casefold().encode()).hexdigest()
    for row in rows:
        assert "account" not in row.detail
        text = f"{row.detail} {row.reason}".casefold()
        assert "sommer" not in text and plain[:32] not in text


def test_failed_sign_in_rows_are_bounded_by_the_lockout(staff):
    for _ in range(30):
        sign_in("kari", "wrong-password")
    outcomes = list(
        AuditEvent.objects.filter(action="staff.sign_in_failed")
        .order_by("id")
        .values_list("detail__outcome", flat=True)
    )
    assert outcomes == ["wrong"] * 9 + ["locked"]


def test_a_missing_password_checks_nothing_and_counts_nothing(staff):
    for _ in range(12):
        response = sign_in("kari", "")
        assert response.status_code == 400
    assert not AuditEvent.objects.filter(action="staff.sign_in_failed").exists()
    assert sign_in("kari", "a-long-staff-password-1").status_code == 302
