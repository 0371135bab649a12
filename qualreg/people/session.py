"""The resident's session: who is logged in with a code, and the guard of resident pages.

A resident has no User; the session holds the person's id. A staff sign-in and a resident
login never share a session: each flushes the other. The guard loads the Person only when a
view uses it, so that an answer save costs no query for it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout as staff_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject

from qualreg.people.models import Person

SESSION_KEY = "resident_person_id"


class ResidentGone(Exception):
    """The session names a person who no longer exists."""


def login_resident(request: HttpRequest, person: Person) -> None:
    """Start a fresh session for `person`, with a new session id (no fixation)."""
    if request.user.is_authenticated:
        staff_logout(request)
    request.session.flush()
    request.session.cycle_key()
    request.session[SESSION_KEY] = person.pk


def logout_resident(request: HttpRequest) -> None:
    request.session.flush()  # deletes the session row and issues a new id


def current_person(request: HttpRequest) -> Person | None:
    person_id = request.session.get(SESSION_KEY)
    if person_id is None:
        return None
    if not hasattr(request, "_resident_person"):
        request._resident_person = Person.objects.filter(pk=person_id).first()  # type: ignore[attr-defined]
    return request._resident_person  # type: ignore[attr-defined,no-any-return]


def _not_a_resident(request: HttpRequest) -> HttpResponse:
    # A session cookie without a resident behind it: the session ended while idle.
    expired = bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
    if expired and not request.user.is_authenticated:
        return redirect("registration:session_ended")
    return redirect("registration:login")


def resident_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Resident pages: a resident session or the login page, never a staff session.

    Sets `request.person_id` and `request.person`, the Person loaded on first use; a person
    who has vanished since login is refused here, like a session without one.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        person_id = request.session.get(SESSION_KEY)
        if person_id is None:
            return _not_a_resident(request)

        def load() -> Person:
            person = current_person(request)
            if person is None:
                raise ResidentGone
            return person

        request.person_id = person_id  # type: ignore[attr-defined]
        request.person = SimpleLazyObject(load)  # type: ignore[attr-defined]
        try:
            return view(request, *args, **kwargs)
        except ResidentGone:
            return _not_a_resident(request)

    return wrapper
