"""Adding many residents at once from pasted lines or a CSV file, with a report per line."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from qualreg.accounts.models import User
from qualreg.centres.adding import add_resident
from qualreg.centres.forms import duf_problem
from qualreg.lib import languages
from qualreg.lib.duf import format_duf, normalise_duf
from qualreg.people.models import Centre
from qualreg.privacy import audit


@dataclass
class Line:
    number: int
    typed: str
    accepted: bool = False
    reason: str = ""
    duf_display: str = ""
    language: str = ""


def _split(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for each non-empty line; commas, semicolons or tabs separate."""
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        dialect = ";" if ";" in raw else "\t" if "\t" in raw else ","
        cells = next(csv.reader(io.StringIO(raw), delimiter=dialect), [])
        rows.append((number, [cell.strip() for cell in cells]))
    return rows


def _language(typed: str, default: str) -> str | None:
    if not typed:
        return default
    wanted = typed.casefold()
    for language in languages.LANGUAGES:
        names = {language.code, language.autonym.casefold(), language.english_name.casefold()}
        if wanted in names:
            return language.code
    return None


def import_residents(text: str, *, centre: Centre, default_language: str, by: User) -> list[Line]:
    """Add each well-formed, new DUF number in `text` to `centre`; report every line."""
    report: list[Line] = []
    seen: dict[str, int] = {}
    rows = _split(text)
    # A first line without a single digit is a spreadsheet's header row ("DUF number;language").
    if rows and rows[0][1] and not any(char.isdigit() for char in rows[0][1][0]):
        rows = rows[1:]
    for number, cells in rows:
        typed = cells[0] if cells else ""
        line = Line(number=number, typed=typed[:40])
        report.append(line)
        problem = duf_problem(typed)
        if problem:
            line.reason = problem
            continue
        digits = normalise_duf(typed)
        line.duf_display = format_duf(digits)
        language = _language(cells[1] if len(cells) > 1 else "", default_language)
        if language is None:
            line.reason = _("Unknown language. Use a code such as ar, ti or uk.")
            continue
        line.language = language
        if digits in seen:
            line.reason = _("The same DUF number as line %(line)d.") % {"line": seen[digits]}
            continue
        seen[digits] = number
        added = add_resident(digits, centre_id=centre.pk, language=language, by=by, via="import")
        line.accepted = added.person is not None
        line.reason = added.refusal
    accepted = sum(1 for line in report if line.accepted)
    audit.record(
        audit.Action.RESIDENTS_IMPORTED, actor=by, accepted=accepted, refused=len(report) - accepted
    )
    return report
