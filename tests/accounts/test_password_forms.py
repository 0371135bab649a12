"""Every form that checks a staff password is throttled per account and per address:
the staff sign-in, Django admin's login and admin's password change, counted together."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from qualreg.accounts.models import Role, User
from qualreg.accounts.second_factor import enrol
from qualreg.privacy.models import AuditEvent
from tests.conftest import STAFF_PASSWORD
from tests.signing_in import current_code
from tests.signing_in import signed_in as signed_in_with_both_factors

pytestmark = pytest.mark.django_db

ADMIN_PASSWORD = "a-long-admin-password-1"
LOCKED = "Too many failed sign-ins. Wait 15 minutes and try again."


@pytest.fixture
def administrator(db: object) -> User:
    return User.objects.create_superuser(
        "direktorat", password=ADMIN_PASSWORD, role=Role.ADMINISTRATOR
    )


def admin_login(username: str, password: str, address: str = "198.51.100.1"):  # type: ignore[no-untyped-def]
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}
    )
    return client, response


def staff_login(username: str, password: str, address: str = "198.51.100.1"):  # type: ignore[no-untyped-def]
    client = Client(REMOTE_ADDR=address)
    return client, client.post("/en/staff/login/", {"username": username, "password": password})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_the_admin_login_signs_in_with_the_right_password_and_the_second_factor(administrator):
    enrol(administrator)
    client, response = admin_login("direktorat", ADMIN_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/second-factor/?next=%2Fadmin%2F"
    assert client.get("/admin/").status_code == 302  # the password alone opens nothing
    response = client.post(response["Location"], {"code": current_code(administrator)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "Site administration" in client.get("/admin/").content.decode()


def test_the_admin_login_refuses_even_the_right_password_after_ten_wrong_ones(administrator):
    for _ in range(10):
        admin_login("direktorat", "wrong-password")
    client, response = admin_login("direktorat", ADMIN_PASSWORD)
    assert LOCKED in response.content.decode()
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_the_admin_lockout_holds_from_another_address(administrator):
    for _ in range(10):
        admin_login("direktorat", "wrong-password", address="198.51.100.1")
    client, response = admin_login("direktorat", ADMIN_PASSWORD, address="192.0.2.200")
    assert LOCKED in response.content.decode()
    assert not signed_in(client)


def test_the_admin_lockout_ends_after_its_window(administrator, monkeypatch):
    for _ in range(10):
        admin_login("direktorat", "wrong-password")
    later = timezone.now() + datetime.timedelta(minutes=15, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    client, response = admin_login("direktorat", ADMIN_PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_one_address_trying_many_accounts_at_the_admin_login_is_locked(administrator):
    for n in range(10):
        admin_login(f"guess-{n}", "wrong-password", address="198.51.100.7")
    client, response = admin_login("direktorat", ADMIN_PASSWORD, address="198.51.100.7")
    assert LOCKED in response.content.decode() and not signed_in(client)


def test_wrong_passwords_on_the_admin_and_staff_forms_add_up(staff):
    for n in range(5):
        admin_login("kari", "wrong-password", address=f"198.51.100.{n}")
        staff_login("kari", "wrong-password", address=f"198.51.100.{n + 100}")
    client, response = staff_login("kari", STAFF_PASSWORD, address="192.0.2.1")
    assert response.status_code == 400 and LOCKED in response.content.decode()
    assert not signed_in(client)


def test_wrong_old_passwords_in_the_admin_password_change_lock_the_account(administrator):
    client = Client(REMOTE_ADDR="198.51.100.1", HTTP_ACCEPT_LANGUAGE="en")
    signed_in_with_both_factors(administrator, client)
    new = {"new_password1": "another-long-password-9", "new_password2": "another-long-password-9"}
    for _ in range(10):
        client.post("/admin/password_change/", {"old_password": "wrong-password", **new})
    response = client.post("/admin/password_change/", {"old_password": ADMIN_PASSWORD, **new})
    assert response.status_code == 200 and LOCKED in response.content.decode()
    administrator.refresh_from_db()
    assert administrator.check_password(ADMIN_PASSWORD)
    # The same account's sign-in is locked too: it is the same password being guessed.
    other, signing_in = admin_login("direktorat", ADMIN_PASSWORD, address="192.0.2.9")
    assert LOCKED in signing_in.content.decode() and not signed_in(other)
    failures = AuditEvent.objects.filter(action="admin.password_change_failed")
    assert failures.count() == 10
    assert failures.first().detail == {"outcome": "locked", "account": administrator.pk}


def test_the_admin_password_change_still_works_with_the_right_old_password(administrator):
    client = signed_in_with_both_factors(administrator)
    response = client.post(
        "/admin/password_change/",
        {
            "old_password": ADMIN_PASSWORD,
            "new_password1": "another-long-password-9",
            "new_password2": "another-long-password-9",
        },
    )
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert administrator.check_password("another-long-password-9")
