"""What changed between two completed registrations of one resident, question by question.

Built from the engine's answer rows of both, so labels are in the active language and a
question that no longer applies counts as removed. Items of a repeat group (educations,
jobs) are matched by their stable id — a new registration starts from a copy of the last
one, so an item keeps its id — then, for items added anew, by identical content and by the
field that names them; what stays unmatched was added or removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, gettext_lazy

from qualreg.questionnaire.answers import Answer, Item, answer_rows
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind, Question

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
KIND_LABELS = {
    ADDED: gettext_lazy("Added"),
    REMOVED: gettext_lazy("Removed"),
    CHANGED: gettext_lazy("Changed"),
}
FREE_TEXT = (Kind.TEXT, Kind.LONGTEXT)


@dataclass(frozen=True)
class Change:
    kind: str  # ADDED, REMOVED or CHANGED
    question: str  # the question's label, or the item's name for a whole item
    before: str  # "" when added
    after: str  # "" when removed
    group: str = ""  # the repeat group's label, for a change inside or of an item
    free_text: bool = False  # typed by the resident: shown as written

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])


@dataclass(frozen=True)
class PartChanges:
    title: str
    changes: tuple[Change, ...]


def changes(earlier: Any, later: Any) -> list[PartChanges]:
    """The parts in which the answers of `later` differ from those of `earlier` (answer
    documents), each with its changes in the questionnaire's order."""
    result = []
    before_parts = answer_rows(QUESTIONNAIRE, earlier)
    after_parts = answer_rows(QUESTIONNAIRE, later)
    for before_part, after_part in zip(before_parts, after_parts, strict=True):
        before = {answer.question.key: answer for answer in before_part.answers}
        after = {answer.question.key: answer for answer in after_part.answers}
        found: list[Change] = []
        for question in after_part.part.questions:
            old, new = before.get(question.key), after.get(question.key)
            if question.kind is Kind.GROUP:
                found.extend(_group_changes(question, old, new))
            else:
                found.extend(_answer_changes(question, old, new))
        if found:
            result.append(PartChanges(str(after_part.part.title), tuple(found)))
    return result


def _signature(answer: Answer | None) -> tuple[str, ...]:
    """What an answer holds, order aside: its codes, or what was typed."""
    if answer is None:
        return ()
    return tuple(sorted(v.code if v.code is not None else v.label for v in answer.values))


def _answer_changes(
    question: Question, old: Answer | None, new: Answer | None, group: str = ""
) -> Iterator[Change]:
    before, after = _signature(old), _signature(new)
    if before == after:
        return
    kind = ADDED if not before else REMOVED if not after else CHANGED
    yield Change(
        kind,
        str(question.label),
        old.text if old else "",
        new.text if new else "",
        group=group,
        free_text=question.kind in FREE_TEXT,
    )


def _item_content(item: Item) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((a.question.key, _signature(a)) for a in item.answers if a.answered))


def _item_title(question: Question, item: Item) -> str:
    if question.item_title_field:
        for answer in item.answers:
            if answer.question.key == question.item_title_field and answer.answered:
                return answer.text
    return ""


def _match_items(
    question: Question, old: tuple[Item, ...], new: tuple[Item, ...]
) -> tuple[list[tuple[Item, Item]], list[Item], list[Item]]:
    """Pairs of (old, new) items that are the same thing, then the removed and added ones."""
    left = list(old)
    pairs: list[tuple[Item, Item]] = []
    unmatched: list[Item] = []
    ways = (
        lambda item: item.id,
        _item_content,
        lambda item: _item_title(question, item) or None,
    )
    pending = list(new)
    for key in ways:
        unmatched = []
        for item in pending:
            wanted = key(item)
            match = next((o for o in left if wanted is not None and key(o) == wanted), None)
            if match is None:
                unmatched.append(item)
            else:
                left.remove(match)
                pairs.append((match, item))
        pending = unmatched
    return pairs, left, pending


def _item_name(question: Question, item: Item) -> str:
    return _item_title(question, item) or gettext("Item %(number)d") % {"number": item.index + 1}


def _group_changes(question: Question, old: Answer | None, new: Answer | None) -> Iterator[Change]:
    group = str(question.label)
    pairs, removed, added = _match_items(
        question, old.items if old else (), new.items if new else ()
    )
    for before_item, after_item in sorted(pairs, key=lambda pair: pair[1].index):
        before = {a.question.key: a for a in before_item.answers}
        after = {a.question.key: a for a in after_item.answers}
        name = _item_name(question, after_item)
        for field in question.fields:
            yield from _answer_changes(
                field,
                before.get(field.key),
                after.get(field.key),
                group=gettext("%(group)s: %(item)s") % {"group": group, "item": name},
            )
    for item in added:
        yield Change(ADDED, _item_name(question, item), "", item.text, group, _typed(item))
    for item in removed:
        yield Change(REMOVED, _item_name(question, item), item.text, "", group, _typed(item))


def _typed(item: Item) -> bool:
    return any(a.question.kind in FREE_TEXT and a.answered for a in item.answers)
