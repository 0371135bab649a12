"""What an adviser plans with, read from the facts table (never the answers document): the
columns of "My people" (its filters are in `filters`)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from qualreg.advisers.filters import EDUCATION_ORDER
from qualreg.questionnaire.codelists import ISCED_LEVELS, SKILL_SCALE
from qualreg.registration.models import AnswerFact, Registration

COLUMN_QUESTIONS = (
    "edu_level",
    "norwegian_speak",
    "english_speak",
    "job_years",
    "licence_categories",
)


def _label(choices: Any, code: str) -> str:
    return next((str(c.label) for c in choices if c.code == code), code)


def columns_for(registrations: list[Registration]) -> dict[int, dict[str, Any]]:
    """Registration id -> its planning columns, for the rows of one page (one query)."""
    found: dict[int, dict[str, Any]] = defaultdict(
        lambda: {"education": "", "norwegian": "", "english": "", "work_years": 0, "licence": []}
    )
    best_education: dict[int, int] = {}
    facts = AnswerFact.objects.filter(
        registration_id__in=[r.pk for r in registrations], question__in=COLUMN_QUESTIONS
    ).values_list("registration_id", "question", "code", "number")
    for registration_id, question, code, number in facts:
        row = found[registration_id]
        if question == "edu_level" and code in EDUCATION_ORDER:
            rank = EDUCATION_ORDER.index(code)
            if rank >= best_education.get(registration_id, -1):
                best_education[registration_id] = rank
                row["education"] = _label(ISCED_LEVELS, code)
        elif question == "norwegian_speak" and code:
            row["norwegian"] = _label(SKILL_SCALE, code)
        elif question == "english_speak" and code:
            row["english"] = _label(SKILL_SCALE, code)
        elif question == "job_years" and number is not None:
            row["work_years"] += number
        elif question == "licence_categories" and code:
            row["licence"].append(code)
    return {registration.pk: found[registration.pk] for registration in registrations}
