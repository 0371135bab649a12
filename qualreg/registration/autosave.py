"""What an answer save sends back to the page's script: only what changed on the page.

With each save the script sends the fingerprint (`data-state`) of every question it shows, of
the parts navigation and of the error summary, just as the server rendered them. The server
recomputes the page's state and answers with the ordered question keys and the HTML of the
pieces whose fingerprint differs; the script only puts them in place. The server stays the
only judge of what is shown, and a lost response heals itself with the next save.

The page also sends the sync token of the draft it shows (the revision of the last answer it
applied). When that is the revision the save starts from, the page is known to be in step, and
only the questions the save can have changed are compared; any other case compares them all.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from django.http import QueryDict

from qualreg.questionnaire import engine
from qualreg.questionnaire.conditions import ITEM_PREFIX, Condition
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Part, Question
from qualreg.registration.journey import part_errors, resolved
from qualreg.registration.models import Registration

PART_STATES = (engine.NOT_STARTED, engine.IN_PROGRESS, engine.DONE, engine.HAS_PROBLEMS)
MAX_DISPLAYED = 500


def displayed(post: QueryDict) -> list[tuple[str, str]]:
    """(question key, fingerprint) of each question the page shows, in page order: one field
    of space-separated "key:fingerprint" pairs (one field is cheaper to send and to read than
    one per question, which a page loaded before this form also reads)."""
    pairs = []
    for value in " ".join(post.getlist("displayed")).split()[:MAX_DISPLAYED]:
        key, _sep, state = value.partition(":")
        pairs.append((key, state))
    return pairs


def order_change(shown: list[str], order: list[str]) -> dict[str, Any]:
    """How the page goes from the questions it shows (`shown`, in page order) to `order`:
    the keys that are gone and each new key with the key it follows ("" for the first),
    which is all it needs while the questions keep their order; else the whole order."""
    if shown == order:
        return {}
    gone = [key for key in shown if key not in order]
    new = set(order).difference(shown)
    after = [
        (key, order[index - 1] if index else "") for index, key in enumerate(order) if key in new
    ]
    if reordered(shown, gone, after) != order:
        return {"order": order}
    change: dict[str, Any] = {"after": after} if after else {}
    return change | ({"gone": gone} if gone else {})


def reordered(shown: list[str], gone: list[str], after: list[tuple[str, str]]) -> list[str]:
    """What the page's script does with `gone` and `after` (form.js `apply`)."""
    keys = [key for key in shown if key not in gone]
    for key, previous in after:
        keys.insert(keys.index(previous) + 1 if previous in keys else 0, key)
    return keys


def nav_state(progress: int, states: Iterable[str]) -> str:
    """The navigation's fingerprint, readable by the server: "<progress>-<state per part>"."""
    return f"{progress}-" + "".join(str(PART_STATES.index(state)) for state in states)


def nav_unchanged(shown_state: str, part: Part, registration: Registration, in_step: bool) -> bool:
    """Whether the navigation the page shows is still right after a save in `part`.

    On a page in step with the draft (see `in_step`), only `part` and the parts whose
    conditions read its answers can have changed state, so only those are evaluated; on any
    other page every part is. Any difference means the navigation is sent again.
    """
    progress, _sep, codes = shown_state.partition("-")
    if progress != str(registration.progress_percent) or len(codes) != len(QUESTIONNAIRE.parts):
        return False
    for index, other in enumerate(QUESTIONNAIRE.parts):
        if not in_step or other.key in parts_affected_by(part.key):
            state = engine.part_state(
                other,
                registration.answers,
                registration.attempted,
                resolved(registration),
                part_errors(registration, other),
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
def _reads() -> dict[str, frozenset[str]]:
    """Each question's key -> the keys of the answers that decide what the page shows of it
    besides its own answer: the keys its conditions read, directly or through another
    question's visibility."""
    reads: dict[str, frozenset[str]] = {}
    for question in QUESTIONNAIRE.questions():  # conditions only look back: one pass closes it
        direct = _read_keys(question)
        reads[question.key] = frozenset(direct.union(*(reads.get(key, ()) for key in direct)))
    return reads


@functools.cache
def parts_affected_by(part_key: str) -> frozenset[str]:
    """The parts whose state answers in `part_key` can change: itself, and every part with a
    question whose condition reads them, directly or through another question's visibility.
    """
    answered_here = {question.key for question in QUESTIONNAIRE.part(part_key).questions}
    return frozenset(
        {part_key}
        | {
            part.key
            for part in QUESTIONNAIRE.parts
            if any(_reads()[question.key] & answered_here for question in part.questions)
        }
    )


@functools.cache
def _build() -> str:
    """A digest of what the pages are made from (the code, with the questionnaire, the
    templates and the compiled catalogues): a deploy that changes any of it changes every
    sync token, so that pages opened before it are compared in full."""
    digest = hashlib.blake2b(digest_size=6)
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".html", ".mo"} and path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def sync_token(registration_id: int, revision: int, second_language: str | None) -> str:
    """What the page holds to name the state its fingerprints describe: the draft and its
    revision, the second language shown beside the questions, and what the page is made of
    (the questionnaire's version, this year for the year questions' range, the build)."""
    made_of = f"{QUESTIONNAIRE.version}:{engine.this_year()}:{_build()}"
    named = f"{made_of}:{registration_id}:{revision}:{second_language or ''}"
    # A digest: the server only compares tokens, and each save's reply carries one.
    digest = hashlib.blake2b(named.encode(), digest_size=9).digest()
    return base64.urlsafe_b64encode(digest).decode()


def in_step(post: Mapping[str, Any], base_token: str) -> bool:
    """Whether the page shows the state the save started from (`base_token`): it applied
    every answer up to it, and nothing else changed the draft or its view since."""
    return post.get("revision") == base_token


def only_these_can_differ(
    part: Part, changed_answers: frozenset[str] | None, in_step: bool
) -> set[str] | None:
    """The keys of the part's questions whose fingerprint a save can have changed, when the
    page is in step with the state the save started from (see `in_step`) and the save changed
    only answers: those questions, and the ones that read them. Every other question shows
    only its own answer and answers the save did not touch.

    None when that is not known: a response the page never applied, another tab's save or
    translation view, a new draft, a new deploy or year, a move on. Then every question on
    the page is compared again.
    """
    if changed_answers is None or not in_step:
        return None
    reads = _reads()
    return {
        question.key
        for question in part.questions
        if question.key in changed_answers or reads[question.key] & changed_answers
    }
