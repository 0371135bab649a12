"""The reception-centre staff portal."""

from __future__ import annotations

import math

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from qualreg.lib import throttle
from qualreg.privacy import audit
from qualreg.registration.login import client_address

STAFF_MAX_FAILURES = 10


@require_http_methods(["GET", "POST"])
def staff_login(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST":
        username = str(request.POST.get("username", ""))[:150].casefold()
        wait = max(
            throttle.seconds_locked("staff", username),
            throttle.seconds_locked("staff-client", client_address(request)),
        )
        if wait:
            minutes = max(1, math.ceil(wait / 60))
            form = AuthenticationForm(request)
            form.add_error(
                None,
                ngettext(
                    "Too many failed sign-ins. Wait %(minutes)d minute and try again.",
                    "Too many failed sign-ins. Wait %(minutes)d minutes and try again.",
                    minutes,
                )
                % {"minutes": minutes},
            )
        elif form.is_valid():
            user = form.get_user()
            request.session.flush()  # a resident session on this device ends here
            auth_login(request, user)
            throttle.clear("staff", username)
            audit.record("staff.signed_in", actor=user)
            next_url = request.POST.get("next") or request.GET.get("next") or ""
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
                next_url = ""
            return redirect(next_url or "centres:residents")
        else:
            for scope, key in (("staff", username), ("staff-client", client_address(request))):
                throttle.register_failure(
                    scope,
                    key,
                    limit=STAFF_MAX_FAILURES,
                    lockout_minutes=settings.LOGIN_CODE_LOCKOUT_MINUTES,
                )
            audit.record("staff.sign_in_failed")
    status = 400 if form.errors else 200
    return render(request, "centres/login.html", {"form": form}, status=status)
