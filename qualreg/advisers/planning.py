"""What an adviser plans with, read from the facts table (never the answers document): the
columns of "My people" and the filters on structured answers, combined with AND."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from qualreg.questionnaire.codelists import DRIVING_CATEGORIES, ISCED_LEVELS, SKILL_SCALE
from qualreg.registration.models import AnswerFact, Registration

# ISCED 2011 levels from lowest to highest ("don't know" ranks nowhere).
EDUCATION_ORDER = ["1", "2", "34", "35", "4", "5", "6", "7", "8"]
SKILL_ORDER = ["0", "1", "2", "3", "4", "5"]
COLUMN_QUESTIONS = (
    "edu_level",
    "norwegian_speak",
    "english_speak",
    "job_years",
    "licence_categories",
)


def education_choices() -> list[tuple[str, Any]]:
    return [(c.code, c.label) for c in ISCED_LEVELS if c.code in EDUCATION_ORDER]


def skill_choices() -> list[tuple[str, Any]]:
    return [(c.code, c.label) for c in SKILL_SCALE if c.code != "0"]


def licence_choices() -> list[tuple[str, Any]]:
    return [(c.code, c.label) for c in DRIVING_CATEGORIES]


def _has_fact(question: str, codes: list[str]) -> Exists:
    return Exists(
        AnswerFact.objects.filter(registration_id=OuterRef("pk"), question=question, code__in=codes)
    )


def _at_least(order: list[str], code: str) -> list[str]:
    return order[order.index(code) :] if code in order else []


def apply_filters(rows: QuerySet[Registration], data: dict[str, Any]) -> QuerySet[Registration]:
    """Each chosen filter narrows the rows further (AND)."""
    if data.get("education"):
        rows = rows.filter(_has_fact("edu_level", _at_least(EDUCATION_ORDER, data["education"])))
    if data.get("norwegian"):
        rows = rows.filter(_has_fact("norwegian_speak", _at_least(SKILL_ORDER, data["norwegian"])))
    if data.get("english"):
        rows = rows.filter(_has_fact("english_speak", _at_least(SKILL_ORDER, data["english"])))
    if data.get("licence"):
        rows = rows.filter(_has_fact("licence_categories", [data["licence"]]))
    return rows


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
