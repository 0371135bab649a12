"""A completed registration as the spreadsheet and JSON exports read it.

The portal that checked access fills one in per registration; the exports never query the
database themselves, so that what they hold is exactly what the caller allowed (and audited).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExportedRegistration:
    id: int  # the registration's id: unique across residents, the key of every exported row
    number: int  # its sequence number for the resident: 1, 2, …
    duf_number: str
    language: str  # the language the resident filled it in
    definition_version: str
    completed_at: datetime.datetime
    answers: Any  # the answers document as stored


def filename(stem: str, number: int | None, day: datetime.date, extension: str) -> str:
    """`registration-3-2026-12-05.xlsx`, `registrations-2026-12-05.jsonl`: never a DUF
    number, since downloads end up in folders and e-mails."""
    middle = f"-{number}" if number is not None else ""
    return f"{stem}{middle}-{day.isoformat()}.{extension}"
