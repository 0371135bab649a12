"""Small builders and shared answer lists for the part modules."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qualreg.questionnaire.model import Choice, Kind, Question

YES = "yes"
NO = "no"
DONT_KNOW = "dont_know"
PREFER_NOT = "prefer_not"

YES_NO = (Choice(YES, pgettext_lazy("answer", "Yes")), Choice(NO, pgettext_lazy("answer", "No")))
YES_NO_DONT_KNOW = (*YES_NO, Choice(DONT_KNOW, _("I don't know")))


def single(key, label, choices, **options) -> Question:
    return Question(key, Kind.SINGLE, label, choices=tuple(choices), **options)


def multiple(key, label, choices, **options) -> Question:
    return Question(key, Kind.MULTIPLE, label, choices=tuple(choices), **options)


def dropdown(key, label, choices, **options) -> Question:
    return Question(key, Kind.DROPDOWN, label, choices=choices, **options)


def number(key, label, low, high, **options) -> Question:
    return Question(key, Kind.NUMBER, label, min=low, max=high, **options)


def year(key, label, **options) -> Question:
    return Question(key, Kind.YEAR, label, **options)


def text(key, label, **options) -> Question:
    return Question(key, Kind.TEXT, label, **options)


def longtext(key, label, **options) -> Question:
    return Question(key, Kind.LONGTEXT, label, **options)


def group(key, label, fields, **options) -> Question:
    return Question(key, Kind.GROUP, label, fields=tuple(fields), **options)
