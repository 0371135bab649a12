"""An adviser's second factor: a TOTP authenticator app, with single-use recovery codes.

Administrators enrol an adviser (`manage.py enrol_second_factor USERNAME`), which prints the
secret as an otpauth:// address for the app and the recovery codes, once.
"""

from __future__ import annotations

import base64
from typing import Any

import django_otp
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def enrol(user: Any) -> tuple[str, str, list[str]]:
    """Give `user` a new authenticator secret and new recovery codes, replacing any old
    ones. Returns the otpauth:// address, the secret in base32, and the recovery codes."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
    secret = base64.b32encode(device.bin_key).decode()
    return device.config_url, secret, codes


def has_second_factor(user: Any) -> bool:
    return any(True for _device in django_otp.devices_for_user(user))


def verify(request: HttpRequest, token: str) -> bool:
    """Whether `token` is the current code of the user's app or an unused recovery code;
    when it is, the session is marked as having passed the second factor."""
    token = "".join(token.split())[:16]
    if not token:
        return False
    with transaction.atomic():
        for device in django_otp.devices_for_user(request.user, for_verify=True):
            if device.verify_token(token):
                django_otp.login(request, device)
                return True
    return False
