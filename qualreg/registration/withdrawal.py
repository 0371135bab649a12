"""Withdrawing consent: advisers lose access at once, and `manage.py purge` deletes the
person's registrations once CONSENT_WITHDRAWAL_GRACE_DAYS have passed, unless the person
consents again before then.

A withdrawal is a consent decision like the others (ConsentRecord, decision "withdrawn", tied
to no registration so that it outlives them); the person's latest consent or withdrawal is the
one that stands (journey.latest_standing_decision).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet

from qualreg.people.models import Person
from qualreg.privacy import purge
from qualreg.registration import journey
from qualreg.registration.models import ConsentRecord, Registration


def grace_period() -> datetime.timedelta:
    return datetime.timedelta(days=settings.CONSENT_WITHDRAWAL_GRACE_DAYS)


def consent_stands(person: Person) -> bool:
    """The person consented and has not withdrawn since: what "Withdraw consent" needs."""
    latest = journey.latest_standing_decision(person.pk)
    return latest is not None and latest.decision == ConsentRecord.Decision.CONSENTED


def deletion_due(withdrawal: ConsentRecord) -> datetime.datetime:
    """When purge deletes the registrations of a person who withdrew consent."""
    return withdrawal.at + grace_period()


def withdraw(person: Person, language: str, version: str) -> ConsentRecord:
    """Record the withdrawal (audited). From now on no adviser reads the registrations."""
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()  # one at a time
        latest = journey.latest_standing_decision(person.pk)
        if latest is not None and latest.decision == ConsentRecord.Decision.WITHDRAWN:
            return latest  # a repeated post: already withdrawn
        return journey.record_decision(person, ConsentRecord.Decision.WITHDRAWN, language, version)


def consent_again(person: Person, language: str, version: str) -> ConsentRecord:
    """Consent after a withdrawal, without starting a new registration: the registrations
    are kept and advisers may read them again. Tied to the draft if there is one (so that it
    may be saved into again), else to the last completed registration."""
    registration = journey.draft_of(person) or journey.last_completed(person)
    return journey.record_decision(
        person,
        ConsentRecord.Decision.CONSENTED,
        language,
        version,
        registration,
        after_withdrawal=True,
    )


def withdrawn_people(since_before: datetime.datetime | None = None) -> QuerySet[ConsentRecord, Any]:
    """The ids of people whose latest word is a withdrawal (one made before `since_before`,
    if given): a withdrawal with no consent after it. Not correlated with the outer query, so
    that a list of registrations excludes them with one subquery over the few withdrawals."""
    later_consent = ConsentRecord.objects.filter(
        person_id=OuterRef("person_id"), decision=ConsentRecord.Decision.CONSENTED
    ).filter(Q(at__gt=OuterRef("at")) | Q(at=OuterRef("at"), pk__gt=OuterRef("pk")))
    withdrawals = ConsentRecord.objects.filter(decision=ConsentRecord.Decision.WITHDRAWN)
    if since_before is not None:
        withdrawals = withdrawals.filter(at__lte=since_before)
    return withdrawals.exclude(Exists(later_consent)).values("person_id")


@purge.rule("registrations after withdrawn consent", purge.DATA)
def registrations_after_withdrawal(now: datetime.datetime) -> int:
    """Every registration (completed or draft, with its facts, remarks and correction
    requests) of a person whose withdrawal has stood for longer than the grace period. The
    withdrawal itself stays: it is the record of why the registrations are gone."""
    due = withdrawn_people(since_before=now - grace_period())
    _total, deleted = Registration.objects.filter(person_id__in=due).delete()
    return deleted.get(Registration._meta.label, 0)
