"""A completed registration's answers for an adviser: part by part in the page's language,
and optionally a second column in the language the resident wrote in."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind

# Answers typed by the resident, shown as written and marked with the language of the form.
FREE_TEXT = (Kind.TEXT, Kind.LONGTEXT, Kind.NUMBER, Kind.YEAR)


def _summary(answers: Any, language: str | None) -> list[Any]:
    if language is None:
        return engine.summary(QUESTIONNAIRE, answers)
    with translation.override(language):
        # Labels are lazy: make them text while the language is active.
        return [
            (part, str(part.title), [(str(q.label), text) for q, text in rows])
            for part, rows in engine.summary(QUESTIONNAIRE, answers)
        ]


def answer_sections(registration: Any, second_language: str | None) -> list[dict[str, Any]]:
    """Sections of rows {question, text, free_text, second_question, second_text}."""
    first = _summary(registration.answers, None)
    second = _summary(registration.answers, second_language) if second_language else None
    sections = []
    for index, (part, rows) in enumerate(first):
        other = second[index] if second else None
        section_rows = []
        for row_index, (question, text) in enumerate(rows):
            row = {
                "question": question,
                "text": text,
                "free_text": question.kind in FREE_TEXT,
            }
            if other is not None:
                row["second_question"], row["second_text"] = other[2][row_index]
            section_rows.append(row)
        sections.append(
            {
                "part": part,
                "second_title": other[1] if other else "",
                "rows": section_rows,
            }
        )
    return sections
