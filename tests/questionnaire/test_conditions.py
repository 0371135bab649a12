"""Each kind of condition decides correctly and describes itself in words."""

from __future__ import annotations

import pytest

from qualreg.questionnaire.conditions import (
    All,
    Answered,
    Any,
    AnyItem,
    AnySelected,
    Equals,
    NoneSelected,
    Not,
    NumberCompare,
    OneOf,
)
from qualreg.questionnaire.definition import QUESTIONNAIRE


def test_equals_matches_one_code():
    assert Equals("colour", "red").holds({"colour": "red"})
    assert not Equals("colour", "red").holds({"colour": "blue"})
    assert not Equals("colour", "red").holds({})


def test_one_of_matches_any_listed_code_but_not_lists():
    condition = OneOf("colour", ("red", "blue"))
    assert condition.holds({"colour": "blue"})
    assert not condition.holds({"colour": "green"})
    assert not condition.holds({"colour": ["red"]})


def test_any_selected_looks_inside_checkbox_answers():
    condition = AnySelected("pets", ("cat",))
    assert condition.holds({"pets": ["dog", "cat"]})
    assert condition.holds({"pets": "cat"})
    assert not condition.holds({"pets": ["dog"]})
    assert not condition.holds({"pets": [{"junk": 1}, 3]})


def test_none_selected_needs_an_answer_without_the_codes():
    condition = NoneSelected("pets", ("none",))
    assert condition.holds({"pets": ["dog"]})
    assert not condition.holds({"pets": ["none"]})
    assert not condition.holds({})


def test_answered_ignores_blank_text_and_empty_lists():
    assert Answered("x").holds({"x": "a"})
    assert not Answered("x").holds({"x": "   "})
    assert not Answered("x").holds({"x": []})
    assert Answered("x").holds({"x": ["a"]})


@pytest.mark.parametrize(
    ("op", "value", "expected"),
    [
        ("<", 3, True),
        ("<=", 2, True),
        (">", 2, False),
        (">=", 2, True),
        ("==", 2, True),
        ("!=", 2, False),
    ],
)
def test_number_compare_reads_numbers_typed_as_text(op, value, expected):
    assert NumberCompare("n", op, value).holds({"n": " 2 "}) is expected


def test_number_compare_is_false_for_text_that_is_not_a_number():
    assert not NumberCompare("n", ">", 0).holds({"n": "many"})
    assert not NumberCompare("n", ">", 0).holds({"n": ["3"]})
    assert NumberCompare("n", ">", 0).holds({"n": "٣"})  # Arabic-Indic digit three


def test_all_any_not_combine():
    red, big = Equals("colour", "red"), NumberCompare("size", ">", 5)
    answers = {"colour": "red", "size": "3"}
    assert not All(red, big).holds(answers)
    assert Any(red, big).holds(answers)
    assert Not(big).holds(answers)


def test_item_keys_read_the_current_group_item():
    condition = Equals("item.kind", "dog")
    assert condition.holds({}, {"kind": "dog"})
    assert not condition.holds({"kind": "dog"})
    assert not condition.holds({}, None)


def test_any_item_looks_at_every_item_of_a_group():
    condition = AnyItem("pets", Equals("item.kind", "dog"))
    assert condition.holds({"pets": [{"id": "1", "kind": "cat"}, {"id": "2", "kind": "dog"}]})
    assert not condition.holds({"pets": [{"id": "1", "kind": "cat"}, "junk"]})
    assert not condition.holds({"pets": "dog"})


def test_any_item_names_every_earlier_question_it_reads():
    # What it reads decides which questions a change can affect (see registration.autosave).
    condition = AnyItem("pets", All(Equals("item.kind", "dog"), NumberCompare("age", ">", 5)))
    assert list(condition.references()) == [("pets", ()), ("age", ())]


def test_conditions_are_immutable_and_comparable():
    assert Equals("a", "b") == Equals("a", "b")
    assert All(Equals("a", "b")) == All(Equals("a", "b"))
    with pytest.raises(AttributeError):
        Equals("a", "b").key = "c"  # type: ignore[misc]


def test_conditions_describe_themselves_with_question_and_answer_words():
    text = Equals("school_ever", "yes").describe(QUESTIONNAIRE)
    assert "Have you ever gone to school?" in text
    assert "school_ever" in text
    assert "“Yes” (yes)" in text
    assert "more than" in NumberCompare("children_under_18", ">", 0).describe(QUESTIONNAIRE)
    assert Not(Answered("x")).describe().startswith("not (")
    assert "at least one of these" in Any(Equals("a", "b"), Answered("c")).describe()


def test_conditions_describe_in_the_active_language():
    from django.utils import translation

    with translation.override("nb"):
        text = Equals("school_ever", "yes").describe(QUESTIONNAIRE)
    assert isinstance(text, str) and text
