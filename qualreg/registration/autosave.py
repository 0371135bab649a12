"""What an answer save sends back to the page's script: only what changed on the page.

With each save the script sends the fingerprint (`data-state`) of every question it shows, of
the parts navigation and of the error summary, just as the server rendered them. The server
recomputes the page's state and answers with the ordered question keys and the HTML of the
pieces whose fingerprint differs; the script only puts them in place. The server stays the
only judge of what is shown, and a lost response heals itself with the next save.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from django.http import QueryDict

from qualreg.questionnaire import engine
from qualreg.questionnaire.conditions import ITEM_PREFIX, Condition
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Part, Question
from qualreg.registration.journey import resolved
from qualreg.registration.models import Registration

PART_STATES = (engine.NOT_STARTED, engine.IN_PROGRESS, engine.DONE, engine.HAS_PROBLEMS)
MAX_DISPLAYED = 500


def displayed(post: QueryDict) -> list[tuple[str, str]]:
    """(question key, fingerprint) of each question the page shows, in page order."""
    pairs = []
    for value in post.getlist("displayed")[:MAX_DISPLAYED]:
        key, _sep, state = value.partition(":")
        pairs.append((key, state))
    return pairs


def nav_state(progress: int, states: Iterable[str]) -> str:
    """The navigation's fingerprint, readable by the server: "<progress>-<state per part>"."""
    return f"{progress}-" + "".join(str(PART_STATES.index(state)) for state in states)


def nav_unchanged(shown_state: str, part: Part, registration: Registration) -> bool:
    """Whether the navigation the page shows is still right after a save in `part`.

    Only `part` and the parts whose conditions read its answers can have changed state, so
    only those are evaluated; any other difference means the navigation is sent again.
    """
    progress, _sep, codes = shown_state.partition("-")
    if progress != str(registration.progress_percent) or len(codes) != len(QUESTIONNAIRE.parts):
        return False
    for index, other in enumerate(QUESTIONNAIRE.parts):
        if other.key in parts_affected_by(part.key):
            state = engine.part_state(
                other, registration.answers, registration.attempted, resolved(registration)
            )
            if codes[index] != str(PART_STATES.index(state)):
                return False
    return True


def _references(condition: Condition | None) -> Iterator[str]:
    if condition is not None:
        for key, _codes in condition.references():
            if not key.startswith(ITEM_PREFIX):
                yield key


def _read_keys(question: Question) -> set[str]:
    """The keys the question's condition and its fields' conditions read."""
    keys = set(_references(question.condition))
    for field in question.fields or ():
        keys.update(_references(field.condition))
    return keys


@functools.cache
def parts_affected_by(part_key: str) -> frozenset[str]:
    """The parts whose state answers in `part_key` can change: itself, and every part with a
    question whose condition reads them, directly or through another question's visibility.
    """
    reads: dict[str, set[str]] = {}
    owner: dict[str, str] = {}
    for part in QUESTIONNAIRE.parts:  # conditions only look back, so one pass closes the set
        for question in part.questions:
            owner[question.key] = part.key
            direct = _read_keys(question)
            reads[question.key] = direct.union(*(reads.get(key, set()) for key in direct))
    answered_here = {key for key, part in owner.items() if part == part_key}
    return frozenset(
        {part_key} | {owner[key] for key, read in reads.items() if read & answered_here}
    )
