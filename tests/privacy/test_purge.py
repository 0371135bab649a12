"""`manage.py purge` removes exactly what each rule says, at a moved clock, and nothing else."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from qualreg.lib.models import Throttle
from qualreg.privacy import audit, purge
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


def _throttle(name: str, *, started: datetime.datetime, locked_until=None) -> Throttle:
    return Throttle.objects.create(
        scope="duf", key=name, failures=3, window_started_at=started, locked_until=locked_until
    )


def test_throttle_rows_go_once_their_window_and_lockout_have_passed(settings):
    settings.LOGIN_CODE_LOCKOUT_MINUTES = 15
    _throttle("window-passed", started=NOW - 16 * MINUTE)
    _throttle("window-just-passed", started=NOW - 15 * MINUTE)
    _throttle("window-open", started=NOW - 14 * MINUTE)
    _throttle("still-locked", started=NOW - 30 * MINUTE, locked_until=NOW + MINUTE)
    _throttle("lock-ended", started=NOW - 30 * MINUTE, locked_until=NOW - MINUTE)
    assert purge.throttle_rows(NOW) == 3
    kept = set(Throttle.objects.values_list("key", flat=True))
    assert kept == {"window-open", "still-locked"}
    assert purge.throttle_rows(NOW) == 0
    assert purge.throttle_rows(NOW + 2 * MINUTE) == 2  # the clock moves on: both are spent


def _session(expires: datetime.datetime) -> str:
    store = SessionStore()
    store["mark"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=expires)
    return store.session_key


def test_expired_sessions_go_and_live_ones_stay():
    expired, live = _session(NOW - MINUTE), _session(NOW + MINUTE)
    assert purge.expired_sessions(NOW) == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert expired not in Session.objects.values_list("session_key", flat=True)
    assert purge.expired_sessions(NOW) == 0


def _event(action: str, age: datetime.timedelta, **kwargs) -> AuditEvent:
    event = audit.record(action, **kwargs)
    AuditEvent.objects.filter(pk=event.pk).update(at=NOW - age)
    return event


def test_failed_logins_go_after_the_retention_and_no_other_audit_row_does(settings, resident):
    settings.FAILED_LOGIN_RETENTION_DAYS = 90
    old_failure = _event("login.failed", 91 * DAY, person=resident, outcome="wrong")
    old_staff_failure = _event("staff.sign_in_failed", 91 * DAY, locked=False)
    recent = _event("login.failed", 89 * DAY, person=resident, outcome="wrong")
    old_others = [
        _event("login_code.used", 400 * DAY, person=resident, by_resident=True),
        _event("access.refused", 400 * DAY, view="centres:resident"),
        _event("resident.add_refused", 400 * DAY, outcome="elsewhere"),
    ]
    assert purge.failed_logins(NOW) == 2
    left = set(AuditEvent.objects.values_list("pk", flat=True))
    assert left == {recent.pk, *(event.pk for event in old_others)}
    assert not {old_failure.pk, old_staff_failure.pk} & left
    assert purge.failed_logins(NOW) == 0


def test_the_command_prints_counts_only_audits_once_and_is_idempotent(monkeypatch, resident):
    _throttle("spent", started=NOW - DAY)
    _session(NOW - MINUTE)
    _event("login.failed", 100 * DAY, person=resident, outcome="wrong")
    monkeypatch.setattr(timezone, "now", lambda: NOW)

    first, second = io.StringIO(), io.StringIO()
    call_command("purge", stdout=first)
    call_command("purge", stdout=second)
    printed = dict(line.split(": ") for line in first.getvalue().splitlines())
    assert {
        kind: printed[kind] for kind in ("throttle rows", "expired sessions", "failed logins")
    } == {
        "throttle rows": "1",
        "expired sessions": "1",
        "failed logins": "1",
    }
    assert set(printed) == set(purge.RULES)
    again = dict(line.split(": ") for line in second.getvalue().splitlines())
    assert set(again.values()) == {"0"}
    runs = AuditEvent.objects.filter(action="privacy.purged").order_by("id")
    assert [run.detail["failed_logins"] for run in runs] == [1, 0]
    assert [run.detail["throttle_rows"] for run in runs] == [1, 0]
    assert resident.duf_number not in first.getvalue()


def test_guessing_adds_one_throttle_row_per_key_and_no_session(resident):
    guesser = Client()
    for n in range(30):
        guesser.post("/en/login/", {"duf_number": resident.duf_number, "code": f"2222{n:04d}"})
    # This DUF number, this address, and that this number failed from this address (an
    # address counts the numbers that failed from it, not tries).
    assert Throttle.objects.count() == 3
    assert Session.objects.count() == 0
