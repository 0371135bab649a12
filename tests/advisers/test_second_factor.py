"""Advisers sign in with a password and a second factor: a code from an authenticator app
(TOTP) or a single-use recovery code. Without it, no adviser page opens."""

from __future__ import annotations

import io
import re

from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from qualreg.accounts.second_factor import enrol
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import ADVISER_PASSWORD

VERIFY = "/en/advisers/login/second-factor/"


def _password_only(client: Client) -> None:
    response = client.post(
        "/en/advisers/login/", {"username": "nora", "password": ADVISER_PASSWORD}
    )
    assert response["Location"] == VERIFY


def _current_code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_the_password_alone_opens_no_adviser_page(adviser, completed, assignment) -> None:
    enrol(adviser)
    client = Client()
    _password_only(client)
    response = client.get("/en/advisers/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    refused = AuditEvent.objects.get(action="access.refused")
    assert refused.detail["why"] == "second_factor_missing"


def test_the_apps_code_completes_the_sign_in(adviser) -> None:
    enrol(adviser)
    client = Client()
    _password_only(client)
    response = client.post(VERIFY, {"code": _current_code(adviser)})
    assert response.status_code == 302 and response["Location"] == "/en/advisers/"
    assert client.get("/en/advisers/").status_code == 200
    assert AuditEvent.objects.filter(action="adviser.second_factor_passed").exists()


def test_a_wrong_code_is_a_clear_error(adviser) -> None:
    enrol(adviser)
    client = Client()
    _password_only(client)
    wrong = f"{(int(_current_code(adviser)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 400
    assert "That code is wrong or has been used" in response.content.decode()
    assert client.get("/en/advisers/").status_code == 302
    assert AuditEvent.objects.filter(action="adviser.second_factor_failed").exists()


def test_a_recovery_code_works_once(adviser) -> None:
    _address, _secret, codes = enrol(adviser)
    first = Client()
    _password_only(first)
    assert first.post(VERIFY, {"code": codes[0]}).status_code == 302
    again = Client()
    _password_only(again)
    assert again.post(VERIFY, {"code": codes[0]}).status_code == 400


def test_too_many_wrong_codes_lock_the_second_step(adviser) -> None:
    enrol(adviser)
    client = Client()
    _password_only(client)
    for _ in range(10):
        client.post(VERIFY, {"code": "000000x"})
    response = client.post(VERIFY, {"code": _current_code(adviser)})
    assert response.status_code == 400
    assert "Too many failed sign-ins" in response.content.decode()


def test_the_second_step_needs_the_password_first(adviser) -> None:
    response = Client().post(VERIFY, {"code": "123456"})
    assert response.status_code == 302 and response["Location"] == "/en/advisers/login/"


def test_the_demo_adviser_signs_in_with_the_printed_recovery_code(client, db) -> None:
    out = io.StringIO()
    call_command("demodata", stdout=out)
    printed = out.getvalue()
    assert "otpauth://totp/" in printed
    adviser_part = printed[printed.index("Adviser:") :]
    code = re.search(r"recovery code \(each works once\): (\S+)", adviser_part).group(1)
    response = client.post(
        "/en/advisers/login/", {"username": "adviser", "password": "demo-adviser-password"}
    )
    assert response["Location"] == VERIFY
    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get("/en/advisers/").status_code == 200
