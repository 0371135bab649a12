"""The "Most chosen" group above the long country and language drop-downs.

The answers chosen by most people in completed registrations (the facts table), once enough
registrations have answered; until then a fixed list that fits the reception centres'
residents. Counted at most once an hour per cache, never per page.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire.codelists import (
    COUNTRIES,
    LANGUAGES,
    OTHER_LANGUAGE,
    STATELESS,
    UNKNOWN_COUNTRY,
)
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import LazyChoices, Question
from qualreg.registration.models import AnswerFact

SIZE = 8  # about one screen of a phone's list picker
ENOUGH = 200  # completed registrations that answered a question of the list
# A code joins the group only when this many people chose it, as the statistics' smallest
# group: a rare answer must not show that someone from that country has registered.
MIN_PEOPLE = 20
CACHE_SECONDS = 60 * 60

# Until there are enough registrations: the largest groups in Norway's reception centres.
FIXED: dict[str, tuple[str, ...]] = {
    "countries": ("SY", "UA", "AF", "ER", "SO", "IQ", "IR", "TR"),
    "languages": ("ara", "ukr", "prs", "pes", "tir", "som", "pus", "kmr"),
}
ALL_LABELS: dict[str, Any] = {"countries": _("All countries"), "languages": _("All languages")}
GROUP_LABEL = _("Most chosen")
# Codes of our own ("I don't know", "Stateless", "Another language") are never in the group.
_CODES = {
    "countries": COUNTRIES.codes - {STATELESS, UNKNOWN_COUNTRY},
    "languages": LANGUAGES.codes - {OTHER_LANGUAGE},
}


def list_name(question: Question) -> str | None:
    """ "countries" or "languages" for a drop-down of one of those lists, else None."""
    choices = question.choices
    if not isinstance(choices, LazyChoices):
        return None
    name = choices.name.split("+")[0]
    return name if name in FIXED else None


def _question_keys(name: str) -> list[str]:
    keys = []
    for question in QUESTIONNAIRE.questions():
        for asked in (question, *question.fields):
            if list_name(asked) == name:
                keys.append(asked.key)
    return keys


def count(name: str) -> tuple[str, ...]:
    """The group's codes, counted now from the facts of completed registrations."""
    facts = AnswerFact.objects.filter(question__in=_question_keys(name), code__isnull=False)
    if facts.values("registration").distinct().count() < ENOUGH:
        return FIXED[name]
    rows = (
        facts.values("code")
        .annotate(people=Count("registration", distinct=True))
        .filter(people__gte=MIN_PEOPLE)
        .order_by("-people", "code")
    )
    chosen = [row["code"] for row in rows[: SIZE + 3] if row["code"] in _CODES[name]][:SIZE]
    # Too few codes chosen by enough people: the fixed list fills the group.
    chosen += [code for code in FIXED[name] if code not in chosen][: SIZE - len(chosen)]
    return tuple(chosen)


def codes(name: str) -> tuple[str, ...]:
    """The group's codes, from the cache (counted again after an hour)."""
    key = f"most-chosen:{name}"
    found = cache.get(key)
    if found is None:
        found = count(name)
        cache.set(key, found, CACHE_SECONDS)
    return tuple(found)


def forget() -> None:
    """Count again on next use (tests)."""
    cache.delete_many([f"most-chosen:{name}" for name in FIXED])
