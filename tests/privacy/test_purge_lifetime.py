"""The data's lifetime: each purge rule, at a frozen clock, removes exactly what is due and
nothing else, and running it again removes nothing more."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import QuerySet
from django.utils import timezone

from qualreg.people.models import LoginCode, Person
from qualreg.privacy import audit, purge
from qualreg.privacy.models import AuditEvent
from qualreg.registration import lifetime
from qualreg.registration.models import AnswerFact, ConsentRecord, Registration
from tests.advisers.conftest import complete_registration

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2031, 6, 1, 12, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


def _set(queryset: QuerySet, **values) -> None:
    """Move timestamps that Django sets itself (the plain update: a completed registration's
    own queryset refuses every change)."""
    QuerySet.update(queryset, **values)


def _person(duf: str, centre, *, added_days_ago: int) -> Person:
    person = Person.objects.create(duf_number=duf, centre=centre)
    _set(Person.objects.filter(pk=person.pk), added_at=NOW - added_days_ago * DAY)
    return person


def _draft(person: Person, *, untouched_days: int) -> Registration:
    draft = complete_registration(person, status="draft")
    _set(Registration.objects.filter(pk=draft.pk), updated_at=NOW - untouched_days * DAY)
    return draft


def _completed(person: Person, *, days_ago: int) -> Registration:
    return complete_registration(person, completed_at=NOW - days_ago * DAY)


def test_drafts_untouched_for_180_days_go_and_nothing_else(settings, centre):
    settings.DRAFT_RETENTION_DAYS = 180
    people = [_person(f"20120000000{n}", centre, added_days_ago=300) for n in range(4)]
    stale = _draft(people[0], untouched_days=181)
    ConsentRecord.objects.create(
        person=people[0],
        registration=stale,
        text_version="2026-1",
        language="en",
        decision="consented",
    )
    fresh = _draft(people[1], untouched_days=179)
    old_completed = _completed(people[2], days_ago=400)
    _set(Registration.objects.filter(pk=old_completed.pk), updated_at=NOW - 400 * DAY)

    assert lifetime.untouched_drafts(NOW) == 1
    assert set(Registration.objects.values_list("pk", flat=True)) == {fresh.pk, old_completed.pk}
    assert not ConsentRecord.objects.filter(registration_id=stale.pk).exists()
    assert Person.objects.count() == 4  # the person stays: they may come back
    assert lifetime.untouched_drafts(NOW) == 0


def test_completed_registrations_go_five_years_after_completion(settings, centre):
    settings.REGISTRATION_RETENTION_DAYS = 1826
    person = _person("201200000001", centre, added_days_ago=3000)
    old = _completed(person, days_ago=1827)
    kept = _completed(person, days_ago=1825)
    draft = _draft(person, untouched_days=1)
    assert AnswerFact.objects.filter(registration=old).exists()

    assert lifetime.old_registrations(NOW) == 1
    assert set(Registration.objects.values_list("pk", flat=True)) == {kept.pk, draft.pk}
    assert not AnswerFact.objects.filter(registration_id=old.pk).exists()
    assert AnswerFact.objects.filter(registration=kept).exists()
    assert lifetime.old_registrations(NOW) == 0


def test_residents_without_registration_go_two_years_after_being_added(settings, centre, staff):
    settings.INACTIVE_RESIDENT_DAYS = 730
    gone = _person("201200000001", centre, added_days_ago=731)
    audit.record(audit.Action.RESIDENT_ADDED, actor=staff, person=gone)
    with_registration = _person("201200000002", centre, added_days_ago=731)
    _completed(with_registration, days_ago=700)
    with_draft = _person("201200000003", centre, added_days_ago=2000)
    _draft(with_draft, untouched_days=100)
    added_lately = _person("201200000004", centre, added_days_ago=729)
    refused_lately = _person("201200000005", centre, added_days_ago=900)
    refusal = ConsentRecord.objects.create(
        person=refused_lately, text_version="2026-1", language="en", decision="refused"
    )
    _set(ConsentRecord.objects.filter(pk=refusal.pk), at=NOW - 10 * DAY)
    refused_long_ago = _person("201200000006", centre, added_days_ago=900)
    old_refusal = ConsentRecord.objects.create(
        person=refused_long_ago, text_version="2026-1", language="en", decision="refused"
    )
    _set(ConsentRecord.objects.filter(pk=old_refusal.pk), at=NOW - 800 * DAY)
    code_lately = _person("201200000007", centre, added_days_ago=900)
    code = LoginCode.objects.create(
        person=code_lately, code_hash="x" * 64, expires_at=NOW + 4 * DAY
    )
    _set(LoginCode.objects.filter(pk=code.pk), issued_at=NOW - 10 * DAY)

    assert lifetime.inactive_residents(NOW) == 2
    left = set(Person.objects.values_list("duf_number", flat=True))
    assert left == {
        p.duf_number
        for p in (with_registration, with_draft, added_lately, refused_lately, code_lately)
    }
    assert not ConsentRecord.objects.filter(pk=old_refusal.pk).exists()
    # The audit log keeps the rows about the person, under their pseudonym only.
    row = AuditEvent.objects.get(action=audit.Action.RESIDENT_ADDED)
    assert row.person is None and row.subject == audit.pseudonym(gone.duf_number)
    assert lifetime.inactive_residents(NOW) == 0


def test_login_codes_go_a_week_after_they_stopped_working(settings, resident):
    settings.LOGIN_CODE_RETENTION_DAYS = 7

    def code(name: str, **times) -> LoginCode:
        row = LoginCode.objects.create(
            person=resident, code_hash=name.ljust(64, "0"), expires_at=NOW + DAY
        )
        _set(LoginCode.objects.filter(pk=row.pk), **times)
        return row

    usable = code("usable")
    code("used-8-days", used_at=NOW - 8 * DAY)
    used_lately = code("used-6-days", used_at=NOW - 6 * DAY)
    code("revoked-8-days", revoked_at=NOW - 8 * DAY)
    code("expired-8-days", expires_at=NOW - 8 * DAY)
    expired_lately = code("expired-6-days", expires_at=NOW - 6 * DAY)

    assert lifetime.spent_login_codes(NOW) == 3
    left = set(LoginCode.objects.values_list("pk", flat=True))
    assert left == {usable.pk, used_lately.pk, expired_lately.pk}
    assert lifetime.spent_login_codes(NOW) == 0


def _event(action: str, days_ago: int, **kwargs) -> AuditEvent:
    event = audit.record(action, **kwargs)
    _set(AuditEvent.objects.filter(pk=event.pk), at=NOW - days_ago * DAY)
    return event


def test_audit_rows_go_after_the_retention_but_never_before_their_registration(
    settings, resident, staff
):
    settings.AUDIT_RETENTION_DAYS = 2192
    kept_registration = _completed(resident, days_ago=10)
    old = _event(audit.Action.LOGIN_CODE_ISSUED, 2193, actor=staff, person=resident)
    old_purge = _event(audit.Action.PURGED, 2193)
    about_a_kept_registration = _event(
        audit.Action.REGISTRATION_COMPLETED, 2193, person=resident, registration=kept_registration
    )
    recent = _event(audit.Action.LOGIN_CODE_ISSUED, 2191, actor=staff, person=resident)

    assert purge.old_audit_rows(NOW) == 2
    left = set(AuditEvent.objects.values_list("pk", flat=True))
    assert left == {about_a_kept_registration.pk, recent.pk}
    assert not {old.pk, old_purge.pk} & left
    assert purge.old_audit_rows(NOW) == 0


def test_the_admins_own_log_goes_with_the_audit_retention(settings, staff):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    settings.AUDIT_RETENTION_DAYS = 2192
    kind = ContentType.objects.get_for_model(type(staff))

    def entry(days_ago: int) -> LogEntry:
        return LogEntry.objects.create(
            user=staff, content_type=kind, object_id=str(staff.pk), object_repr="kari",
            action_flag=CHANGE, action_time=NOW - days_ago * DAY,
        )  # fmt: skip

    entry(2193)
    kept = entry(2191)
    assert purge.old_admin_log_rows(NOW) == 1
    assert list(LogEntry.objects.values_list("pk", flat=True)) == [kept.pk]
    assert purge.old_admin_log_rows(NOW) == 0


def test_a_run_with_the_clock_moved_forward_removes_what_is_due_and_nothing_more(
    monkeypatch, centre
):
    forgotten = _person("201200000001", centre, added_days_ago=800)
    abandoned = _person("201200000002", centre, added_days_ago=800)
    _draft(abandoned, untouched_days=200)
    settled = _person("201200000003", centre, added_days_ago=800)
    kept = _completed(settled, days_ago=100)
    monkeypatch.setattr(timezone, "now", lambda: NOW)

    first, second = io.StringIO(), io.StringIO()
    call_command("purge", stdout=first)
    call_command("purge", stdout=second)

    counts = dict(line.split(": ") for line in first.getvalue().splitlines())
    assert counts["untouched drafts"] == "1"
    assert counts["inactive residents"] == "2"  # the abandoned draft's owner too, in one run
    assert counts["completed registrations"] == "0"
    assert list(counts)[:4] == [
        "untouched drafts",
        "completed registrations",
        "registrations after withdrawn consent",
        "inactive residents",
    ]
    assert {
        int(n) for n in dict(line.split(": ") for line in second.getvalue().splitlines()).values()
    } == {0}
    assert list(Person.objects.all()) == [settled]
    assert list(Registration.objects.all()) == [kept]
    assert forgotten.duf_number not in first.getvalue()
    runs = AuditEvent.objects.filter(action=audit.Action.PURGED)
    assert runs.count() == 2
    assert runs.order_by("id").first().detail["inactive_residents"] == 2
