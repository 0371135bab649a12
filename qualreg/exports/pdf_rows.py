"""A registration's answer rows in two languages at once, row beside row, for the PDF.

The engine's `answer_rows` is read once per language (under `translation.override`); the
readings have the same shape, since what applies never depends on the language, so they are
zipped into rows that hold a cell per language. Every label is made text here, in its
language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext

from qualreg.lib import languages as ui_languages
from qualreg.questionnaire.answers import Answer, PartAnswers, answer_rows
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind

# Answers typed by the resident: shown once, as written, across the columns.
TYPED = (Kind.TEXT, Kind.LONGTEXT)


@dataclass(frozen=True)
class Cell:
    """A question (or title) and its answer in one language."""

    language: ui_languages.Language
    question: str
    answer: str = ""


@dataclass(frozen=True)
class Row:
    """One line of the document: a part's title, a repeat group's question, one of its
    items, or a question with its answer."""

    kind: str  # "part", "group", "item" or "answer"
    cells: tuple[Cell, ...]
    codes: tuple[tuple[str, str], ...] = ()  # (classification, code) of each coded value
    typed: str = ""  # the answer as the resident typed it, in the form's language
    number: int = 0  # an item's number in its group, from 1
    nested: bool = False  # a field of a repeat group's item

    @property
    def typed_direction(self) -> str:
        return direction(self.typed)


def direction(text: str) -> str:
    """`rtl` or `ltr`: the direction of the text's first strong character, as dir="auto"
    finds it in a browser (WeasyPrint does not support dir="auto")."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


def two_language_rows(answers: Any, codes: tuple[str, ...]) -> list[Row]:
    """The rows of the answers with a cell for each language of `codes` (one or two)."""
    readings = []
    for code in codes:
        with translation.override(code):
            readings.append(list(_rows(answer_rows(QUESTIONNAIRE, answers), code)))
    return [
        Row(same[0].kind, tuple(row.cells[0] for row in same), *_rest(same[0]))
        for same in zip(*readings, strict=True)
    ]


def _rest(row: Row) -> tuple[Any, ...]:
    return row.codes, row.typed, row.number, row.nested


def _rows(parts: tuple[PartAnswers, ...], code: str) -> Iterator[Row]:
    language = ui_languages.get(code)
    for part in parts:
        yield Row("part", (Cell(language, str(part.part.title)),))
        for answer in part.answers:
            if answer.question.kind is not Kind.GROUP:
                yield _answer_row(answer, language, nested=False)
                continue
            unanswered = "" if answer.items else gettext("Not answered")
            yield Row("group", (Cell(language, str(answer.question.label), unanswered),))
            for item in answer.items:
                yield Row("item", (Cell(language, ""),), number=item.index + 1)
                for field in item.answers:
                    yield _answer_row(field, language, nested=True)


def _answer_row(answer: Answer, language: ui_languages.Language, *, nested: bool) -> Row:
    label = str(answer.question.label)
    codes = tuple(
        (str(value.classification), value.classified_code)
        for value in answer.values
        if value.classification is not None and value.classified_code is not None
    )
    if answer.question.kind in TYPED and answer.answered:
        return Row("answer", (Cell(language, label),), codes, typed=answer.text, nested=nested)
    cell = Cell(language, label, answer.text or gettext("Not answered"))
    return Row("answer", (cell,), codes, nested=nested)
