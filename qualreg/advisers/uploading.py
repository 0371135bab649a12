"""Assigning many residents at once from a CSV file (DUF number, organisation, start date).

Every line is checked first and reported: what it would change, or why it is refused. The
file is written only when every line is valid, in one transaction; a dry run writes nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from qualreg.advisers.models import Assignment, Organisation
from qualreg.lib.duf import InvalidDufNumber, format_duf, normalise_duf
from qualreg.people.models import Person
from qualreg.privacy import audit

MAX_LINES = 5000
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


@dataclass
class Line:
    number: int
    duf_display: str = ""
    organisation: str = ""
    start_date: datetime.date | None = None
    change: str = ""  # what the line would do, when valid
    refusal: str = ""  # why it is refused, otherwise
    person_id: int | None = None
    organisation_id: int | None = None

    @property
    def writes(self) -> bool:
        return not self.refusal and self.person_id is not None and self.change == "assign"


def _rows(text: str) -> list[tuple[int, list[str]]]:
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        delimiter = ";" if ";" in raw else "\t" if "\t" in raw else ","
        cells = next(csv.reader(io.StringIO(raw), delimiter=delimiter), [])
        rows.append((number, [cell.strip() for cell in cells]))
    # A first line without a digit in its first cell is a spreadsheet's header row.
    if rows and rows[0][1] and not any(char.isdigit() for char in rows[0][1][0]):
        rows = rows[1:]
    return rows


def _date(typed: str) -> datetime.date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(typed, pattern).date()
        except ValueError:
            continue
    return None


def _organisations() -> dict[str, Organisation]:
    """Organisations by exact name (case-folded) and by municipality number."""
    found: dict[str, Organisation] = {}
    for organisation in Organisation.objects.all():
        found[organisation.name.casefold()] = organisation
        if organisation.municipality_number:
            found.setdefault(organisation.municipality_number, organisation)
    return found


def check(text: str) -> list[Line]:
    """The report of every line, without writing anything."""
    rows = _rows(text)
    organisations = _organisations()
    seen: dict[tuple[str, int], int] = {}
    report = []
    for number, cells in rows[:MAX_LINES]:
        line = Line(number=number)
        report.append(line)
        if len(cells) != 3:
            line.refusal = _("Write three values: DUF number, organisation, start date.")
            continue
        typed_duf, typed_organisation, typed_date = cells
        try:
            digits = normalise_duf(typed_duf)
        except InvalidDufNumber:
            line.refusal = _("Enter a DUF number of 12 digits, for example 2012 586975 61.")
            continue
        line.duf_display = format_duf(digits)
        organisation = organisations.get(typed_organisation.casefold())
        if organisation is None:
            line.organisation = typed_organisation[:100]
            line.refusal = _("No organisation has this name or municipality number.")
            continue
        line.organisation, line.organisation_id = organisation.name, organisation.pk
        line.start_date = _date(typed_date)
        if line.start_date is None:
            line.refusal = _("Write the start date as 2026-08-15 or 15.08.2026.")
            continue
        person_id = Person.objects.filter(duf_number=digits).values_list("pk", flat=True).first()
        if person_id is None:
            line.refusal = _("No resident has this DUF number.")
            continue
        line.person_id = person_id
        if (digits, organisation.pk) in seen:
            line.refusal = _("The same resident and organisation as line %(line)d.") % {
                "line": seen[(digits, organisation.pk)]
            }
            continue
        seen[(digits, organisation.pk)] = number
        _compare_with_existing(line)
    if len(rows) > MAX_LINES:
        report.append(
            Line(
                number=rows[MAX_LINES][0],
                refusal=_("At most %(max)d lines in one file.") % {"max": MAX_LINES},
            )
        )
    return report


def _compare_with_existing(line: Line) -> None:
    assert line.person_id and line.organisation_id and line.start_date
    same = Assignment.objects.filter(person_id=line.person_id, organisation_id=line.organisation_id)
    if same.filter(start_date=line.start_date, end_date__isnull=True).exists():
        line.change = "unchanged"
    elif same.filter(Q(end_date__isnull=True) | Q(end_date__gt=line.start_date)).exists():
        line.refusal = _("Already assigned to this organisation at that date.")
    else:
        line.change = "assign"


def _assign(line: Line, by: Any) -> Assignment:
    assert line.person_id and line.organisation_id and line.start_date
    return Assignment.objects.create(
        person_id=line.person_id,
        organisation_id=line.organisation_id,
        start_date=line.start_date,
        assigned_by=by,
        reason="CSV upload",  # data, not a page's text: not translated
    )


def upload(text: str, *, by: Any, write: bool) -> tuple[list[Line], int]:
    """The report of every line and, when `write` and every line is valid, the number of
    assignments made. The check is repeated inside the writing transaction, so that nothing
    assigned meanwhile is overlapped."""
    if not write:
        return check(text), 0
    with transaction.atomic():
        report = check(text)
        if not report or any(line.refusal for line in report):
            return report, 0
        created = [_assign(line, by) for line in report if line.writes]
        audit.record(audit.Action.ASSIGNMENTS_UPLOADED, actor=by, count=len(created))
    return report, len(created)
