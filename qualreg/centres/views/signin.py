"""Staff sign in with username and password (throttled), and sign out."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.lib import throttle
from qualreg.lib.net import client_address
from qualreg.privacy import audit

STAFF_MAX_FAILURES = 10


class StaffLoginForm(AuthenticationForm):
    """Django's sign-in form, which refuses before checking the password while locked."""

    locked_message = ""
    # Django's own wording exists only in the languages Django ships (not ti, am, so, kmr …),
    # and would appear in Norwegian in the others: every text of the form is ours.
    error_messages = {
        "invalid_login": gettext_lazy(
            "The user name or the password is wrong. Capital and small letters count."
        ),
        "inactive": gettext_lazy("This account is closed. Ask an administrator."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("User name")
        self.fields["username"].error_messages["required"] = _("Enter your user name.")
        self.fields["password"].label = _("Password")
        self.fields["password"].error_messages["required"] = _("Enter your password.")

    def clean(self) -> dict[str, object]:
        if self.locked_message:
            raise forms.ValidationError(self.locked_message, code="locked")
        return super().clean()


def _locked_message(seconds: int) -> str:
    minutes = throttle.minutes_to_wait(seconds)
    return ngettext(
        "Too many failed sign-ins. Wait %(minutes)d minute and try again.",
        "Too many failed sign-ins. Wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


@require_http_methods(["GET", "POST"])
def staff_login(request: HttpRequest) -> HttpResponse:
    form = StaffLoginForm(request, data=request.POST or None)
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
                form.locked_message = _locked_message(wait)
                break
            reserved.append((scope, key))
        if form.is_valid():
            user = form.get_user()
            request.session.flush()  # a resident session on this device ends here
            auth_login(request, user)
            throttle.clear("staff", username)
            throttle.release("staff-client", client_address(request))
            audit.record("staff.signed_in", actor=user)
            next_url = request.POST.get("next") or request.GET.get("next") or ""
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
                next_url = ""
            return redirect(next_url or "centres:residents")
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
                form.add_error(None, _locked_message(locked_for))
        audit.record("staff.sign_in_failed", locked=bool(form.locked_message))
    status = 400 if form.errors else 200
    return render(request, "centres/login.html", {"form": form}, status=status)


@require_POST
def staff_logout(request: HttpRequest) -> HttpResponse:
    """Ends the session on this computer, which residents may use next."""
    if request.user.is_authenticated:
        audit.record("staff.signed_out", actor=request.user)
    auth_logout(request)  # flushes the session, one-shot codes included
    messages.success(request, _("You have signed out."))
    return redirect("centres:login")
