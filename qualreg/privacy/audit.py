"""The one way to write to the audit log, with its fixed vocabulary of actions."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models

from qualreg.privacy.models import AuditEvent


class Action(models.TextChoices):
    """Every action the audit log knows. A reader can count and filter on these; a new kind
    of event is added here, never made up at the call."""

    # Residents, on their own data.
    LOGIN_CODE_USED = "login_code.used"
    LOGIN_FAILED = "login.failed"
    REGISTRATION_STARTED = "registration.started"
    CONSENT_GIVEN = "consent.given"
    CONSENT_REFUSED = "consent.refused"
    REGISTRATION_COMPLETED = "registration.completed"
    REGISTRATION_VIEWED_BY_RESIDENT = "registration.viewed_by_resident"
    REGISTRATION_EXPORTED_BY_RESIDENT = "registration.exported_by_resident"  # format in detail
    CONSENT_WITHDRAWN = "consent.withdrawn"
    CORRECTION_REQUESTED = "correction.requested"
    # Centre staff.
    STAFF_SIGNED_IN = "staff.signed_in"
    STAFF_SIGN_IN_FAILED = "staff.sign_in_failed"
    STAFF_SECOND_FACTOR_PASSED = "staff.second_factor_passed"
    STAFF_SECOND_FACTOR_FAILED = "staff.second_factor_failed"
    STAFF_SIGNED_OUT = "staff.signed_out"
    RESIDENTS_LISTED = "residents.listed"
    RESIDENT_VIEWED = "resident.viewed"
    RESIDENT_ADDED = "resident.added"
    RESIDENT_ADD_REFUSED = "resident.add_refused"
    RESIDENTS_IMPORTED = "residents.imported"
    LOGIN_CODE_ISSUED = "login_code.issued"
    LOGIN_CODE_BULK_ISSUED = "login_code.bulk_issued"
    LOGIN_CODE_SLIPS_SHOWN = "login_code.slips_shown"
    LOGIN_LOCKOUT_LIFTED = "login.lockout_lifted"
    # Administrators (Django's admin).
    ADMIN_SIGN_IN_FAILED = "admin.sign_in_failed"
    ADMIN_SECOND_FACTOR_PASSED = "admin.second_factor_passed"
    ADMIN_SECOND_FACTOR_FAILED = "admin.second_factor_failed"
    ADMIN_PASSWORD_CHANGE_FAILED = "admin.password_change_failed"  # noqa: S105 (an action)
    # Advisers (the organisation is in the detail of every row).
    ADVISER_SIGNED_IN = "adviser.signed_in"
    ADVISER_SIGN_IN_FAILED = "adviser.sign_in_failed"
    ADVISER_SECOND_FACTOR_PASSED = "adviser.second_factor_passed"
    ADVISER_SECOND_FACTOR_FAILED = "adviser.second_factor_failed"
    ADVISER_SIGNED_OUT = "adviser.signed_out"
    ADVISER_LISTED = "adviser.listed"
    ADVISER_LOOKED_UP = "adviser.looked_up"
    ADVISER_READ_REGISTRATION = "adviser.read_registration"
    ADVISER_REMARK_ADDED = "adviser.remark_added"
    # A lead adviser on the advisers of their organisation (the account is in the detail).
    ADVISER_ADDED = "adviser.added"
    ADVISER_DEACTIVATED = "adviser.deactivated"
    ADVISER_REACTIVATED = "adviser.reactivated"
    ADVISER_SETUP_LINK_SENT = "adviser.setup_link_sent"
    ADVISER_ACCOUNT_SET_UP = "adviser.account_set_up"
    # One row per resident in the file, with its format (pdf, xlsx, json, jsonl) in the detail.
    ADVISER_EXPORTED = "adviser.exported"
    # Administrators.
    ASSIGNMENTS_UPLOADED = "assignments.uploaded"
    # Statistics (administrators and the statistics role; the filter is in the detail).
    STATISTICS_SIGNED_IN = "statistics.signed_in"
    STATISTICS_SIGN_IN_FAILED = "statistics.sign_in_failed"
    STATISTICS_SECOND_FACTOR_PASSED = "statistics.second_factor_passed"
    STATISTICS_SECOND_FACTOR_FAILED = "statistics.second_factor_failed"
    STATISTICS_SIGNED_OUT = "statistics.signed_out"
    STATISTICS_VIEWED = "statistics.viewed"
    STATISTICS_DOWNLOADED = "statistics.downloaded"
    # Anyone: a page or a person that the rules kept from them.
    ACCESS_REFUSED = "access.refused"
    # Administrators, on a person's rights, and reading the audit log.
    PERSON_LOOKED_UP = "person.looked_up"
    PERSON_DELETED = "person.deleted"
    CORRECTIONS_LISTED = "correction.listed"
    CORRECTION_OPENED = "correction.opened"  # the administrator read the registration
    REGISTRATION_CORRECTED = "registration.corrected"
    CORRECTION_REFUSED = "correction.refused"
    AUDIT_LOG_VIEWED = "audit.viewed"
    AUDIT_LOG_EXPORTED = "audit.exported"
    # Administrators, through Django's admin (the model and the fields are in the detail).
    ADMIN_ADDED = "admin.added"
    ADMIN_CHANGED = "admin.changed"
    ADMIN_DELETED = "admin.deleted"
    ADMIN_ACTION_RUN = "admin.action_run"
    # The service itself.
    PURGED = "privacy.purged"


def _checked(action: Action | str, actor: Any) -> Any:
    """The actor to record (None for an anonymous one); refuses an action not in Action."""
    if action not in Action.values:
        raise ValueError(f"unknown audit action {action!r}: add it to privacy.audit.Action")
    if actor is not None and not getattr(actor, "is_authenticated", False):
        return None
    return actor


def record(
    action: Action | str,
    *,
    actor: Any = None,
    person: Any = None,
    registration: Any = None,
    by_resident: bool = False,
    reason: str = "",
    subject: str = "",
    **detail: Any,
) -> AuditEvent:
    """Record that `actor` (a staff user, or the resident when `by_resident`) did `action`.

    A row about a `person` names them also by `subject`, the pseudonym of their DUF number,
    which stays when the person is deleted (the link to the person is then cleared); give
    `subject` alone for a person who is no longer there. `detail` holds non-personal facts
    only (counts, codes of outcomes, `pseudonym`s); never a DUF number, a login code, an
    answer or a name.
    """
    actor = _checked(action, actor)
    return AuditEvent.objects.create(
        action=str(action),
        actor=actor,
        person=person,
        registration=registration,
        by_resident=by_resident,
        reason=reason[:500],
        subject=pseudonym(person.duf_number) if person is not None else subject,
        detail=detail,
    )


def record_each(
    action: Action | str,
    about: Iterable[tuple[Any, Any]],
    *,
    actor: Any = None,
    reason: str = "",
    **detail: Any,
) -> int:
    """Record the same action once per (person, registration) in `about`, as `record` would,
    in a few writes rather than one per row: a list export of thousands of residents names
    every one of them. Returns the number of rows."""
    actor = _checked(action, actor)
    rows = [
        AuditEvent(
            action=str(action),
            actor=actor,
            person=person,
            registration=registration,
            reason=reason[:500],
            subject=pseudonym(person.duf_number) if person is not None else "",
            detail=detail,
        )
        for person, registration in about
    ]
    AuditEvent.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def pseudonym(duf_number: str) -> str:
    """A keyed hash of a DUF number, for events about a number that is not the reader's.

    The same number always gives the same pseudonym, so an administrator who holds a number
    can find the events about it; the log alone reveals neither the number nor whether
    anyone has it.
    """
    key = settings.LOGIN_CODE_HASH_KEY.encode()
    return hmac.new(key, f"audit-duf:{duf_number}".encode(), hashlib.sha256).hexdigest()[:32]
