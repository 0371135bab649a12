"""The answer save of the page's script: a small answer with only what changed, few queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qualreg.registration.autosave import parts_affected_by
from qualreg.registration.models import ConsentRecord, Registration
from qualreg.registration.session import CONSENTED_KEY
from tests.registration.conftest import post_part, soup

pytestmark = pytest.mark.django_db


def page_state(client, part="personal"):
    """What the script sends about the page it shows: question fingerprints, summary, nav."""
    page = soup(client.get(f"/en/form/{part}/"))
    return {
        "displayed": [
            f"{q['data-key']}:{q['data-state']}" for q in page.select("#questions > [data-key]")
        ],
        "summary": page.select_one("#error-summary-slot")["data-state"],
        "nav": page.select_one("#parts-nav")["data-state"],
    }


def autosave(client, state, answers, part="personal"):
    data = {**state, "shown": list(answers), "autosave": "1", "delta": "1"}
    data |= {f"q-{key}": value for key, value in answers.items()}
    response = client.post(f"/en/form/{part}/", data)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def html(fragment):
    return BeautifulSoup(fragment, "html.parser")


def test_a_newly_revealed_question_arrives_as_html_with_the_saved_ones_new_mark(client, draft):
    changes = autosave(client, page_state(client), {"birth_year": "1990"})
    assert changes["order"] == ["birth_year", "gender"]
    gender = html(changes["questions"]["gender"])
    assert gender.select_one("#q-gender-question input[name=shown]")["value"] == "gender"
    assert gender.select_one("#q-gender-woman") is not None
    saved = html(changes["questions"]["birth_year"])
    assert saved.select_one(".mark--answered") is not None
    assert "(Answered)" in saved.get_text()
    assert Registration.objects.get(pk=draft.pk).answers == {"birth_year": "1990"}


def test_re_saving_an_unchanged_answer_sends_no_question_html(client, draft):
    autosave(client, page_state(client), {"birth_year": "1990"})
    changes = autosave(client, page_state(client), {"birth_year": "1990"})
    assert changes == {"questions": {}}


def test_an_invalid_year_returns_that_question_with_its_error_and_the_summary(client, draft):
    autosave(client, page_state(client), {"birth_year": "1990"})
    changes = autosave(client, page_state(client), {"birth_year": "nineteen ninety"})
    assert list(changes["questions"]) == ["birth_year"]  # the question after it is unchanged
    question = html(changes["questions"]["birth_year"])
    assert question.select_one("#q-birth_year")["aria-invalid"] == "true"
    assert question.select_one("#q-birth_year")["value"] == "nineteen ninety"
    assert "4 digits" in question.select_one("#q-birth_year-error").get_text()
    summary = html(changes["summary"])
    assert summary.select_one("#error-summary a")["href"] == "#q-birth_year"
    assert changes["title"].startswith("Error: Personal data")
    # Corrected: the error and the summary go away again.
    changes = autosave(client, page_state(client), {"birth_year": "1990"})
    assert html(changes["summary"]).select_one("#error-summary") is None
    assert not changes["title"].startswith("Error")
    assert html(changes["questions"]["birth_year"]).select_one(".error-message") is None


def test_the_navigation_is_sent_only_when_a_state_or_the_progress_changes(client, draft):
    changes = autosave(client, page_state(client), {"birth_year": "1990"})
    nav = html(changes["nav"])
    assert [tag.get_text() for tag in nav.select(".tag")][0] == "In progress"
    progress = Registration.objects.get(pk=draft.pk).progress_percent
    assert f"{progress} %" in nav.select_one(".progress-text").get_text()
    assert nav.select_one("[aria-current=step]")["value"] == "personal"
    # Changing an answer that leaves every state and the progress as they were: no nav.
    state = page_state(client)
    changes = autosave(client, state, {"birth_year": "1991"})
    assert "nav" not in changes
    # A navigation the page shows that is out of date is sent again.
    changes = autosave(client, {**state, "nav": "0-0000000"}, {"birth_year": "1991"})
    assert "nav" in changes


def test_a_save_checks_the_state_of_every_later_part_whose_questions_depend_on_it(client, draft):
    # Questions of "other" ask about work when the person has worked: a save in "work" checks
    # the state that the page shows for "other" too.
    assert parts_affected_by("work") == {"work", "other"}
    assert parts_affected_by("driving") == {"driving"}
    draft.answers = {"paid_work": "no"}
    draft.save()
    state = page_state(client, "work")
    stale_other = state["nav"][:-1] + ("2" if state["nav"][-1] != "2" else "0")
    changes = autosave(client, {**state, "nav": stale_other}, {"paid_work": "no"}, part="work")
    assert html(changes["nav"]).select_one("[aria-current=step]")["value"] == "work"


def test_an_autosave_costs_three_queries_and_never_loads_the_person(client, draft):
    state = page_state(client)
    autosave(client, state, {"birth_year": "1990"})
    state = page_state(client)
    with CaptureQueriesContext(connection) as queries:
        autosave(client, state, {"birth_year": "1990"})
    statements = [q["sql"] for q in queries.captured_queries]
    # session, the draft read by the person's id (no lock, no transaction), the UPDATE of the
    # changed columns on condition that the draft's revision is still the one read.
    assert len(statements) == 3, statements
    assert "django_session" in statements[0]
    assert 'FROM "registration_registration"' in statements[1]
    assert "centres_person" not in " ".join(statements)
    assert "registration_consentrecord" not in " ".join(statements)
    update = statements[2]
    assert update.startswith("UPDATE") and '"answers"' not in update  # nothing else changed
    assert '"revision"' in update.partition("WHERE")[2]


def test_a_draft_without_consent_on_record_is_refused_even_by_an_autosave(client, draft):
    ConsentRecord.objects.filter(registration=draft).delete()
    session = client.session
    session[CONSENTED_KEY] = draft.pk + 1000  # a remembered consent for another draft
    session.save()
    state = {"displayed": ["birth_year:x"], "summary": "", "nav": ""}
    data = {**state, "shown": ["birth_year"], "q-birth_year": "1990", "autosave": "1"}
    response = client.post("/en/form/personal/", {**data, "delta": "1"})
    assert response.status_code == 302 and response["Location"] == "/en/start/"
    assert Registration.objects.get(pk=draft.pk).answers == {}
    assert client.get("/en/form/personal/")["Location"] == "/en/start/"


@pytest.mark.parametrize(
    "state",
    [
        {"displayed": ["::::", "birth_year", "gender:zzz", "x" * 5000], "nav": "-", "summary": 1},
        {"displayed": [""] * 600, "nav": "999-99999999999"},
        {},
    ],
)
def test_a_tampered_page_state_only_makes_the_answer_bigger(client, draft, state):
    changes = autosave(client, state, {"birth_year": "1990"})
    assert changes["order"] == ["birth_year", "gender"]
    assert set(changes["questions"]) == {"birth_year", "gender"}
    assert "nav" in changes


def test_without_delta_an_autosave_still_answers_with_the_whole_page(client, draft):
    response = post_part(client, "personal", {"birth_year": "1990"}, action="", autosave="1")
    assert response.status_code == 200
    assert soup(response).select_one("#part-content") is not None
