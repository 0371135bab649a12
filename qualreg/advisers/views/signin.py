"""Advisers sign in through the staff sign-in flow (same throttle, same second factor), and
sign out."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.accounts.models import Role
from qualreg.accounts.second_factor import second_factor_step
from qualreg.accounts.signin import password_sign_in
from qualreg.privacy import audit


def _is_adviser(user: Any) -> bool:
    return user.role == Role.ADVISER and hasattr(user, "adviser")


@require_http_methods(["GET", "POST"])
def adviser_login(request: HttpRequest) -> HttpResponse:
    return password_sign_in(
        request,
        template="advisers/login.html",
        second_factor="advisers:verify",
        audit_prefix="adviser",
        may_use=_is_adviser,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the authenticator app or a recovery code."""
    return second_factor_step(
        request,
        base_template="advisers/adviser_base.html",
        login_url=reverse("advisers:login"),
        logout_url=reverse("advisers:logout"),
        home=reverse("advisers:people"),
        audit_prefix="adviser",
        may_use=_is_adviser,
    )


@require_POST
def adviser_logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record(audit.Action.ADVISER_SIGNED_OUT, actor=request.user)
    auth_logout(request)
    messages.success(request, _("You have signed out."))
    return redirect("advisers:login")
