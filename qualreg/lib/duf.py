"""DUF numbers: the 12-digit case numbers of the Norwegian immigration authorities.

The first four digits are the year of the first application. People write them with or
without spaces (`2012 586975 61`); we store the 12 digits and show them grouped.
"""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

_SEPARATORS = re.compile(r"[\s\-.\u00a0\u202f]+")
_DIGITS = re.compile(r"^[0-9]{12}$")
FIRST_YEAR = 1980


class InvalidDufNumber(ValueError):
    """Not a DUF number: the message is a stable reason code, not text for people."""


def normalise_duf(raw: str, *, today: datetime.date | None = None) -> str:
    """The 12 digits of a DUF number typed in any usual way, or InvalidDufNumber."""
    if not isinstance(raw, str) or len(raw) > 40:
        raise InvalidDufNumber("format")
    # Digits typed on an Arabic or Persian keyboard are digits too.
    digits = _SEPARATORS.sub("", raw.strip()).translate(_EASTERN_DIGITS)
    if not _DIGITS.match(digits):
        raise InvalidDufNumber("format")
    year = int(digits[:4])
    # The year in Norway, where the number was given, not on the server's (UTC) clock.
    this_year = (today or timezone.localdate()).year
    if not FIRST_YEAR <= year <= this_year:
        raise InvalidDufNumber("year")
    return digits


def format_duf(digits: str) -> str:
    """`201258697561` → `2012 586975 61`, the grouping printed on DUF documents."""
    return f"{digits[:4]} {digits[4:10]} {digits[10:]}"


_EASTERN_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    "01234567890123456789",
)
