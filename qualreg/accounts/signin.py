"""Signing in with a username and password, throttled, for every staff portal.

One flow serves the centre staff portal and the adviser portal: each try is counted per
name and per address before the password is checked, and a portal says which accounts may
use it and where they land.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext

from qualreg.lib import throttle
from qualreg.lib.net import client_address
from qualreg.privacy import audit

STAFF_MAX_FAILURES = 10


class StaffLoginForm(AuthenticationForm):
    """Django's sign-in form, which refuses before checking the password while locked, and
    refuses accounts the portal is not for as if the password were wrong."""

    locked_message = ""
    may_use: Callable[[Any], bool] = staticmethod(lambda user: True)

    def clean(self) -> dict[str, object]:
        if self.locked_message:
            raise forms.ValidationError(self.locked_message, code="locked")
        return super().clean()

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not self.may_use(user):
            raise self.get_invalid_login_error()


def locked_message(seconds: int) -> str:
    minutes = throttle.minutes_to_wait(seconds)
    return ngettext(
        "Too many failed sign-ins. Wait %(minutes)d minute and try again.",
        "Too many failed sign-ins. Wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


def password_sign_in(
    request: HttpRequest,
    *,
    template: str,
    home: str,
    audit_prefix: str,
    may_use: Callable[[Any], bool] = lambda user: True,
    after_login: Callable[[HttpRequest], None] = lambda request: None,
) -> HttpResponse:
    """The sign-in page of a portal: GET shows it, POST signs in and redirects to `next` (on
    this site) or to `home`. Audits every success and failure as `<audit_prefix>.…`."""
    form = StaffLoginForm(request, data=request.POST or None)
    form.may_use = may_use
    if request.method == "POST":
        username = str(request.POST.get("username", ""))[:150].casefold()
        # Each try is counted before the password is checked, so that simultaneous tries
        # cannot slip past the limit (see throttle.reserve_attempt).
        limits = (("staff", username), ("staff-client", client_address(request)))
        reserved = []
        for scope, key in limits:
            wait = throttle.reserve_attempt(
                scope,
                key,
                limit=STAFF_MAX_FAILURES,
                lockout_minutes=settings.LOGIN_CODE_LOCKOUT_MINUTES,
            )
            if wait:
                form.locked_message = locked_message(wait)
                break
            reserved.append((scope, key))
        if form.is_valid():
            user = form.get_user()
            request.session.flush()  # a resident session on this device ends here
            auth_login(request, user)
            after_login(request)
            throttle.clear("staff", username)
            throttle.release("staff-client", client_address(request))
            audit.record(f"{audit_prefix}.signed_in", actor=user)
            next_url = request.POST.get("next") or request.GET.get("next") or ""
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
                next_url = ""
            return redirect(next_url or home)
        if form.locked_message:
            for scope, key in reserved:
                throttle.release(scope, key)
        else:
            locked_for = max(
                throttle.confirm_failure(
                    scope,
                    key,
                    limit=STAFF_MAX_FAILURES,
                    lockout_minutes=settings.LOGIN_CODE_LOCKOUT_MINUTES,
                )
                for scope, key in limits
            )
            if locked_for:
                form.errors.pop("__all__", None)
                form.add_error(None, locked_message(locked_for))
        audit.record(f"{audit_prefix}.sign_in_failed", locked=bool(form.locked_message))
    status = 400 if form.errors else 200
    return render(request, template, {"form": form}, status=status)
