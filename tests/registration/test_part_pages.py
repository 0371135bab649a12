"""The generic part page: progressive reveal, status marks, Next/Back, navigation, errors."""

import pytest

from qualreg.registration.models import Registration
from tests.registration.conftest import post_part, soup, text_of

pytestmark = pytest.mark.django_db


PERSONAL_AT_FIRST = [
    "birth_year",
    "gender",
    "birth_country",
    "citizenship",
    "home_area",
    "lived_abroad",
    "marital_status",
    "children",
    "interpreter_need",
]


def shown_keys(response):
    return [i["value"] for i in soup(response).select("#part-form input[name=shown]")]


def in_turn(response):
    """The last question the page's script shows, one at a time."""
    return soup(response).select_one("#questions")["data-reveal"]


def test_a_new_part_shows_every_question_that_applies_and_the_script_starts_at_the_first(
    client, draft
):
    response = client.get("/en/form/personal/")
    assert shown_keys(response) == PERSONAL_AT_FIRST  # no follow-up of an answer yet
    page = soup(response)
    assert page.select_one("h1").get_text() == "Personal data"
    assert "Part 1 of 7" in page.select_one(".caption").get_text(" ", strip=True)
    assert in_turn(response) == "birth_year"
    later = [q["data-key"] for q in page.select("#questions > .question--later")]
    assert later == PERSONAL_AT_FIRST[1:]  # hidden from the first paint where scripts run


def test_next_reveals_the_follow_ups_of_what_it_answered_and_keeps_every_answer(client, draft):
    answers = {"birth_year": "1990", "gender": "woman", "birth_country": "SY"}
    answers |= {"citizenship": "SY", "lived_abroad": "no", "marital_status": "married"}
    answers |= {"children": "yes", "home_area": "", "interpreter_need": ""}
    response = post_part(client, "personal", answers)  # every question the page showed
    # Nothing the page showed was missed: on to the first follow-up it revealed.
    assert response["Location"] == "/en/form/personal/#q-partner_in_norway-question"
    response = client.get("/en/form/personal/")
    assert shown_keys(response) == [
        *PERSONAL_AT_FIRST[:7],
        "partner_in_norway",
        "children",
        "children_under_18",
        "interpreter_need",
    ]
    page = soup(response)
    assert page.select_one("#q-birth_year")["value"] == "1990"
    assert page.select_one("#q-marital_status-married").has_attr("checked")
    assert page.select_one("#error-summary") is None  # the new questions are not "missed"
    # The optional ones left empty were passed; the script's turn is at the first follow-up.
    assert Registration.objects.get(pk=draft.pk).passed == ["home_area", "interpreter_need"]
    assert in_turn(response) == "interpreter_need"  # the last one passed


def test_every_question_shows_its_status_as_icon_and_words(client, draft):
    post_part(client, "personal", {"birth_year": "1990"})
    post_part(client, "personal", {"birth_year": "1990", "gender": ""})
    page = soup(client.get("/en/form/personal/"))
    answered = page.select_one("#q-birth_year-question")
    assert answered.select_one(".mark--answered")["aria-hidden"] == "true"
    assert "(Answered)" in answered.select_one(".visually-hidden").get_text()
    missing = page.select_one("#q-gender-question")
    assert missing.select_one(".mark--missing") is not None
    assert "You tried to go on without answering" in missing.get_text()


def test_next_on_an_empty_required_question_keeps_the_person_here_with_a_linked_error(
    client, draft
):
    post_part(client, "personal", {"birth_year": "1990"})
    response = post_part(client, "personal", {"birth_year": "1990", "gender": ""})
    assert response["Location"] == "/en/form/personal/#error-summary"
    page = soup(client.get("/en/form/personal/"))
    assert page.title.get_text().startswith("Error:")
    link = page.select_one("#error-summary a")
    assert link.get_text() == "Choose an answer."
    assert page.select_one(link["href"])["name"] == "q-gender"  # the link reaches the field
    assert "gender" in Registration.objects.get(pk=draft.pk).attempted


