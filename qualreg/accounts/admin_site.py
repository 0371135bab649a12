"""The directorate's admin site: Django's, with its password forms throttled and audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import PasswordChangeView
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse

from qualreg.accounts.signin import AdminSignInForm, ThrottledPasswordChangeForm


class QualregAdminSite(admin.AdminSite):
    login_form = AdminSignInForm

    # The stubs say a TemplateResponse; Django's own view also redirects once it succeeds.
    def password_change(  # type: ignore[override]
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponseBase:
        # Django's own, with a form that counts wrong old passwords like wrong sign-ins.
        defaults: dict[str, Any] = {
            "success_url": reverse("admin:password_change_done", current_app=self.name),
            "extra_context": {**self.each_context(request), **(extra_context or {})},
        }
        if self.password_change_template is not None:
            defaults["template_name"] = self.password_change_template
        request.current_app = self.name
        return _ThrottledPasswordChangeView.as_view(**defaults)(request)


class _ThrottledPasswordChangeView(PasswordChangeView):
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "request": self.request}
