"""Completed registrations as a spreadsheet (XLSX), in the reader's language.

Sheets: "registrations" with one row per registration and one column per single-valued
question (a code and a label column for questions with choices; several chosen codes in one
cell, separated by "; "), one sheet per repeat group with one row per item keyed by the
registration's id, and a "codebook" that explains every column. The columns follow from the
questionnaire alone, so rows are written as they come (openpyxl's write-only mode): memory
stays flat however many registrations there are.

No cell is ever a formula: text that a spreadsheet program would read as one (= + - @,
tab, carriage return first) is written as a text cell.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext, pgettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from qualreg.exports.records import ExportedRegistration
from qualreg.lib import languages
from qualreg.lib.xlsx import scratch_directory
from qualreg.questionnaire.answers import Answer, answer_rows
from qualreg.questionnaire.codebook import codebook
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind, Question

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MULTIPLE_SEPARATOR = "; "
CELL_LIMIT = 32767  # characters Excel keeps in one cell
DATE_FORMAT = "yyyy-mm-dd hh:mm"

# Short sheet names for the repeat groups (a sheet name has at most 31 characters).
GROUP_SHEETS = {
    "countries_lived": pgettext_lazy("spreadsheet sheet", "Countries"),
    "educations": pgettext_lazy("spreadsheet sheet", "Educations"),
    "courses": pgettext_lazy("spreadsheet sheet", "Courses"),
    "other_languages": pgettext_lazy("spreadsheet sheet", "Languages"),
    "jobs": pgettext_lazy("spreadsheet sheet", "Jobs"),
}


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # the question key, or the name of a column about the registration
    holds: str  # what the cells hold, for the codebook
    question: Question | None = None


def _cells_of(answer: Answer) -> tuple[Any, ...]:
    """An answer's cells, in the order of its columns (see `_question_columns`)."""
    values = answer.values
    if answer.question.kind.has_choices:
        if len(values) == 1:
            return values[0].code, values[0].label
        codes = MULTIPLE_SEPARATOR.join(value.code or "" for value in values)
        return codes, MULTIPLE_SEPARATOR.join(value.label for value in values)
    if values[0].number is not None:
        return (values[0].number,)
    return (typed(values[0].label),)


def _question_columns(question: Question) -> list[Column]:
    label = str(question.label)
    if question.kind.has_choices:
        many = question.kind is Kind.MULTIPLE
        return [
            Column(
                gettext("%(question)s (code)") % {"question": label},
                question.key,
                gettext("codes, separated by “;”") if many else gettext("code"),
                question,
            ),
            Column(
                label,
                question.key,
                gettext("labels, separated by “;”") if many else gettext("label"),
                question,
            ),
        ]
    if question.kind in (Kind.NUMBER, Kind.YEAR):
        return [Column(label, question.key, gettext("number"), question)]
    return [Column(label, question.key, gettext("text as written"), question)]


def _registration_columns() -> list[Column]:
    return [
        Column(gettext("Registration ID"), "id", gettext("unique number of the registration")),
        Column(gettext("DUF number"), "duf_number", gettext("text")),
        Column(
            gettext("Registration number"),
            "number",
            gettext("the resident's 1st, 2nd, … registration"),
        ),
        Column(gettext("Completed"), "completed_at", gettext("date and time, Norwegian time")),
        Column(gettext("Language of the form"), "language", gettext("language code")),
        Column(gettext("Questionnaire version"), "definition_version", gettext("text")),
    ]


def _item_columns() -> list[Column]:
    return [
        Column(gettext("Registration ID"), "id", gettext("the row of the registration")),
        Column(gettext("Item"), "item", gettext("1 for the first item, 2 for the next, …")),
    ]


def _sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\ ."""
    clean = "".join(" " if char in "[]:*?/\\" else char for char in name).strip()[:31]
    title, number = clean or "Sheet", 2
    while title.lower() in taken:
        title = f"{clean[:28]} {number}"
        number += 1
    taken.add(title.lower())
    return title


def typed(text: str) -> str:
    """Text as a person typed it, without the control characters a spreadsheet file
    cannot hold, and no longer than a cell holds."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:CELL_LIMIT]


