"""Whatever is posted, the answer is a clear 4xx or a redirect, and nothing saved is lost."""

import pytest

from qualreg.registration.models import Registration
from tests.registration.conftest import post_part, soup

pytestmark = pytest.mark.django_db

SAVED = {"birth_year": "1990", "gender": "woman", "birth_country": "SY"}


@pytest.fixture
def saved(draft):
    draft.answers = dict(SAVED)
    draft.save()
    return draft


def answers_of(draft):
    return Registration.objects.get(pk=draft.pk).answers


@pytest.mark.parametrize(
    "data",
    [
        {"shown": ["gender"], "q-gender": "astronaut"},  # a tampered choice code
        {"shown": ["gender"], "q-gender": "x" * 5000},
        {"shown": ["birth_country"], "q-birth_country": "<script>"},
        {"shown": ["no_such_question", "../../etc"], "q-no_such_question": "1"},
        {"shown": ["birth_year"], "q-birth_year": "9" * 100},
        {"shown": ["birth_year"], "q-birth_year": "x" * 100_000},  # huge text
        {"shown": ["countries_lived"], "q-countries_lived-zzz-lived_country": "SE"},
        {"add": "gender"},  # adding an item to a question that is not a group
        {"add": "educations"},  # a group of another part
        {"remove": "countries_lived:notanid"},
        {"remove": ":::"},
        {"goto": "https://evil.example/"},
        {"action": "next"},  # no shown list at all
        {},
    ],
)
def test_hostile_posts_never_fail_and_never_lose_saved_answers(client, saved, data):
    response = client.post("/en/form/personal/", data)
    assert response.status_code in (302, 400)
    assert response["Location"].startswith("/en/")
    page = client.get("/en/form/personal/")
    assert page.status_code == 200
    answers = answers_of(saved)
    for key in ("birth_year", "birth_country"):
        if f"q-{key}" not in data:
            assert answers[key] == SAVED[key]
    assert set(answers) <= set(SAVED) | {"gender"}


def test_a_huge_text_is_not_stored_and_the_old_answer_stays(client, saved):
    post_part(client, "personal", {"birth_year": "1" * 100_000})
    assert answers_of(saved)["birth_year"] == "1990"


def test_a_tampered_choice_is_kept_as_a_problem_and_reported_not_shown_as_answered(client, saved):
    post_part(client, "personal", {**SAVED, "gender": "astronaut"})
    page = soup(client.get("/en/form/personal/"))
    assert "Choose one of the answers in the list." in page.select_one("#error-summary").get_text()


def test_a_post_that_is_far_too_big_is_refused_with_400(client, saved):
    data = {f"q-field{i}": "x" for i in range(1200)}
    response = client.post("/en/form/personal/", data)
    assert response.status_code == 400
    assert answers_of(saved) == SAVED


def test_repeating_the_same_post_changes_nothing_more(client, saved):
    for _ in range(3):
        response = post_part(client, "personal", SAVED)
        assert response.status_code == 302
    assert answers_of(saved) == SAVED


def test_get_only_and_post_only_pages_refuse_the_other_method(client, saved):
    assert client.get("/en/form/complete/").status_code == 405
    assert client.put("/en/form/personal/").status_code == 405
    assert client.post("/en/form/summary/").status_code == 405
