"""Old answers stay readable: no key or code of an earlier version disappears, and a retired
question is never shown but its answers still render."""

from __future__ import annotations

import dataclasses

import pytest

from qualreg.questionnaire import versions
from qualreg.questionnaire.answers import answer_rows
from qualreg.questionnaire.conditions import Equals
from qualreg.questionnaire.definition import QUESTIONNAIRE, VERSION, DefinitionError
from qualreg.questionnaire.engine import prune, summary, visible_questions
from qualreg.questionnaire.model import Kind, Part, Questionnaire

from .factory import pet_group, question, questionnaire


def test_the_current_version_has_its_snapshot_of_keys_and_codes():
    assert VERSION in versions.saved_versions(), (
        f"write it: manage.py codebook --format keys > {versions.snapshot_path(VERSION)}"
    )
    assert versions.snapshot_path(VERSION).read_text(encoding="utf-8") == versions.snapshot(
        QUESTIONNAIRE
    ), "a changed questionnaire is a new version (docs/questionnaire.md)"


@pytest.mark.parametrize("version", versions.saved_versions())
def test_no_key_or_code_of_an_earlier_version_has_disappeared(version):
    assert versions.missing_since(QUESTIONNAIRE, versions.load(version)) == []


def test_a_question_or_code_taken_out_is_found_missing():
    earlier = versions.keys_of(QUESTIONNAIRE)
    personal = QUESTIONNAIRE.parts[0]
    without_gender = tuple(q for q in personal.questions if q.key != "gender")
    birth = personal.question("birth_country")
    fewer = tuple(c for c in birth.choices if c.code != "SY")
    changed = tuple(
        dataclasses.replace(q, choices=fewer) if q is birth else q for q in without_gender
    )
    later = Questionnaire("later", (Part(personal.key, personal.title, changed),))
    missing = versions.missing_since(later, earlier)
    assert "gender" in missing and "birth_country=SY" in missing


def test_a_retired_question_is_never_shown_but_its_answer_still_renders():
    old = question("colour", Kind.SINGLE, retired=True)
    built = questionnaire(question("name", Kind.TEXT), old, pet_group())
    answers = {"name": "Ada", "colour": "red"}
    assert [q.key for q in visible_questions(built.parts[0], answers)] == ["name", "pets"]
    assert "colour" not in prune(built, answers)  # a new registration never keeps it
    rows = {a.question.key: a for a in answer_rows(built, answers)[0].answers}
    assert rows["colour"].retired and rows["colour"].values[0].label == "Red"
    assert ("colour", "Red") in [(q.key, text) for q, text in summary(built, answers)[0][1]]


def test_a_retired_field_of_a_repeat_group_still_renders_in_its_item():
    group = pet_group()
    retired_name = dataclasses.replace(group.fields[1], retired=True)
    group = dataclasses.replace(group, fields=(group.fields[0], retired_name))
    built = questionnaire(group)
    answers = {"pets": [{"id": "0000000a", "pet_kind": "dog", "pet_name": "Rex"}]}
    assert prune(built, answers)["pets"] == [{"id": "0000000a", "pet_kind": "dog"}]
    item = answer_rows(built, answers)[0].answers[0].items[0]
    assert [(a.question.key, a.text) for a in item.answers] == [
        ("pet_kind", "Dog"),
        ("pet_name", "Rex"),
    ]


def test_a_retired_question_without_an_answer_has_no_row():
    built = questionnaire(
        question("name", Kind.TEXT), question("colour", Kind.SINGLE, retired=True)
    )
    assert [a.question.key for a in answer_rows(built, {})[0].answers] == ["name"]


def test_a_condition_on_a_retired_question_is_refused():
    follow = question("follow", Kind.TEXT, condition=Equals("colour", "red"))
    with pytest.raises(DefinitionError, match="'follow'.*retired"):
        questionnaire(question("colour", Kind.SINGLE, retired=True), follow)
