"""The directorate's admin site: Django's, with its password forms throttled and audited, the
same second factor as every staff sign-in (no admin page opens without it), every change
through it recorded in the audit log, and the pages that other apps add for administrators
listed on its index."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import PasswordChangeView
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, path, reverse
from django.utils.decorators import method_decorator
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from qualreg.accounts.admin_audit import AuditedModelAdmin
from qualreg.accounts.second_factor import second_factor_step
from qualreg.accounts.signin import AdminSignInForm, ThrottledPasswordChangeForm

# Pages beside the admin's models (name, URL name), added by the apps that own them.
_pages: list[tuple[Promise | str, str]] = []


def add_page(name: Promise | str, url_name: str) -> None:
    """List a page of another app on the admin index, under "Residents' rights"."""
    if (name, url_name) not in _pages:
        _pages.append((name, url_name))


def _may_use_admin(user: Any) -> bool:
    return bool(user.is_active and user.is_staff)


def _verified(user: Any) -> bool:
    # OTPMiddleware gives the request's user `is_verified`; a user signed in by this very
    # request has not passed the second factor.
    return bool(getattr(user, "is_verified", lambda: False)())


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

    def has_permission(self, request: HttpRequest) -> bool:
        user: Any = request.user
        return super().has_permission(request) and _verified(user)

    def get_urls(self) -> list[URLResolver | URLPattern]:
        second_factor = path("second-factor/", self.second_factor, name="second_factor")
        return [second_factor, *super().get_urls()]

    @property
    def _second_factor_url(self) -> str:
        return reverse("admin:second_factor", current_app=self.name)

    def _on_to_second_factor(self, request: HttpRequest) -> HttpResponse:
        next_url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
        url = self._second_factor_url
        return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)

    @method_decorator(never_cache)
    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        """Django's login for the password; then, instead of the page asked for, the second
        factor (also for a signed-in account that has not passed it yet)."""
        user: Any = request.user
        if request.method == "GET" and _may_use_admin(user) and not _verified(user):
            return self._on_to_second_factor(request)
        response = super().login(request, extra_context)
        user = request.user  # signed in by this request: the second factor is still to come
        if request.method == "POST" and _may_use_admin(user) and not _verified(user):
            return self._on_to_second_factor(request)
        return response

    @method_decorator(never_cache)
    def second_factor(self, request: HttpRequest) -> HttpResponse:
        return second_factor_step(
            request,
            base_template="admin/base_site.html",
            login_url=reverse("admin:login", current_app=self.name),
            logout_url=reverse("admin:logout", current_app=self.name),
            home=reverse("admin:index", current_app=self.name),
            audit_prefix="admin",
            may_use=_may_use_admin,
            extra_context={**self.each_context(request), "title": ""},
        )

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
