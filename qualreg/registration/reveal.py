"""Progressive reveal: which of a part's questions are on the page, and which of them the
page's script shows.

The page holds every question that applies, so that without JavaScript a part needs a page
load only to reveal the follow-ups of what the person has just answered. The script keeps
the one-question-at-a-time feel: it shows the questions up to the one `in_turn` names and
hides the rest until an answer moves it on. Answered questions are always shown, and the
first question still open (not answered and not passed) is shown next. Nothing hides an
answer the person has already given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qualreg.questionnaire import engine
from qualreg.questionnaire.model import Kind, Part, Question


def _keys(value: Any) -> set[str]:
    return {k for k in value if isinstance(k, str)} if isinstance(value, list) else set()


def _begun(question: Question, answers: Any) -> bool:
    """Answered; a repeat group once one of its items has an answer (a group opens with an
    empty item as soon as it applies, and that is not yet an answer of the person's)."""
    if question.kind != Kind.GROUP or not isinstance(answers, Mapping):
        return engine.is_answered(question, answers)
    items = answers.get(question.key)
    return isinstance(items, list) and any(
        isinstance(item, Mapping) and any(engine.is_answered(f, item) for f in question.fields)
        for item in items
    )


def shown_questions(
    part: Part, answers: Any, resolved: engine.Resolved | None = None
) -> list[Question]:
    """The questions on the part's page: every one whose condition is met."""
    return engine.visible_questions(part, answers, resolved)


def in_turn(shown: list[Question], answers: Any, passed: Any, attempted: Any) -> str:
    """The key of the last question the script shows, one at a time ("" when none): the
    first open one, or the last one answered, tried or passed if that comes later."""
    touched = _keys(passed) | _keys(attempted)
    first = first_open(shown, answers, passed)
    open_index = shown.index(first) if first is not None else len(shown) - 1
    last_touched = max(
        (i for i, q in enumerate(shown) if _begun(q, answers) or q.key in touched),
        default=-1,
    )
    last = max(open_index, last_touched)
    return shown[last].key if last >= 0 else ""


def first_open(shown: list[Question], answers: Any, passed: Any) -> Question | None:
    """The first question on the page that is neither answered (begun) nor passed."""
    done = _keys(passed)
    return next((q for q in shown if not _begun(q, answers) and q.key not in done), None)


def part_finished(
    part: Part, answers: Any, passed: Any, resolved: engine.Resolved | None = None
) -> bool:
    """Every visible question answered or deliberately passed: Next may open the next part."""
    return first_open(engine.visible_questions(part, answers, resolved), answers, passed) is None
