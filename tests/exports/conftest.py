"""Registrations as the exports receive them: a full one (every question that can apply,
two items in each repeat group) and an almost empty one."""

from __future__ import annotations

import datetime
import io
from typing import Any

from openpyxl import load_workbook

from qualreg.exports.records import ExportedRegistration
from qualreg.exports.spreadsheet import write_workbook
from qualreg.questionnaire.samples import answered_document

FORMULA = '=HYPERLINK("http://x","y")'
COMPLETED_AT = datetime.datetime(2026, 11, 30, 13, 45, tzinfo=datetime.UTC)


def full_answers() -> dict[str, Any]:
    """Every question that can apply answered, with a formula typed into free text at the
    top level and inside a repeat group."""
    answers = answered_document()
    answers["anything_else"] = FORMULA
    answers["jobs"][0]["job_tasks"] = "+47 999 99 999\tand\rmore"
    return answers


def record(answers: Any, *, id: int = 7, number: int = 2) -> ExportedRegistration:
    return ExportedRegistration(
        id=id,
        number=number,
        duf_number="201258697561",
        language="ar",
        definition_version="2026-11-1",
        completed_at=COMPLETED_AT,
        answers=answers,
    )


def workbook_of(records: list[ExportedRegistration], language: str = "en") -> Any:
    target = io.BytesIO()
    write_workbook(records, language, target)
    target.seek(0)
    return load_workbook(target)
