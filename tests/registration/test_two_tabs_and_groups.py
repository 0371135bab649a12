"""Two tabs never wipe each other; repeat groups add and remove items with stable ids."""

import pytest

from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration import saving
from qualreg.registration.models import Registration
from tests.registration.conftest import post_part, soup

pytestmark = pytest.mark.django_db


def test_two_tabs_saving_different_questions_keep_both_answers(client, draft):
    # Tab one shows part 1, tab two shows part 3; each posts only what it showed.
    post_part(client, "personal", {"birth_year": "1990"})
    post_part(client, "language", {"home_language": "ara"})
    post_part(client, "personal", {"birth_year": "1991"}, autosave="1")
    answers = Registration.objects.get(pk=draft.pk).answers
    assert answers == {"birth_year": "1991", "home_language": "ara"}


def other_tab_saves_after_each_read(monkeypatch, draft, times):
    """Make the next `times` reads of the draft go stale at once: after each, another tab's
    save lands before the reader writes. Returns the answers that other tab saved."""
    read = saving._read_draft
    other = [("home_language", "ara"), ("english_speak", "2"), ("english_read_write", "3")]
    other += [
        ("norwegian_speak", "1"),
        ("norwegian_read_write", "2"),
        ("other_languages_any", "no"),
    ]
    landed: dict[str, str] = {}

    def stale_read(person_id):
        registration = read(person_id)
        if len(landed) < times:
            key, value = other[len(landed)]
            landed[key] = value
            saving.save(
                person_id,
                QUESTIONNAIRE.part("language"),
                {"shown": [key], f"q-{key}": [value]},
                language="en",
                consented_registration=draft.pk,
            )
        return registration

    monkeypatch.setattr(saving, "_read_draft", stale_read)
    return landed


@pytest.mark.parametrize("times", [1, saving.OPTIMISTIC_TRIES])
def test_a_save_whose_read_went_stale_merges_into_the_latest_answers(
    client, draft, monkeypatch, times
):
    # Another tab's save lands between this save's read and its write (once; or on every
    # optimistic try, so that the save falls back to the row lock): both answers are kept.
    draft.answers = {"birth_year": "1990"}
    draft.save()
    landed = other_tab_saves_after_each_read(monkeypatch, draft, times)
    response = client.post(
        "/en/form/personal/",
        {"shown": ["gender"], "q-gender": "woman", "autosave": "1", "delta": "1"},
    )
    assert response.status_code == 200
    assert len(landed) == times
    saved = Registration.objects.get(pk=draft.pk)
    assert saved.answers == {"birth_year": "1990", "gender": "woman", **landed}
    assert saved.revision == draft.revision + times + 1


def test_an_automatic_save_of_one_question_leaves_the_others_alone(client, draft):
    draft.answers = {"birth_year": "1990", "gender": "man"}
    draft.save()
    # The page also holds a stale birth year, but only gender is listed as changed.
    client.post(
        "/en/form/personal/",
        {"shown": ["gender"], "q-gender": "woman", "q-birth_year": "1800", "autosave": "1"},
    )
    assert Registration.objects.get(pk=draft.pk).answers == {
        "birth_year": "1990",
        "gender": "woman",
    }


def reach_countries_group(client, draft):
    draft.answers = {
        "birth_year": "1990",
        "gender": "woman",
        "birth_country": "SY",
        "citizenship": "SY",
        "home_area": "city",
    }
    draft.save()
    post_part(client, "personal", {**draft.answers, "lived_abroad": "yes"})
    return Registration.objects.get(pk=draft.pk).answers["countries_lived"]


def test_a_repeat_group_opens_with_one_item_to_fill_in(client, draft):
    items = reach_countries_group(client, draft)
    assert len(items) == 1
    page = soup(client.get("/en/form/personal/"))
    item_id = items[0]["id"]
    assert page.select_one(f"#q-countries_lived-{item_id}-lived_country").name == "select"
    assert page.select_one(f"#q-countries_lived-{item_id}-lived_years") is not None


def test_adding_and_removing_items_keeps_the_ids_of_the_others(client, draft):
    first = reach_countries_group(client, draft)[0]["id"]
    fields = {f"q-countries_lived-{first}-lived_country": "TR"}
    fields["shown"] = ["countries_lived"]
    response = post_part(client, "personal", {}, action="", add="countries_lived", **fields)
    items = Registration.objects.get(pk=draft.pk).answers["countries_lived"]
    assert [i["id"] for i in items][0] == first and len(items) == 2
    assert items[0]["lived_country"] == "TR"  # the add button also saved the page
    second = items[1]["id"]
    assert response["Location"].endswith(f"#q-countries_lived-{second}")
    data = {"shown": ["countries_lived"], "remove": f"countries_lived:{first}"}
    client.post("/en/form/personal/", data)
    items = Registration.objects.get(pk=draft.pk).answers["countries_lived"]
    assert [i["id"] for i in items] == [second]


def test_the_only_item_of_a_required_group_cannot_be_removed(client, draft):
    reach_countries_group(client, draft)
    page = soup(client.get("/en/form/personal/"))
    assert page.select("button[name=remove]") == []
    assert page.select_one("#q-countries_lived-add").get_text() == "Add another country"
