"""Answer saves: the posted answers of a part merged into the draft, without losing anyone's.

A save reads the draft without a lock, works out the new answers, and writes them only if the
draft's `revision` is still the one it read; otherwise it reads the latest draft and merges
again (after a few tries it takes the row lock instead). So two tabs saving at once are
applied one after the other and, because only the questions each tab showed are updated,
neither wipes the other; and no lock is held while the engine works, so app processes do not
wait for each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind, Part, Question
from qualreg.registration.journey import (
    NoConsent,
    NoDraft,
    has_consent,
    locked_draft,
    progress_percent,
)
from qualreg.registration.models import Registration
from qualreg.registration.reveal import shown_questions

# What a save reads of the draft. The autosave is the commonest request of the service, and
# building this query through the ORM costs several times what the database takes for it:
# the plain SELECT in `_read_draft` is worth 8.4 points of save/bare on SQLite
# (docs/benchmarks.md, "The hand-written shortcuts").
_DRAFT_FIELDS = [
    field
    for field in Registration._meta.concrete_fields
    if field.attname
    in {
        "id",
        "person_id",
        "answers",
        "attempted",
        "passed",
        "language",
        "progress_percent",
        "revision",
        "status",
    }
]


def _read_draft(person_id: int) -> Registration:
    """The draft as it is now, without a lock (an optimistic save checks its revision).
    Columns a save does not need are left deferred."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in _DRAFT_FIELDS)
    table = quote(Registration._meta.db_table)
    # Only our own quoted names are formatted in; the values are parameters.
    sql = (
        f"SELECT {columns} FROM {table} WHERE {quote('person_id')} = %s AND {quote('status')} = %s"  # noqa: S608, E501
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [person_id, Registration.Status.DRAFT])
        row = cursor.fetchone()
    if row is None:
        raise NoDraft
    values = [
        field.from_db_value(value, None, connection) if hasattr(field, "from_db_value") else value
        for field, value in zip(_DRAFT_FIELDS, row, strict=True)
    ]
    # from_db takes the values in the model's field order, which _DRAFT_FIELDS keeps.
    return Registration.from_db(connection.alias, [f.attname for f in _DRAFT_FIELDS], values)


def _add_unique(target: list[str], keys: Iterable[str]) -> list[str]:
    result = [k for k in target if isinstance(k, str)] if isinstance(target, list) else []
    for key in keys:
        if key not in result:
            result.append(key)
    return result


class Saved(NamedTuple):
    registration: Registration
    problems: dict[str, list[Any]]  # what keeps the person on the part when moving on
    shown: list[Question]  # the part's questions on the page after the save
    # The keys whose answers the save changed; None when it changed more than answers (the
    # marks of questions the person tried to pass or passed).
    changed_answers: frozenset[str] | None
    base_revision: int  # the draft's revision the save was applied to


# The columns a save may change; `updated_at` is the last activity, touched by every save.
SAVED_FIELDS = ("answers", "attempted", "passed", "language", "progress_percent")
# Optimistic tries before a save takes the row lock (another tab saving at the same moment).
OPTIMISTIC_TRIES = 5


def save(
    person_id: int,
    part: Part,
    data: Mapping[str, Any],
    *,
    language: str,
    consented_registration: int | None = None,
    moving_on: bool = False,
    add_group: str | None = None,
    remove_item: tuple[str, str] | None = None,
) -> Saved:
    """Store the posted answers of `part`; returns the registration, the questions now on the
    page and, when `moving_on`, the problems that keep the person on this part (empty when
    they may go on).

    Raises NoDraft without a draft and NoConsent when the draft has no consent on record;
    `consented_registration` is a draft id already known to be consented (no query then).
    Moving on marks empty required questions as "tried to go on" and optional ones as passed,
    so that the next question is revealed.

    The draft is read without a lock and written only if nobody wrote it in between (its
    `revision` is unchanged); otherwise the post is merged again into the latest answers.
    """
    for _try in range(OPTIMISTIC_TRIES):
        registration = _read_draft(person_id)
        if registration.pk != consented_registration and not has_consent(registration):
            raise NoConsent
        consented_registration = registration.pk
        revision = registration.revision
        saved, changed = _merge(
            registration,
            part,
            data,
            language,
            moving_on=moving_on,
            add_group=add_group,
            remove_item=remove_item,
        )
        if _write_if_unchanged(registration, changed, revision):
            return saved
    with transaction.atomic():  # a busy draft: wait for the row lock rather than try again
        registration = locked_draft(person_id)
        if registration.pk != consented_registration and not has_consent(registration):
            raise NoConsent
        saved, changed = _merge(
            registration,
            part,
            data,
            language,
            moving_on=moving_on,
            add_group=add_group,
            remove_item=remove_item,
        )
        registration.save(update_fields=[*changed, "updated_at"])
    return saved


