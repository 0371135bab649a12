"""Every change made through Django's admin is recorded in the audit log as well.

The admin site mixes `AuditedModelAdmin` into every ModelAdmin registered on it, so that the
one place where Django logs an addition, a change or a deletion (its `log_*` methods) also
writes one audit row per object: who, which model and object, which fields. An action run on
selected rows (such as ending assignments), which Django does not log, writes one row too.
Nothing the admin's own log would copy of a resident is kept: a resident's entry is named by
id, never by their DUF number (which is what a Person prints as).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.admin.models import LogEntry
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from qualreg.privacy import audit

PERSON_MODEL = "people.Person"


class AuditedModelAdmin:
    """Mixed in before a ModelAdmin class (see QualregAdminSite.register)."""

    def log_addition(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        entry = super().log_addition(request, obj, message)  # type: ignore[misc]
        _record(audit.Action.ADMIN_ADDED, request, [obj], [entry], message)
        return entry

    def log_change(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        entry = super().log_change(request, obj, message)  # type: ignore[misc]
        _record(audit.Action.ADMIN_CHANGED, request, [obj], [entry], message)
        return entry

    def log_deletions(self, request: HttpRequest, queryset: Iterable[Model]) -> Any:
        objects = list(queryset)
        entries = super().log_deletions(request, objects)  # type: ignore[misc]
        _record(audit.Action.ADMIN_DELETED, request, objects, entries, "")
        return entries

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)  # type: ignore[misc]
        return {
            key: (func if key == "delete_selected" else _audited(func, key), name, label)
            for key, (func, name, label) in actions.items()
        }


def _audited(action: Callable[..., Any], name: str) -> Callable[..., Any]:
    """`action`, recording that it ran, on which model and on how many selected rows (the
    deletion action is recorded per object by `log_deletions`)."""

    def run(modeladmin: Any, request: HttpRequest, queryset: QuerySet[Any]) -> Any:
        selected = queryset.count()
        response = action(modeladmin, request, queryset)
        audit.record(
            audit.Action.ADMIN_ACTION_RUN,
            actor=request.user,
            model=queryset.model._meta.label_lower,
            admin_action=name,
            selected=selected,
        )
        return response

    return run


def _record(
    action: audit.Action,
    request: HttpRequest,
    objects: list[Model],
    entries: Any,
    message: Any,
) -> None:
    changed: dict[str, Any] = {"fields": fields} if (fields := _changed_fields(message)) else {}
    for obj in objects:
        is_person = obj._meta.label == PERSON_MODEL
        audit.record(
            action,
            actor=request.user,
            person=obj if is_person and action != audit.Action.ADMIN_DELETED else None,
            subject=audit.pseudonym(obj.duf_number) if is_person else "",  # type: ignore[attr-defined]
            model=obj._meta.label_lower,
            object_id=str(obj.pk),
            **changed,
        )
    # Django's own log names an object by what it prints as: for a resident, the DUF number.
    people = {str(obj.pk) for obj in objects if obj._meta.label == PERSON_MODEL}
    for entry in entries if isinstance(entries, list) else [entries]:
        if isinstance(entry, LogEntry) and str(entry.object_id) in people:
            LogEntry.objects.filter(pk=entry.pk).update(object_repr=f"#{entry.object_id}")


def _changed_fields(message: Any) -> list[str]:
    """The names of the changed fields in Django's change message (a list, or its JSON)."""
    if isinstance(message, str):
        try:
            message = json.loads(message) if message else []
        except ValueError:
            return []
    names: list[str] = []
    for part in message if isinstance(message, list) else []:
        changed = part.get("changed", {}) if isinstance(part, dict) else {}
        names.extend(str(name) for name in changed.get("fields", []) if "object" not in changed)
    return names
