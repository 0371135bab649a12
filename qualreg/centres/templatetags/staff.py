"""Template helpers for the staff portal: dates in the page's language, status labels."""

from __future__ import annotations

import datetime

from django import template
from django.utils import translation

from qualreg.centres.forms import language_choices
from qualreg.centres.slips import format_expiry
from qualreg.centres.status import status_label

register = template.Library()


@register.filter
def local_datetime(moment: datetime.datetime | None) -> str:
    """A moment as people of the page's language write it, in Norwegian time."""
    if moment is None:
        return ""
    return format_expiry(moment, translation.get_language() or "nb")


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
