"""The definition loads fast, has the shape the issue asks for, and refuses broken content."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from qualreg.questionnaire.conditions import AnyItem, Equals, NumberCompare
from qualreg.questionnaire.definition import (
    QUESTIONNAIRE,
    DefinitionError,
    check,
)
from qualreg.questionnaire.model import Kind, Part, Questionnaire

from .factory import COLOURS, pet_group, question

PART_KEYS = ["personal", "education", "language", "digital", "driving", "work", "other"]


def all_entries():
    for q in QUESTIONNAIRE.questions():
        yield q
        yield from q.fields


def test_it_has_seven_parts_in_order():
    assert [p.key for p in QUESTIONNAIRE.parts] == PART_KEYS
    assert [str(p.title) for p in QUESTIONNAIRE.parts] == [
        "Personal data",
        "Education",
        "Language",
        "Digital skills",
        "Driving licence",
        "Work experience",
        "Other",
    ]


def test_it_has_between_80_and_110_questions_with_groups_and_conditions():
    # A repeat group counts once among the questions; its fields are asked per item.
    assert 80 <= len(list(QUESTIONNAIRE.questions())) <= 110
    entries = list(all_entries())
    assert len(entries) <= 120
    groups = [q for q in QUESTIONNAIRE.questions() if q.kind == Kind.GROUP]
    assert {g.key for g in groups} >= {"educations", "courses", "other_languages", "jobs"}
    assert sum(1 for q in entries if q.condition is not None) >= 25


def test_every_question_kind_is_used():
    assert {q.kind for q in all_entries()} == set(Kind)


def test_it_has_a_version_and_lookups():
    assert QUESTIONNAIRE.version == "2026-11-1"
    assert QUESTIONNAIRE.part("language").question("english_speak") is QUESTIONNAIRE.question(
        "english_speak"
    )
    with pytest.raises(KeyError):
        QUESTIONNAIRE.part("religion")


def test_keys_are_unique_also_across_group_fields():
    keys = [q.key for q in all_entries()]
    assert len(keys) == len(set(keys))


def test_importing_the_definition_loads_no_locale_data():
    """The definition is built from lazy strings: loading it reads no CLDR locale, so a
    worker that starts does not pay for 18 languages' names before its first request.
    (How long it takes is measured by `make bench`, not by a timed test.)"""
    script = (
        "import django; django.setup(); import babel.localedata as cldr; "
        "import qualreg.questionnaire.definition; print(sorted(cldr._cache))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "qualreg.settings"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


def broken(*questions, more=()):
    parts = [Part("first", "First", tuple(questions))]
    if more:
        parts.append(Part("second", "Second", tuple(more)))
    return Questionnaire("x", tuple(parts))


def test_a_duplicate_key_names_the_question():
    with pytest.raises(DefinitionError, match="'colour'"):
        check(broken(question("colour", Kind.SINGLE), question("colour", Kind.TEXT)))


def test_a_group_field_cannot_reuse_a_top_level_key():
    group = question("pets", Kind.GROUP, fields=(question("colour", Kind.TEXT),))
    with pytest.raises(DefinitionError, match="pets.colour"):
        check(broken(question("colour", Kind.SINGLE), group))


def test_a_condition_on_a_later_question_is_refused():
    first = question("first_q", Kind.TEXT, condition=Equals("later", "red"))
    with pytest.raises(DefinitionError, match="'first_q'.*'later'"):
        check(broken(first, question("later", Kind.SINGLE)))


def test_a_condition_on_an_unknown_question_is_refused():
    with pytest.raises(DefinitionError, match="'asks'"):
        check(broken(question("asks", Kind.TEXT, condition=Equals("nothing", "x"))))


def test_a_condition_on_an_unknown_choice_code_is_refused():
    follow = question("follow", Kind.TEXT, condition=Equals("colour", "green"))
    with pytest.raises(DefinitionError, match="'follow'.*green"):
        check(broken(question("colour", Kind.SINGLE), follow))


def test_a_condition_may_point_to_an_earlier_part():
    follow = question("follow", Kind.TEXT, condition=Equals("colour", "red"))
    check(broken(question("colour", Kind.SINGLE), more=(follow,)))


def test_an_empty_part_is_refused():
    with pytest.raises(DefinitionError, match="'second'"):
        check(
            Questionnaire(
                "x", (Part("first", "F", (question("a", Kind.TEXT),)), Part("second", "S", ()))
            )
        )


def test_an_item_condition_outside_a_group_is_refused():
    with pytest.raises(DefinitionError, match="'lonely'"):
        check(broken(question("lonely", Kind.TEXT, condition=Equals("item.pet_kind", "cat"))))


def test_an_item_condition_must_point_to_an_earlier_field():
    group = question(
        "pets",
        Kind.GROUP,
        fields=(
            question("pet_name", Kind.TEXT, condition=Equals("item.pet_kind", "cat")),
            question("pet_kind", Kind.SINGLE),
        ),
    )
    with pytest.raises(DefinitionError, match="pets.pet_name"):
        check(broken(group))


def test_any_item_must_point_to_an_earlier_group():
    follow = question("follow", Kind.TEXT, condition=AnyItem("colour", Equals("item.x", "red")))
    with pytest.raises(DefinitionError, match="'follow'"):
        check(broken(question("colour", Kind.SINGLE, choices=COLOURS), follow))
    ok = question("ok", Kind.TEXT, condition=AnyItem("pets", Equals("item.pet_kind", "cat")))
    check(broken(pet_group(), ok))


def test_number_compare_refuses_an_unknown_operator():
    with pytest.raises(ValueError):
        NumberCompare("age", "=>", 3)


def test_a_choice_question_without_choices_is_refused():
    with pytest.raises(DefinitionError, match="'empty'"):
        check(broken(question("empty", Kind.SINGLE, choices=())))
