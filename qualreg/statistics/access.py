"""Who may read the statistics: administrators and the statistics role, signed in with both
factors. The one place where that rule lives; everyone else gets 404 (a browser without a
signed-in user is sent to the sign-in page), and every refusal is audited."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from qualreg.people.session import SESSION_KEY as RESIDENT_SESSION_KEY
from qualreg.privacy import audit


def may_read_statistics(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.reads_statistics)


def _refuse(request: HttpRequest, why: str) -> None:
    """The audit row of a refused try; `why` is a fixed code, never input."""
    audit.record(
        audit.Action.ACCESS_REFUSED,
        actor=request.user if request.user.is_authenticated else None,
        by_resident=RESIDENT_SESSION_KEY in request.session,
        view=request.resolver_match.view_name if request.resolver_match else "",
        why=why,
    )


def statistics_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Statistics pages and files: never cached, never for anyone but the two roles."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if RESIDENT_SESSION_KEY in request.session:
            _refuse(request, "resident_session")
            raise Http404
        if not request.user.is_authenticated:
            _refuse(request, "signed_out")
            return redirect_to_login(request.get_full_path(), reverse("statistics:login"))
        if not may_read_statistics(request.user):
            _refuse(request, "not_statistics")
            raise Http404
        if not request.user.is_verified():  # type: ignore[attr-defined]  # OTPMiddleware
            _refuse(request, "second_factor_missing")
            return redirect_to_login(request.get_full_path(), reverse("statistics:verify"))
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper
