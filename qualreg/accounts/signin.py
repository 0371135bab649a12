"""Every form that checks a staff password, throttled per account and per address.

The portals' sign-in (`password_sign_in`), Django admin's login and admin's password change
count their failures in the same two throttles, so switching forms or spelling the username
another way gains an attacker nothing, and each failure is audited with the account tried.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm, AdminPasswordChangeForm
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy, ngettext

from qualreg.lib import throttle
from qualreg.lib.net import client_address
from qualreg.privacy import audit

ACCOUNT_SCOPE = "staff"
ADDRESS_SCOPE = "staff-client"
MAX_FAILURES = 10


@dataclass(frozen=True)
class TriedAccount:
    """The account a typed username names, or only the normalised name when none does."""

    user_id: int | None
    name: str

    @property
    def throttle_key(self) -> str:
        return f"account:{self.user_id}" if self.user_id else f"name:{self.name}"

    def audit_detail(self) -> dict[str, Any]:
        # Never the name as typed: people type their password into the wrong field.
        if self.user_id:
            return {"account": self.user_id}
        return {"name_hash": throttle.keyed_hash("staff-username", self.name)}


def tried_account(typed: str) -> TriedAccount:
    """Which account a sign-in is aimed at, however the username was spelt.

    Django looks up the NFKC-normalised name exactly; an account that matches it apart from
    case is the one meant too, so STAFF, ｓｔａｆｆ and 𝐬𝐭𝐚𝐟𝐟 all count against `staff`.
    """
    looked_up = unicodedata.normalize("NFKC", str(typed))[:150]
    matches = list(
        get_user_model()
        ._default_manager.filter(username__iexact=looked_up)
        .values_list("pk", "username")[:5]
    )
    exact = [pk for pk, username in matches if username == looked_up]
    user_id = exact[0] if exact else (matches[0][0] if len(matches) == 1 else None)
    return TriedAccount(user_id=user_id, name=throttle.normalised_name(typed))


def locked_message(seconds: int) -> str:
    minutes = throttle.minutes_to_wait(seconds)
    return ngettext(
        "Too many failed sign-ins. Wait %(minutes)d minute and try again.",
        "Too many failed sign-ins. Wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


class PasswordAttempt:
    """One check of a staff password (or, with its own account scope, of a second-factor
    code), counted before it is made (see throttle.reserve_attempt)."""

    def __init__(
        self,
        account: TriedAccount,
        request: HttpRequest | None,
        account_scope: str = ACCOUNT_SCOPE,
    ) -> None:
        self.account = account
        address = client_address(request) if request is not None else "unknown"
        self.limits = ((account_scope, account.throttle_key), (ADDRESS_SCOPE, address))

    def reserve(self) -> int:
        """0 when the password may be checked, else the seconds to wait."""
        reserved: list[tuple[str, str]] = []
        for scope, key in self.limits:
            wait = throttle.reserve_attempt(
                scope, key, limit=MAX_FAILURES, lockout_minutes=_lockout_minutes()
            )
            if wait:
                for reserved_scope, reserved_key in reserved:
                    throttle.release(reserved_scope, reserved_key)
                return wait
            reserved.append((scope, key))
        return 0

    def failed(self, action: str) -> int:
        """The password was wrong: count and audit it; the seconds to wait if now locked.

        One audit row per checked password, so at most MAX_FAILURES rows per account and per
        address per lockout window: tries refused while locked check nothing and write none.
        """
        locked_for = max(
            throttle.confirm_failure(
                scope, key, limit=MAX_FAILURES, lockout_minutes=_lockout_minutes()
            )
            for scope, key in self.limits
        )
        audit.record(
            action,
            outcome="locked" if locked_for else "wrong",
            **self.account.audit_detail(),
        )
        return locked_for

    def succeeded(self) -> None:
        (account_scope, account_key), (address_scope, address_key) = self.limits
        throttle.clear(account_scope, account_key)
        throttle.release(address_scope, address_key)


def _lockout_minutes() -> int:
    return settings.LOGIN_CODE_LOCKOUT_MINUTES


class ThrottledSignInMixin:
    """For AuthenticationForm and its subclasses: refuses without checking the password
    while the account or the address is locked, and counts and audits every refusal."""

    audit_action: str = audit.Action.STAFF_SIGN_IN_FAILED
    request: HttpRequest | None
    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username is None or not self.cleaned_data.get("password"):
            return super().clean()  # type: ignore[misc]  # a field is missing: nothing checked
        attempt = PasswordAttempt(tried_account(username), self.request)
        wait = attempt.reserve()
        if wait:
            raise forms.ValidationError(locked_message(wait), code="locked")
        try:
            cleaned = super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            locked_for = attempt.failed(self.audit_action)
            if locked_for:
                raise forms.ValidationError(locked_message(locked_for), code="locked") from None
            raise
        attempt.succeeded()
        return cleaned


class StaffLoginForm(ThrottledSignInMixin, AuthenticationForm):
    """A portal's sign-in form; accounts the portal is not for are refused as if the
    password were wrong (and counted like it)."""

    may_use: Callable[[Any], bool] = staticmethod(lambda user: True)
    # Django's own wording exists only in the languages Django ships (not ti, am, so, kmr …),
    # and would appear in Norwegian in the others: every text of the form is ours.
    error_messages = {
        "invalid_login": gettext_lazy(
            "The user name or the password is wrong. Capital and small letters count."
        ),
        "inactive": gettext_lazy("This account is closed. Ask an administrator."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = gettext("User name")
        self.fields["username"].error_messages["required"] = gettext("Enter your user name.")
        self.fields["password"].label = gettext("Password")
        self.fields["password"].error_messages["required"] = gettext("Enter your password.")

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not self.may_use(user):
            raise self.get_invalid_login_error()


class AdminSignInForm(ThrottledSignInMixin, AdminAuthenticationForm):
    audit_action = audit.Action.ADMIN_SIGN_IN_FAILED


def password_sign_in(
    request: HttpRequest,
    *,
    template: str,
    second_factor: str,
    audit_prefix: str,
    may_use: Callable[[Any], bool] = lambda user: True,
    after_login: Callable[[HttpRequest], None] = lambda request: None,
) -> HttpResponse:
    """The sign-in page of a portal: GET shows it, POST checks the password and sends the
    person on to the portal's second-factor step (`second_factor`, a URL name), which goes
    on to `next`. Audits every success and failure as `<audit_prefix>.…`."""
    form = StaffLoginForm(request, data=request.POST or None)
    form.may_use = may_use
    form.audit_action = f"{audit_prefix}.sign_in_failed"
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        request.session.flush()  # a resident session on this device ends here
        auth_login(request, user)
        after_login(request)
        audit.record(f"{audit_prefix}.signed_in", actor=user)
        next_url = request.POST.get("next") or request.GET.get("next") or ""
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = ""
        step = reverse(second_factor)
        return redirect(f"{step}?{urlencode({'next': next_url})}" if next_url else step)
    status = 400 if form.errors else 200
    return render(request, template, {"form": form}, status=status)


class ThrottledPasswordChangeForm(AdminPasswordChangeForm):
    """Admin's password change, whose old-password check is a password check like any other."""

    def __init__(self, user: Any, *args: Any, request: HttpRequest | None = None, **kwargs: Any):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self) -> str:
        name = throttle.normalised_name(self.user.get_username())
        account = TriedAccount(user_id=self.user.pk, name=name)
        attempt = PasswordAttempt(account, self.request)
        wait = attempt.reserve()
        if wait:
            raise forms.ValidationError(locked_message(wait), code="locked")
        try:
            old_password = super().clean_old_password()
        except forms.ValidationError:
            locked_for = attempt.failed(audit.Action.ADMIN_PASSWORD_CHANGE_FAILED)
            if locked_for:
                raise forms.ValidationError(locked_message(locked_for), code="locked") from None
            raise
        attempt.succeeded()
        return old_password
