"""The administrators' correction queue: only the administrator role gets in; correcting
makes a new completed registration that supersedes the old; refusing needs a reason that the
resident reads."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from qualreg.corrections.models import CorrectionRequest
from qualreg.privacy.models import AuditEvent
from qualreg.registration.models import AnswerFact, CompletedRegistrationError, Registration
from tests.advisers.conftest import complete_registration, signed_in
from tests.registration.conftest import soup, text_of

pytestmark = pytest.mark.django_db

QUEUE = "/admin/corrections/"


def _url(request: CorrectionRequest) -> str:
    return f"{QUEUE}{request.pk}/"


def _working(response) -> str:
    return soup(response).select_one("input[name=working]")["value"]


def _correct(client: Client, request: CorrectionRequest, part: str, answers: dict, **extra):
    """Open the request and post the part form as the browser would."""
    opened = client.get(f"{_url(request)}?part={part}")
    data = {"part": part, "working": _working(opened), "shown": list(answers), **extra}
    data.setdefault("action", "correct")
    for key, value in answers.items():
        data[f"q-{key}"] = value
    return client.post(_url(request), data)


def test_the_queue_lists_waiting_requests_for_an_administrator(admin_client, open_request):
    response = admin_client.get(QUEUE)
    page = text_of(response)
    assert soup(response).h1.get_text() == "Correction requests"
    assert "In which year were you born?" in page or "born" in page
    assert "2012 586975 61" in page
    assert AuditEvent.objects.filter(action="correction.listed").exists()


def test_opening_a_request_shows_the_residents_words_and_the_part_form(admin_client, open_request):
    response = admin_client.get(_url(open_request))
    page = soup(response)
    assert page.h1.get_text() == "Correction request"
    assert "I was born in 1991." in page.get_text()
    assert page.select_one("input[name=q-birth_year]")["value"] == "1990"
    opened = AuditEvent.objects.get(action="correction.opened")
    assert opened.person == open_request.person and opened.registration == open_request.registration


def test_correcting_creates_a_new_registration_that_supersedes_the_old(
    admin_client, administrator, open_request, completed
):
    response = _correct(
        admin_client,
        open_request,
        "personal",
        {"birth_year": "1991"},
        **{"correction-reason": "Birth year as in the passport."},
    )
    assert response.status_code == 302 and response["Location"] == QUEUE
    assert "The registration is corrected." in text_of(admin_client.get(QUEUE))
    new = Registration.objects.get(sequence=2)
    assert new.is_completed and new.answers["birth_year"] == "1991"
    assert new.answers["gender"] == completed.answers["gender"]
    assert (new.supersedes, new.origin, new.corrected_by) == (
        completed,
        "correction",
        administrator,
    )
    assert new.reason == "Birth year as in the passport."
    assert AnswerFact.objects.filter(registration=new, question="birth_year", number=1991).exists()
    completed.refresh_from_db()
    assert completed.answers["birth_year"] == "1990"  # the old one stays as it was
    completed.answers["birth_year"] = "1992"
    with pytest.raises(CompletedRegistrationError):
        completed.save()
    open_request.refresh_from_db()
    assert (open_request.state, open_request.correction) == ("corrected", new)
    event = AuditEvent.objects.get(action="registration.corrected")
    assert event.actor == administrator and event.registration == new
    assert event.detail["questions"] == ["birth_year"]
    assert "1991" not in str(event.detail) and "passport" not in event.reason


def test_the_engine_checks_the_corrected_answers(admin_client, open_request):
    response = _correct(
        admin_client,
        open_request,
        "personal",
        {"birth_year": "1850"},
        **{"correction-reason": "typo"},
    )
    assert response.status_code == 400
    assert "There is a problem" in text_of(response)
    assert Registration.objects.count() == 1
    assert CorrectionRequest.objects.get().state == "received"


def test_a_correction_needs_a_reason_and_a_change(admin_client, open_request):
    response = _correct(admin_client, open_request, "personal", {"birth_year": "1991"})
    assert response.status_code == 400
    assert "Write the reason for the correction." in text_of(response)
    response = _correct(
        admin_client,
        open_request,
        "personal",
        {"birth_year": "1990"},
        **{"correction-reason": "no change"},
    )
    assert response.status_code == 400
    assert "Nothing was changed." in text_of(response)
    assert Registration.objects.count() == 1


def test_a_follow_up_question_revealed_by_the_change_must_be_answered(admin_client, open_request):
    response = _correct(
        admin_client,
        open_request,
        "personal",
        {"children": "yes"},
        **{"correction-reason": "They have children."},
    )
    assert response.status_code == 400
    assert Registration.objects.count() == 1
    assert soup(response).select_one("[name=q-children_count], [name^=q-children_]") is not None


def test_changes_in_one_part_are_kept_while_moving_to_another(admin_client, open_request):
    opened = admin_client.get(_url(open_request))
    moved = admin_client.post(
        _url(open_request),
        {
            "part": "personal",
            "working": _working(opened),
            "shown": ["birth_year"],
            "q-birth_year": "1991",
            "goto": "other",
        },
    )
    assert moved.status_code == 200
    saved = admin_client.post(
        _url(open_request),
        {
            "part": "other",
            "working": _working(moved),
            "action": "correct",
            "correction-reason": "Two answers.",
            "shown": ["education_wish"],
            "q-education_wish": "no",
        },
    )
    assert saved.status_code == 302
    assert Registration.objects.get(sequence=2).answers["birth_year"] == "1991"


def test_a_forged_working_copy_is_ignored(admin_client, open_request, completed):
    response = admin_client.post(
        _url(open_request),
        {
            "part": "personal",
            "working": "eyJiaXJ0aF95ZWFyIjoiMTk5MSJ9:forged:sig",
            "action": "correct",
            "correction-reason": "forged",
            "shown": ["gender"],
            "q-gender": "man",
        },
    )
    assert response.status_code == 302
    new = Registration.objects.get(sequence=2)
    assert new.answers["birth_year"] == "1990" and new.answers["gender"] == "man"


def test_refusing_needs_a_reason_and_the_resident_reads_it(
    admin_client, open_request, client, log_in, resident
):
    response = admin_client.post(_url(open_request), {"action": "refuse"})
    assert response.status_code == 400
    assert "Write why the request is refused." in text_of(response)
    response = admin_client.post(
        _url(open_request),
        {"action": "refuse", "refusal-refusal_reason": "Your passport says 1990."},
    )
    assert response.status_code == 302
    open_request.refresh_from_db()
    assert open_request.state == "refused"
    assert AuditEvent.objects.filter(action="correction.refused").count() == 1
    log_in(resident)
    page = text_of(client.get("/en/my-registration/"))
    assert "Refused" in page and "Your passport says 1990." in page


def test_a_decided_request_cannot_be_decided_again(admin_client, open_request):
    admin_client.post(_url(open_request), {"action": "refuse", "refusal-refusal_reason": "No."})
    response = admin_client.post(
        _url(open_request), {"action": "refuse", "refusal-refusal_reason": "Again"}
    )
    assert response.status_code == 409
    assert "This request has already been decided." in text_of(response)
    assert CorrectionRequest.objects.get().refusal_reason == "No."


def test_a_draft_in_progress_stays_the_latest_and_takes_the_correction(
    admin_client, open_request, resident
):
    draft = complete_registration(resident, status="draft")  # number 2
    _correct(
        admin_client,
        open_request,
        "personal",
        {"birth_year": "1991"},
        **{"correction-reason": "Passport."},
    )
    correction = Registration.objects.get(origin="correction")
    draft.refresh_from_db()
    assert (correction.sequence, draft.sequence) == (2, 3)
    assert draft.answers["birth_year"] == "1991"


@pytest.mark.parametrize("path", ["999999/", "abc/", "-1/"])
def test_bad_request_ids_are_404(admin_client, path):
    assert admin_client.get(QUEUE + path).status_code == 404


def test_garbage_posts_are_4xx_never_500(admin_client, open_request):
    for data in (
        {"action": "correct", "part": "nonsense", "working": "x" * 5000},
        {"action": "correct", "shown": ["birth_year"] * 600, "q-birth_year": "\x00" * 50},
        {"add": "not_a_group", "remove": "::::"},
        {"goto": "<script>"},
    ):
        response = admin_client.post(_url(open_request), data)
        assert response.status_code in (200, 400), data


def test_adviser_centre_staff_and_resident_get_404_and_are_audited(
    adviser, staff, open_request, client, log_in, resident
):
    log_in(resident)
    browsers = [signed_in(adviser), Client(), client]
    browsers[1].force_login(staff)
    for browser in browsers:
        for url in (QUEUE, _url(open_request)):
            assert browser.get(url).status_code == 404
        response = browser.post(
            _url(open_request), {"action": "refuse", "refusal-refusal_reason": "x"}
        )
        assert response.status_code == 404
    refusals = AuditEvent.objects.filter(action="access.refused")
    assert refusals.count() == 9
    assert CorrectionRequest.objects.get().state == "received"


def test_nobody_signed_in_is_sent_to_the_administrators_sign_in(open_request):
    response = Client().get(QUEUE)
    assert response.status_code == 302
    assert re.match(r"^/admin/login/\?next=", response["Location"])


def test_an_administrator_without_the_second_factor_is_asked_for_it(administrator, open_request):
    browser = Client()
    browser.force_login(administrator)
    response = browser.get(_url(open_request))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/second-factor/")
    assert not AuditEvent.objects.filter(action="correction.opened").exists()
