"""The spreadsheet export, opened the way a reader opens it (openpyxl reading the file)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import translation

from qualreg.lib.languages import CODES
from qualreg.questionnaire.definition import QUESTIONNAIRE
from tests.exports.conftest import FORMULA, full_answers, record, workbook_of
from tests.i18n import untranslated


def label(key: str, group: str | None = None) -> str:
    """A question's text in English, as the English spreadsheet's headers show it."""
    question = QUESTIONNAIRE.question(group or key)
    if group:
        question = question.field(key)
    with translation.override("en"):
        return str(question.label)


def rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def column(sheet: Any, header: str) -> list[Any]:
    headers = [cell.value for cell in sheet[1]]
    return [row[headers.index(header)] for row in rows(sheet)[1:]]


def test_it_has_a_registrations_sheet_a_sheet_per_repeat_group_and_a_codebook() -> None:
    book = workbook_of([record(full_answers())])
    assert book.sheetnames == [
        "Registrations",
        "Countries",
        "Educations",
        "Courses",
        "Languages",
        "Jobs",
        "Codebook",
    ]


def test_one_row_per_registration_with_code_and_label_columns() -> None:
    answers = full_answers()
    book = workbook_of([record(answers, id=1), record({"gender": "man"}, id=2)])
    sheet = book["Registrations"]
    assert len(rows(sheet)) == 3
    assert column(sheet, "Registration ID") == [1, 2]
    assert column(sheet, "DUF number") == ["201258697561", "201258697561"]
    assert column(sheet, f"{label('gender')} (code)") == [answers["gender"], "man"]
    assert column(sheet, label("gender"))[1] == "Man"
    # Several chosen codes share one cell.
    assert column(sheet, f"{label('can_do')} (code)")[0] == "; ".join(answers["can_do"])


def test_repeat_groups_have_one_row_per_item_keyed_by_registration() -> None:
    answers = full_answers()
    book = workbook_of([record(answers, id=1), record({}, id=2)])
    jobs = book["Jobs"]
    assert column(jobs, "Registration ID") == [1, 1]
    assert column(jobs, "Item") == [1, 2]
    assert column(jobs, label("job_start_year", "jobs")) == [2015, 2015]


def test_the_header_row_is_frozen_and_dates_are_dates() -> None:
    book = workbook_of([record({})])
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2"
    completed = book["Registrations"]["D2"]
    assert completed.is_date
    # Norwegian time, as a date a spreadsheet can sort and calculate with.
    assert completed.value == datetime.datetime(2026, 11, 30, 14, 45)


@pytest.mark.parametrize("text", [FORMULA, "+47 999", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_typed_text_never_becomes_a_formula(text: str) -> None:
    book = workbook_of([record({"anything_else": text})])
    sheet = book["Registrations"]
    headers = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=headers.index(label("anything_else")) + 1)
    assert cell.data_type == "s"
    assert cell.value == text


def test_a_formula_inside_a_repeat_group_stays_text() -> None:
    answers = full_answers()
    answers["jobs"][1]["job_tasks"] = FORMULA
    book = workbook_of([record(answers)])
    jobs = book["Jobs"]
    headers = [cell.value for cell in jobs[1]]
    cell = jobs.cell(row=3, column=headers.index(label("job_tasks", "jobs")) + 1)
    assert (cell.data_type, cell.value) == ("s", FORMULA)
    formulas = [
        c for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []


def test_the_codebook_explains_every_column_of_every_sheet() -> None:
    book = workbook_of([record(full_answers())])
    described = {(row[0], row[2]) for row in rows(book["Codebook"])[1:]}
    for sheet in book.worksheets[:-1]:
        for cell in sheet[1]:
            assert (sheet.title, cell.value) in described
    gender = next(row for row in rows(book["Codebook"]) if row[3] == "gender")
    assert "woman = Woman" in gender[8]


@pytest.mark.parametrize("language", CODES)
def test_headers_and_sheet_names_are_in_the_readers_language(language: str) -> None:
    book = workbook_of([record(full_answers())], language)
    assert len(book.sheetnames) == 7
    texts = [*book.sheetnames, *(str(c) for s in book.worksheets for r in rows(s) for c in r)]
    assert [text for text in texts if untranslated.MARK in text] == []
    if language != "en":
        assert book.sheetnames[0] != "Registrations"
        assert book.worksheets[0]["A1"].value != "Registration ID"
    assert book.worksheets[0].sheet_view.rightToLeft is (
        language in ("ar", "prs", "fa", "ps", "ckb")
    )
