"""Who may use the administrators' rights pages: a signed-in, active administrator, nobody else.

A browser without a signed-in member of staff is sent to the admin's sign-in page, and an
administrator who has not passed the second factor to the admin's second step; any other
signed-in user (an adviser, centre staff) and any resident session gets 404, with one audit
row, as the other portals refuse. The pages are never cached: they name residents.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from qualreg.people.session import SESSION_KEY as RESIDENT_SESSION_KEY
from qualreg.privacy import audit


def administrator_required(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        resident = RESIDENT_SESSION_KEY in request.session
        if not resident and not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if resident or not _is_administrator(user):
            match = request.resolver_match
            audit.record(
                audit.Action.ACCESS_REFUSED,
                actor=user,
                by_resident=resident,
                view=match.view_name if match else "",
            )
            raise Http404
        if not user.is_verified():  # type: ignore[union-attr]  # set by OTPMiddleware
            return redirect_to_login(request.get_full_path(), reverse("admin:second_factor"))
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


def _is_administrator(user: Any) -> bool:
    return bool(user.is_active and user.is_staff and getattr(user, "is_administrator", False))
