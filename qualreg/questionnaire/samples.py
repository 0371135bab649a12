"""Plausible answer sets for demonstrations, benchmarks and tests.

`answered_document()` answers every question that becomes visible, the way a person who says
"yes" and picks the first answer everywhere would, so that the most questions are shown.
"""

from __future__ import annotations

from typing import Any

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind, Question

ITEMS_PER_GROUP = 2


def plausible(question: Question) -> Any:
    """The first ordinary choice, a small number, a year, or a few words."""
    if question.kind in (Kind.SINGLE, Kind.DROPDOWN):
        codes = [choice.code for choice in question.choices if not choice.exclusive]
        return codes[0] if codes else None
    if question.kind == Kind.MULTIPLE:
        codes = [choice.code for choice in question.choices if not choice.exclusive]
        return codes[:2]
    if question.kind == Kind.NUMBER:
        return str(question.min if question.min is not None and question.min > 2 else 3)
    if question.kind == Kind.YEAR:
        return "2015"
    return "Worked with many kinds of tasks"


def answered_document(items_per_group: int = ITEMS_PER_GROUP) -> dict[str, Any]:
    """Answer every question that becomes visible, until nothing new appears."""
    answers: dict[str, Any] = {}
    for _round in range(10):
        before = repr(answers)
        for part in QUESTIONNAIRE.parts:
            for question in engine.visible_questions(part, answers):
                if question.kind == Kind.GROUP:
                    while len(answers.get(question.key) or []) < items_per_group:
                        answers, item_id = engine.add_item(answers, question.key)
                        if item_id is None:
                            break
                    for item in answers.get(question.key) or []:
                        for field in engine.visible_fields(question, item, answers):
                            if not engine.is_answered(field, item):
                                item[field.key] = plausible(field)
                elif not engine.is_answered(question, answers):
                    value = plausible(question)
                    if value is not None:
                        answers[question.key] = value
        if repr(answers) == before:
            break
    return engine.prune(QUESTIONNAIRE, answers)


def count_answered(answers: dict[str, Any]) -> int:
    """Answered visible questions, counting each field of each group item."""
    total = 0
    for part in QUESTIONNAIRE.parts:
        for question in engine.visible_questions(part, answers):
            if question.kind == Kind.GROUP:
                for item in answers.get(question.key) or []:
                    fields = engine.visible_fields(question, item, answers)
                    total += sum(engine.is_answered(field, item) for field in fields)
            else:
                total += engine.is_answered(question, answers)
    return total
