"""My registration: everything registered about the person, in their language."""

import pytest

from qualreg.privacy.models import AuditEvent
from tests.registration.conftest import soup, text_of

pytestmark = pytest.mark.django_db


def test_it_shows_person_consents_codes_and_every_registration(client, ready_to_complete):
    client.post("/en/form/complete/")
    response = client.get("/en/my-registration/")
    page = text_of(response)
    assert "2012 586975 61" in page or "201258697561" in page.replace(" ", "")
    assert "Fjellheim mottak" in page
    assert "Consented" in page
    assert "Registration 1 : Completed" in page
    assert "Woman" in page
    assert AuditEvent.objects.filter(action="registration.viewed_by_resident").exists()


def test_it_speaks_the_language_of_the_page(client, draft):
    page = soup(client.get("/ar/my-registration/"))
    assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
    assert page.select_one("bdi[dir=ltr]") is not None  # the DUF number stays left-to-right
