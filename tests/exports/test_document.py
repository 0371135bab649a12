"""The JSON export: what a reader of one registration or of a JSON Lines list receives, and
that every export is valid against the published JSON Schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from qualreg.exports import document
from qualreg.lib.languages import CODES
from tests.exports.conftest import FORMULA, full_answers, record
from tests.i18n import untranslated

SCHEMA = json.loads(document.schema_text())


def valid(instance: Any) -> None:
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(instance)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("language", CODES)
def test_a_full_registration_validates_in_every_language(language: str) -> None:
    exported = document.registration_document(record(full_answers()), language)
    valid(exported)
    assert exported["labels_language"] == language
    assert untranslated.MARK not in json.dumps(exported, ensure_ascii=False)


@pytest.mark.parametrize("language", CODES)
def test_an_almost_empty_registration_validates_in_every_language(language: str) -> None:
    exported = document.registration_document(record({"gender": "woman"}), language)
    valid(exported)
    assert list(exported["answers"]) == ["gender"]


def test_a_registration_without_answers_validates() -> None:
    exported = document.registration_document(record({}), "nb")
    valid(exported)
    assert exported["answers"] == {}


def test_every_line_of_a_list_export_validates() -> None:
    lines = list(document.json_lines([record(full_answers(), id=1), record({}, id=2)], "nn"))
    assert len(lines) == 2 and all(line.endswith("\n") for line in lines)
    for line in lines:
        valid(json.loads(line))
    assert [json.loads(line)["registration"]["id"] for line in lines] == [1, 2]


def test_it_rejects_what_the_schema_does_not_describe() -> None:
    exported = document.registration_document(record({"gender": "woman"}), "en")
    exported["answers"]["gender"]["values"] = []
    with pytest.raises(jsonschema.ValidationError):
        valid(exported)


def test_it_carries_versions_language_and_completion_time() -> None:
    exported = document.registration_document(record({"gender": "woman"}), "en")
    assert exported["schema_version"] == "1"
    assert exported["definition_version"] == "2026-11-1"
    assert exported["language"] == "ar"
    assert exported["registration"] == {"id": 7, "number": 2}
    # Norwegian time with its offset: 13:45 UTC is 14:45 in Oslo in November.
    assert exported["completed_at"] == "2026-11-30T14:45:00+01:00"


def test_a_choice_has_its_code_and_its_label_in_the_requested_language() -> None:
    answers = {"gender": "woman", "birth_country": "SY", "can_do": ["messaging"]}
    english = document.registration_document(record(answers), "en")["answers"]
    norwegian = document.registration_document(record(answers), "nb")["answers"]
    assert english["birth_country"]["values"] == [
        {"code": "SY", "label": "Syria", "classification": "ISO 3166-1", "classified_code": "SY"}
    ]
    assert norwegian["birth_country"]["values"][0]["label"] == "Syria"
    assert english["gender"]["question"] != norwegian["gender"]["question"]
    assert english["gender"]["values"][0]["code"] == norwegian["gender"]["values"][0]["code"]
    assert english["can_do"]["values"][0]["classification"] == "DigComp 2.2"


def test_repeat_groups_are_arrays_of_items_and_numbers_are_numbers() -> None:
    answers = full_answers()
    exported = document.registration_document(record(answers), "en")["answers"]
    jobs = exported["jobs"]
    assert jobs["kind"] == "group" and len(jobs["items"]) == 2
    first = jobs["items"][0]
    assert first["id"] == answers["jobs"][0]["id"]
    assert first["answers"]["job_start_year"]["number"] == 2015
    assert exported["birth_year"]["number"] == int(answers["birth_year"])
    assert exported["anything_else"]["text"] == FORMULA


def test_answers_to_questions_that_do_not_apply_are_left_out() -> None:
    # school_years applies only to someone who went to school.
    exported = document.registration_document(
        record({"school_ever": "no", "school_years": "4"}), "en"
    )
    assert "school_years" not in exported["answers"]
