"""Staff sign in with username and password (throttled), and sign out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.accounts.signin import password_sign_in
from qualreg.privacy import audit


@require_http_methods(["GET", "POST"])
def staff_login(request: HttpRequest) -> HttpResponse:
    return password_sign_in(
        request, template="centres/login.html", home="centres:residents", audit_prefix="staff"
    )


@require_POST
def staff_logout(request: HttpRequest) -> HttpResponse:
    """Ends the session on this computer, which residents may use next."""
    if request.user.is_authenticated:
        audit.record("staff.signed_out", actor=request.user)
    auth_logout(request)  # flushes the session, one-shot codes included
    messages.success(request, _("You have signed out."))
    return redirect("centres:login")
