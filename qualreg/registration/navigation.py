"""The list of parts beside every part page and the summary, with each part's state."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration import journey
from qualreg.registration.models import Registration

PARTS = QUESTIONNAIRE.parts
STATE_LABELS = {
    engine.NOT_STARTED: _("Not started"),
    engine.IN_PROGRESS: _("In progress"),
    engine.DONE: _("Done"),
    engine.HAS_PROBLEMS: _("Needs answers"),
}


def parts_nav(registration: Registration, current: str | None) -> list[dict[str, Any]]:
    resolved = journey.resolved(registration)
    return [
        {
            "part": part,
            "number": number,
            "state": (
                state := engine.part_state(
                    part,
                    registration.answers,
                    registration.attempted,
                    resolved,
                    journey.part_errors(registration, part),
                )
            ),
            "state_label": STATE_LABELS[state],
            "current": part.key == current,
        }
        for number, part in enumerate(PARTS, start=1)
    ]
