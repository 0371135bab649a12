"""The administrator's correction form: one part of the questionnaire at a time, rendered and
read by the resident's own pieces (registration.rendering and its widgets, the engine's
posting and validation), over a working copy of the answers.

The working copy travels in the form, signed, so that moving between parts or adding an item
of a repeat group keeps what the administrator has changed without storing anything until
they save; a copy that does not verify is ignored (the registration's answers are used).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core import signing

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind, Part
from qualreg.registration import journey, rendering

SALT = "qualreg.corrections.working"
MAX_AGE_SECONDS = 12 * 60 * 60


def part_of(question_key: str) -> Part:
    """The part that holds the question (the first part for a key the definition lost)."""
    for part in QUESTIONNAIRE.parts:
        if part.question(question_key) is not None:
            return part
    return QUESTIONNAIRE.parts[0]


def chosen_part(key: Any, default: Part) -> Part:
    for part in QUESTIONNAIRE.parts:
        if part.key == key:
            return part
    return default


def sign(answers: dict[str, Any], request_id: int) -> str:
    return signing.dumps(answers, salt=f"{SALT}:{request_id}", compress=True)


def working_answers(token: Any, request_id: int, original: Any) -> dict[str, Any]:
    """The working copy from the form, or a copy of the registration's answers."""
    if isinstance(token, str) and token:
        try:
            answers = signing.loads(token, salt=f"{SALT}:{request_id}", max_age=MAX_AGE_SECONDS)
        except signing.BadSignature:
            answers = None
        if isinstance(answers, dict):
            return answers
    return dict(original) if isinstance(original, Mapping) else {}


def apply_post(
    part: Part, answers: dict[str, Any], data: Mapping[str, list[str]]
) -> dict[str, Any]:
    """The answers with the part's posted questions, an item added or removed, and an empty
    item opened in each repeat group that has come into view (as on the resident's page)."""
    answers = engine.answers_from_post(part, answers, data)
    add = (data.get("add") or [""])[-1]
    group = part.question(add) if add else None
    if group is not None and group.kind == Kind.GROUP:
        answers, _item = engine.add_item(answers, add, QUESTIONNAIRE)
    group_key, _sep, item_id = (data.get("remove") or [""])[-1].partition(":")
    group = part.question(group_key) if group_key else None
    if group is not None and group.kind == Kind.GROUP:
        answers = engine.remove_item(answers, group_key, item_id, QUESTIONNAIRE)
    resolved = engine.resolve(QUESTIONNAIRE, answers)
    for question in engine.visible_questions(part, answers, resolved):
        if question.kind == Kind.GROUP and not engine.is_answered(question, answers):
            answers, _item = engine.add_item(answers, question.key, QUESTIONNAIRE)
    return answers


def question_views(part: Part, answers: Any, tried: bool) -> list[rendering.QuestionView]:
    """Every question of the part that applies to the answers; with `tried`, every problem
    is shown (as when the resident tries to go on)."""
    resolved = engine.resolve(QUESTIONNAIRE, answers)
    shown = engine.visible_questions(part, answers, resolved)
    attempted = [question.key for question in shown] if tried else []
    errors = engine.validate(part, answers, resolved)
    return rendering.question_views(part, shown, answers, attempted, None, resolved, errors)


def problems_elsewhere(answers: Any, part: Part) -> list[tuple[Part, str, str]]:
    """(part, question, first message) for each problem outside `part` that blocks saving."""
    rows: dict[str, tuple[Part, str, str]] = {}
    for other, question, _name, messages in journey.missing_answers(answers):
        if other.key != part.key and question.key not in rows:
            rows[question.key] = (other, str(question.label), str(messages[0]))
    return list(rows.values())
