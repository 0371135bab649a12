"""Every staff account's second factor: a TOTP authenticator app, with single-use recovery codes.

Advisers, centre staff and administrators all pass it after their password
(`second_factor_step`). An account without an app enrols on its first sign-in: the page shows
a new secret, the person types the app's code to prove the app has it, and only then is the
app kept and ten recovery codes shown, once. Administrators can also enrol (or re-enrol) an
account from the command line (`manage.py enrol_second_factor USERNAME`).

Wrong codes count like wrong passwords (accounts.signin): per account, in a throttle of their
own so that a correct password cannot reset it, and per address together with passwords.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import django_otp
from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from qualreg.accounts.signin import PasswordAttempt, TriedAccount, locked_message
from qualreg.lib import throttle
from qualreg.privacy import audit

RECOVERY_CODES = 10
CODE_SCOPE = "staff-code"
APP_NAME = "authenticator"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        help_text=gettext_lazy(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
        max_length=20,
        error_messages={"required": gettext_lazy("Enter the code from your authenticator app.")},
    )


def _new_recovery_codes(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
    return codes


def enrol(user: Any) -> tuple[str, str, list[str]]:
    """Give `user` a new authenticator secret and new recovery codes, replacing any old
    ones. Returns the otpauth:// address, the secret in base32, and the recovery codes."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=True)
        codes = _new_recovery_codes(user)
    return device.config_url, secret_of(device), codes


def secret_of(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def has_second_factor(user: Any) -> bool:
    return any(True for _device in django_otp.devices_for_user(user))


def pending_app(user: Any) -> TOTPDevice:
    """The secret offered to an account that has no app yet: the same one on every visit
    until a code from it is typed (kept unconfirmed in the database, never in the session)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def confirm_app(request: HttpRequest, token: str) -> list[str] | None:
    """Keep the pending app when `token` is its current code, mark the session as past the
    second factor and return new recovery codes; None when the code is wrong."""
    token = "".join(token.split())[:16]
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=request.user, confirmed=False)
            .first()
        )
        if device is None or not token or not device.verify_token(token):
            return None
        TOTPDevice.objects.filter(user=request.user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(request.user)
    django_otp.login(request, device)
    return codes


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


def _attempt(request: HttpRequest) -> PasswordAttempt:
    user: Any = request.user
    account = TriedAccount(user_id=user.pk, name=throttle.normalised_name(user.get_username()))
    return PasswordAttempt(account, request, account_scope=CODE_SCOPE)


def _next_or(request: HttpRequest, home: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return next_url
    return home


def second_factor_step(
    request: HttpRequest,
    *,
    base_template: str,
    login_url: str,
    logout_url: str,
    home: str,
    audit_prefix: str,
    may_use: Callable[[Any], bool],
    extra_context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The second step of a portal's sign-in: the app's code or a recovery code, or, for an
    account without an app, setting one up. Audits `<audit_prefix>.second_factor_…`."""
    user: Any = request.user
    if not user.is_authenticated or not user.is_active or not may_use(user):
        return redirect(login_url)
    if user.is_verified():  # set by OTPMiddleware
        return redirect(_next_or(request, home))
    enrolled = has_second_factor(user)
    form = CodeForm(request.POST or None)
    context: dict[str, Any] = {
        **(extra_context or {}),
        "base_template": base_template,
        "logout_url": logout_url,
        "form": form,
        "enrolled": enrolled,
        "next": _next_or(request, ""),
    }
    if request.method == "POST" and form.is_valid():
        attempt = _attempt(request)
        wait = attempt.reserve()
        if wait:
            form.add_error("code", locked_message(wait))
        else:
            code = form.cleaned_data["code"]
            recovery = None if enrolled else confirm_app(request, code)
            if recovery is not None or (enrolled and verify(request, code)):
                attempt.succeeded()
                audit.record(
                    f"{audit_prefix}.second_factor_passed", actor=user, enrolled=not enrolled
                )
                if recovery is None:
                    return redirect(_next_or(request, home))
                context.update(recovery_codes=recovery, continue_url=_next_or(request, home))
                return render(request, "accounts/recovery_codes.html", context)
            locked_for = attempt.failed(f"{audit_prefix}.second_factor_failed")
            form.add_error(
                "code",
                locked_message(locked_for)
                if locked_for
                else gettext("That code is wrong or has been used. Try the newest code."),
            )
    if not enrolled:
        device = pending_app(user)
        secret = secret_of(device)
        context.update(
            otpauth=device.config_url,
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        )
    status = 400 if form.errors else 200
    return render(request, "accounts/second_factor.html", context, status=status)
