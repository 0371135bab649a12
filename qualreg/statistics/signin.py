"""Signing in to the statistics: the staff password form (same throttle and audit as every
portal), then the second factor; and signing out."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.accounts.signin import locked_message, password_sign_in
from qualreg.lib import throttle
from qualreg.privacy import audit
from qualreg.statistics import second_factor
from qualreg.statistics.access import may_read_statistics

MAX_CODE_FAILURES = 10
LOCKOUT_MINUTES = 15


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        help_text=gettext_lazy(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
        max_length=20,
        error_messages={"required": gettext_lazy("Enter the code from your authenticator app.")},
    )


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    return password_sign_in(
        request,
        template="statistics/login.html",
        home="statistics:verify",
        audit_prefix="statistics",
        may_use=may_read_statistics,
    )


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the authenticator app or a recovery code."""
    user = request.user
    if not may_read_statistics(user):
        return redirect("statistics:login")
    if user.is_verified():  # type: ignore[union-attr]  # set by OTPMiddleware
        return redirect(_next_or_home(request))
    form = CodeForm(request.POST or None)
    enrolled = second_factor.has_second_factor(user)
    if request.method == "POST" and enrolled and form.is_valid():
        key = f"statistics:{user.pk}"
        wait = throttle.reserve_attempt(
            "second-factor", key, limit=MAX_CODE_FAILURES, lockout_minutes=LOCKOUT_MINUTES
        )
        if wait:
            form.add_error("code", locked_message(wait))
        elif second_factor.verify(request, form.cleaned_data["code"]):
            throttle.clear("second-factor", key)
            audit.record(audit.Action.STATISTICS_SECOND_FACTOR_PASSED, actor=user)
            return redirect(_next_or_home(request))
        else:
            throttle.confirm_failure(
                "second-factor", key, limit=MAX_CODE_FAILURES, lockout_minutes=LOCKOUT_MINUTES
            )
            form.add_error("code", _("That code is wrong or has been used. Try the newest code."))
        audit.record(audit.Action.STATISTICS_SECOND_FACTOR_FAILED, actor=user)
    status = 400 if form.errors else 200
    context = {"form": form, "enrolled": enrolled}
    return render(request, "statistics/verify.html", context, status=status)


def _next_or_home(request: HttpRequest) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return next_url
    return reverse("statistics:page")


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record(audit.Action.STATISTICS_SIGNED_OUT, actor=request.user)
    auth_logout(request)
    messages.success(request, _("You have signed out."))
    return redirect("statistics:login")
