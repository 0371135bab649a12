"""The one way to write to the audit log."""

from __future__ import annotations

from typing import Any

from qualreg.privacy.models import AuditEvent


def record(
    action: str,
    *,
    actor: Any = None,
    person: Any = None,
    registration: Any = None,
    by_resident: bool = False,
    reason: str = "",
    **detail: Any,
) -> AuditEvent:
    """Record that `actor` (a staff user, or the resident when `by_resident`) did `action`.

    `detail` holds non-personal facts only (counts, codes of outcomes); never a DUF number,
    a login code, an answer or a name.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        person=person,
        registration=registration,
        by_resident=by_resident,
        reason=reason[:500],
        detail=detail,
    )
