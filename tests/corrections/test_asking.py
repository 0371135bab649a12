"""The resident's side: "This is wrong" beside each answer, a short form, and the state of
each request on "My registration" at the next login."""

from __future__ import annotations

import pytest

from qualreg.corrections.models import CorrectionRequest
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import complete_registration
from tests.corrections.conftest import consent_of
from tests.registration.conftest import soup, text_of

pytestmark = pytest.mark.django_db


def test_every_answer_of_a_completed_registration_has_this_is_wrong(resident_client, completed):
    page = soup(resident_client.get("/en/my-registration/"))
    links = [a for a in page.select("a") if a.get_text(" ").startswith("This is wrong")]
    assert len(links) >= 20
    assert "/en/corrections/ask/1/birth_year/" in {a["href"] for a in links}
    assert "post@imdi.no" in page.get_text()


def test_a_draft_has_no_such_link_and_cannot_be_asked_about(resident_client, resident, completed):
    draft = complete_registration(resident, status="draft")
    page = soup(resident_client.get("/en/my-registration/"))
    assert not [a for a in page.select("a") if f"/ask/{draft.sequence}/" in a["href"]]
    response = resident_client.get(f"/en/corrections/ask/{draft.sequence}/birth_year/")
    assert response.status_code == 404


def test_the_form_names_the_question_and_the_registered_answer(resident_client):
    response = resident_client.get("/en/corrections/ask/1/birth_year/")
    page = text_of(response)
    assert soup(response).h1.get_text() == "This is wrong"
    assert "Question In which year were you born?" in page or "1990" in page
    assert "1990" in page
    assert "post@imdi.no" in page


def test_asking_records_the_request_in_the_residents_words_and_audits_it(
    resident_client, resident, completed
):
    response = resident_client.post(
        "/en/corrections/ask/1/birth_year/", {"text": "I was born in 1991\u202e, not 1990.\x00"}
    )
    assert response.status_code == 302
    assert "Your request has been sent" in text_of(resident_client.get(response["Location"]))
    request = CorrectionRequest.objects.get()
    assert (request.person, request.registration, request.question) == (
        resident,
        completed,
        "birth_year",
    )
    assert request.text == "I was born in 1991, not 1990."  # invisible controls removed
    assert request.state == "received"
    event = AuditEvent.objects.get(action="correction.requested")
    assert event.by_resident and event.person == resident
    assert "1991" not in str(event.detail) and event.reason == ""
    page = text_of(resident_client.get("/en/my-registration/"))
    assert "I was born in 1991, not 1990." in page
    assert "Received: the administrators have not answered yet." in page


@pytest.mark.parametrize("text", ["", "   \n ", "\u200e" * 0 + "\x00\x01", "x" * 1001])
def test_an_empty_or_too_long_text_is_a_clear_error(resident_client, text):
    response = resident_client.post("/en/corrections/ask/1/birth_year/", {"text": text})
    assert response.status_code == 400
    assert "There is a problem" in text_of(response)
    assert "Write what is wrong." in text_of(
        response
    ) or "Write at most 1000 characters." in text_of(response)
    assert not CorrectionRequest.objects.exists()


def test_the_form_speaks_dari_right_to_left(resident_client):
    response = resident_client.get("/prs/corrections/ask/1/birth_year/")
    page = soup(response)
    assert page.html["lang"] == "prs" and page.html["dir"] == "rtl"


def test_unknown_question_or_number_is_404(resident_client):
    for url in (
        "/en/corrections/ask/1/no_such_question/",
        "/en/corrections/ask/9/birth_year/",
        "/en/corrections/ask/0/birth_year/",
    ):
        assert resident_client.get(url).status_code == 404
        assert resident_client.post(url, {"text": "x"}).status_code == 404
    assert not CorrectionRequest.objects.exists()


def test_a_resident_cannot_ask_about_or_see_another_residents_registration(
    client, log_in, resident, other_resident, completed
):
    other = complete_registration(other_resident)
    consent_of(other_resident, other)
    theirs = CorrectionRequest.objects.create(
        person=resident, registration=completed, question="gender", text="Their secret words"
    )
    log_in(other_resident)
    # Number 1 is the other resident's own registration: the request is about theirs.
    client.post("/en/corrections/ask/1/birth_year/", {"text": "mine"})
    mine = CorrectionRequest.objects.exclude(pk=theirs.pk).get()
    assert (mine.person, mine.registration) == (other_resident, other)
    page = text_of(client.get("/en/my-registration/"))
    assert "Their secret words" not in page
    assert "mine" in page


def test_without_a_resident_session_the_form_asks_to_log_in(client, completed):
    response = client.get("/en/corrections/ask/1/birth_year/")
    assert response.status_code == 302 and "/login/" in response["Location"]
