"""A completed registration as one JSON document, and a list of them as JSON Lines.

Every answer carries its code(s) and its label in the requested language (typed text as
typed, numbers as numbers); repeat groups are arrays of items. The document's shape is the
JSON Schema in `schema/registration-v1.json`, served at SCHEMA_URL_PATH: a change that a
reader of version 1 would not understand is a new schema version and a new file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.utils import timezone, translation

from qualreg.exports.records import ExportedRegistration
from qualreg.questionnaire.answers import Answer, Value, answer_rows
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind

SCHEMA_VERSION = "1"
SCHEMA_FILE = Path(__file__).parent / "schema" / "registration-v1.json"
SCHEMA_URL_PATH = "/schema/registration/v1.json"
JSON_TYPE = "application/json"
JSON_LINES_TYPE = "application/jsonl"


def registration_document(record: ExportedRegistration, language: str) -> dict[str, Any]:
    """The registration as a JSON-able dict, every label in `language`."""
    with translation.override(language):
        answers: dict[str, Any] = {}
        for part in answer_rows(QUESTIONNAIRE, record.answers):
            for answer in part.answers:
                if answer.answered:
                    answers[answer.question.key] = {"part": part.part.key} | _answer(answer)
        return {
            "schema_version": SCHEMA_VERSION,
            "registration": {"id": record.id, "number": record.number},
            "duf_number": record.duf_number,
            "definition_version": record.definition_version,
            "language": record.language,
            "labels_language": language,
            "completed_at": timezone.localtime(record.completed_at).isoformat(),
            "answers": answers,
        }


def _answer(answer: Answer) -> dict[str, Any]:
    question = answer.question
    result: dict[str, Any] = {"question": str(question.label), "kind": str(question.kind)}
    if question.retired:
        result["retired"] = True
    if question.kind is Kind.GROUP:
        result["items"] = [
            {
                "id": item.id,
                "answers": {field.question.key: _answer(field) for field in item.answers},
            }
            for item in answer.items
        ]
    elif question.kind.has_choices:
        result["values"] = [_choice(value) for value in answer.values]
    elif question.kind in (Kind.NUMBER, Kind.YEAR) and answer.values[0].number is not None:
        result["number"] = answer.values[0].number
    else:
        result["text"] = answer.values[0].label
    return result


def _choice(value: Value) -> dict[str, Any]:
    choice: dict[str, Any] = {"code": value.code, "label": value.label}
    if value.classification is not None:
        choice["classification"] = str(value.classification)
        choice["classified_code"] = value.classified_code
    return choice


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def json_lines(records: Iterable[ExportedRegistration], language: str) -> Iterator[str]:
    """One line of compact JSON per registration, made as the stream is read."""
    for record in records:
        document = registration_document(record, language)
        yield json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def schema_text() -> str:
    return SCHEMA_FILE.read_text(encoding="utf-8")
