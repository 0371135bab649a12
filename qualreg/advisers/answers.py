"""A completed registration's answers for an adviser, from the engine's answer rows: part by
part in the page's language, and optionally a second column in the resident's language."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext

from qualreg.questionnaire.answers import answer_rows
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind

# Answers typed by the resident: shown as written, marked with the language of the form.
FREE_TEXT = (Kind.TEXT, Kind.LONGTEXT)


def _typed(answer: Any) -> bool:
    return answer.question.kind in FREE_TEXT and answer.answered


def _part_lines(part: Any) -> list[tuple[Any, str, bool]]:
    """(question, text, holds typed text) per line: one per question, one per item of a
    repeat group, "Not answered" where there is no answer."""
    not_answered = gettext("Not answered")
    lines = []
    for answer in part.answers:
        if answer.question.kind is Kind.GROUP:
            for item in answer.items:
                lines.append((answer.question, item.text, any(map(_typed, item.answers))))
            if not answer.items:
                lines.append((answer.question, not_answered, False))
        else:
            lines.append((answer.question, answer.text or not_answered, _typed(answer)))
    return lines


def _lines(answers: Any) -> list[tuple[Any, str, list[tuple[Any, str, bool]]]]:
    """(part, title, lines) with every label made text in the active language."""
    return [
        (part.part, str(part.part.title), _part_lines(part))
        for part in answer_rows(QUESTIONNAIRE, answers)
    ]


def answer_sections(registration: Any, second_language: str | None) -> list[dict[str, Any]]:
    """Sections of rows {question, text, free_text, second_question, second_text}."""
    first = _lines(registration.answers)
    second = None
    if second_language:
        with translation.override(second_language):
            second = [
                (part, title, [(str(question.label), text) for question, text, _ in lines])
                for part, title, lines in _lines(registration.answers)
            ]
    sections = []
    for index, (part, _title, lines) in enumerate(first):
        other = second[index] if second else None
        rows = []
        for row_index, (question, text, typed) in enumerate(lines):
            row = {"question": question, "text": text, "free_text": typed}
            if other is not None:
                row["second_question"], row["second_text"] = other[2][row_index]
            rows.append(row)
        sections.append({"part": part, "second_title": other[1] if other else "", "rows": rows})
    return sections
