"""Centre staff and administrators, like advisers, need a password and a second factor: a code
from an authenticator app or a single-use recovery code. The password alone opens no staff or
admin page; an account without an app sets one up on its first sign-in; wrong codes lock the
code step as wrong passwords lock the password step."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from qualreg.accounts.models import Role, User
from qualreg.accounts.second_factor import enrol
from qualreg.people.models import LoginCode
from qualreg.privacy.models import AuditEvent
from tests.centres.test_access import staff_urls
from tests.conftest import STAFF_PASSWORD
from tests.signing_in import current_code

pytestmark = pytest.mark.django_db

ADMIN_PASSWORD = "a-long-admin-password-1"
STAFF_STEP = "/en/staff/login/second-factor/"
ADMIN_STEP = "/admin/second-factor/"
LOCKED = "Too many failed sign-ins. Wait 15 minutes and try again."
ADMIN_PAGES = [
    "/admin/",
    "/admin/people/person/",
    "/admin/accounts/user/",
    "/admin/privacy/auditevent/",
    "/admin/advisers/assignment/upload/",
    "/admin/languages/",
    "/admin/password_change/",
]


@pytest.fixture
def administrator(db: object) -> User:
    return User.objects.create_superuser(
        "direktorat", password=ADMIN_PASSWORD, role=Role.ADMINISTRATOR
    )


def staff_password_only(address: str = "198.51.100.1") -> Client:
    client = Client(REMOTE_ADDR=address)
    response = client.post("/en/staff/login/", {"username": "kari", "password": STAFF_PASSWORD})
    assert response["Location"] == STAFF_STEP
    return client


def admin_password_only(address: str = "198.51.100.1") -> Client:
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/admin/login/", {"username": "direktorat", "password": ADMIN_PASSWORD})
    assert response["Location"] == ADMIN_STEP
    return client


@pytest.mark.parametrize("index", range(10))
def test_staff_with_the_password_alone_reach_no_staff_page(staff, resident, index):
    enrol(staff)
    client = staff_password_only()
    method, url, data = staff_urls(resident.pk)[index]
    response = getattr(client, method)(url, data)
    assert response.status_code == 302, url
    assert response["Location"].startswith(STAFF_STEP + "?next=")
    assert resident.duf_display not in response.content.decode()
    assert not LoginCode.objects.exists()
    assert not AuditEvent.objects.filter(action="resident.added").exists()
    refused = AuditEvent.objects.get(action="access.refused")
    assert refused.detail["why"] == "second_factor_missing"


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_administrators_with_the_password_alone_reach_no_admin_page(administrator, url):
    enrol(administrator)
    client = admin_password_only()
    response = client.get(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith("/admin/login/")
    # …and the admin login sends a signed-in administrator on to the second factor.
    onward = client.get(response["Location"])
    assert onward.status_code == 302 and onward["Location"].startswith(ADMIN_STEP)


def test_the_admin_second_step_asks_for_the_code_and_then_opens_the_admin(administrator):
    enrol(administrator)
    client = admin_password_only()
    page = client.get(ADMIN_STEP).content.decode()
    assert "Second step of signing in" in page
    response = client.post(ADMIN_STEP, {"code": current_code(administrator)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "Site administration" in client.get("/admin/").content.decode()
    assert AuditEvent.objects.filter(
        action="admin.second_factor_passed", actor=administrator
    ).exists()


@pytest.mark.parametrize("who", ["staff", "administrator"])
def test_a_recovery_code_works_once(request, who):
    user = request.getfixturevalue(who)
    _address, _secret, codes = enrol(user)
    password_only, step, home = (
        (staff_password_only, STAFF_STEP, "/en/staff/")
        if who == "staff"
        else (admin_password_only, ADMIN_STEP, "/admin/")
    )
    first = password_only()
    response = first.post(step, {"code": codes[0]})
    assert response.status_code == 302 and response["Location"] == home
    assert first.get(home).status_code == 200
    again = password_only()
    response = again.post(step, {"code": codes[0]})
    assert response.status_code == 400
    assert "That code is wrong or has been used" in response.content.decode()
    assert again.get(home).status_code == 302


def test_wrong_codes_lock_the_code_step_even_for_the_right_code(staff):
    enrol(staff)
    client = staff_password_only()
    for _ in range(10):
        client.post(STAFF_STEP, {"code": "000000x"})
    response = client.post(STAFF_STEP, {"code": current_code(staff)})
    assert response.status_code == 400 and LOCKED in response.content.decode()
    assert client.get("/en/staff/").status_code == 302
    failures = AuditEvent.objects.filter(action="staff.second_factor_failed")
    assert failures.count() == 10
    assert failures.first().detail == {"outcome": "locked", "account": staff.pk}


def test_signing_in_again_with_the_password_does_not_reset_the_code_lockout(administrator):
    enrol(administrator)
    for n in range(10):
        admin_password_only(address=f"198.51.100.{n}").post(ADMIN_STEP, {"code": "123"})
    client = admin_password_only(address="192.0.2.50")
    response = client.post(ADMIN_STEP, {"code": current_code(administrator)})
    assert response.status_code == 400 and LOCKED in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_code_lockout_is_per_account_however_the_name_is_spelt(staff):
    enrol(staff)
    for _ in range(10):
        client = Client()
        client.post("/en/staff/login/", {"username": "ｋａｒｉ", "password": STAFF_PASSWORD})
        client.post(STAFF_STEP, {"code": "999999"})
    response = staff_password_only().post(STAFF_STEP, {"code": current_code(staff)})
    assert LOCKED in response.content.decode()


def test_an_account_without_an_app_sets_one_up_on_its_first_sign_in(staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own pause after a wrong code
    client = staff_password_only()
    page = BeautifulSoup(client.get(STAFF_STEP).content, "html.parser")
    assert "Your account needs an authenticator app" in page.get_text()
    link = page.find("a", href=lambda href: href and href.startswith("otpauth://totp/"))
    assert link is not None
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    # The same secret on a second visit, so the app set up from the first one still works.
    again = BeautifulSoup(client.get(STAFF_STEP).content, "html.parser")
    assert again.find("a", href=link["href"]) is not None

    wrong = client.post(STAFF_STEP, {"code": "000000"})
    assert wrong.status_code == 400 and client.get("/en/staff/").status_code == 302

    response = client.post(STAFF_STEP, {"code": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 200
    shown = BeautifulSoup(response.content, "html.parser")
    assert "Your recovery codes" in shown.h1.get_text()
    codes = [code.get_text() for code in shown.select(".recovery-codes code")]
    assert len(codes) == 10
    assert client.get("/en/staff/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # The next sign-in asks for a code and offers no new secret.
    later = staff_password_only()
    assert "otpauth://" not in later.get(STAFF_STEP).content.decode()
    assert later.post(STAFF_STEP, {"code": codes[3]}).status_code == 302


def test_an_administrator_without_an_app_sets_one_up_in_the_admin(administrator):
    client = admin_password_only()
    assert "otpauth://totp/" in client.get(ADMIN_STEP).content.decode()
    device = TOTPDevice.objects.get(user=administrator)
    response = client.post(ADMIN_STEP, {"code": f"{totp(device.bin_key):06d}"})
    assert "Your recovery codes" in response.content.decode()
    assert "Site administration" in client.get("/admin/").content.decode()


def test_the_second_step_needs_the_password_first(staff, administrator):
    enrol(staff)
    enrol(administrator)
    response = Client().post(STAFF_STEP, {"code": current_code(staff)})
    assert response["Location"] == "/en/staff/login/"
    response = Client().post(ADMIN_STEP, {"code": current_code(administrator)})
    assert response["Location"] == "/admin/login/"


def test_an_adviser_cannot_use_the_staff_sign_in(staff, adviser_user):
    response = Client().post("/en/staff/login/", {"username": "nora", "password": STAFF_PASSWORD})
    assert response.status_code == 400
    assert "The user name or the password is wrong." in response.content.decode()


@pytest.fixture
def adviser_user(db: object) -> User:
    return User.objects.create_user("nora", password=STAFF_PASSWORD, role=Role.ADVISER)
