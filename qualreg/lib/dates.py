"""Moments as people of each language write them, from CLDR (Babel knows all 18 of our
languages; Django's own date formats and month names cover only some of them)."""

from __future__ import annotations

import datetime

from babel.dates import format_date, format_time, get_datetime_format
from django.utils import timezone, translation

from qualreg.lib import languages


def format_moment(moment: datetime.datetime, language_code: str | None = None) -> str:
    """`12. desember 2026, 14:30` in Norwegian, `12 ديسمبر 2026، 2:30 م` in Arabic, … in
    Norwegian time, in the given language or the active one."""
    locale = languages.get(language_code or translation.get_language()).babel_locale
    local = timezone.localtime(moment)
    pattern = str(get_datetime_format("long", locale=locale)).replace("'", "")
    return pattern.replace("{0}", format_time(local, "short", locale=locale)).replace(
        "{1}", format_date(local, "long", locale=locale)
    )
