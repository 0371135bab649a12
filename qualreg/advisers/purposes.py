"""Why an adviser opens a registration: asked the first time in a session, kept per resident."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

SESSION_KEY = "adviser_purposes"


class Purpose(models.TextChoices):
    GUIDANCE = "guidance", _("Guidance conversation")
    INTRODUCTION_PLAN = "introduction_plan", _("Introduction-programme plan")
    RECOGNITION = "recognition", _("Application for recognition")
    OTHER = "other", _("Other")


def remembered(request: HttpRequest, person_id: int) -> str:
    """The purpose given for this resident in this session, as written to the audit log, or ""."""
    return str(request.session.get(SESSION_KEY, {}).get(str(person_id), ""))


def as_reason(purpose: str, note: str = "") -> str:
    """The purpose as the audit log keeps it: its code, and for "other" the adviser's words."""
    reason = purpose if purpose != Purpose.OTHER else f"{purpose}: {note.strip()}"
    return reason[:300]


def remember(request: HttpRequest, person_id: int, purpose: str, note: str = "") -> str:
    purposes = dict(request.session.get(SESSION_KEY, {}))
    purposes[str(person_id)] = as_reason(purpose, note)
    request.session[SESSION_KEY] = purposes
    return purposes[str(person_id)]
