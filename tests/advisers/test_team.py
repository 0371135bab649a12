"""A lead adviser adds advisers of their own organisation (who set their own password and second
factor through a one-time link), and deactivates and reactivates them; nobody else can, and
nobody can reach another organisation's advisers or another role's accounts."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from qualreg.accounts.models import Role, User
from qualreg.advisers.models import Adviser
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import make_adviser, refusals, signed_in

TEAM = "/en/advisers/team/"
NEW = {
    "first_name": "Siri",
    "last_name": "Haugen",
    "username": "siri.haugen",
    "email": "siri.haugen@bergen.kommune.no",
}
PASSWORD = "fjord-lantern-copper-77"


@pytest.fixture
def lead(organisation) -> User:
    user = make_adviser("lena", organisation, first_name="Lena", last_name="Lie")
    Adviser.objects.filter(user=user).update(is_lead=True)
    return user


@pytest.fixture
def lead_client(lead) -> Client:
    return signed_in(lead)


def _setup_path() -> str:
    (message,) = mail.outbox
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_the_lead_sees_the_organisations_advisers(lead_client, adviser, other_adviser) -> None:
    page = lead_client.get(TEAM).content.decode()
    assert "Advisers of your organisation" in page
    assert "nora" in page and "lena" in page
    assert ">per<" not in page  # another organisation's adviser


def test_a_lead_adds_an_adviser_who_is_sent_a_setup_link(lead_client, lead, organisation):
    response = lead_client.post(TEAM, NEW)
    assert response.status_code == 302
    page = lead_client.get(TEAM).content.decode()
    assert "Siri Haugen is added. A set-up link has been sent to" in page
    assert "Waiting for set-up" in page
    added = User.objects.get(username="siri.haugen")
    assert added.role == Role.ADVISER and added.adviser.organisation == organisation
    assert not added.adviser.is_lead
    assert not added.has_usable_password()  # nobody knows a password for it
    (message,) = mail.outbox
    assert message.to == [NEW["email"]]
    assert "siri.haugen" in message.body and "/en/advisers/setup/" in message.body
    row = AuditEvent.objects.get(action="adviser.added")
    assert row.actor == lead
    assert row.detail == {"account": added.pk, "organisation": organisation.pk}


def test_the_new_adviser_chooses_a_password_then_sets_up_the_second_factor(lead_client):
    lead_client.post(TEAM, NEW)
    link = _setup_path()
    browser = Client()
    assert "Set up your adviser account" in browser.get(link).content.decode()
    mismatch = browser.post(link, {"password1": PASSWORD, "password2": PASSWORD + "x"})
    assert mismatch.status_code == 400
    assert "The two passwords are not the same." in mismatch.content.decode()
    response = browser.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response["Location"] == "/en/advisers/login/second-factor/"
    assert browser.get("/en/advisers/").status_code == 302  # not without the second factor
    assert "otpauth://totp/" in browser.get(response["Location"]).content.decode()
    device = TOTPDevice.objects.get(user__username="siri.haugen")
    codes = browser.post(response["Location"], {"code": f"{totp(device.bin_key):06d}"})
    assert "Your recovery codes" in codes.content.decode()
    assert "My people" in browser.get("/en/advisers/").content.decode()
    assert AuditEvent.objects.filter(action="adviser.account_set_up").count() == 1
    # The link worked once.
    again = Client().get(link)
    assert again.status_code == 400
    assert "This set-up link does not work" in again.content.decode()


def test_an_expired_link_does_not_work(lead_client, monkeypatch):
    lead_client.post(TEAM, NEW)
    link = _setup_path()
    later = datetime.datetime.now() + datetime.timedelta(days=4)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    response = Client().post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 400
    assert not User.objects.get(username="siri.haugen").has_usable_password()


def test_a_deactivated_advisers_link_does_not_work(lead_client):
    lead_client.post(TEAM, NEW)
    link = _setup_path()
    added = User.objects.get(username="siri.haugen")
    lead_client.post(f"{TEAM}{added.pk}/deactivate/")
    assert Client().get(link).status_code == 400


def test_a_user_name_taken_in_any_spelling_is_refused(lead_client, adviser):
    response = lead_client.post(TEAM, {**NEW, "username": "ＮＯＲＡ"})
    assert response.status_code == 400
    assert "This user name is taken. Choose another." in response.content.decode()
    assert not mail.outbox


def test_a_lead_deactivates_and_reactivates_an_adviser(lead_client, lead, adviser, assignment):
    advisers_browser = signed_in(adviser)
    assert lead_client.post(f"{TEAM}{adviser.pk}/deactivate/").status_code == 302
    adviser.refresh_from_db()
    assert not adviser.is_active
    assert "Deactivated" in lead_client.get(TEAM).content.decode()
    assert advisers_browser.get("/en/advisers/").status_code != 200
    lead_client.post(f"{TEAM}{adviser.pk}/reactivate/")
    adviser.refresh_from_db()
    assert adviser.is_active
    actions = AuditEvent.objects.filter(actor=lead, action__startswith="adviser.").values_list(
        "action", flat=True
    )
    assert {"adviser.deactivated", "adviser.reactivated"} <= set(actions)


def test_a_new_link_is_sent_only_to_an_adviser_who_has_not_set_up(lead_client, adviser):
    lead_client.post(TEAM, NEW)
    added = User.objects.get(username="siri.haugen")
    lead_client.post(f"{TEAM}{added.pk}/setup-link/")
    assert len(mail.outbox) == 2
    lead_client.post(f"{TEAM}{adviser.pk}/setup-link/")
    assert len(mail.outbox) == 2  # nora has a password: no link that would reset it
    assert "has already set up the account" in lead_client.get(TEAM).content.decode()


# The refused side.


def test_an_adviser_who_is_not_the_lead_is_refused(adviser, lead):
    client = signed_in(adviser)
    assert client.get(TEAM).status_code == 404
    assert client.post(TEAM, NEW).status_code == 404
    assert client.post(f"{TEAM}{lead.pk}/deactivate/").status_code == 404
    lead.refresh_from_db()
    assert lead.is_active and not User.objects.filter(username="siri.haugen").exists()
    assert not mail.outbox
    assert [refusal.detail["why"] for refusal in refusals()] == ["not_a_lead"] * 3


def test_a_lead_cannot_touch_another_organisations_adviser(lead_client, other_adviser):
    for action in ("deactivate", "setup-link"):
        assert lead_client.post(f"{TEAM}{other_adviser.pk}/{action}/").status_code == 404
    other_adviser.refresh_from_db()
    assert other_adviser.is_active and not mail.outbox
    assert [refusal.detail["why"] for refusal in refusals()] == ["not_a_colleague"] * 2
    assert not AuditEvent.objects.filter(action="adviser.deactivated").exists()


def test_a_lead_cannot_touch_other_roles_or_their_own_account(lead_client, lead, staff):
    administrator = User.objects.create_superuser("adm", password="x" * 20, role=Role.ADMINISTRATOR)
    for user in (staff, administrator, lead):
        assert lead_client.post(f"{TEAM}{user.pk}/deactivate/").status_code == 404
        user.refresh_from_db()
        assert user.is_active
    assert len(refusals()) == 3


def test_centre_staff_a_resident_and_anonymous_are_refused(client, staff, resident, code_for):
    resident_client = Client()
    resident_client.post(
        "/en/login/", {"duf_number": resident.duf_number, "code": code_for(resident)}
    )
    response = client.get(TEAM)
    assert response.status_code == 302 and response["Location"].startswith("/en/advisers/login/")
    assert signed_in(staff).get(TEAM).status_code == 404
    assert resident_client.get(TEAM).status_code == 404
    assert resident_client.post(TEAM, NEW).status_code == 404
    assert not User.objects.filter(username="siri.haugen").exists()
    assert sorted(refusal.detail["why"] for refusal in refusals()) == [
        "not_an_adviser",
        "resident_session",
        "resident_session",
        "signed_out",
    ]


def test_a_made_up_link_is_a_clear_error(db):
    response = Client().get("/en/advisers/setup/MTIz/abc-def/")
    assert response.status_code == 400
    assert "Ask your lead adviser for a new link." in response.content.decode()
