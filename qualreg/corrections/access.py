"""Who may use the correction queue: a signed-in, active administrator (the role), nobody else.

Centre staff and advisers get 404, as does a browser holding a resident's session: the page
does not exist for them; each refusal leaves one audit row. A browser with nobody signed in
is sent to the administrators' sign-in. Queue pages are never cached.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from qualreg.accounts.models import Role
from qualreg.people.session import SESSION_KEY as RESIDENT_SESSION_KEY
from qualreg.privacy import audit


def _refuse(request: HttpRequest, why: str) -> Http404:
    """Audit a refused try (`why` is a fixed code, never input) and return the 404."""
    match = request.resolver_match
    audit.record(
        audit.Action.ACCESS_REFUSED,
        actor=request.user if request.user.is_authenticated else None,
        by_resident=RESIDENT_SESSION_KEY in request.session,
        view=match.view_name if match else "",
        why=why,
    )
    return Http404()


def administrator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if RESIDENT_SESSION_KEY in request.session:
            raise _refuse(request, "resident_session")
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not user.is_active or getattr(user, "role", None) != Role.ADMINISTRATOR:
            raise _refuse(request, "not_an_administrator")
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper
