"""A population of residents with a realistic spread, for the demo's statistics page and
for the statistics benchmark: centres in a few municipalities, residents added over the
last months, codes, consents and refusals, drafts, and completed registrations with their
facts. Written in bulk; the same seed gives the same population.
"""

from __future__ import annotations

import datetime
import random
import secrets
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from qualreg.people.models import Centre, LoginCode, Person
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.spread import origin, random_answers
from qualreg.registration.facts import facts_of
from qualreg.registration.models import AnswerFact, ConsentRecord, Registration

CENTRES = (
    ("Demo mottak", "Oslo", 5),
    ("Fjordheim mottak", "Bergen", 3),
    ("Nordlys mottak", "Tromsø", 2),
    ("Skogli mottak", "Elverum", 2),
    ("Sjøgata mottak", "Bergen", 1),
)
BATCH = 2000


def populate(
    count: int,
    *,
    prefix: str = "2021",
    seed: int = 1,
    templates: int = 300,
    months: int = 15,
    keep_answers: bool = True,
) -> int:
    """Add `count` residents whose DUF numbers start with `prefix` (none is added when
    residents with that prefix exist). About 85 % complete a registration; the rest stop
    after the code, refuse consent or leave a draft. Up to `templates` different answer
    sets are drawn and shared. Returns the number of completed registrations written."""
    if Person.objects.filter(duf_number__startswith=prefix).exists():
        return 0
    rng = random.Random(seed)
    centres = [
        (Centre.objects.get_or_create(name=name, defaults={"municipality": town})[0], weight)
        for name, town, weight in CENTRES
    ]
    drawn = []
    for _index in range(min(count, templates)):
        person_origin = origin(rng)
        answers = random_answers(rng, person_origin)
        drawn.append((person_origin[2], answers, facts_of(answers)))
    now = timezone.now()
    start = now - datetime.timedelta(days=30 * months)
    moments: dict[tuple[type[models.Model], str], dict[datetime.date, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    completed = 0
    with transaction.atomic():
        for first in range(0, count, BATCH):
            size = min(BATCH, count - first)
            completed += _batch(
                first, size, prefix, rng, centres, drawn, start, now, keep_answers, moments
            )
        for (model, field), days in moments.items():
            for day, pks in days.items():
                moment = datetime.datetime.combine(day, datetime.time(10), now.tzinfo)
                for chunk in _chunks(pks, 900):
                    model._default_manager.filter(pk__in=chunk).update(**{field: moment})
    return completed


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for index in range(0, len(items), size):
        yield items[index : index + size]


def _batch(
    first: int,
    size: int,
    prefix: str,
    rng: random.Random,
    centres: list[tuple[Centre, int]],
    drawn: list[tuple[str, dict[str, Any], list[Any]]],
    start: datetime.datetime,
    now: datetime.datetime,
    keep_answers: bool,
    moments: dict[Any, dict[datetime.date, list[int]]],
) -> int:
    span = (now - start).total_seconds()
    weights = [weight for _centre, weight in centres]
    people = Person.objects.bulk_create(
        Person(
            duf_number=f"{prefix}{first + index:08d}",
            centre=rng.choices(centres, weights=weights)[0][0],
            preferred_language="nb",
        )
        for index in range(size)
    )
    codes, consents, registrations, facts_for = [], [], [], []
    for person in people:
        added = start + datetime.timedelta(seconds=rng.random() * span * 0.95)
        moments[(Person, "added_at")][added.date()].append(person.pk)
        language, answers, facts = rng.choice(drawn)
        person.preferred_language = language
        outcome = rng.random()
        if outcome < 0.04:
            continue  # added, no code yet
        issued = min(now, added + datetime.timedelta(days=rng.random() * 10))
        codes.append(
            (
                issued,
                LoginCode(
                    person=person,
                    code_hash=secrets.token_hex(32),
                    expires_at=issued + datetime.timedelta(days=14),
                    used_at=issued,
                ),
            )
        )
        if outcome < 0.07:
            continue  # a code, not used
        decided = min(now, issued + datetime.timedelta(days=rng.random() * 4))
        refused = outcome < 0.10
        consents.append(
            (
                decided,
                ConsentRecord(
                    person=person,
                    text_version="demo",
                    language=language,
                    decision=ConsentRecord.Decision.REFUSED
                    if refused
                    else ConsentRecord.Decision.CONSENTED,
                ),
            )
        )
        if refused:
            continue
        if outcome < 0.16:
            registrations.append(
                Registration(
                    person=person,
                    sequence=1,
                    definition_version=QUESTIONNAIRE.version,
                    language=language,
                    progress_percent=rng.randint(3, 95),
                )
            )
            continue
        done = min(now, decided + datetime.timedelta(days=rng.expovariate(1 / 6)))
        registrations.append(
            Registration(
                person=person,
                sequence=1,
                definition_version=QUESTIONNAIRE.version,
                language=language,
                status=Registration.Status.COMPLETED,
                progress_percent=100,
                answers=answers if keep_answers else {},
                completed_at=done,
            )
        )
        facts_for.append((registrations[-1], facts))
    Person.objects.bulk_update(people, ["preferred_language"])
    made = LoginCode.objects.bulk_create(code for _issued, code in codes)
    for (issued, _code), code in zip(codes, made, strict=True):
        moments[(LoginCode, "issued_at")][issued.date()].append(code.pk)
    made_consents = ConsentRecord.objects.bulk_create(record for _at, record in consents)
    for (at, _record), record in zip(consents, made_consents, strict=True):
        moments[(ConsentRecord, "at")][at.date()].append(record.pk)
    Registration.objects.bulk_create(registrations)
    AnswerFact.objects.bulk_create(
        (
            AnswerFact(
                registration_id=registration.pk, question=key, item=item, code=code, number=number
            )
            for registration, facts in facts_for
            for key, item, code, number in facts
        ),
        batch_size=5000,
    )
    return len(facts_for)
