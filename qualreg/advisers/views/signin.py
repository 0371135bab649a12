"""Advisers sign in through the staff sign-in flow (same throttle), and sign out."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.accounts.models import Role
from qualreg.accounts.signin import locked_message, password_sign_in
from qualreg.advisers import second_factor
from qualreg.advisers.forms import SecondFactorForm
from qualreg.lib import throttle
from qualreg.privacy import audit

MAX_CODE_FAILURES = 10
LOCKOUT_MINUTES = 15


def _is_adviser(user: Any) -> bool:
    return user.role == Role.ADVISER and hasattr(user, "adviser")


@require_http_methods(["GET", "POST"])
def adviser_login(request: HttpRequest) -> HttpResponse:
    return password_sign_in(
        request,
        template="advisers/login.html",
        home="advisers:verify",
        audit_prefix="adviser",
        may_use=_is_adviser,
    )


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the authenticator app or a recovery code."""
    user = request.user
    if not user.is_authenticated or not _is_adviser(user):
        return redirect("advisers:login")
    if user.is_verified():  # type: ignore[attr-defined]  # set by OTPMiddleware
        return redirect(_next_or_home(request))
    form = SecondFactorForm(request.POST or None)
    enrolled = second_factor.has_second_factor(user)
    if request.method == "POST" and enrolled and form.is_valid():
        key = str(user.pk)
        wait = throttle.reserve_attempt(
            "second-factor", key, limit=MAX_CODE_FAILURES, lockout_minutes=LOCKOUT_MINUTES
        )
        if wait:
            form.add_error("code", locked_message(wait))
        elif second_factor.verify(request, form.cleaned_data["code"]):
            throttle.clear("second-factor", key)
            audit.record(audit.Action.ADVISER_SECOND_FACTOR_PASSED, actor=user)
            return redirect(_next_or_home(request))
        else:
            throttle.confirm_failure(
                "second-factor", key, limit=MAX_CODE_FAILURES, lockout_minutes=LOCKOUT_MINUTES
            )
            form.add_error("code", _("That code is wrong or has been used. Try the newest code."))
        audit.record(audit.Action.ADVISER_SECOND_FACTOR_FAILED, actor=user)
    status = 400 if form.errors else 200
    return render(
        request, "advisers/verify.html", {"form": form, "enrolled": enrolled}, status=status
    )


def _next_or_home(request: HttpRequest) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return next_url
    return reverse("advisers:people")


@require_POST
def adviser_logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record(audit.Action.ADVISER_SIGNED_OUT, actor=request.user)
    auth_logout(request)
    messages.success(request, _("You have signed out."))
    return redirect("advisers:login")
