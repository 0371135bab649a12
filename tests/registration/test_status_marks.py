"""The mark beside each question says what the server decided about the answer, on the page
and in the answer to the script's save: not answered, needs the person (tried to go on, or an
answer that is not accepted), answered."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from bs4 import BeautifulSoup

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind, Question
from qualreg.questionnaire.samples import answered_document
from tests.registration.conftest import soup

pytestmark = pytest.mark.django_db

GROUPS = [q for part in QUESTIONNAIRE.parts for q in part.questions if q.kind == Kind.GROUP]


def invalid_value(question: Question) -> Any:
    """A value the server stores but does not accept, for each kind of question."""
    return {
        Kind.SINGLE: "no-such-answer",
        Kind.DROPDOWN: "no-such-answer",
        Kind.MULTIPLE: ["no-such-answer"],
        Kind.NUMBER: "many",
        Kind.YEAR: "3",
        Kind.TEXT: "x" * (question.text_limit + 1),
        Kind.LONGTEXT: "x" * (question.text_limit + 1),
    }[question.kind]


def part_of(question: Question) -> str:
    return next(p.key for p in QUESTIONNAIRE.parts if question in p.questions)


def one_of_each_kind() -> list[Question]:
    """The first question of each kind (groups aside) on the path that shows the most."""
    answers = answered_document()
    found: dict[Kind, Question] = {}
    for part in QUESTIONNAIRE.parts:
        for question in engine.visible_questions(part, answers):
            if question.kind != Kind.GROUP and question.required:
                found.setdefault(question.kind, question)
    for part in QUESTIONNAIRE.parts:  # longtext and some text questions are all optional
        for question in engine.visible_questions(part, answers):
            found.setdefault(question.kind, question)
    found.pop(Kind.GROUP)
    assert set(found) == set(Kind) - {Kind.GROUP}
    return list(found.values())


KINDS = one_of_each_kind()


def store(draft, answers, attempted=()):
    draft.answers = answers
    draft.attempted = list(attempted)
    draft.passed = []
    draft.save()


def mark_on(page: BeautifulSoup, key: str) -> str:
    """The mark of a question (for a group, the group's own mark), as its class."""
    mark = page.select_one(f"#q-{key}-question .mark")
    assert mark is not None, key
    return next(c for c in mark["class"] if c.startswith("mark--")).removeprefix("mark--")


def page_mark(client, question: Question) -> str:
    return mark_on(soup(client.get(f"/en/form/{part_of(question)}/")), question.key)


def autosave_mark(client, question: Question, fields: dict[str, Any]) -> str:
    """Post a change as the page's script does (nothing displayed yet, so every question on
    the page comes back) and read the mark in the HTML it sends back."""
    data = {"shown": [question.key], "autosave": "1", "delta": "1", "displayed": ""}
    response = client.post(f"/en/form/{part_of(question)}/", {**data, **fields})
    assert response.status_code == 200
    fragment = response.json()["questions"][question.key]
    return mark_on(BeautifulSoup(fragment, "html.parser"), question.key)


@pytest.mark.parametrize("question", KINDS, ids=lambda q: f"{q.kind}-{q.key}")
def test_each_kind_of_question_is_marked_as_the_server_judges_its_answer(client, draft, question):
    full = answered_document()
    store(draft, full)
    assert page_mark(client, question) == "answered"

    empty = {k: v for k, v in full.items() if k != question.key}
    store(draft, empty)
    assert page_mark(client, question) == "unanswered"
    store(draft, empty, attempted=[question.key])
    assert page_mark(client, question) == ("missing" if question.required else "unanswered")

    store(draft, {**full, question.key: invalid_value(question)})
    page = soup(client.get(f"/en/form/{part_of(question)}/"))
    assert mark_on(page, question.key) == "invalid"
    shown = page.select_one(f"#q-{question.key}-question").text
    assert "(The answer needs to be corrected)" in shown
    assert page.select_one(f"#q-{question.key}-error") is not None

    # The script's save of the same answers gets the same marks back.
    store(draft, full)
    name = engine.field_name(question)
    assert autosave_mark(client, question, {name: invalid_value(question)}) == "invalid"
    assert autosave_mark(client, question, {name: full[question.key]}) == "answered"


def test_a_year_of_one_digit_is_not_marked_answered(client, draft):
    store(draft, {})
    year = QUESTIONNAIRE.question("birth_year")
    assert autosave_mark(client, year, {"q-birth_year": "3"}) == "invalid"
    page = soup(client.get("/en/form/personal/"))
    assert "Write the year with 4 digits" in page.select_one("#q-birth_year-question").text
    assert mark_on(page, "birth_year") == "invalid"
    assert page.select_one("#q-birth_year-question .mark").text == "!"


def item_fields(group: Question, item_id: str, answers: dict, item: dict) -> dict[str, Any]:
    return {
        engine.field_name(group, item_id, field): item.get(field.key, "")
        for field in engine.visible_fields(group, item, answers)
    }


@pytest.mark.parametrize("group", GROUPS, ids=lambda q: q.key)
def test_a_repeat_group_is_answered_only_when_each_item_is_done(client, draft, group):
    full = answered_document(items_per_group=1)
    [done_item] = full[group.key]
    item_id = done_item["id"]

    # Shown by the answer before it, the group opens with one empty item: not answered.
    opened = {**full, group.key: [{"id": item_id}]}
    store(draft, opened)
    assert page_mark(client, group) == "unanswered"
    # Trying to go on with the empty item: the mark says so, as for any question.
    store(draft, opened, attempted=[group.key])
    assert page_mark(client, group) == "missing"

    # Everything but one required question of the item filled in: still not answered, after
    # the script's save too.
    last_required = [f for f in engine.visible_fields(group, done_item, full) if f.required][-1]
    partly = {k: v for k, v in done_item.items() if k != last_required.key}
    assert autosave_mark(client, group, item_fields(group, item_id, full, partly)) == "missing"
    assert page_mark(client, group) == "missing"

    first = group.fields[0]

    # A value the server refuses in the item: invalid, whatever else is filled in.
    refused = {**done_item, first.key: invalid_value(first)}
    assert autosave_mark(client, group, item_fields(group, item_id, full, refused)) == "invalid"
    assert page_mark(client, group) == "invalid"

    # Every question of the item answered: answered.
    assert autosave_mark(client, group, item_fields(group, item_id, full, done_item)) == "answered"
    assert page_mark(client, group) == "answered"


def test_a_refused_value_in_an_item_marks_the_field_and_the_group(client, draft):
    full = answered_document(items_per_group=1)
    item = copy.deepcopy(full["countries_lived"][0])
    item["lived_years"] = "many"
    store(draft, {**full, "countries_lived": [item]})
    page = soup(client.get("/en/form/personal/"))
    assert mark_on(page, "countries_lived") == "invalid"
    field = page.select_one(f"[data-key=q-countries_lived-{item['id']}-lived_years] .mark")
    assert "mark--invalid" in field["class"]
    assert "Write a whole number" in page.select_one("#q-countries_lived-question").text


def test_the_part_navigation_agrees_with_the_marks(client, draft):
    full = answered_document(items_per_group=1)
    store(draft, {**full, "birth_year": "3"})
    assert "Needs answers" in nav_entry(client, "personal")
    # A repeat group just opened with an empty item asks for nothing yet; after trying to go
    # on it does.
    opened = {**full, "countries_lived": [{"id": "0123abcd"}]}
    store(draft, opened)
    assert "In progress" in nav_entry(client, "personal")
    store(draft, opened, attempted=["countries_lived"])
    assert "Needs answers" in nav_entry(client, "personal")


def nav_entry(client, part: str) -> str:
    page = soup(client.get(f"/en/form/{part}/"))
    button = page.select_one(f"#parts-nav button[value={part}]")
    assert button is not None
    return " ".join(button.get_text(" ").split())
