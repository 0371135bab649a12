"""The "Most chosen" group above the country and language lists: a fixed list until enough
registrations are completed, then the answers most people chose, counted once an hour; the
same answer from either group saves and shows the same way."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qualreg.people.models import Person
from qualreg.registration import most_chosen
from qualreg.registration.models import AnswerFact, Registration
from tests.registration.conftest import COMPLETE_ANSWERS, post_part, soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def counted_afresh():
    most_chosen.forget()
    yield
    most_chosen.forget()


def groups_of(response, name):
    select = soup(response).select_one(f"select[name={name}]")
    assert select is not None, f"no {name} on the page"
    return [
        (group["label"], [option.get_text() for option in group.select("option")])
        for group in select.select("optgroup")
    ]


@pytest.fixture
def answering(draft):
    """A draft where the country and language questions are on their parts' pages."""
    draft.answers = {k: v for k, v in COMPLETE_ANSWERS.items() if k != "birth_country"}
    draft.save()
    return draft


def birth_country_groups(client, language="en"):
    return groups_of(client.get(f"/{language}/form/personal/"), "q-birth_country")


def test_countries_start_with_the_fixed_most_chosen_group(client, answering):
    (label, top), (all_label, everything) = birth_country_groups(client)
    assert label == "Most chosen"
    assert top == [
        "Afghanistan",
        "Eritrea",
        "Iran",
        "Iraq",
        "Somalia",
        "Syria",
        "Türkiye",
        "Ukraine",
    ]
    assert all_label == "All countries"
    assert everything[:3] == ["Afghanistan", "Åland Islands", "Albania"]
    assert everything[-1] == "I don't know" and len(everything) > 240


def test_the_group_is_translated_and_sorted_for_the_reader(client, answering):
    (label, top), (all_label, everything) = birth_country_groups(client, "nb")
    assert (label, all_label) == ("Mest valgt", "Alle land")
    assert top == [
        "Afghanistan",
        "Eritrea",
        "Irak",
        "Iran",
        "Somalia",
        "Syria",
        "Tyrkia",
        "Ukraina",
    ]
    assert everything.index("Zimbabwe") < everything.index("Østerrike")
    (label, top), (_all, everything) = birth_country_groups(client, "ar")
    assert label == "الأكثر اختيارًا"
    assert "سوريا" in top and top == [name for name in everything if name in top]


def test_languages_have_their_own_most_chosen_group(client, answering):
    (label, top), (all_label, _everything) = groups_of(
        client.get("/en/form/language/"), "q-home_language"
    )
    assert (label, all_label) == ("Most chosen", "All languages")
    assert top[:3] == ["Arabic", "Dari (from Afghanistan)", "Farsi (from Iran)"]
    assert "Tigrinya" in top and "Another language (write it)" not in top


def test_an_answer_from_either_group_saves_the_code_and_shows_once(client, answering):
    post_part(client, "personal", {"birth_country": "SY"}, action="save")
    answering.refresh_from_db()
    assert answering.answers["birth_country"] == "SY"
    select = soup(client.get("/en/form/personal/")).select_one("select[name=q-birth_country]")
    chosen = select.select("option[selected]")
    assert [(o["value"], o.get_text(), o.parent["label"]) for o in chosen] == [
        ("SY", "Syria", "Most chosen")
    ]
    assert len(select.select("option[value=SY]")) == 2  # in both groups, one answer


def test_a_code_of_neither_list_is_still_refused(client, answering):
    post_part(client, "personal", {"birth_country": "QQ"})
    error = soup(client.get("/en/form/personal/")).select_one("#q-birth_country-error")
    assert error is not None and "Choose" in error.get_text()


def completed_with(codes, centre):
    """One completed registration per code, each with a birth country fact."""
    for number, code in enumerate(codes):
        person = Person.objects.create(duf_number=f"2019{number:08d}", centre=centre)
        registration = Registration.objects.create(
            person=person, sequence=1, definition_version="1", language="en", status="completed"
        )
        AnswerFact.objects.create(registration=registration, question="birth_country", code=code)


def test_with_enough_registrations_the_group_is_what_people_chose(
    client, answering, centre, monkeypatch
):
    monkeypatch.setattr(most_chosen, "ENOUGH", 5)
    monkeypatch.setattr(most_chosen, "MIN_PEOPLE", 3)
    completed_with(["ET", "ET", "ET", "NO", "ZZ", "ZZ", "ZZ"], centre)
    (_label, top), _ = birth_country_groups(client)
    assert "Ethiopia" in top  # chosen by three
    assert "Norway" not in top  # chosen by one person only: not shown
    assert "I don't know" not in top  # our own answers never are
    assert len(top) == most_chosen.SIZE  # filled up from the fixed list


def test_below_the_threshold_the_fixed_list_stays(client, answering, centre, monkeypatch):
    monkeypatch.setattr(most_chosen, "ENOUGH", 5)
    monkeypatch.setattr(most_chosen, "MIN_PEOPLE", 3)
    completed_with(["ET", "ET", "ET", "NO"], centre)
    (_label, top), _ = birth_country_groups(client)
    assert "Ethiopia" not in top and "Syria" in top


def test_the_group_is_not_counted_on_every_page(client, answering):
    client.get("/en/form/personal/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/form/personal/")
    assert response.status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if "answerfact" in q["sql"].lower()]
