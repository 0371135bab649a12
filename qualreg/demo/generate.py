"""Many completed registrations with a plausible spread of answers, for measuring advisers'
pages at scale (`manage.py generateregistrations`, `make bench-advisers`).

Answer documents are made by the engine (every question that becomes visible is answered,
the optional ones only sometimes), with the commonest answers weighted the way residents of
Norwegian reception centres answer them (languages of the largest groups, few who speak
Norwegian well, most with some schooling). Making a document and its facts costs about
20 ms, so a pool of distinct documents is made and each registration takes one at random;
rows are bulk-inserted, facts included, so 100,000 registrations take minutes.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connection, transaction
from django.db.models import Field
from django.utils import timezone

from qualreg.advisers.models import Assignment, Organisation
from qualreg.people.models import Centre, Person
from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE, VERSION
from qualreg.questionnaire.model import Kind, Question
from qualreg.registration.facts import facts_of
from qualreg.registration.models import AnswerFact, Registration

T = TypeVar("T")
BATCH = 2000
CENTRES = 12
SECOND_REGISTRATION_SHARE = 0.1  # residents who filled in the form again after completing
OPTIONAL_ANSWERED_SHARE = 0.6

# Weights of the answers that shape an adviser's list; every other question takes any of
# its answers alike.
WEIGHTS: dict[str, dict[str, float]] = {
    "home_language": {
        "ara": 22,
        "ukr": 18,
        "tir": 14,
        "prs": 9,
        "pus": 6,
        "som": 6,
        "kmr": 5,
        "ckb": 4,
        "pes": 4,
        "rus": 3,
        "amh": 3,
        "tur": 2,
        "fra": 1,
        "swh": 1,
        "urd": 1,
        "orm": 1,
    },  # fmt: skip
    "school_ever": {"yes": 85, "no": 15},
    "edu_level": {
        "1": 14,
        "2": 18,
        "34": 16,
        "35": 12,
        "4": 7,
        "5": 8,
        "6": 13,
        "7": 6,
        "8": 1,
        "dont_know": 5,
    },  # fmt: skip
    "norwegian_speak": {"0": 28, "1": 30, "2": 20, "3": 12, "4": 7, "5": 3},
    "english_speak": {"0": 22, "1": 18, "2": 20, "3": 17, "4": 13, "5": 10},
    "other_languages_any": {"yes": 55, "no": 45},
    "licence": {"yes": 35, "no": 65},
    "paid_work": {"yes": 70, "no": 30},
    "unpaid_work": {"yes": 40, "no": 60},
    "education_wish": {"yes": 45, "maybe": 25, "no": 20, "dont_know": 10},
}
FEW_WORDS = ("Worked with many kinds of tasks", "Helped in the family shop", "Nursing")


def _choose(rng: random.Random, question: Question) -> Any:
    codes = [choice.code for choice in question.choices]
    weights = WEIGHTS.get(question.key)
    if question.kind == Kind.MULTIPLE:
        ordinary = [c.code for c in question.choices if not c.exclusive]
        exclusive = [c.code for c in question.choices if c.exclusive]
        if exclusive and rng.random() < 0.15:
            return [exclusive[0]]
        most = min(question.max_selected or 3, 3, len(ordinary))
        return rng.sample(ordinary, rng.randint(1, most)) if most else []
    if weights:
        known = [code for code in weights if code in codes]
        return rng.choices(known, [weights[code] for code in known])[0]
    return rng.choice(codes)


def _value(rng: random.Random, question: Question) -> Any:
    if question.kind.has_choices:
        return _choose(rng, question)
    if question.kind == Kind.NUMBER:
        low = question.min or 0
        high = min(question.max if question.max is not None else low + 10, low + 12)
        return str(rng.randint(low, high))
    if question.kind == Kind.YEAR:
        return str(rng.randint(1975, engine.this_year()))
    return rng.choice(FEW_WORDS)


def random_answers(rng: random.Random) -> dict[str, Any]:
    """One person's answers: every required question that becomes visible answered, each
    optional one more often than not, 1–3 items in each repeat group that applies."""
    answers: dict[str, Any] = {}
    skipped: set[str] = set()
    for _round in range(10):
        before = repr(answers)
        for part in QUESTIONNAIRE.parts:
            for question in engine.visible_questions(part, answers):
                if question.key in skipped:
                    continue
                if not engine.is_answered(question, answers) and question.key not in answers:
                    if not question.required and rng.random() > OPTIONAL_ANSWERED_SHARE:
                        skipped.add(question.key)
                        continue
                    if question.kind == Kind.GROUP:
                        for _item in range(rng.randint(1, 3)):
                            answers, _item_id = engine.add_item(answers, question.key)
                    else:
                        answers[question.key] = _value(rng, question)
                if question.kind == Kind.GROUP:
                    for item in answers.get(question.key) or []:
                        _fill_item(rng, question, item, answers, skipped)
        if repr(answers) == before:
            break
    return engine.prune(QUESTIONNAIRE, answers)


def _fill_item(
    rng: random.Random,
    group: Question,
    item: dict[str, Any],
    answers: dict[str, Any],
    skipped: set[str],
) -> None:
    """Answer the fields of one repeat-group item, again as long as answers reveal more."""
    for _round in range(len(group.fields)):
        changed = False
        for field in engine.visible_fields(group, item, answers):
            key = f"{item['id']}.{field.key}"
            if key in skipped or field.key in item:
                continue
            if not field.required and rng.random() > OPTIONAL_ANSWERED_SHARE:
                skipped.add(key)
            else:
                item[field.key] = _value(rng, field)
                changed = True
        if not changed:
            return


@dataclass
class Generated:
    residents: int
    registrations: int
    facts: int
    assigned: int
    organisation: Organisation


def _batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_facts(rows: list[tuple[Any, ...]]) -> None:
    """Facts as (registration id, question, item, code, number): on PostgreSQL with COPY
    (ten times faster than INSERT for millions of rows), elsewhere in bulk INSERTs."""
    if connection.vendor != "postgresql":
        AnswerFact.objects.bulk_create(
            [
                AnswerFact(registration_id=r, question=q, item=i, code=c, number=n)
                for r, q, i, c, n in rows
            ],
            batch_size=5000,
        )
        return
    table = AnswerFact._meta.db_table
    columns = ", ".join(
        field.column
        for name in ("registration", "question", "item", "code", "number")
        if isinstance(field := AnswerFact._meta.get_field(name), Field)
    )
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(  # the psycopg cursor
            f"COPY {table} ({columns}) FROM STDIN"
        ) as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _organisation(name: str, number: int) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        name=name,
        defaults={
            "kind": Organisation.Kind.MUNICIPALITY,
            "municipality_number": f"{number % 10000:04d}",
        },
    )
    return organisation


def generate(
    count: int,
    organisation_name: str,
    organisation_size: int,
    *,
    distinct: int = 2000,
    seed: int = 12,
    progress: Callable[[str], None] = lambda line: None,
) -> Generated:
    """`count` completed registrations of new residents; `organisation_size` of the
    residents assigned to `organisation_name` (made if missing), the rest to other generated
    municipalities of the same size."""
    rng = random.Random(seed)
    pool = [random_answers(rng) for _document in range(min(distinct, count))]
    pool_facts = [facts_of(answers) for answers in pool]
    progress(f"{len(pool)} distinct answer documents made")

    centres = [
        Centre.objects.get_or_create(name=f"Generert mottak {n + 1}")[0] for n in range(CENTRES)
    ]
    residents = round(count / (1 + SECOND_REGISTRATION_SHARE))
    first = Person.objects.count()
    now = timezone.now()
    people = [
        Person(
            duf_number=f"{2010 + (first + n) % 10}{first + n:08d}",
            centre=rng.choice(centres),
            preferred_language=rng.choice(("ar", "uk", "ti", "prs", "ps", "so", "en", "nb")),
        )
        for n in range(residents)
    ]
    for some_people in _batches(people):
        with transaction.atomic():
            Person.objects.bulk_create(some_people)
    progress(f"{len(people)} residents")

    registrations = facts = 0
    second = set(rng.sample(range(residents), count - residents))
    for start in range(0, residents, BATCH):
        rows: list[Registration] = []
        documents: list[int] = []
        for index in range(start, min(start + BATCH, residents)):
            times = sorted(
                now - datetime.timedelta(minutes=rng.randint(60, 2 * 365 * 1440))
                for _sequence in range(2 if index in second else 1)
            )
            for sequence, completed_at in enumerate(times, start=1):
                document = rng.randrange(len(pool))
                documents.append(document)
                rows.append(
                    Registration(
                        person=people[index],
                        sequence=sequence,
                        definition_version=VERSION,
                        language=people[index].preferred_language,
                        status=Registration.Status.COMPLETED,
                        answers=pool[document],
                        progress_percent=100,
                        completed_at=completed_at,
                    )
                )
        with transaction.atomic():
            Registration.objects.bulk_create(rows)
            fact_rows = [
                (row.pk, key, item, code, n)
                for row, document in zip(rows, documents, strict=True)
                for key, item, code, n in pool_facts[document]
            ]
            _insert_facts(fact_rows)
        registrations += len(rows)
        facts += len(fact_rows)
        progress(f"{registrations} registrations, {facts} facts")

    organisations = [_organisation(organisation_name, 9000)]
    order = list(range(residents))
    rng.shuffle(order)
    assignments = []
    for position, index in enumerate(order):
        group = position // organisation_size
        if group == len(organisations):
            organisations.append(_organisation(f"Generert kommune {group}", group))
        to = organisations[group]
        start_date = now.date() - datetime.timedelta(days=rng.randint(1, 700))
        assignments.append(Assignment(person=people[index], organisation=to, start_date=start_date))
    for batch in _batches(assignments):
        with transaction.atomic():
            Assignment.objects.bulk_create(batch)
    progress(f"{len(assignments)} assignments")
    with connection.cursor() as cursor:
        # Fresh statistics, so that the planner sees the new rows, and (PostgreSQL) a
        # visibility map, so that index-only scans of the facts need not visit the table.
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")  # VACUUM: never in a transaction
    return Generated(
        residents=residents,
        registrations=registrations,
        facts=facts,
        assigned=min(organisation_size, residents),
        organisation=organisations[0],
    )
