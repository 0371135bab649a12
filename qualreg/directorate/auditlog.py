"""Reading the audit log: the rows a filter selects, and each row as the viewer and its CSV
export show it. Residents appear only by their pseudonym; the detail holds no personal data
by the audit log's own rule (privacy/audit.py)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from qualreg.advisers.models import Organisation
from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent

COLUMNS = ("time", "action", "actor", "by_resident", "organisation", "resident", "registration",
           "reason", "detail")  # fmt: skip


def selected(filters: dict[str, Any]) -> QuerySet[AuditEvent]:
    """The rows matching the cleaned filters of an AuditFilterForm, newest first."""
    rows = AuditEvent.objects.select_related("actor").order_by("-at", "-id")
    if filters.get("duf_number"):
        rows = rows.filter(subject=audit.pseudonym(filters["duf_number"]))
    if filters.get("actor"):
        rows = rows.filter(actor__username__iexact=filters["actor"])
    if filters.get("organisation"):
        rows = rows.filter(detail__organisation=filters["organisation"].pk)
    if filters.get("action"):
        rows = rows.filter(action=filters["action"])
    if filters.get("since"):
        rows = rows.filter(at__gte=_start_of(filters["since"]))
    if filters.get("until"):
        rows = rows.filter(at__lt=_start_of(filters["until"] + datetime.timedelta(days=1)))
    return rows


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def described(events: Iterable[AuditEvent]) -> Iterator[dict[str, Any]]:
    """Each event as a row of COLUMNS, organisations by name."""
    events = list(events)
    ids = {e.detail.get("organisation") for e in events if isinstance(e.detail, dict)}
    names = dict(Organisation.objects.filter(pk__in=ids - {None}).values_list("pk", "name"))
    for event in events:
        detail = event.detail if isinstance(event.detail, dict) else {}
        yield {
            "time": timezone.localtime(event.at),
            "action": event.action,
            "actor": event.actor.get_username() if event.actor else "",
            "by_resident": event.by_resident,
            "organisation": names.get(detail.get("organisation") or 0, ""),
            "resident": event.subject,
            "registration": event.registration_id or "",
            "reason": event.reason,
            "detail": " ".join(f"{key}={value}" for key, value in sorted(detail.items())),
        }


def filters_in_detail(filters: dict[str, Any]) -> dict[str, Any]:
    """What a reading of the log was filtered by, for its own audit row: never the number
    (the row names the resident by `subject`), and no key that a filter reads."""
    kept = {
        "actor_filter": filters.get("actor") or None,
        "organisation_filter": filters["organisation"].pk if filters.get("organisation") else None,
        "action_filter": filters.get("action") or None,
        "since": filters["since"].isoformat() if filters.get("since") else None,
        "until": filters["until"].isoformat() if filters.get("until") else None,
    }
    return {key: value for key, value in kept.items() if value is not None}


def csv_cell(value: Any) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula."""
    text = value.isoformat() if isinstance(value, datetime.datetime) else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
