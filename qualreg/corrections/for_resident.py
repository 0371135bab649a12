"""What the resident sees in "My registration" of their correction requests: each with its
state (received, corrected, refused with the administrator's reason), and the e-mail address
for those who prefer to write."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from qualreg.corrections.models import CorrectionRequest
from qualreg.questionnaire.definition import QUESTIONNAIRE


def question_label(key: str) -> str:
    """The question's text in the active language (the key itself for one that is gone)."""
    try:
        return str(QUESTIONNAIRE.question(key).label)
    except KeyError:
        return key


def requests_section(person: Any) -> dict[str, Any]:
    requests = CorrectionRequest.objects.filter(person=person).select_related(
        "registration", "correction"
    )
    return {
        "template": "corrections/for_resident.html",
        "requests": [(request, question_label(request.question)) for request in requests],
        "contact_email": settings.CONTACT_EMAIL,
    }