class _Sheet:
    """One write-only sheet with its columns, a bold frozen header and safe cells."""

    def __init__(self, workbook: Workbook, title: str, columns: list[Column], rtl: bool):
        self.title = title
        self.columns = columns
        # Where each question's cells start in a row.
        self.starts: dict[str, int] = {}
        for index, column in enumerate(columns):
            if column.question is not None:
                self.starts.setdefault(column.key, index)
        self.sheet = workbook.create_sheet(title)
        self.sheet.freeze_panes = "B2"
        self.sheet.sheet_view.rightToLeft = rtl
        bold = Font(bold=True)
        header = []
        for column in columns:
            cell = WriteOnlyCell(self.sheet, typed(column.header))
            cell.data_type = "s"
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        self.sheet.append(header)

    def _cell(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell = WriteOnlyCell(self.sheet, value)
            cell.data_type = "s"  # a text cell: shown as typed, never calculated
            cell.quotePrefix = True
            return cell
        if isinstance(value, datetime.datetime):
            cell = WriteOnlyCell(self.sheet, value)
            cell.number_format = DATE_FORMAT
            return cell
        return value

    def append(self, values: Iterable[Any]) -> None:
        self.sheet.append([self._cell(value) for value in values])

    def append_answers(self, first: list[Any], answers: Iterable[Answer]) -> None:
        """A row: the `first` cells, then each answer's cells in its columns."""
        cells: list[Any] = first + [None] * (len(self.columns) - len(first))
        for answer in answers:
            start = self.starts.get(answer.question.key)
            if start is not None and answer.answered:
                values = _cells_of(answer)
                cells[start : start + len(values)] = values
        self.append(cells)


def write_workbook(
    records: Iterable[ExportedRegistration], language: str, target: IO[bytes]
) -> int:
    """Write the registrations to `target` as XLSX in `language`; returns how many."""
    workbook = Workbook(write_only=True)
    with translation.override(language), scratch_directory():
        try:
            return _write(workbook, records, language, target)
        except BaseException:
            _close_sheets(workbook)
            raise


def _close_sheets(workbook: Workbook) -> None:
    """Finish the file of every sheet a failure left open, so that none is left for the
    garbage collector to finish (it would complain, at any later moment)."""
    for sheet in workbook.worksheets:
        if not sheet.closed:
            with contextlib.suppress(Exception):
                sheet.close()


def _write(
    workbook: Workbook, records: Iterable[ExportedRegistration], language: str, target: IO[bytes]
) -> int:
    rtl = languages.get(language).bidi
    taken: set[str] = set()
    questions = [q for q in QUESTIONNAIRE.questions() if q.kind is not Kind.GROUP]
    groups = [q for q in QUESTIONNAIRE.questions() if q.kind is Kind.GROUP]
    main = _Sheet(
        workbook,
        _sheet_title(pgettext("spreadsheet sheet", "Registrations"), taken),
        _registration_columns() + [c for q in questions for c in _question_columns(q)],
        rtl,
    )
    group_sheets = {
        group.key: _Sheet(
            workbook,
            _sheet_title(str(GROUP_SHEETS.get(group.key, group.label)), taken),
            _item_columns() + [c for field in group.fields for c in _question_columns(field)],
            rtl,
        )
        for group in groups
    }
    _write_codebook(
        workbook,
        _sheet_title(pgettext("spreadsheet sheet", "Codebook"), taken),
        [main, *group_sheets.values()],
        rtl,
    )
    count = 0
    for record in records:
        answers = [a for part in answer_rows(QUESTIONNAIRE, record.answers) for a in part.answers]
        fixed = [
            record.id,
            record.duf_number,
            record.number,
            timezone.localtime(record.completed_at).replace(tzinfo=None),
            record.language,
            record.definition_version,
        ]
        main.append_answers(fixed, answers)
        for answer in answers:
            sheet = group_sheets.get(answer.question.key)
            if sheet is not None:
                for item in answer.items:
                    sheet.append_answers([record.id, item.index + 1], item.answers)
        count += 1
    workbook.save(target)
    return count


def _write_codebook(workbook: Workbook, title: str, sheets: list[_Sheet], rtl: bool) -> None:
    """One row per column of every sheet: what it holds, and the codes it may hold."""
    entries: dict[str, dict[str, Any]] = {}
    for part in codebook(QUESTIONNAIRE)["parts"]:
        for question in part["questions"]:
            entries[question["key"]] = question | {"part": part["title"]}
            for field in question.get("fields", []):
                entries[field["key"]] = field | {"part": part["title"]}
    book = _Sheet(
        workbook,
        title,
        [
            Column(gettext("Sheet"), "", ""),
            Column(gettext("Column"), "", ""),
            Column(gettext("Header"), "", ""),
            Column(gettext("Question key"), "", ""),
            Column(gettext("Holds"), "", ""),
            Column(gettext("Part"), "", ""),
            Column(gettext("Kind of question"), "", ""),
            Column(gettext("Classification"), "", ""),
            Column(gettext("Codes"), "", ""),
        ],
        rtl,
    )
    for sheet in sheets:
        for index, column in enumerate(sheet.columns, 1):
            entry = entries.get(column.key) if column.question is not None else None
            codes = ""
            if entry and column.question is not None and column.question.kind.has_choices:
                codes = "\n".join(f"{c['code']} = {c['label']}" for c in entry["choices"])
            book.append(
                [
                    sheet.title,
                    get_column_letter(index),
                    column.header,
                    column.key,
                    column.holds,
                    entry["part"] if entry else "",
                    entry["kind"] if entry else "",
                    entry["classification"] or "" if entry else "",
                    codes,
                ]
            )
