"""One registration: the purpose first, every answer in the adviser's language, the
resident's language beside it on request, and remarks with author and organisation."""

from __future__ import annotations

from qualreg.advisers.models import Remark
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import ANSWERS, FREE_TEXT, complete_registration, signed_in


def _url(registration) -> str:
    return f"/en/advisers/registrations/{registration.pk}/"


def test_the_first_opening_in_a_session_asks_why(adviser, resident, assignment, completed):
    client = signed_in(adviser)
    response = client.get(_url(completed))
    assert response.status_code == 302
    assert response["Location"] == _url(completed) + "purpose/"
    page = client.get(response["Location"]).content.decode()
    assert "Why are you opening this registration?" in page
    assert "Syria" not in page
    assert not AuditEvent.objects.filter(action="adviser.read_registration").exists()


def test_other_needs_a_few_words(adviser, resident, assignment, completed):
    client = signed_in(adviser)
    response = client.post(_url(completed) + "purpose/", {"purpose": "other", "note": " "})
    assert response.status_code == 400
    assert "Write in a few words why you are opening it." in response.content.decode()
    response = client.post(
        _url(completed) + "purpose/", {"purpose": "other", "note": "follow-up call"}
    )
    assert response["Location"] == _url(completed)
    client.get(_url(completed))
    read = AuditEvent.objects.get(action="adviser.read_registration")
    assert read.reason == "other: follow-up call"


def test_the_purpose_is_asked_once_per_session(adviser, resident, assignment, completed):
    client = signed_in(adviser)
    client.post(_url(completed) + "purpose/", {"purpose": "recognition"})
    assert client.get(_url(completed)).status_code == 200
    assert client.get(_url(completed)).status_code == 200
    reads = AuditEvent.objects.filter(action="adviser.read_registration")
    assert [read.reason for read in reads] == ["recognition", "recognition"]
    assert signed_in(adviser).get(_url(completed)).status_code == 302  # a new session asks


def test_answers_are_shown_in_the_advisers_language(adviser_client, completed):
    page = adviser_client.get(_url(completed)).content.decode()
    assert "In which country were you born?" in page and "Syria" in page
    nb = adviser_client.get(f"/nb/advisers/registrations/{completed.pk}/").content.decode()
    assert "I hvilket land er du født?" in nb and "In which country" not in nb


def test_free_text_is_marked_with_the_language_it_was_written_in(adviser_client, resident):
    answers = {**ANSWERS, "paid_work": "yes", "jobs": [{"id": "a1b2c3d4", "job_tasks": FREE_TEXT}]}
    with_text = complete_registration(resident, answers)
    page = adviser_client.get(_url(with_text)).content.decode()
    assert FREE_TEXT in page
    assert "written in" in page


def test_the_residents_language_is_shown_side_by_side_on_request(adviser_client, completed):
    page = adviser_client.get(_url(completed)).content.decode()
    assert "سوريا" not in page
    assert "?side=1" in page
    side = adviser_client.get(_url(completed) + "?side=1").content.decode()
    assert "سوريا" in side and "Syria" in side
    assert 'lang="ar" dir="rtl"' in side


def test_a_remark_and_next_step_are_saved_with_author_and_organisation(
    adviser_client, adviser, completed
):
    response = adviser_client.post(
        _url(completed) + "remarks/",
        {"text": "Talked about nursing.", "next_step": "recognition"},
    )
    assert response.status_code == 302
    remark = Remark.objects.get()
    assert (remark.author, remark.organisation, remark.registration) == (
        adviser,
        adviser.adviser.organisation,
        completed,
    )
    page = adviser_client.get(_url(completed)).content.decode()
    assert "Talked about nursing." in page
    assert "Recognition of education" in page and "https://hkdir.no/" in page
    assert AuditEvent.objects.filter(action="adviser.remark_added", actor=adviser).exists()


def test_an_empty_remark_is_a_clear_error(adviser_client, completed):
    response = adviser_client.post(_url(completed) + "remarks/", {"text": " ", "next_step": ""})
    assert response.status_code == 400
    assert "Write a remark or choose a next step." in response.content.decode()
    assert not Remark.objects.exists()


def test_remarks_of_another_organisation_are_not_shown(
    adviser_client, other_adviser, completed, other_organisation
):
    Remark.objects.create(
        person=completed.person,
        registration=completed,
        organisation=other_organisation,
        author=other_adviser,
        text="NAV internal note",
    )
    assert "NAV internal note" not in adviser_client.get(_url(completed)).content.decode()
