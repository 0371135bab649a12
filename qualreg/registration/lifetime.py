"""The data's lifetime: the `manage.py purge` rules for registrations, residents and their
login codes (privacy/purge.py runs them; each limit is a setting, see docs/privacy.md)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from qualreg.people.models import LoginCode, Person
from qualreg.privacy import purge
from qualreg.registration.models import ConsentRecord, Registration


def _days_before(now: datetime.datetime, days: int) -> datetime.datetime:
    return now - datetime.timedelta(days=days)


@purge.rule("untouched drafts", purge.DATA)
def untouched_drafts(now: datetime.datetime) -> int:
    """Drafts nobody has saved to for DRAFT_RETENTION_DAYS (their consent goes with them)."""
    cutoff = _days_before(now, settings.DRAFT_RETENTION_DAYS)
    drafts = Registration.objects.filter(status=Registration.Status.DRAFT, updated_at__lt=cutoff)
    return drafts.delete()[1].get(Registration._meta.label, 0)


@purge.rule("completed registrations", purge.DATA)
def old_registrations(now: datetime.datetime) -> int:
    """Completed registrations REGISTRATION_RETENTION_DAYS after completion, with their facts
    and the remarks written on them."""
    cutoff = _days_before(now, settings.REGISTRATION_RETENTION_DAYS)
    old = Registration.objects.filter(status=Registration.Status.COMPLETED, completed_at__lt=cutoff)
    return old.delete()[1].get(Registration._meta.label, 0)


@purge.rule("inactive residents", purge.PEOPLE)
def inactive_residents(now: datetime.datetime) -> int:
    """Residents added more than INACTIVE_RESIDENT_DAYS ago who have no registration left and
    have had neither a consent decision nor a login code since then. Everything that names
    them goes; the audit log keeps its rows under their pseudonym, as for a deletion."""
    cutoff = _days_before(now, settings.INACTIVE_RESIDENT_DAYS)
    person = OuterRef("pk")
    inactive = Person.objects.filter(added_at__lt=cutoff).exclude(
        Exists(Registration.objects.filter(person=person))
        | Exists(ConsentRecord.objects.filter(person=person, at__gte=cutoff))
        | Exists(LoginCode.objects.filter(person=person, issued_at__gte=cutoff))
    )
    return inactive.delete()[1].get(Person._meta.label, 0)


@purge.rule("login codes", purge.TRACES)
def spent_login_codes(now: datetime.datetime) -> int:
    """Codes used, replaced or expired LOGIN_CODE_RETENTION_DAYS ago: they open nothing."""
    cutoff = _days_before(now, settings.LOGIN_CODE_RETENTION_DAYS)
    spent = LoginCode.objects.filter(
        Q(used_at__lt=cutoff) | Q(revoked_at__lt=cutoff) | Q(expires_at__lt=cutoff)
    )
    return spent.delete()[1].get(LoginCode._meta.label, 0)
