"""A username spelt another way reaches the same account, so it counts against the same lock."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed sign-ins. Wait 15 minutes and try again."
FULLWIDTH = "ｋａｒｉ"
MATHEMATICAL_BOLD = "𝐤𝐚𝐫𝐢"


def sign_in(username: str, password: str, address: str, form: str = "/en/staff/login/"):  # type: ignore[no-untyped-def]
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")
    return client, client.post(form, {"username": username, "password": password})


@pytest.mark.parametrize("spelling", [FULLWIDTH, MATHEMATICAL_BOLD])
def test_django_signs_in_a_look_alike_spelling_of_the_username(staff, spelling):
    """Why it matters: these spellings are the account, with its password."""
    client, response = sign_in(spelling, STAFF_PASSWORD, "198.51.100.1")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(staff.pk)


@pytest.mark.parametrize("spelling", [FULLWIDTH, MATHEMATICAL_BOLD, "KARI", "Kari"])
def test_wrong_passwords_under_a_look_alike_spelling_lock_the_account(staff, spelling):
    for n in range(10):  # each from its own address, so only the account's count can lock
        sign_in(spelling, "wrong-password", f"198.51.100.{n}")
    client, response = sign_in("kari", STAFF_PASSWORD, "192.0.2.1")
    assert response.status_code == 400 and LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_mixed_spellings_on_both_forms_count_as_one_account(staff):
    spellings = [FULLWIDTH] * 4 + [MATHEMATICAL_BOLD] * 3 + ["KARI"] * 3
    for n, spelling in enumerate(spellings):
        form = "/admin/login/" if n % 2 else "/en/staff/login/"
        sign_in(spelling, "wrong-password", f"198.51.100.{n}", form)
    for spelling in ("kari", FULLWIDTH):
        client, response = sign_in(spelling, STAFF_PASSWORD, "192.0.2.1")
        assert LOCKED in response.content.decode() and "_auth_user_id" not in client.session
