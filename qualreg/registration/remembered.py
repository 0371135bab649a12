"""What the resident's session remembers for the journey: the draft they consented for."""

from __future__ import annotations

from django.http import HttpRequest

# The draft the person consented for, remembered so that each save need not ask the database.
CONSENTED_KEY = "consented_registration_id"


def remember_consent(request: HttpRequest, registration_id: int) -> None:
    if request.session.get(CONSENTED_KEY) != registration_id:
        request.session[CONSENTED_KEY] = registration_id


def remembered_consent(request: HttpRequest) -> int | None:
    value = request.session.get(CONSENTED_KEY)
    return value if isinstance(value, int) else None


def forget_consent(request: HttpRequest) -> None:
    """After a withdrawal: the next save asks the database again, and finds no consent."""
    request.session.pop(CONSENTED_KEY, None)
