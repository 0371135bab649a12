"""The three sign-in pages of a staff-side portal (password, second factor, sign out), made
from the portal's few settings, so that centre staff, advisers and analysts sign in the same
way: the throttled password form of `accounts.signin`, then `accounts.second_factor`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.accounts.second_factor import second_factor_step
from qualreg.accounts.signin import password_sign_in
from qualreg.privacy import audit


@dataclass(frozen=True)
class Portal:
    namespace: str  # the portal's URL namespace: "centres", "advisers", "statistics"
    home: str  # the URL name of the page a signed-in user starts on
    login_template: str
    base_template: str
    audit_prefix: str  # "staff" gives the audit actions staff.signed_in, staff.signed_out, …
    may_use: Callable[[Any], bool]

    def urls(self) -> list[URLPattern]:
        return [
            path("login/", self._login_view(), name="login"),
            path("login/second-factor/", self._verify_view(), name="verify"),
            path("logout/", self._logout_view(), name="logout"),
        ]

    def _login_view(self) -> Callable[[HttpRequest], HttpResponse]:
        @require_http_methods(["GET", "POST"])
        def login(request: HttpRequest) -> HttpResponse:
            return password_sign_in(
                request,
                template=self.login_template,
                second_factor=f"{self.namespace}:verify",
                audit_prefix=self.audit_prefix,
                may_use=self.may_use,
            )

        return login

    def _verify_view(self) -> Callable[[HttpRequest], HttpResponse]:
        @never_cache
        @require_http_methods(["GET", "POST"])
        def verify(request: HttpRequest) -> HttpResponse:
            """The second step: a code from the authenticator app or a recovery code (or
            setting up the app, for an account without one)."""
            return second_factor_step(
                request,
                base_template=self.base_template,
                login_url=reverse(f"{self.namespace}:login"),
                logout_url=reverse(f"{self.namespace}:logout"),
                home=reverse(self.home),
                audit_prefix=self.audit_prefix,
                may_use=self.may_use,
            )

        return verify

    def _logout_view(self) -> Callable[[HttpRequest], HttpResponse]:
        @require_POST
        def logout(request: HttpRequest) -> HttpResponse:
            """Ends the session on this computer, which someone else may use next."""
            if request.user.is_authenticated:
                audit.record(audit.Action(f"{self.audit_prefix}.signed_out"), actor=request.user)
            auth_logout(request)  # flushes the session, one-shot codes included
            messages.success(request, _("You have signed out."))
            return redirect(f"{self.namespace}:login")

        return logout
