"""Advisers sign in through the staff sign-in flow (same throttle), and sign out."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.accounts.models import Role
from qualreg.accounts.signin import password_sign_in
from qualreg.privacy import audit


def _is_adviser(user: Any) -> bool:
    return user.role == Role.ADVISER and hasattr(user, "adviser")


@require_http_methods(["GET", "POST"])
def adviser_login(request: HttpRequest) -> HttpResponse:
    return password_sign_in(
        request,
        template="advisers/login.html",
        home="advisers:people",
        audit_prefix="adviser",
        may_use=_is_adviser,
    )


@require_POST
def adviser_logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record("adviser.signed_out", actor=request.user)
    auth_logout(request)
    messages.success(request, _("You have signed out."))
    return redirect("advisers:login")
