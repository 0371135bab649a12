"""Template helpers for the staff portal: dates in the page's language, status labels."""

from __future__ import annotations

from django import template

from qualreg.centres.forms import language_choices
from qualreg.registration.status import status_label

register = template.Library()


@register.filter
def status_name(value: str) -> str:
    return status_label(value)


@register.simple_tag
def language_names() -> dict[str, str]:
    """Language code → its name in the page's language and in itself, for lists."""
    return dict(language_choices())


@register.filter
def get_item(mapping: dict[str, str], key: str) -> str:
    return mapping.get(key, key)
