"""Invisible control characters in a post (NUL above all, which PostgreSQL's jsonb refuses)
never lose a save: they are removed, every answer of the post is kept, and the answer is a
redirect or a 4xx, never a 500. Run on PostgreSQL to prove it."""

from __future__ import annotations

import pytest
from django.db import DatabaseError
from django.utils import translation
from django.utils.html import escape

from qualreg.lib import languages
from qualreg.lib.text import clean_typed
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.posting import answers_from_post
from qualreg.registration import saving
from qualreg.registration.models import Registration
from tests.registration.conftest import soup, text_of

pytestmark = pytest.mark.django_db

ITEM = "0123abcd"
NUL = "\x00"


def answers_of(draft):
    return Registration.objects.get(pk=draft.pk).answers


def test_nul_in_a_year_a_choice_and_a_field_name_keeps_every_answer_of_the_post(client, draft):
    data = {
        "shown": ["birth_year", "gender", "birth_country", NUL, f"gender{NUL}"],
        "q-birth_year": f"19{NUL}90",
        "q-gender": f"woman{NUL}",
        "q-birth_country": "SY",
        f"q-{NUL}": NUL,
        f"q-gender{NUL}": "man",
        "action": "next",
    }
    response = client.post("/en/form/personal/", data)
    assert response.status_code == 302
    assert answers_of(draft) == {"birth_year": "1990", "gender": "woman", "birth_country": "SY"}


def test_a_choice_code_that_is_unknown_once_cleaned_is_refused_as_any_unknown_code(client, draft):
    data = {"shown": ["gender", "birth_year"], "q-gender": f"astro{NUL}naut"}
    data["q-birth_year"] = "1990"
    assert client.post("/en/form/personal/", data).status_code == 302
    assert answers_of(draft) == {"gender": "astronaut", "birth_year": "1990"}
    page = soup(client.get("/en/form/personal/"))
    assert "Choose one of the answers in the list." in page.select_one("#error-summary").text


def test_nul_in_a_repeat_group_item_keeps_the_item_and_the_other_answers(client, draft):
    draft.answers = {"school_ever": "no", "courses_any": "yes", "courses": [{"id": ITEM}]}
    draft.save()
    data = {
        "shown": ["courses_any", "courses"],
        "q-courses_any": "yes",
        f"q-courses-{ITEM}-course_topic": f"First{NUL} aid",
        f"q-courses-{ITEM}-course_year": f"2019{NUL}",
        f"q-courses-{ITEM}-course_country": "SY",
        f"q-courses-{ITEM}{NUL}-course_topic": "x",
    }
    assert client.post("/en/form/education/", data).status_code == 302
    item = answers_of(draft)["courses"][0]
    assert item == {
        "id": ITEM,
        "course_topic": "First aid",
        "course_year": "2019",
        "course_country": "SY",
    }


def test_the_script_s_save_with_nul_answers_200_and_saves(client, draft):
    data = {
        "shown": ["birth_year", "gender"],
        "q-birth_year": f"{NUL}1990",
        "q-gender": "woman",
        "autosave": "1",
        "delta": "1",
        "displayed": f"birth_year:{NUL} {NUL}:x",
        "revision": NUL,
        "nav": NUL,
        "summary": NUL,
    }
    response = client.post("/en/form/personal/", data)
    assert response.status_code == 200
    assert "gender" in response.json()["questions"]
    assert answers_of(draft) == {"birth_year": "1990", "gender": "woman"}


def test_texts_lose_invisible_controls_and_keep_what_the_person_sees(client, draft):
    draft.answers = {"interests": ["other"]}
    draft.save()
    typed = f"Line one{NUL}\r\n\tLine\x07 two\x85 \u202eevil\u202c\ufffe\U0010ffff \u200fم"
    data = {
        "shown": ["interests", "interests_other", "anything_else"],
        "q-interests": "other",
        "q-interests_other": f"Chess\tand\r\nmusic{NUL}",
        "q-anything_else": typed,
    }
    assert client.post("/en/form/other/", data).status_code == 302
    answers = answers_of(draft)
    assert answers["interests_other"] == "Chess and music"
    assert answers["anything_else"] == "Line one\r\n\tLine two evil \u200fم"


def test_lone_surrogates_and_noncharacters_are_removed_before_anything_is_stored():
    # A form post cannot carry a lone surrogate (Django replaces invalid UTF-8), but the
    # engine is handed data by more than one caller.
    part = QUESTIONNAIRE.part("other")
    data = {"shown": ["anything_else"], "q-anything_else": ["a\ud800b\udfff\ufdd0c\U0001fffe"]}
    assert answers_from_post(part, {}, data) == {"anything_else": "abc"}
    assert clean_typed("x\u2066y\u2069", multiline=True) == "xy"
    assert clean_typed("\u200e\u200f\u061c") == "\u200e\u200f\u061c"  # marks stay


def test_invalid_utf8_in_a_post_is_replaced_not_a_failure(client, draft):
    body = "shown=gender&q-gender=woman&shown=birth_year&q-birth_year=%ff%fe19%c0"
    response = client.post(
        "/en/form/personal/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    answers = answers_of(draft)
    assert answers["gender"] == "woman"
    assert "Write the year with 4 digits" in text_of(client.get("/en/form/personal/"))


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("q-gender=woman", "application/x-www-form-urlencoded; charset=latin-1"),
        ("--x\r\nContent-Disposition: form-data; name=", "multipart/form-data; boundary=x"),
        ("q-gender=woman", "multipart/form-data"),  # no boundary
    ],
)
def test_a_post_that_cannot_be_read_is_refused_or_ignored_and_nothing_lost(
    client, draft, body, content_type
):
    draft.answers = {"gender": "man"}
    draft.save()
    response = client.post("/en/form/personal/", body, content_type=content_type)
    assert response.status_code in (302, 400)  # a truncated multipart body reads as empty
    assert answers_of(draft) == {"gender": "man"}


def test_huge_values_and_many_repeats_of_a_field_do_not_fail(client, draft):
    data = {
        "shown": ["birth_year", "gender", "children", "children_under_18"],
        "q-birth_year": "9" * 5000,
        "q-gender": ["woman"] * 500,
        "q-children": "yes",
        "q-children_under_18": "1" + "0" * 400,
    }
    assert client.post("/en/form/personal/", data).status_code == 302
    answers = answers_of(draft)
    assert answers["gender"] == "woman"
    assert answers["children"] == "yes"
    page = text_of(client.get("/en/form/personal/"))
    assert "Write a whole number, for example 3." in page


def test_the_error_page_never_says_the_failed_change_was_saved(client, draft, monkeypatch):
    def broken_save(*args, **kwargs):
        raise DatabaseError("the database refused the value")

    monkeypatch.setattr(saving, "save", broken_save)
    client.raise_request_exception = False
    response = client.post("/en/form/personal/", {"shown": ["gender"], "q-gender": "woman"})
    assert response.status_code == 500
    text = text_of(response)
    assert "your last change may not have been saved" in text
    assert "Your answers are saved" not in text


@pytest.mark.parametrize("code", [language.code for language in languages.LANGUAGES])
def test_the_error_page_is_honest_in_every_language(client, code):
    from qualreg.lib.views import server_error

    source = (
        "Something went wrong on our side. What you saved before is kept, but your "
        "last change may not have been saved. Try again in a little while."
    )
    with translation.override(code):
        expected = translation.gettext(source)
        request = client.get(f"/{code}/").wsgi_request
        page = server_error(request).content.decode()
    assert code == "en" or expected != source  # translated, not the English fall-back
    assert escape(expected) in page
