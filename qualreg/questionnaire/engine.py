"""The questionnaire engine: pure functions over a definition and an answers document.

No request, ORM or template here. Answers are one JSON-able dict keyed by question key:
``"code"`` (one answer, drop-down), ``["code", ...]`` (checkboxes), ``"typed text"`` (number,
year, text — kept as typed), ``[{"id": "a1b2c3d4", "<field key>": ...}, ...]`` (repeat groups).
Every function here accepts arbitrary JSON without raising.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.lists import format_list
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire.answers import answer_rows
from qualreg.questionnaire.conditions import as_mapping
from qualreg.questionnaire.locale import babel_locale
from qualreg.questionnaire.model import Kind, Part, Question, Questionnaire
from qualreg.questionnaire.numbers import as_integer as _as_integer

# Part of the engine's surface: callers import these from here (`name as name` re-exports).
from qualreg.questionnaire.posting import ITEM_ID as ITEM_ID
from qualreg.questionnaire.posting import add_item as add_item
from qualreg.questionnaire.posting import answers_from_post as answers_from_post
from qualreg.questionnaire.posting import field_name as field_name
from qualreg.questionnaire.posting import remove_item as remove_item
from qualreg.questionnaire.visibility import Resolved as Resolved
from qualreg.questionnaire.visibility import _resolve_part
from qualreg.questionnaire.visibility import is_answered as is_answered
from qualreg.questionnaire.visibility import prune as prune
from qualreg.questionnaire.visibility import resolve as resolve
from qualreg.questionnaire.visibility import visible_fields as visible_fields
from qualreg.questionnaire.visibility import visible_questions as visible_questions

FIRST_YEAR = 1940
UNANSWERED, MISSING, INVALID, ANSWERED = "unanswered", "missing", "invalid", "answered"
NOT_STARTED, IN_PROGRESS, DONE, HAS_PROBLEMS = "not_started", "in_progress", "done", "has_problems"

MESSAGES = {
    "choose": _("Choose an answer."),
    "choose_some": _("Choose at least one answer."),
    "write": _("Write an answer."),
    "year_required": _("Write a year."),
    "number_required": _("Write a number."),
    "add_item": _("Add at least one."),
    "unknown_choice": _("Choose one of the answers in the list."),
    "one_only": _("Choose only one answer."),
    "too_many": _("Choose at most %(max)s answers."),
    "exclusive": _("“%(label)s” cannot be chosen together with other answers."),
    "whole_number": _("Write a whole number, for example 3."),
    "number_range": _("Write a number from %(min)s to %(max)s."),
    "year_format": _("Write the year with 4 digits, for example 2015."),
    "year_range": _("Write a year from %(min)s to %(max)s."),
    "too_long": _("Write at most %(max)s characters. You have written %(count)s."),
    "not_text": _("Write your answer as text."),
    "too_many_items": _("You can add at most %(max)s."),
    "bad_item": _("Something went wrong with this answer. Remove it and add it again."),
}


def this_year() -> int:
    """The year in Norway (TIME_ZONE), not on the server's clock: in UTC the new year comes
    an hour later, and a year question would refuse the year Norway is already in."""
    return timezone.localdate().year


# Validation -------------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict):
        return not value
    return False


def _required_message(question: Question) -> Any:
    return {
        Kind.SINGLE: MESSAGES["choose"],
        Kind.DROPDOWN: MESSAGES["choose"],
        Kind.MULTIPLE: MESSAGES["choose_some"],
        Kind.YEAR: MESSAGES["year_required"],
        Kind.NUMBER: MESSAGES["number_required"],
        Kind.GROUP: MESSAGES["add_item"],
    }.get(question.kind, MESSAGES["write"])


def _validate_choices(question: Question, value: Any) -> list[Any]:
    codes = question.codes
    if question.kind != Kind.MULTIPLE:
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if isinstance(value, list):
            return [MESSAGES["one_only"]]
        return [] if isinstance(value, str) and value in codes else [MESSAGES["unknown_choice"]]
    values = value if isinstance(value, list) else [value]
    if any(not isinstance(v, str) or v not in codes for v in values):
        return [MESSAGES["unknown_choice"]]
    messages = []
    chosen = list(dict.fromkeys(values))
    if question.max_selected is not None and len(chosen) > question.max_selected:
        messages.append(MESSAGES["too_many"] % {"max": question.max_selected})
    exclusive = [c for c in chosen if c in question.exclusive_codes]
    if exclusive and len(chosen) > 1:
        choice = question.choice(exclusive[0])
        messages.append(MESSAGES["exclusive"] % {"label": choice.label if choice else exclusive[0]})
    return messages


def _validate_value(question: Question, value: Any) -> list[Any]:
    """Messages for one answer (empty list when fine); never raises."""
    if _empty(value):
        return [_required_message(question)] if question.required else []
    if question.kind.has_choices:
        return _validate_choices(question, value)
    if question.kind in (Kind.NUMBER, Kind.YEAR):
        number = _as_integer(value)
        if question.kind == Kind.YEAR:
            low = question.min if question.min is not None else FIRST_YEAR
            high = question.max if question.max is not None else this_year()
            if number is None or not 1000 <= number <= 9999:
                return [MESSAGES["year_format"]]
            if not low <= number <= high:
                return [MESSAGES["year_range"] % {"min": low, "max": high}]
            return []
        if number is None:
            return [MESSAGES["whole_number"]]
        low = question.min if question.min is not None else 0
        high = question.max if question.max is not None else 10**9
        if not low <= number <= high:
            return [MESSAGES["number_range"] % {"min": low, "max": high}]
        return []
    if not isinstance(value, str):
        return [MESSAGES["not_text"]]
    if len(value) > question.text_limit:
        return [MESSAGES["too_long"] % {"max": question.text_limit, "count": len(value)}]
    return []


def _validate_group(
    group: Question, value: Any, effective: Mapping[str, Any], errors: dict[str, list[Any]]
) -> None:
    name = field_name(group)
    if _empty(value):
        if group.required:
            errors[name] = [_required_message(group)]
        return
    if not isinstance(value, list):
        errors[name] = [MESSAGES["bad_item"]]
        return
    if len(value) > group.max_items:
        errors.setdefault(name, []).append(MESSAGES["too_many_items"] % {"max": group.max_items})
    for item in value[: group.max_items]:
        item_id = item.get("id") if isinstance(item, Mapping) else None
        if not isinstance(item_id, str) or not ITEM_ID.match(item_id):
            if MESSAGES["bad_item"] not in errors.get(name, []):
                errors.setdefault(name, []).append(MESSAGES["bad_item"])
            continue
        for field in visible_fields(group, item, effective):
            messages = _validate_value(field, item.get(field.key))
            if messages:
                errors[field_name(group, item_id, field)] = messages


def validate(part: Part, answers: Any, resolved: Resolved | None = None) -> dict[str, list[Any]]:
    """Errors for the visible questions of a part, keyed by form field name.

    ``resolved``: the questionnaire resolved for these answers (see ``resolve``), if known.
    """
    visible, effective = _resolve_part(part, answers, resolved)
    raw = as_mapping(answers)
    errors: dict[str, list[Any]] = {}
    for question in part.questions:
        if question.key not in visible:
            continue
        value = raw.get(question.key)
        if question.kind == Kind.GROUP:
            _validate_group(question, value, effective, errors)
            continue
        messages = _validate_value(question, value)
        if messages:
            errors[field_name(question)] = messages
    return errors


# Status and progress ----------------------------------------------------------------------


def status(
    question: Question,
    answers: Any,
    attempted: Any,
    errors: Mapping[str, list[Any]] | None = None,
) -> str:
    """The question's mark, as the server judges the answer: unanswered; missing (tried to go
    on without a required answer); invalid (an answer that is not accepted, shown with the
    same mark as missing: it needs the person); answered (accepted).

    A repeat group is answered only when every item's questions are; an item still being
    filled in leaves it unanswered (missing after trying to go on), a refused value in any
    item makes it invalid. ``errors``: ``validate`` of the question's part, if known.
    """
    try:
        tried = question.key in attempted
    except TypeError:
        tried = False
    if errors is None:
        errors = _errors_of(question, answers)
    if question.kind != Kind.GROUP:
        invalid = bool(errors.get(field_name(question)))
        return _mark(is_answered(question, answers), invalid, tried, question.required)
    if not is_answered(question, answers):
        return _mark(False, False, tried, question.required)
    own = _group_errors(question, errors)
    if not own:
        return ANSWERED
    if _refused_in_items(question, as_mapping(answers).get(question.key), own):
        return INVALID
    return _mark(False, False, tried, question.required)  # an item still being filled in


def item_field_status(
    group: Question,
    field: Question,
    item: Mapping[str, Any],
    errors: Mapping[str, list[Any]],
    tried: bool,
) -> str:
    """The mark of one question of a repeat-group item (see ``status``); ``tried``: the
    person tried to go on past the group."""
    invalid = bool(errors.get(field_name(group, item.get("id"), field)))
    return _mark(is_answered(field, item), invalid, tried, field.required)


def _mark(answered: bool, invalid: bool, tried: bool, required: bool) -> str:
    if answered:
        return INVALID if invalid else ANSWERED
    return MISSING if tried and required else UNANSWERED


def _errors_of(question: Question, answers: Any) -> dict[str, list[Any]]:
    """The errors of one visible question, for a caller that has not validated its part."""
    raw = as_mapping(answers)
    errors: dict[str, list[Any]] = {}
    if question.kind == Kind.GROUP:
        _validate_group(question, raw.get(question.key), raw, errors)
    else:
        messages = _validate_value(question, raw.get(question.key))
        if messages:
            errors[field_name(question)] = messages
    return errors


def _group_errors(group: Question, errors: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    name = field_name(group)
    return {
        key: messages
        for key, messages in errors.items()
        if messages and (key == name or key.startswith(name + "-"))
    }


def _refused_in_items(group: Question, items: Any, own: Mapping[str, list[Any]]) -> bool:
    """Whether a group's errors refuse something given (a value in an item, or the items
    themselves) rather than only ask for what is still empty."""
    if field_name(group) in own:
        return True  # too many items, or an item that is not an item
    by_id = {
        item["id"]: item
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, Mapping) and isinstance(item.get("id"), str)
    }
    prefix = field_name(group) + "-"
    for key in own:
        item_id, _sep, field_key = key[len(prefix) :].partition("-")
        field = group.field(field_key)
        item = by_id.get(item_id)
        if field is None or item is None or is_answered(field, item):
            return True
    return False


def part_state(
    part: Part,
    answers: Any,
    attempted: Any,
    resolved: Resolved | None = None,
    errors: Mapping[str, list[Any]] | None = None,
) -> str:
    """not_started / in_progress / done / has_problems for the part's navigation.

    ``errors``: ``validate(part, answers, resolved)``, if known.
    """
    resolved = _resolve_part(part, answers, resolved)  # one pass for both uses below
    questions = visible_questions(part, answers, resolved)
    if errors is None:
        errors = validate(part, answers, resolved)
    statuses = [status(q, answers, attempted, errors) for q in questions]
    # The part needs the person exactly where a question's mark says so.
    if MISSING in statuses or INVALID in statuses:
        return HAS_PROBLEMS
    try:
        touched = any(q.key in attempted for q in part.questions)
    except TypeError:
        touched = False
    if statuses.count(ANSWERED) == 0 and not touched:
        return NOT_STARTED
    return DONE if not errors else IN_PROGRESS


def progress(
    questionnaire: Questionnaire, answers: Any, resolved: Resolved | None = None
) -> tuple[int, int]:
    """(answered visible questions, visible questions) over the whole questionnaire.

    The pass keeps a clean answer only for a visible question, and only a non-empty one, so
    counting them is counting the answered visible questions.
    """
    visible, effective = resolved if resolved is not None else resolve(questionnaire, answers)
    return len(effective), len(visible)


# Summary ----------------------------------------------------------------------------------


def _choice_label(question: Question, code: str) -> str:
    choice = question.choice(code)
    return str(choice.label) if choice is not None else code


def render_value(question: Question, value: Any) -> str:
    """An answer as text in the active language ("" when there is none)."""
    if _empty(value):
        return ""
    if question.kind in (Kind.SINGLE, Kind.DROPDOWN):
        return _choice_label(question, value) if isinstance(value, str) else ""
    if question.kind == Kind.MULTIPLE:
        labels = [_choice_label(question, v) for v in value if isinstance(v, str)]
        return format_list(labels, locale=babel_locale()) if labels else ""
    return value if isinstance(value, str) else ""


def summary(
    questionnaire: Questionnaire, answers: Any
) -> list[tuple[Part, list[tuple[Question, str]]]]:
    """Every visible question, part by part, with its answer as text in the active language.

    Unanswered questions get the row text "Not answered". A repeat group gives one row per
    item: the group question and the item's fields as "Question: answer" lines. Built from
    `answer_rows`, as every reader of answers is.
    """
    return [
        (section.part, [(answer.question, text) for answer, text in section.lines])
        for section in answer_rows(questionnaire, answers)
    ]
