"""Which questions apply to given answers, and the clean answers that pruning keeps.

Conditions only look back, so one pass over the questions in order decides everything.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from qualreg.questionnaire.conditions import Condition, as_mapping
from qualreg.questionnaire.model import Kind, Part, Question, Questionnaire
from qualreg.questionnaire.posting import HARD_LENGTH_FACTOR, ITEM_ID


def is_answered(question: Question, answers_or_item: Any) -> bool:
    """Whether there is a non-empty answer to the question in the answers (or group item)."""
    value = as_mapping(answers_or_item).get(question.key)
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        if question.kind == Kind.GROUP:
            return any(isinstance(item, Mapping) for item in value)
        return any(isinstance(v, str) and v for v in value)
    return isinstance(value, int | float) and not isinstance(value, bool)


# Visibility and clean answers -------------------------------------------------------------


def clean_value(question: Question, value: Any) -> Any:
    """The value as stored after pruning, or None when nothing valid is left."""
    return _cleaner(question)(value)


# Each question's cleaner, made once (see _STEPS below for why the question is kept).
_CLEANERS: dict[int, tuple[Question, Callable[[Any], Any]]] = {}


def _cleaner(question: Question) -> Callable[[Any], Any]:
    known = _CLEANERS.get(id(question))
    if known is not None and known[0] is question:
        return known[1]
    clean: Callable[[Any], Any]
    if question.kind is Kind.GROUP:
        clean = _nothing  # groups are cleaned by _clean_group
    elif question.kind.has_choices:
        codes = question.codes
        if question.kind is Kind.MULTIPLE:
            clean = functools.partial(_clean_choices, codes)
        else:
            clean = functools.partial(_clean_choice, codes)
    else:
        clean = functools.partial(_clean_text, question.text_limit * HARD_LENGTH_FACTOR)
    _CLEANERS[id(question)] = (question, clean)
    return clean


def _nothing(_value: Any) -> None:
    return None


def _clean_choice(codes: frozenset[str], value: Any) -> str | None:
    return value if isinstance(value, str) and value in codes else None


def _clean_choices(codes: frozenset[str], value: Any) -> list[str] | None:
    values = value if isinstance(value, list) else [value]
    kept = [v for v in dict.fromkeys(v for v in values if isinstance(v, str)) if v in codes]
    return kept or None


def _clean_text(limit: int, value: Any) -> str | None:
    """Numbers, years and texts are kept as typed (numbers from old documents as text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        return None
    return value


def _clean_group(
    group: Question, value: Any, effective: dict[str, Any]
) -> list[dict[str, Any]] | None:
    if not isinstance(value, list):
        return None
    fields = _steps(group, group.fields)
    items: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    for raw in value:
        if len(items) >= group.max_items:
            break
        if not isinstance(raw, Mapping):
            continue
        item_id = raw.get("id")
        if not isinstance(item_id, str) or item_id in seen_ids or not ITEM_ID.match(item_id):
            continue
        seen_ids.add(item_id)
        item: dict[str, Any] = {"id": item_id}
        for key, condition, _group, clean in fields:
            if condition is not None and not condition.holds(effective, item):
                continue
            if key in raw:
                cleaned = clean(raw[key])  # type: ignore[misc]
                if cleaned is not None:
                    item[key] = cleaned
        items.append(item)
    return items or None


# One step of a pass over questions: the question's key, its condition, and its question when
# it is a repeat group (cleaned with the answers before it) or else a function that cleans its
# value.
_Step = tuple[str, Any, Question | None, Callable[[Any], Any] | None]
# The steps of each questionnaire, lone part or repeat group, worked out once: the definition
# never changes, and the pass runs for every request that shows or saves answers. The owner
# is kept with its steps so that its id cannot be reused by another object.
_STEPS: dict[int, tuple[object, tuple[_Step, ...]]] = {}


def _steps(owner: object, questions: Iterable[Question]) -> tuple[_Step, ...]:
    known = _STEPS.get(id(owner))
    if known is not None and known[0] is owner:
        return known[1]
    steps = tuple(
        (
            question.key,
            question.condition,
            question if question.kind is Kind.GROUP else None,
            None if question.kind is Kind.GROUP else _cleaner(question),
        )
        for question in questions
        if not question.retired  # a retired question is never shown and never answered again
    )
    _STEPS[id(owner)] = (owner, steps)
    return steps


def _resolve(questionnaire: Questionnaire | None, part: Part | None, answers: Any) -> Resolved:
    """Walk the questions in order: which are visible, and the clean answers they hold.

    Conditions only look back, so one pass decides everything; a question hidden by an earlier
    answer contributes nothing to later conditions.
    """
    answers = as_mapping(answers)
    effective: dict[str, Any] = {}
    visible: set[str] = set()
    owner: Questionnaire | Part | None = questionnaire if questionnaire is not None else part
    parts = questionnaire.parts if questionnaire is not None else (part,) if part else ()
    questions = (question for each in parts for question in each.questions)
    for key, condition, group, clean in _steps(owner, questions):
        try:
            shown = condition is None or condition.holds(effective)
        except Exception:  # noqa: BLE001 - a condition must never break the page
            shown = False
        if not shown:
            continue
        visible.add(key)
        if key not in answers:
            continue
        if group is not None:
            cleaned = _clean_group(group, answers[key], effective)
        else:
            cleaned = clean(answers[key])  # type: ignore[misc]
        if cleaned is not None:
            effective[key] = cleaned
    return visible, effective


# (visible question keys, clean answers): what one pass over the questions decides.
Resolved = tuple[set[str], dict[str, Any]]


def resolve(questionnaire: Questionnaire, answers: Any) -> Resolved:
    """One pass over the whole questionnaire for these answers.

    Functions that take ``resolved`` accept this instead of walking the questions again; it
    must come from the same answers and from the questionnaire that holds the part (or, for
    a part outside any questionnaire, from that part alone). Treat it as read-only.
    """
    return _resolve(questionnaire, None, answers)


def _resolve_part(part: Part, answers: Any, resolved: Resolved | None = None) -> Resolved:
    if resolved is not None:
        return resolved
    return _resolve(part.questionnaire, part, answers)


def visible_questions(part: Part, answers: Any, resolved: Resolved | None = None) -> list[Question]:
    visible, _effective = _resolve_part(part, answers, resolved)
    return [q for q in part.questions if q.key in visible]


def visible_fields(group_question: Question, item: Any, answers: Any) -> list[Question]:
    """The fields of a repeat-group item that apply, given the item and the other answers.

    Field conditions see the item's earlier fields as pruning would leave them.
    """
    item = as_mapping(item)
    answers = as_mapping(answers)
    clean: dict[str, Any] = {}
    fields = []
    for field in group_question.fields:
        if field.retired:
            continue
        if field.condition is not None and not _safe_holds(field.condition, answers, clean):
            continue
        fields.append(field)
        cleaned = clean_value(field, item.get(field.key))
        if cleaned is not None:
            clean[field.key] = cleaned
    return fields


def _safe_holds(condition: Condition, answers: Any, item: Any) -> bool:
    try:
        return bool(condition.holds(answers, item))
    except Exception:  # noqa: BLE001
        return False


def prune(questionnaire: Questionnaire, answers: Any) -> dict[str, Any]:
    """A new answers document without hidden questions, unknown keys or invalid choices."""
    _visible, effective = resolve(questionnaire, answers)
    return effective
