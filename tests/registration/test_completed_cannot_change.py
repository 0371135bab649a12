"""A completed registration never changes: not through the model, not through a queryset
update, not through an answer save that comes after completion."""

from __future__ import annotations

import pytest

from qualreg.registration import saving
from qualreg.registration.models import CompletedRegistrationError, Registration
from tests.registration.conftest import post_part

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(client, ready_to_complete) -> Registration:
    client.post("/en/form/complete/")
    return Registration.objects.get(pk=ready_to_complete.pk)


def test_completing_is_the_one_change_a_registration_takes(completed):
    assert completed.status == "completed" and completed.origin == "resident"
    assert completed.supersedes is None and completed.corrected_by is None
    assert completed.reason == ""


def test_saving_a_completed_registration_raises_and_writes_nothing(completed):
    before = Registration.objects.values().get(pk=completed.pk)
    completed.answers = {**completed.answers, "gender": "man"}
    with pytest.raises(CompletedRegistrationError):
        completed.save()
    with pytest.raises(CompletedRegistrationError):
        completed.save(update_fields=["answers"])
    completed.status = "draft"  # nor can it be turned back into a draft
    with pytest.raises(CompletedRegistrationError):
        completed.save()
    assert Registration.objects.values().get(pk=completed.pk) == before


def test_a_draft_read_before_completion_cannot_overwrite_the_completed_row(completed):
    stale = Registration.objects.get(pk=completed.pk)
    stale.status = "draft"  # as a request that read the draft before it was completed has it
    stale.answers = {"gender": "man"}
    with pytest.raises(CompletedRegistrationError):
        stale.save()
    assert Registration.objects.get(pk=completed.pk).answers["gender"] == "woman"


def test_a_queryset_update_leaves_completed_registrations_alone(completed):
    updated = Registration.objects.filter(pk=completed.pk).update(answers={}, progress_percent=0)
    assert updated == 0
    assert Registration.objects.get(pk=completed.pk).answers["gender"] == "woman"


def test_the_optimistic_save_only_ever_writes_a_draft(completed):
    """The autosave's conditional write, given a completed row at the revision it read."""
    row = Registration.objects.get(pk=completed.pk)
    row.answers = {"gender": "man"}
    assert not saving._write_if_unchanged(row, ["answers"], row.revision)
    assert Registration.objects.get(pk=completed.pk).answers["gender"] == "woman"


def test_posting_answers_after_completion_changes_nothing(client, completed):
    before = Registration.objects.values().get(pk=completed.pk)
    response = post_part(client, "personal", {"gender": "man"}, action="save")
    assert response.status_code in (302, 303, 409)
    autosave = client.post(
        "/en/form/personal/",
        {"shown": ["gender"], "q-gender": "man", "autosave": "1", "delta": "1"},
    )
    assert autosave.status_code < 500
    assert Registration.objects.values().get(pk=completed.pk) == before
    assert Registration.objects.filter(person=completed.person).count() == 1
