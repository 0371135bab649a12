"""The one questionnaire, assembled from the part modules and checked when it loads.

A broken definition (duplicate key, a condition on a later or unknown question or on a choice
code that does not exist, an empty part) raises DefinitionError naming the question, so the
project fails at start-up rather than in front of a resident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from qualreg.questionnaire.conditions import ITEM_PREFIX, AnyItem, Condition
from qualreg.questionnaire.model import Kind, Part, Question, Questionnaire

VERSION = "2026-11-1"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class DefinitionError(ValueError):
    """The questionnaire definition is inconsistent."""


def build_questionnaire() -> Questionnaire:
    from qualreg.questionnaire.parts import (
        digital,
        driving,
        education,
        language,
        other,
        personal,
        work,
    )

    parts = tuple(
        module.PART for module in (personal, education, language, digital, driving, work, other)
    )
    questionnaire = Questionnaire(version=VERSION, parts=parts)
    check(questionnaire)
    return questionnaire


def check(questionnaire: Questionnaire) -> None:
    """Raise DefinitionError for the first problem found."""
    seen: dict[str, Question] = {}  # top-level questions defined so far, in order
    all_keys: set[str] = set()
    part_keys: set[str] = set()
    if not questionnaire.parts:
        raise DefinitionError("the questionnaire has no parts")
    for part in questionnaire.parts:
        _check_part(part, part_keys)
        for question in part.questions:
            _check_question(question, all_keys)
            if question.condition is not None:
                _check_condition(question.key, question.condition, seen, None, {})
            if question.kind == Kind.GROUP:
                _check_group(question, seen, all_keys)
            seen[question.key] = question


def _check_part(part: Part, part_keys: set[str]) -> None:
    if part.key in part_keys:
        raise DefinitionError(f"part {part.key!r} is defined twice")
    part_keys.add(part.key)
    if not part.questions:
        raise DefinitionError(f"part {part.key!r} has no questions")


def _check_question(question: Question, all_keys: set[str], *, in_group: str | None = None) -> None:
    name = f"{in_group}.{question.key}" if in_group else question.key
    if not KEY_PATTERN.match(question.key):
        raise DefinitionError(f"question {name!r}: a key is lower-case letters, digits and _")
    if question.key in all_keys:
        raise DefinitionError(f"question {name!r}: the key is used twice")
    all_keys.add(question.key)
    if question.kind.has_choices:
        codes = (
            [choice.code for choice in question.choices]
            if isinstance(question.choices, tuple)
            else list(question.codes)
        )
        if not codes:
            raise DefinitionError(f"question {name!r}: a {question.kind} question needs choices")
        if len(codes) != len(set(codes)):
            raise DefinitionError(f"question {name!r}: a choice code is used twice")
    elif question.choices:
        raise DefinitionError(f"question {name!r}: a {question.kind} question cannot have choices")
    if question.kind == Kind.GROUP:
        if in_group:
            raise DefinitionError(f"question {name!r}: groups cannot be nested")
        if not question.fields:
            raise DefinitionError(f"question {name!r}: a group needs fields")
        if question.max_items < 1:
            raise DefinitionError(f"question {name!r}: max_items must be at least 1")
        if question.item_title_field and question.field(question.item_title_field) is None:
            raise DefinitionError(f"question {name!r}: item_title_field is not one of its fields")
    if question.kind == Kind.NUMBER and (question.min is None or question.max is None):
        raise DefinitionError(f"question {name!r}: a number question needs min and max")


def _check_group(group: Question, seen: dict[str, Question], all_keys: set[str]) -> None:
    earlier_fields: dict[str, Question] = {}
    for field in group.fields:
        _check_question(field, all_keys, in_group=group.key)
        if field.condition is not None:
            _check_condition(
                f"{group.key}.{field.key}", field.condition, seen, group, earlier_fields
            )
        earlier_fields[field.key] = field


def _check_condition(
    name: str,
    condition: Condition,
    seen: dict[str, Question],
    group: Question | None,
    earlier_fields: dict[str, Question],
) -> None:
    if not isinstance(condition, Condition):
        raise DefinitionError(f"question {name!r}: the condition is not a Condition")
    if isinstance(condition, AnyItem):
        target = seen.get(condition.group)
        if target is not None and target.retired:
            raise DefinitionError(
                f"question {name!r}: the condition refers to {condition.group!r}, which is retired"
            )
        if target is None or target.kind != Kind.GROUP:
            raise DefinitionError(
                f"question {name!r}: the condition refers to {condition.group!r}, "
                "which is not an earlier repeat group"
            )
        _check_condition(name, condition.condition, seen, target, {f.key: f for f in target.fields})
        return
    for child in condition.children():
        _check_condition(name, child, seen, group, earlier_fields)
    if condition.children():
        return
    for key, codes in condition.references():
        target = _target(name, key, seen, group, earlier_fields)
        if target.retired:  # it is never answered again, so the condition could never hold
            raise DefinitionError(
                f"question {name!r}: the condition refers to {key!r}, which is retired"
            )
        _check_codes(name, key, target, codes)


def _target(
    name: str,
    key: str,
    seen: dict[str, Question],
    group: Question | None,
    earlier_fields: dict[str, Question],
) -> Question:
    if key.startswith(ITEM_PREFIX):
        if group is None:
            raise DefinitionError(
                f"question {name!r}: {key!r} can only be used inside a repeat group"
            )
        target = earlier_fields.get(key[len(ITEM_PREFIX) :])
        if target is None:
            raise DefinitionError(
                f"question {name!r}: the condition refers to {key!r}, "
                f"which is not an earlier field of {group.key!r}"
            )
        return target
    target = seen.get(key)
    if target is None:
        raise DefinitionError(
            f"question {name!r}: the condition refers to {key!r}, which is not an earlier question"
        )
    return target


def _check_codes(name: str, key: str, target: Question, codes: Iterable[str]) -> None:
    codes = tuple(codes)
    if codes and not target.kind.has_choices:
        raise DefinitionError(
            f"question {name!r}: the condition compares {key!r} with choice codes, but it has none"
        )
    unknown = [code for code in codes if code not in target.codes]
    if unknown:
        raise DefinitionError(
            f"question {name!r}: the condition uses {', '.join(unknown)}, not a choice of {key!r}"
        )


QUESTIONNAIRE: Questionnaire = build_questionnaire()
