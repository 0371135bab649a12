"""Translate form: a second language beside every question, choice and answer."""

import pytest

from tests.registration.conftest import post_part, soup

pytestmark = pytest.mark.django_db


def show_translation(client, language="nb"):
    return client.post(
        "/ar/form/personal/",
        {"shown": [], "goto": "translate", "second_language": language},
    )


def test_the_translation_shows_each_question_in_both_languages_with_own_lang_and_dir(client, draft):
    draft.answers = {"birth_year": "1990", "gender": "woman"}
    draft.save()
    assert show_translation(client)["Location"] == "/ar/form/personal/"
    page = soup(client.get("/ar/form/personal/"))
    assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
    columns = page.select(".question.bilingual .translation")
    assert len(columns) == len(page.select("#questions > .question")) > 3  # every question
    assert {(c["lang"], c["dir"]) for c in columns} == {("nb", "ltr")}
    assert "Hvilket år" in columns[0].get_text() or columns[0].select_one(".translation__label")
    woman = page.select_one("label[for=q-gender-woman] .choice-translation bdi")
    assert woman["lang"] == "nb" and woman["dir"] == "ltr"
    assert "1990" in columns[0].select_one(".translation__answer").get_text()


def test_hide_translation_turns_it_off(client, draft):
    show_translation(client)
    client.post("/ar/form/personal/", {"shown": [], "goto": "hide-translation"})
    assert soup(client.get("/ar/form/personal/")).select(".translation") == []


def test_an_unknown_or_same_language_shows_no_translation(client, draft):
    show_translation(client, language="xx")
    assert soup(client.get("/ar/form/personal/")).select(".translation") == []
    show_translation(client, language="ar")
    assert soup(client.get("/ar/form/personal/")).select(".translation") == []


def test_showing_the_translation_saves_what_was_typed(client, draft):
    post_part(client, "personal", {"birth_year": "1977"}, action="", goto="translate")
    assert draft.__class__.objects.get(pk=draft.pk).answers["birth_year"] == "1977"
