"""Validation of each question kind: required, ranges, codes, lengths and wrong types."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from qualreg.questionnaire.engine import is_answered, this_year, validate
from qualreg.questionnaire.model import Kind

from .factory import one, pet_group, question


def errors_for(q, value):
    _built, part, _q = one(q)
    answers = {} if value is None else {q.key: value}
    return validate(part, answers).get(f"q-{q.key}", [])


def test_a_required_question_without_answer_is_reported():
    for kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.DROPDOWN, Kind.NUMBER, Kind.YEAR, Kind.TEXT):
        assert errors_for(question("q", kind), None), kind


def test_an_optional_question_may_stay_empty():
    assert errors_for(question("q", Kind.TEXT, required=False), None) == []
    assert errors_for(question("q", Kind.TEXT, required=False), "   ") == []


def test_single_accepts_a_known_code_only():
    q = question("q", Kind.SINGLE)
    assert errors_for(q, "red") == []
    assert errors_for(q, "green") == ["Choose one of the answers in the list."]
    assert errors_for(q, ["red", "blue"]) == ["Choose only one answer."]
    assert errors_for(q, 3) == ["Choose one of the answers in the list."]


def test_dropdown_works_with_lazy_long_lists():
    from qualreg.questionnaire.codelists import COUNTRIES

    q = question("country", Kind.DROPDOWN, choices=COUNTRIES)
    assert errors_for(q, "SY") == []
    assert errors_for(q, "XK") == []
    assert errors_for(q, "ZZ") == []
    assert errors_for(q, "XX")  # stateless is for citizenship only
    assert errors_for(q, "sy")


def test_multiple_checks_codes_maximum_and_exclusive_choices():
    q = question("q", Kind.MULTIPLE, max_selected=1)
    assert errors_for(q, ["red"]) == []
    assert errors_for(q, ["red", "blue"]) == ["Choose at most 1 answers."]
    assert errors_for(q, ["red", "green"]) == ["Choose one of the answers in the list."]
    exclusive = errors_for(question("q", Kind.MULTIPLE), ["red", "none"])
    assert exclusive == ["“None” cannot be chosen together with other answers."]


def test_number_must_be_a_whole_number_in_range():
    q = question("q", Kind.NUMBER, min=0, max=20)
    assert errors_for(q, "4") == []
    assert errors_for(q, "٤") == []  # Arabic-Indic digits are numbers too
    assert errors_for(q, "many") == ["Write a whole number, for example 3."]
    assert errors_for(q, "2.5") == ["Write a whole number, for example 3."]
    assert errors_for(q, "21") == ["Write a number from 0 to 20."]
    assert errors_for(q, "-1") == ["Write a number from 0 to 20."]
    assert errors_for(q, 7) == []


def test_year_must_have_four_digits_and_lie_between_1940_and_now():
    q = question("q", Kind.YEAR)
    now = timezone.localdate().year
    assert errors_for(q, "1995") == []
    assert errors_for(q, str(now)) == []
    assert errors_for(q, "95") == ["Write the year with 4 digits, for example 2015."]
    assert errors_for(q, "1939") == [f"Write a year from 1940 to {now}."]
    assert errors_for(q, str(now + 1)) == [f"Write a year from 1940 to {now}."]


def test_the_year_turns_at_midnight_in_norway_not_on_the_servers_clock(monkeypatch):
    # 23:30 on New Year's Eve in UTC is already 00:30 on 1 January 2027 in Oslo.
    new_year_in_oslo = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: new_year_in_oslo)
    assert this_year() == 2027
    q = question("q", Kind.YEAR)
    assert errors_for(q, "2027") == []
    assert errors_for(q, "2028") == ["Write a year from 1940 to 2027."]


def test_short_text_is_limited_to_200_and_long_text_to_2000_characters():
    assert errors_for(question("q", Kind.TEXT), "x" * 200) == []
    assert "at most 200" in str(errors_for(question("q", Kind.TEXT), "x" * 201)[0])
    assert errors_for(question("q", Kind.LONGTEXT), "x" * 2000) == []
    assert "at most 2000" in str(errors_for(question("q", Kind.LONGTEXT), "x" * 2001)[0])
    assert errors_for(question("q", Kind.TEXT), {"a": 1}) == ["Write your answer as text."]


def test_group_requires_an_item_and_validates_each_visible_field():
    group = pet_group()
    _built, part, _q = one(group)
    assert validate(part, {}) == {"q-pets": ["Add at least one."]}
    answers = {
        "pets": [{"id": "0000000a", "pet_kind": "dog"}, {"id": "0000000b", "pet_kind": "cat"}]
    }
    assert validate(part, answers) == {"q-pets-0000000a-pet_name": ["Write an answer."]}


def test_group_reports_broken_items_and_too_many_items():
    _built, part, _q = one(pet_group(max_items=1))
    errors = validate(part, {"pets": [{"id": "x"}, "junk"]})
    assert len(errors["q-pets"]) == 2


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (Kind.TEXT, "a", True),
        (Kind.TEXT, " ", False),
        (Kind.MULTIPLE, [], False),
        (Kind.MULTIPLE, ["red"], True),
        (Kind.NUMBER, "0", True),
        (Kind.GROUP, [{"id": "0000000a"}], True),
        (Kind.GROUP, ["junk"], False),
    ],
)
def test_is_answered_for_each_kind(kind, value, expected):
    q = (
        question("q", kind, fields=(question("f", Kind.TEXT),))
        if kind == Kind.GROUP
        else question("q", kind)
    )
    assert is_answered(q, {"q": value}) is expected
