"""Deleting what the service no longer needs, one rule per kind of row (`manage.py purge`).

Each rule is one function that takes the moment to count from and returns how many rows it
deleted; `run` applies every rule and audits the run once, with the counts. A rule never
deletes anything that the service would still read: running again deletes nothing more.
Rules run by stage (registrations before the people they leave without one, traces and the
audit log last), so that one run removes all that is due and the next removes nothing.

A later rule is one more function (an app above this one registers it from its
AppConfig.ready), for example::

    @purge.rule("untouched drafts")
    def untouched_drafts(now: datetime.datetime) -> int:
        ...
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session
from django.db.models import Q

from qualreg.lib import xlsx
from qualreg.lib.models import Throttle
from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent

Rule = Callable[[datetime.datetime], int]
RULES: dict[str, Rule] = {}
_STAGES: dict[str, int] = {}

# Stages, in the order they run.
DATA, PEOPLE, TRACES, AUDIT = range(4)

FAILED_LOGINS = (
    audit.Action.LOGIN_FAILED,
    audit.Action.STAFF_SIGN_IN_FAILED,
    audit.Action.ADMIN_SIGN_IN_FAILED,
    audit.Action.ADMIN_PASSWORD_CHANGE_FAILED,
)


def rule(kind: str, stage: int = DATA) -> Callable[[Rule], Rule]:
    """Register a rule under the name its count is printed and audited with."""

    def register(function: Rule) -> Rule:
        RULES[kind] = function
        _STAGES[kind] = stage
        return function

    return register


def run(now: datetime.datetime) -> dict[str, int]:
    """Apply every rule at `now`; one audit row says how many rows of each kind went."""
    in_order = sorted(RULES, key=lambda kind: _STAGES[kind])  # stable within a stage
    counts = {kind: RULES[kind](now) for kind in in_order}
    detail: dict[str, Any] = {kind.replace(" ", "_"): n for kind, n in counts.items()}
    audit.record(audit.Action.PURGED, **detail)
    return counts


@rule("throttle rows", TRACES)
def throttle_rows(now: datetime.datetime) -> int:
    """Counts of failed tries whose window has passed and whose lockout has ended.

    Such a row counts nothing any more: the next try starts a new window, as if it were
    missing (see throttle.reserve_attempt).
    """
    window_ended = now - datetime.timedelta(minutes=settings.LOGIN_CODE_LOCKOUT_MINUTES)
    expired = Throttle.objects.filter(window_started_at__lte=window_ended).filter(
        Q(locked_until__isnull=True) | Q(locked_until__lte=now)
    )
    return expired.delete()[0]


@rule("expired sessions", TRACES)
def expired_sessions(now: datetime.datetime) -> int:
    """Sessions past their expiry, which no request can load (Django's `clearsessions`)."""
    return Session.objects.filter(expire_date__lt=now).delete()[0]


@rule("spreadsheet scratch directories", TRACES)
def spreadsheet_scratch_directories(now: datetime.datetime) -> int:
    """Temporary directories of spreadsheet writers whose process was killed outright, which
    may hold sheets of an export (lib/xlsx.py). Their age is read on the machine's clock, not
    from `now`: see `xlsx.sweep_abandoned_directories`. Only this machine's temporary
    directory is swept: run purge on every machine that serves the app."""
    return xlsx.sweep_abandoned_directories()


@rule("failed logins", AUDIT)
def failed_logins(now: datetime.datetime) -> int:
    """Audit rows of failed logins older than FAILED_LOGIN_RETENTION_DAYS.

    Guessing adds one per try; kept long enough to investigate an attack, not for ever.
    """
    cutoff = now - datetime.timedelta(days=settings.FAILED_LOGIN_RETENTION_DAYS)
    return AuditEvent.objects.filter(action__in=FAILED_LOGINS, at__lt=cutoff).delete()[0]


@rule("audit rows", AUDIT)
def old_audit_rows(now: datetime.datetime) -> int:
    """Audit rows older than AUDIT_RETENTION_DAYS, except those about a registration that is
    still kept: a row lives at least as long as the registration it describes."""
    cutoff = now - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    expired = AuditEvent.objects.filter(at__lt=cutoff, registration__isnull=True)
    return expired.delete()[0]


@rule("admin log rows", AUDIT)
def old_admin_log_rows(now: datetime.datetime) -> int:
    """Django admin's own history of changes, kept as long as the audit log that records the
    same changes (accounts/admin_audit.py)."""
    cutoff = now - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    return LogEntry.objects.filter(action_time__lt=cutoff).delete()[0]
