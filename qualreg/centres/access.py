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
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from qualreg.accounts.models import User
from qualreg.people.models import Centre, Person
from qualreg.people.session import SESSION_KEY as RESIDENT_SESSION_KEY
from qualreg.privacy import audit


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
        if not user.is_verified():  # type: ignore[attr-defined]  # set by OTPMiddleware
            refuse(request, why="second_factor_missing")
            return redirect_to_login(request.get_full_path(), reverse("centres:verify"))
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


def staff_member(request: HttpRequest) -> User:
    """The member of centre staff signed in, in a view behind `centre_staff_required`."""
    user = request.user
    if not isinstance(user, User) or user.centre_id is None:
        raise Http404
    return user


def my_centre_id(request: HttpRequest) -> int:
    centre_id = staff_member(request).centre_id
    if centre_id is None:
        raise Http404
    return centre_id


def my_centre(request: HttpRequest) -> Centre:
    centre = staff_member(request).centre
    if centre is None:
        raise Http404
    return centre


def residents_of_my_centre(request: HttpRequest) -> QuerySet[Person]:
    return Person.objects.filter(centre_id=my_centre_id(request))


def resident_of_my_centre(request: HttpRequest, person_id: int) -> Person:
    """The resident, or 404 (audited) when the id belongs to another centre or to nobody."""
    person = residents_of_my_centre(request).filter(pk=person_id).first()
    if person is None:
        raise refuse(request, resident_ids=[person_id])
    return person
