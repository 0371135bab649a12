"""From posted form data to the answers document: field names, updates and repeat-group items.

Only questions listed in ``shown`` change, so a post from one part or one question never wipes
the others. Input is kept as typed (validation reports problems), except for invisible control
characters, which are removed (see qualreg.lib.text); hard caps keep a hostile post from
bloating the document.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from typing import Any

from qualreg.lib.text import clean_typed
from qualreg.questionnaire.model import Kind, Part, Question, Questionnaire

ITEM_ID = re.compile(r"^[0-9a-f]{8}$")
HARD_LENGTH_FACTOR = 10  # values longer than 10x the question's limit are ignored
MAX_CODE_LENGTH = 64
MAX_SHOWN = 500


def field_name(
    question: Question, item_id: str | None = None, field: Question | str | None = None
) -> str:
    """The HTML form field name: q-<key>, or q-<group key>-<item id>-<field key>."""
    if item_id is None or field is None:
        return f"q-{question.key}"
    field_key = field.key if isinstance(field, Question) else field
    return f"q-{question.key}-{item_id}-{field_key}"


def _values(data: Mapping[str, Any], name: str, *, multiline: bool = False) -> list[str]:
    """The posted strings of one field, cleaned of invisible controls. Choice codes are
    cleaned too: a cleaned code is then judged like any other (unknown codes are reported)."""
    raw = data.get(name, [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list | tuple):
        return []
    return [clean_typed(v, multiline=multiline) for v in raw if isinstance(v, str)]


def _posted_value(question: Question, data: Mapping[str, Any], name: str) -> tuple[bool, Any]:
    """(accept, value) for one question; value None means "no answer"."""
    values = _values(data, name, multiline=question.kind == Kind.LONGTEXT)
    if question.kind == Kind.MULTIPLE:
        chosen = [v for v in values if v and len(v) <= MAX_CODE_LENGTH]
        limit = max(len(question.codes), 1)
        chosen = list(dict.fromkeys(chosen))[:limit]
        return True, chosen or None
    if question.kind in (Kind.SINGLE, Kind.DROPDOWN):
        present = [v for v in values if v]
        if not present:
            return True, None
        if len(present[-1]) > MAX_CODE_LENGTH:
            return False, None
        return True, present[-1]
    text = next((v for v in reversed(values) if v), "")
    if len(text) > question.text_limit * HARD_LENGTH_FACTOR:
        return False, None
    text = text.strip() if question.kind != Kind.LONGTEXT else text.strip("\r\n ")
    return True, text or None


def _store(target: dict[str, Any], key: str, accept: bool, value: Any) -> None:
    if not accept:
        return
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value


def answers_from_post(part: Part, answers: Any, data: Mapping[str, Any]) -> dict[str, Any]:
    """A new answers document with the shown questions of the part updated from ``data``.

    ``data`` maps field names to lists of strings (``dict(request.POST.lists())``); its
    ``shown`` list names the questions that were on the page. Unchecked checkboxes of a shown
    question clear it; repeat-group items are updated in place, never created or dropped here.
    """
    result = dict(answers) if isinstance(answers, Mapping) else {}
    if not isinstance(data, Mapping):
        return result
    shown = set(_values(data, "shown")[:MAX_SHOWN])
    for question in part.questions:
        if question.key not in shown:
            continue
        if question.kind == Kind.GROUP:
            items = result.get(question.key)
            if isinstance(items, list):
                result[question.key] = [_update_item(question, item, data) for item in items]
            continue
        accept, value = _posted_value(question, data, field_name(question))
        _store(result, question.key, accept, value)
    return result


def _update_item(group: Question, item: Any, data: Mapping[str, Any]) -> Any:
    if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
        return item
    updated = dict(item)
    for field in group.fields:
        accept, value = _posted_value(field, data, field_name(group, item["id"], field))
        _store(updated, field.key, accept, value)
    return updated


def _group(group_key: str, questionnaire: Questionnaire | None) -> Question:
    if questionnaire is None:
        from qualreg.questionnaire.definition import QUESTIONNAIRE

        questionnaire = QUESTIONNAIRE
    question = questionnaire.question(group_key)
    if question.kind != Kind.GROUP:
        raise KeyError(group_key)
    return question


def add_item(
    answers: Any, group_key: str, questionnaire: Questionnaire | None = None
) -> tuple[dict[str, Any], str | None]:
    """A new answers document with an empty item added; item id None when the group is full."""
    group = _group(group_key, questionnaire)
    result = dict(answers) if isinstance(answers, Mapping) else {}
    items = result.get(group_key)
    items = list(items) if isinstance(items, list) else []
    if len(items) >= group.max_items:
        return result, None
    used = {item.get("id") for item in items if isinstance(item, Mapping)}
    item_id = secrets.token_hex(4)
    while item_id in used:
        item_id = secrets.token_hex(4)
    items.append({"id": item_id})
    result[group_key] = items
    return result, item_id


def remove_item(
    answers: Any, group_key: str, item_id: str, questionnaire: Questionnaire | None = None
) -> dict[str, Any]:
    """A new answers document without the item; the other items keep their ids."""
    _group(group_key, questionnaire)
    result = dict(answers) if isinstance(answers, Mapping) else {}
    items = result.get(group_key)
    if not isinstance(items, list):
        return result
    kept = [item for item in items if not (isinstance(item, Mapping) and item.get("id") == item_id)]
    if kept:
        result[group_key] = kept
    else:
        result.pop(group_key, None)
    return result
