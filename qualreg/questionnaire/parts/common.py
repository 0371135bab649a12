"""Small builders and shared answer lists for the part modules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qualreg.questionnaire.model import Choice, Kind, Question

YES = "yes"
NO = "no"
DONT_KNOW = "dont_know"
PREFER_NOT = "prefer_not"

YES_NO = (Choice(YES, pgettext_lazy("answer", "Yes")), Choice(NO, pgettext_lazy("answer", "No")))
YES_NO_DONT_KNOW = (*YES_NO, Choice(DONT_KNOW, _("I don't know")))


def single(key: str, label: Any, choices: Iterable[Choice], **options: Any) -> Question:
    return Question(key, Kind.SINGLE, label, choices=tuple(choices), **options)


def multiple(key: str, label: Any, choices: Iterable[Choice], **options: Any) -> Question:
    return Question(key, Kind.MULTIPLE, label, choices=tuple(choices), **options)


def dropdown(key: str, label: Any, choices: Sequence[Choice], **options: Any) -> Question:
    return Question(key, Kind.DROPDOWN, label, choices=choices, **options)


def number(key: str, label: Any, low: int, high: int, **options: Any) -> Question:
    return Question(key, Kind.NUMBER, label, min=low, max=high, **options)


def year(key: str, label: Any, **options: Any) -> Question:
    return Question(key, Kind.YEAR, label, **options)


def text(key: str, label: Any, **options: Any) -> Question:
    return Question(key, Kind.TEXT, label, **options)


def longtext(key: str, label: Any, **options: Any) -> Question:
    return Question(key, Kind.LONGTEXT, label, **options)


def group(key: str, label: Any, fields: Iterable[Question], **options: Any) -> Question:
    return Question(key, Kind.GROUP, label, fields=tuple(fields), **options)
