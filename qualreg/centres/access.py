"""Who may use the centre staff portal, and which residents they may act on.

Access is denied by default: a page is reachable only through `centre_staff_required`, and a
resident only through `resident_of_my_centre`, which answers 404 for every other centre's
resident so that nobody learns who lives elsewhere. A browser that holds a resident's session
gets 404 too: staff pages do not exist for residents. Staff pages are never cached, since
they name residents and are often used on shared computers. Every refusal leaves one audit
row (who, which page, which resident id was tried), so that probing shows in the log.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from qualreg.centres.models import Person
from qualreg.privacy import audit
from qualreg.registration.session import SESSION_KEY as RESIDENT_SESSION_KEY


def refuse(request: HttpRequest, **detail: Any) -> Http404:
    """Audit a refusal (one row) and return the 404 to raise: the page does not exist for them."""
    match = request.resolver_match
    audit.record(
        audit.Action.ACCESS_REFUSED,
        actor=request.user,
        by_resident=RESIDENT_SESSION_KEY in request.session,
        view=match.view_name if match else "",
        **detail,
    )
    return Http404()


def centre_staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if RESIDENT_SESSION_KEY in request.session:
            raise refuse(request)
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not getattr(user, "is_centre_staff", False) or not user.is_active:
            raise refuse(request)
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


def residents_of_my_centre(request: HttpRequest) -> Any:
    return Person.objects.filter(centre_id=request.user.centre_id)  # type: ignore[union-attr]


def resident_of_my_centre(request: HttpRequest, person_id: int) -> Person:
    """The resident, or 404 (audited) when the id belongs to another centre or to nobody."""
    person = residents_of_my_centre(request).filter(pk=person_id).first()
    if person is None:
        raise refuse(request, resident_ids=[person_id])
    return person  # type: ignore[no-any-return]
