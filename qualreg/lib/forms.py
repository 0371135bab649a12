"""Helpers shared by every form page: one error summary, one way to render a field."""

from __future__ import annotations

from django import forms


def error_summary(form: forms.Form) -> list[tuple[str, str]]:
    """(id of the field to focus, message) for each error, in the order of the fields."""
    rows: list[tuple[str, str]] = []
    for message in form.non_field_errors():
        first = next(iter(form.fields), None)
        rows.append((form[first].id_for_label if first else "main", str(message)))
    for name in form.fields:
        for message in form.errors.get(name, []):
            rows.append((form[name].id_for_label, str(message)))
    return rows
