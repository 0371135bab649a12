"""Answers read one way: a registration's answers as rows, part → question → item → value.

Each value carries its code, its label in the active language and the classification the code
comes from. The summary, "My registration" and every later reader (advisers' pages, exports,
the facts table behind filters and statistics) build on `answer_rows`, so that they all show
the same answers. Pure Python: no request, ORM or template.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from babel.lists import format_list
from django.utils.translation import gettext

from qualreg.questionnaire.conditions import as_mapping
from qualreg.questionnaire.locale import active_language_code, babel_locale
from qualreg.questionnaire.model import Classification, Kind, Part, Question, Questionnaire
from qualreg.questionnaire.numbers import as_integer
from qualreg.questionnaire.visibility import clean_value, resolve, visible_fields


@dataclass(frozen=True)
class Value:
    """One answer value: a chosen code with its label, or what the person typed."""

    label: str  # in the active language: the choice's label, or the text as typed
    code: str | None = None  # the choice code as stored; None for typed answers
    classification: Classification | None = None  # the standard the code is in, if any
    classified_code: str | None = None  # the code in that standard (DigComp: the competence)
    number: int | None = None  # numbers and years as a whole number


@dataclass(frozen=True)
class Item:
    """One item of a repeat group (one education, one job) with its fields that apply."""

    index: int  # position in the group, from 0
    id: str  # the item's stable id
    answers: tuple[Answer, ...]

    @property
    def text(self) -> str:
        """The answered fields as "Question: answer" lines."""
        return "\n".join(
            gettext("%(question)s: %(answer)s") % {"question": a.question.label, "answer": a.text}
            for a in self.answers
            if a.answered
        )


@dataclass(frozen=True)
class Answer:
    """A question and its answer: values, or items for a repeat group; empty when unanswered."""

    question: Question
    values: tuple[Value, ...] = ()
    items: tuple[Item, ...] = ()

    @property
    def answered(self) -> bool:
        return bool(self.values or self.items)

    @property
    def retired(self) -> bool:
        return self.question.retired

    @property
    def text(self) -> str:
        """The values as text in the active language: a list joined the language's way."""
        labels = [value.label for value in self.values]
        if len(labels) < 2:
            return labels[0] if labels else ""
        return format_list(labels, locale=babel_locale())


@dataclass(frozen=True)
class PartAnswers:
    part: Part
    answers: tuple[Answer, ...]

    @property
    def lines(self) -> list[tuple[Answer, str]]:
        """The part as lines of text to show: one per question, "Not answered" where there
        is no answer, and one per item of a repeat group."""
        not_answered = gettext("Not answered")
        lines: list[tuple[Answer, str]] = []
        for answer in self.answers:
            if answer.question.kind is Kind.GROUP:
                lines.extend((answer, item.text) for item in answer.items)
                if not answer.items:
                    lines.append((answer, not_answered))
            else:
                lines.append((answer, answer.text or not_answered))
        return lines


@dataclass(frozen=True)
class Fact:
    """One coded or numeric answer as a flat row: what filters and statistics count."""

    question_key: str  # a top-level question, or a field of a repeat group
    item_index: int | None  # the item's position in its group; None outside groups
    code: str | None  # a choice code
    number: int | None  # a number or year


def answer_rows(questionnaire: Questionnaire, answers: Any) -> tuple[PartAnswers, ...]:
    """Every question that applies to the answers, part by part, with its answer (unanswered
    ones with none), plus each retired question or field that the answers hold a value for."""
    visible, effective = resolve(questionnaire, answers)
    raw = as_mapping(answers)
    language = active_language_code()  # asked once: the labels of every answer are in it
    result = []
    for part in questionnaire.parts:
        rows = []
        for question in part.questions:
            if question.retired:
                # Outside the pass (never shown): read the stored answer as it was given.
                answer = _retired(question, raw.get(question.key), language)
                if answer.answered:
                    rows.append(answer)
            elif question.key in visible:
                rows.append(_answer(question, effective, raw, language))
        result.append(PartAnswers(part, tuple(rows)))
    return tuple(result)


def _answer(
    question: Question, effective: dict[str, Any], raw: Mapping[str, Any], language: str
) -> Answer:
    value = effective.get(question.key)
    if question.kind is not Kind.GROUP:
        return Answer(question, values=_values(question, value, language))
    stored = {
        item.get("id"): item for item in _list(raw.get(question.key)) if isinstance(item, Mapping)
    }
    items = []
    for index, item in enumerate(_list(value)):
        shown = {field.key for field in visible_fields(question, item, effective)}
        rows = []
        for field in question.fields:
            if field.key in shown:
                rows.append(Answer(field, values=_values(field, item.get(field.key), language)))
            elif field.retired:
                answer = _retired(field, stored.get(item["id"], {}).get(field.key), language)
                if answer.answered:
                    rows.append(answer)
        items.append(Item(index, item["id"], tuple(rows)))
    return Answer(question, items=tuple(items))


def _retired(question: Question, value: Any, language: str) -> Answer:
    """A retired question's stored answer, cleaned like any answer but without conditions."""
    if question.kind is not Kind.GROUP:
        return Answer(question, values=_values(question, clean_value(question, value), language))
    items = []
    for index, item in enumerate(_list(value)):
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            continue
        rows = tuple(_retired(field, item.get(field.key), language) for field in question.fields)
        items.append(Item(index, item["id"], tuple(row for row in rows if row.answered)))
    return Answer(question, items=tuple(items))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _values(question: Question, value: Any, language: str) -> tuple[Value, ...]:
    if value is None:
        return ()
    if question.kind.has_choices:
        codes = value if isinstance(value, list) else [value]
        return tuple(_coded(question, code, language) for code in codes if isinstance(code, str))
    if not isinstance(value, str) or not value.strip():
        return ()
    number = as_integer(value) if question.kind in (Kind.NUMBER, Kind.YEAR) else None
    return (Value(value, number=number),)


def _coded(question: Question, code: str, language: str) -> Value:
    labelled = question.labelled_choice(code, language)
    if labelled is None:
        return Value(code, code=code)
    choice, label = labelled
    return Value(
        label,
        code=code,
        classification=choice.classification,
        classified_code=choice.classified_code,
    )


def facts(rows: tuple[PartAnswers, ...]) -> Iterator[Fact]:
    """The coded and numeric values of answer rows as flat facts; typed text is left out."""
    for part in rows:
        for answer in part.answers:
            yield from _facts(answer, None)
            for item in answer.items:
                for field in item.answers:
                    yield from _facts(field, item.index)


def _facts(answer: Answer, item_index: int | None) -> Iterator[Fact]:
    for value in answer.values:
        if value.code is not None:
            yield Fact(answer.question.key, item_index, value.code, None)
        elif value.number is not None:
            yield Fact(answer.question.key, item_index, None, value.number)