def test_an_optional_question_can_be_passed_with_next(client, draft):
    answers = {"school_ever": "no", "read_write_first": "well", "read_write_latin": "well"}
    draft.answers = answers
    draft.save()
    assert in_turn(client.get("/en/form/education/")) == "numeracy"  # optional
    post_part(client, "education", {**answers, "numeracy": ""})  # as the script posts it
    assert in_turn(client.get("/en/form/education/")) == "courses_any"
    assert Registration.objects.get(pk=draft.pk).passed == ["numeracy"]


def test_invalid_input_is_kept_and_reported(client, draft):
    response = post_part(client, "personal", {"birth_year": "nineteen ninety"})
    assert response["Location"].endswith("#error-summary")
    page = soup(client.get("/en/form/personal/"))
    assert page.select_one("#q-birth_year")["value"] == "nineteen ninety"
    assert page.select_one("#q-birth_year")["aria-invalid"] == "true"
    assert "4 digits" in page.select_one("#q-birth_year-error").get_text()
    assert Registration.objects.get(pk=draft.pk).answers["birth_year"] == "nineteen ninety"


def test_next_at_the_end_of_a_part_opens_the_next_part_and_back_returns(client, draft):
    answers = {"smartphone": "yes", "computer_access": "no", "computer_use_before": "never"}
    answers |= {"can_do": ["messaging"], "it_certificate": "no", "online_forms": "yes"}
    answers |= {"computer_course_wish": "yes"}
    draft.answers = answers
    draft.save()
    response = post_part(client, "digital", answers)
    assert response["Location"] == "/en/form/driving/"
    response = post_part(client, "driving", {}, action="back")
    assert response["Location"] == "/en/form/digital/"


def test_moving_to_another_part_from_the_navigation_saves_the_page(client, draft):
    response = post_part(client, "personal", {"birth_year": "1985"}, action="", goto="work")
    assert response["Location"] == "/en/form/work/"
    assert Registration.objects.get(pk=draft.pk).answers["birth_year"] == "1985"


def test_the_navigation_shows_each_parts_state_and_the_overall_share(client, draft):
    draft.answers = {"birth_year": "1990"}
    draft.save()
    post_part(client, "personal", {"birth_year": "1990"})
    page = soup(client.get("/en/form/education/"))
    states = [tag.get_text() for tag in page.select(".parts-nav .tag")]
    assert states[:2] == ["In progress", "Not started"]
    current = page.select_one(".parts-nav [aria-current=step]")
    assert "Education" in current.get_text()
    registration = Registration.objects.get(pk=draft.pk)
    assert registration.progress_percent > 0
    assert f"{registration.progress_percent} %" in page.select_one(".progress-text").get_text()


def test_an_automatic_save_answers_with_the_fresh_part(client, draft):
    response = client.post(
        "/en/form/personal/",
        {"shown": ["birth_year"], "q-birth_year": "1990", "autosave": "1"},
    )
    assert response.status_code == 200
    assert shown_keys(response) == PERSONAL_AT_FIRST and in_turn(response) == "gender"
    assert Registration.objects.get(pk=draft.pk).answers == {"birth_year": "1990"}


def test_an_unknown_part_is_not_found(client, draft):
    assert client.get("/en/form/passport/").status_code == 404
    assert client.post("/en/form/passport/", {"shown": ["x"]}).status_code == 404


def test_the_part_page_in_arabic_is_right_to_left_with_numbers_isolated(client, draft):
    page = soup(client.get("/ar/form/personal/"))
    assert page.html["dir"] == "rtl" and page.html["lang"] == "ar"
    assert page.select_one(".caption bdi") is not None
    assert "ملخص" in text_of(client.get("/ar/form/summary/")) or page.select(".parts-nav li")


@pytest.mark.parametrize("path", ["/en/form/personal/", "/en/form/work/", "/en/form/summary/"])
def test_the_scripts_load_without_holding_up_the_page_and_after_all_they_work_on(
    client, draft, path
):
    """An async script runs as soon as it arrives, so it must come after the whole page it
    works on; async (not defer) keeps the page's own first layout out of the script's task."""
    page = soup(client.get(path))
    scripts = page.body.find_all("script")
    assert scripts and all(s.has_attr("async") and not s.has_attr("defer") for s in scripts)
    after_first = scripts[0].find_all_next(True)
    assert all(element.name == "script" for element in after_first)
