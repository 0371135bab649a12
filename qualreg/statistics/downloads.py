"""Statistics as files: one table as CSV, every table as one XLSX workbook. Each file says
which filter it was made for, when, and how numbers were hidden; the cells are the
protected ones the page shows, so a file reveals nothing the page does not."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from qualreg.lib.dates import format_moment
from qualreg.lib.xlsx import scratch_directory
from qualreg.statistics.suppression import MIN_GROUP, SMALL, Shown
from qualreg.statistics.tables import Statistics, Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell_text(cell: Shown) -> str | int:
    if cell.value is not None:
        return cell.value
    if cell.mark == "small":
        return _("fewer than %(n)s") % {"n": SMALL}
    return _("hidden")


def about(statistics: Statistics) -> list[tuple[str, str]]:
    """The lines every file starts with: what it is, for which filter, when, and the rules."""
    described = statistics.filters.described()
    return [
        (_("Statistics of the qualification registration"), ""),
        (
            _("Filter"),
            "; ".join(f"{name}: {value}" for name, value in described) or _("No filter"),
        ),
        (_("Made"), format_moment(statistics.generated_at)),
        (_("Numbers as of"), format_moment(statistics.counted_at)),
        (_("Registrations counted"), str(statistics.groups.view_size)),
        (_("Hidden numbers"), suppression_note()),
    ]


def suppression_note() -> str:
    return _(
        "Numbers from 1 to %(small)s are shown as “fewer than %(n)s”. So that they cannot be "
        "worked out from other numbers, one more number is hidden in the same column or row, "
        "and a number hidden for one group is hidden for the groups beside it too. A filter "
        "that leaves fewer than %(min)s registrations shows nothing."
    ) % {"small": SMALL - 1, "n": SMALL, "min": MIN_GROUP}


def _rows(table: Table) -> list[list[str | int]]:
    header: list[str | int] = [_("Code"), table.title, *(label for _c, label in table.columns)]
    body: list[list[str | int]] = [
        [code, label, *(cell_text(cell) for cell in cells)] for code, label, cells in table.grid
    ]
    return [header, *body]


def table_csv(statistics: Statistics, table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for name, value in about(statistics):
        writer.writerow([name, value] if value else [name])
    if table.note:
        writer.writerow([_("Note"), table.note])
    writer.writerow([])
    writer.writerows(_rows(table))
    return out.getvalue()


def refused_csv(statistics: Statistics, message: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for name, value in about(statistics)[:3]:
        writer.writerow([name, value] if value else [name])
    writer.writerow([message])
    return out.getvalue()


def workbook(statistics: Statistics, refusal: str = "") -> bytes:
    """Every table in one workbook: a first sheet about the file, then a sheet per table."""
    with scratch_directory():
        return _workbook(statistics, refusal)


def _workbook(statistics: Statistics, refusal: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _sheet_name(_("About"), set())
    bold = Font(bold=True)
    lines = about(statistics) if not refusal else [*about(statistics)[:3], (refusal, "")]
    for name, value in lines:
        sheet.append([name, value])
        sheet.cell(row=sheet.max_row, column=1).font = bold
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    used = {sheet.title}
    for table in statistics.tables:
        page = book.create_sheet(_sheet_name(table.title, used))
        used.add(page.title)
        page.append([table.title])
        page.cell(row=1, column=1).font = bold
        page.append([_("Filter"), lines[1][1]])
        page.append([_("Made"), lines[2][1]])
        if table.note:
            page.append([_("Note"), table.note])
        page.append([])
        for index, row in enumerate(_rows(table)):
            page.append(row)
            if index == 0:
                for cell in page[page.max_row]:
                    cell.font = bold
        page.column_dimensions["B"].width = 60
    out = io.BytesIO()
    # As `book.save(out)` does, but the archive is closed even when writing it fails.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return out.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:28] or "Table"
    name, number = base, 2
    while name in used:
        name = f"{base[:26]} {number}"
        number += 1
    return name
