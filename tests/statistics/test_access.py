"""Only administrators and the statistics role, with both factors, read the statistics.
Everyone else is refused (404, or the sign-in page when nobody is signed in), page and
files alike, and every refusal is audited."""

from __future__ import annotations

import pytest
from django.test import Client

from qualreg.accounts.models import Role, User
from qualreg.people.session import SESSION_KEY as RESIDENT_SESSION_KEY
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import make_adviser, signed_in
from tests.statistics.conftest import PASSWORD, register, text_of, verified_client

pytestmark = pytest.mark.django_db

URLS = ["/en/statistics/", "/en/statistics/tables/gender.csv", "/en/statistics/statistics.xlsx"]


def refusals() -> list[str]:
    return list(
        AuditEvent.objects.filter(action="access.refused").values_list("detail__why", flat=True)
    )


@pytest.mark.parametrize("url", URLS)
def test_nobody_signed_in_is_sent_to_the_statistics_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/statistics/login/?next=")
    assert refusals() == ["signed_out"]


@pytest.mark.parametrize("url", URLS)
def test_centre_staff_get_404(staff, url):
    client = Client()
    client.force_login(staff)
    assert client.get(url).status_code == 404
    assert refusals() == ["not_statistics"]


@pytest.mark.parametrize("url", URLS)
def test_an_adviser_with_both_factors_gets_404(url):
    from qualreg.advisers.models import Organisation

    organisation = Organisation.objects.create(
        kind="municipality", name="Bergen kommune", municipality_number="4601"
    )
    adviser = make_adviser("nora", organisation)
    assert signed_in(adviser).get(url).status_code == 404
    assert refusals() == ["not_statistics"]


@pytest.mark.parametrize("url", URLS)
def test_a_resident_session_gets_404(client, resident, url):
    session = client.session
    session[RESIDENT_SESSION_KEY] = resident.pk
    session.save()
    assert client.get(url).status_code == 404
    assert refusals() == ["resident_session"]


def test_an_analyst_without_the_second_factor_is_sent_to_it(analyst):
    client = Client()
    client.force_login(analyst)
    response = client.get("/en/statistics/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/statistics/login/second-factor/")
    assert refusals() == ["second_factor_missing"]


def test_a_closed_account_of_the_statistics_role_gets_404(analyst):
    client = verified_client(analyst)
    analyst.is_active = False
    analyst.save()
    # Django signs an inactive user out: the page then asks for a sign-in again.
    assert client.get("/en/statistics/").status_code in (302, 404)
    assert "statistics.viewed" not in AuditEvent.objects.values_list("action", flat=True)


@pytest.mark.parametrize("role", [Role.STATISTICS, Role.ADMINISTRATOR])
def test_the_two_roles_read_the_statistics(centre, role):
    register(centre, 20)
    user = User.objects.create_user("reader", password=PASSWORD, role=role)
    response = verified_client(user).get("/en/statistics/")
    assert response.status_code == 200
    assert "Statistics" in text_of(response) and "Registrations counted 20" in text_of(response)
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_statistics_sign_in_refuses_other_roles_as_a_wrong_password(client, staff):
    from tests.conftest import STAFF_PASSWORD

    response = client.post(
        "/en/statistics/login/", {"username": "kari", "password": STAFF_PASSWORD}
    )
    assert response.status_code == 400
    assert "The user name or the password is wrong" in text_of(response)
    assert AuditEvent.objects.filter(action="statistics.sign_in_failed").count() == 1


def test_the_analyst_signs_in_with_password_and_authenticator_code(client, analyst, centre):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    register(centre, 20)
    device = TOTPDevice.objects.create(user=analyst, name="authenticator", confirmed=True)
    response = client.post("/en/statistics/login/", {"username": "siri", "password": PASSWORD})
    assert response["Location"] == "/en/statistics/login/second-factor/"
    response = client.post(
        "/en/statistics/login/second-factor/", {"code": f"{totp(device.bin_key):06d}"}
    )
    assert response["Location"] == "/en/statistics/"
    assert "Registrations counted 20" in text_of(client.get("/en/statistics/"))
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [
        "statistics.signed_in",
        "statistics.second_factor_passed",
        "statistics.viewed",
    ]


def test_a_wrong_authenticator_code_is_refused_and_audited(client, analyst):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=analyst, name="authenticator", confirmed=True)
    client.post("/en/statistics/login/", {"username": "siri", "password": PASSWORD})
    response = client.post("/en/statistics/login/second-factor/", {"code": "000000"})
    assert response.status_code == 400
    assert "That code is wrong" in text_of(response)
    assert client.get("/en/statistics/").status_code == 302
    assert AuditEvent.objects.filter(action="statistics.second_factor_failed").count() == 1