def _write_if_unchanged(registration: Registration, changed: list[str], revision: int) -> bool:
    """Write the changed columns (and the time of this activity) if the draft is still at
    `revision`; a new revision only when something changed. False when another save came
    first (or the draft was completed meanwhile).

    One plain UPDATE instead of `Registration.objects.filter(...).update(...)`: worth 8.7
    points of save/bare on SQLite (docs/benchmarks.md, "The hand-written shortcuts")."""
    values: dict[str, Any] = {name: getattr(registration, name) for name in changed}
    if changed:
        values["revision"] = revision + 1
    values["updated_at"] = timezone.now()
    quote = connection.ops.quote_name
    meta = Registration._meta
    fields = [field for field in meta.concrete_fields if field.name in values]
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    params = [field.get_db_prep_save(values[field.name], connection) for field in fields]
    params += [registration.pk, revision, Registration.Status.DRAFT]
    # Only our own quoted names are formatted in; the values are parameters.
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {assignments} "  # noqa: S608
        f"WHERE {quote(meta.pk.column)} = %s AND {quote('revision')} = %s "
        f"AND {quote('status')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        written = cursor.rowcount
    if written:
        registration.revision = values.get("revision", revision)
        registration.updated_at = values["updated_at"]
    return bool(written)


def _merge(
    registration: Registration,
    part: Part,
    data: Mapping[str, Any],
    language: str,
    *,
    moving_on: bool,
    add_group: str | None,
    remove_item: tuple[str, str] | None,
) -> tuple[Saved, list[str]]:
    """Apply the post to the registration as read (in memory only); returns what `save`
    returns and the names of the columns that changed."""
    problems: dict[str, list[Any]] = {}
    before = {name: getattr(registration, name) for name in SAVED_FIELDS}
    base_revision = registration.revision
    answers = engine.answers_from_post(part, registration.answers, data)
    if add_group and _group_in(part, add_group):
        answers, _item_id = engine.add_item(answers, add_group, QUESTIONNAIRE)
    if remove_item and _group_in(part, remove_item[0]):
        answers = engine.remove_item(answers, remove_item[0], remove_item[1], QUESTIONNAIRE)
    passed = registration.passed if isinstance(registration.passed, list) else []
    attempted = registration.attempted if isinstance(registration.attempted, list) else []
    resolved_answers = engine.resolve(QUESTIONNAIRE, answers)
    if moving_on:
        # Only what was on the page counts: a question revealed by this very post is new.
        on_page = set(data.get("shown") or [])
        shown = [q for q in shown_questions(part, answers, resolved_answers) if q.key in on_page]
        problems = _problems(part, answers, shown, resolved_answers)
        empty = [q for q in shown if not engine.is_answered(q, answers)]
        attempted = _add_unique(attempted, (q.key for q in empty if q.required))
        attempted = _add_unique(
            attempted, (q.key for q in shown if q.kind == Kind.GROUP and _has(problems, q))
        )
        if not problems:
            passed = _add_unique(passed, (q.key for q in empty if not q.required))
    answers, shown, resolved_answers = _open_first_items(part, answers, resolved_answers)
    registration.answers = answers
    registration.__dict__["_resolved"] = (answers, resolved_answers)  # see resolved()
    registration.attempted = attempted
    registration.passed = passed
    registration.language = language
    registration.progress_percent = progress_percent(answers, resolved_answers)
    changed = [name for name in SAVED_FIELDS if getattr(registration, name) != before[name]]
    changed_answers = None
    if "attempted" not in changed and "passed" not in changed:
        old = before["answers"] if isinstance(before["answers"], dict) else {}
        keys = old.keys() | answers.keys()
        changed_answers = frozenset(k for k in keys if old.get(k) != answers.get(k))
    return Saved(registration, problems, shown, changed_answers, base_revision), changed


def _group_in(part: Part, key: str) -> bool:
    question = part.question(key)
    return question is not None and question.kind == Kind.GROUP


def _has(problems: Mapping[str, Any], group: Question) -> bool:
    prefix = engine.field_name(group)
    return any(name == prefix or name.startswith(prefix + "-") for name in problems)


def _problems(
    part: Part, answers: Any, shown: list[Question], resolved_answers: engine.Resolved
) -> dict[str, list[Any]]:
    """The engine's errors for the questions on the page."""
    errors = engine.validate(part, answers, resolved_answers)
    names = [engine.field_name(q) for q in shown]
    return {
        name: messages
        for name, messages in errors.items()
        if any(name == n or name.startswith(n + "-") for n in names)
    }


def _open_first_items(
    part: Part, answers: Any, resolved_answers: engine.Resolved
) -> tuple[dict, list[Question], engine.Resolved]:
    """A repeat group that has just come into view opens with one empty item to fill in.
    Returns the answers, the questions shown with them and the engine's pass over them
    (`resolved_answers` is the pass over the answers given)."""
    shown = shown_questions(part, answers, resolved_answers)
    opened = False
    for question in shown:
        if question.kind == Kind.GROUP and not engine.is_answered(question, answers):
            answers, _item_id = engine.add_item(answers, question.key, QUESTIONNAIRE)
            opened = True
    if opened:  # an answered group may reveal what follows it
        resolved_answers = engine.resolve(QUESTIONNAIRE, answers)
        shown = shown_questions(part, answers, resolved_answers)
    return answers, shown, resolved_answers
