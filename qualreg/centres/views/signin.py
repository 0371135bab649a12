"""Staff sign in with username, password (throttled) and a second factor, and sign out."""

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

from qualreg.accounts.second_factor import second_factor_step
from qualreg.accounts.signin import password_sign_in
from qualreg.privacy import audit


def _is_centre_staff(user: Any) -> bool:
    return bool(getattr(user, "is_centre_staff", False))


@require_http_methods(["GET", "POST"])
def staff_login(request: HttpRequest) -> HttpResponse:
    return password_sign_in(
        request,
        template="centres/login.html",
        second_factor="centres:verify",
        audit_prefix="staff",
        may_use=_is_centre_staff,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the authenticator app or a recovery code."""
    return second_factor_step(
        request,
        base_template="centres/staff_base.html",
        login_url=reverse("centres:login"),
        logout_url=reverse("centres:logout"),
        home=reverse("centres:residents"),
        audit_prefix="staff",
        may_use=_is_centre_staff,
    )


@require_POST
def staff_logout(request: HttpRequest) -> HttpResponse:
    """Ends the session on this computer, which residents may use next."""
    if request.user.is_authenticated:
        audit.record("staff.signed_out", actor=request.user)
    auth_logout(request)  # flushes the session, one-shot codes included
    messages.success(request, _("You have signed out."))
    return redirect("centres:login")
