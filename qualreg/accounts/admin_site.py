"""The directorate's admin site: Django's, with its password forms throttled and audited,
every change through it recorded in the audit log, and the pages that other apps add for
administrators listed on its index."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import PasswordChangeView
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from qualreg.accounts.admin_audit import AuditedModelAdmin
from qualreg.accounts.signin import AdminSignInForm, ThrottledPasswordChangeForm

# Pages beside the admin's models (name, URL name), added by the apps that own them.
_pages: list[tuple[Promise | str, str]] = []


def add_page(name: Promise | str, url_name: str) -> None:
    """List a page of another app on the admin index, under "Residents' rights"."""
    if (name, url_name) not in _pages:
        _pages.append((name, url_name))


class QualregAdminSite(admin.AdminSite):
    login_form = AdminSignInForm

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        """Every ModelAdmin, ours and Django's, writes the audit log as it logs a change."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedModelAdmin):
            admin_class = type(admin_class.__name__, (AuditedModelAdmin, admin_class), {})
        super().register(model_or_iterable, admin_class, **options)

    def get_app_list(self, request: HttpRequest, app_label: str | None = None) -> list[Any]:
        app_list = super().get_app_list(request, app_label)
        if app_label is None and _pages and getattr(request.user, "is_administrator", False):
            pages = [
                {
                    "name": name,
                    "object_name": url_name,
                    "admin_url": reverse(url_name),
                    "view_only": True,
                    "perms": {"view": True},
                }
                for name, url_name in _pages
            ]
            app_list.insert(
                0,
                {
                    "name": _("Residents' rights"),
                    "app_label": "rights",
                    "app_url": pages[0]["admin_url"],
                    "has_module_perms": True,
                    "models": pages,
                },
            )
        return app_list

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
