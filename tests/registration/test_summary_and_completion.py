"""Summary with Edit links; missing answers block completion; completion prunes and freezes."""

import pytest

from qualreg.privacy.models import AuditEvent
from qualreg.registration.models import Registration
from tests.registration.conftest import COMPLETE_ANSWERS, post_part, soup, text_of

pytestmark = pytest.mark.django_db


def test_the_summary_lists_every_answer_with_edit_links(client, ready_to_complete):
    page = soup(client.get("/en/form/summary/"))
    assert page.h1.get_text() == "Summary of your answers"
    assert page.select_one("#missing") is None
    edit = page.select_one("a[href='/en/form/personal/#q-gender-question']")
    assert edit.get_text(" ", strip=True) == "Edit Are you a woman or a man?"
    assert page.select_one("a[href='/en/form/personal/']") is not None  # Edit per part
    assert "Woman" in page.select_one("#summary-personal").find_parent("section").get_text()


def test_missing_required_answers_are_listed_and_block_completion(client, draft):
    draft.answers = {k: v for k, v in COMPLETE_ANSWERS.items() if k != "gender"}
    draft.save()
    page = soup(client.get("/en/form/summary/"))
    missing = page.select_one("#missing")
    assert "1 question must be answered" in missing.get_text(" ", strip=True)
    assert missing.select_one("a")["href"] == "/en/form/personal/#q-gender-question"
    assert page.find("button", string="Complete registration") is None
    response = client.post("/en/form/complete/")
    assert response["Location"] == "/en/form/summary/#missing"
    assert Registration.objects.get(pk=draft.pk).status == "draft"


def test_completing_freezes_the_registration_and_shows_a_receipt_with_the_time(
    client, ready_to_complete
):
    response = client.post("/en/form/complete/")
    assert response["Location"] == "/en/form/receipt/"
    registration = Registration.objects.get(pk=ready_to_complete.pk)
    assert registration.status == "completed" and registration.completed_at is not None
    assert registration.helped_by == "staff"
    receipt = text_of(client.get("/en/form/receipt/"))
    assert "Your registration is complete" in receipt
    assert str(registration.completed_at.astimezone().year) in receipt
    assert AuditEvent.objects.filter(action="registration.completed").count() == 1


def test_answers_that_no_longer_apply_are_pruned_at_completion(client, ready_to_complete):
    # Children were once said to exist, then the answer changed to "no".
    ready_to_complete.answers |= {"children_under_18": "2", "unknown_question": "x"}
    ready_to_complete.save()
    client.post("/en/form/complete/")
    answers = Registration.objects.get(pk=ready_to_complete.pk).answers
    assert "children_under_18" not in answers and "unknown_question" not in answers
    assert answers["children"] == "no"


def test_a_completed_registration_cannot_be_changed_by_posting_again(client, ready_to_complete):
    client.post("/en/form/complete/")
    before = Registration.objects.get(pk=ready_to_complete.pk)
    response = post_part(client, "personal", {"birth_year": "2001"})
    assert response.status_code == 302
    assert client.post("/en/form/complete/")["Location"] == "/en/form/receipt/"
    assert client.get("/en/form/summary/")["Location"] == "/en/start/"
    after = Registration.objects.get(pk=ready_to_complete.pk)
    assert (after.answers, after.completed_at) == (before.answers, before.completed_at)
    assert Registration.objects.filter(person=ready_to_complete.person).count() == 1


def test_every_save_updates_the_share_answered(client, draft):
    post_part(client, "personal", {"birth_year": "1990"})
    first = Registration.objects.get(pk=draft.pk).progress_percent
    post_part(client, "personal", {"birth_year": "1990", "gender": "man"})
    assert Registration.objects.get(pk=draft.pk).progress_percent > first > 0
