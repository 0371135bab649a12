"""Signing in to the statistics: the staff password form and the shared second factor (the
same throttles and audit as every portal), and signing out."""

from __future__ import annotations

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
from qualreg.statistics.access import may_read_statistics


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    return password_sign_in(
        request,
        template="statistics/login.html",
        second_factor="statistics:verify",
        audit_prefix="statistics",
        may_use=may_read_statistics,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the authenticator app or a recovery code (or setting
    up the app, for an account without one)."""
    return second_factor_step(
        request,
        base_template="statistics/base.html",
        login_url=reverse("statistics:login"),
        logout_url=reverse("statistics:logout"),
        home=reverse("statistics:page"),
        audit_prefix="statistics",
        may_use=may_read_statistics,
    )


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record(audit.Action.STATISTICS_SIGNED_OUT, actor=request.user)
    auth_logout(request)
    messages.success(request, _("You have signed out."))
    return redirect("statistics:login")
