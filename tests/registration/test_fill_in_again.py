"""After completion: a new login shows the completed registration; filling in again copies it."""

import pytest

from qualreg.registration.models import ConsentRecord, Registration
from tests.registration.conftest import post_part, soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(client, ready_to_complete, log_in):
    client.post("/en/form/complete/")
    client.post("/en/logout/")
    log_in(ready_to_complete.person)
    return Registration.objects.get(pk=ready_to_complete.pk)


def test_a_new_login_shows_the_completed_registration_read_only(client, completed):
    assert client.get("/en/start/")["Location"] == "/en/completed/"
    response = client.get("/en/completed/")
    page = soup(response)
    assert page.select("form#part-form") == [] and page.select("a[href*='/form/']") == []
    assert "Woman" in text_of(response)
    assert page.find("a", string="Fill in the form again")["href"] == "/en/consent/"


def test_filling_in_again_starts_from_a_copy_and_leaves_the_completed_one_alone(client, completed):
    client.post("/en/consent/", {"decision": "consent"})
    new = Registration.objects.get(person=completed.person, status="draft")
    assert new.sequence == 2 and new.answers == completed.answers
    assert ConsentRecord.objects.filter(registration=new, decision="consented").exists()
    post_part(client, "personal", {"birth_year": "1991"})
    assert Registration.objects.get(pk=new.pk).answers["birth_year"] == "1991"
    old = Registration.objects.get(pk=completed.pk)
    assert (old.answers, old.status, old.completed_at) == (
        completed.answers,
        "completed",
        completed.completed_at,
    )
