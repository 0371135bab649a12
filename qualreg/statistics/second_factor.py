"""Checking a staff user's second factor (django-otp: an authenticator app, or a recovery
code). Until the shared one in accounts lands, the statistics keep this small copy of the
two checks they need; enrolment stays with `manage.py enrol_second_factor`."""

from __future__ import annotations

from typing import Any

import django_otp
from django.db import transaction
from django.http import HttpRequest


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
