"""Progressive reveal: which of a part's visible questions are on the page.

The engine decides which questions apply; this only decides how far down the part the person
has come. Answered questions stay, and the first question still open (not answered and not
passed) is shown next. Nothing hides an answer the person has already given.
"""

from __future__ import annotations

from typing import Any

from qualreg.questionnaire import engine
from qualreg.questionnaire.model import Part, Question


def _keys(value: Any) -> set[str]:
    return {k for k in value if isinstance(k, str)} if isinstance(value, list) else set()


def shown_questions(
    part: Part, answers: Any, passed: Any, attempted: Any, resolved: engine.Resolved | None = None
) -> list[Question]:
    visible = engine.visible_questions(part, answers, resolved)
    done = _keys(passed)
    touched = done | _keys(attempted)
    first_open = next(
        (
            i
            for i, q in enumerate(visible)
            if not engine.is_answered(q, answers) and q.key not in done
        ),
        len(visible) - 1,
    )
    last_touched = max(
        (i for i, q in enumerate(visible) if engine.is_answered(q, answers) or q.key in touched),
        default=-1,
    )
    return visible[: max(first_open, last_touched) + 1]


def part_finished(
    part: Part, answers: Any, passed: Any, resolved: engine.Resolved | None = None
) -> bool:
    """Every visible question answered or deliberately passed: Next may open the next part."""
    done = _keys(passed)
    return all(
        engine.is_answered(q, answers) or q.key in done
        for q in engine.visible_questions(part, answers, resolved)
    )
