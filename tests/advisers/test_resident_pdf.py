"""The resident's own PDF from "My registration": their language beside bokmål, every remark
labelled with the organisation, their rights; only their own completed registrations."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone, translation

from qualreg.advisers.models import Remark
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import complete_registration
from tests.exports.reading import page_texts


@pytest.fixture
def logged_in(resident, code_for) -> Client:
    client = Client()
    response = client.post(
        "/ar/login/", {"duf_number": resident.duf_number, "code": code_for(resident)}
    )
    assert response.status_code == 302
    return client


def test_the_resident_downloads_their_copy_in_their_language_beside_bokmal(
    logged_in, resident, adviser, organisation
) -> None:
    registration = complete_registration(resident)
    Remark.objects.create(
        person=resident,
        registration=registration,
        organisation=organisation,
        author=adviser,
        text="Ta med vitnemålet.",
        next_step="norwegian_course",
    )
    response = logged_in.get("/ar/my-registration/1/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    day = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="registration-1-{day}.pdf"'
    text = " ".join(page_texts(response.content))
    assert "I hvilket land er du født?" in text and "Syria" in text  # bokmål
    assert "سوريا" in text  # their Arabic
    assert "Bergen kommune" in text
    assert "Ta med vitnemålet." in text  # left to right, though the copy is right to left
    assert "nora" not in text  # the organisation answers for its advisers
    assert "post@imdi.no" in text
    with translation.override("nb"):
        assert translation.gettext("Your rights") in text
    exported = AuditEvent.objects.get(action="registration.exported_by_resident")
    assert (exported.person, exported.registration, exported.by_resident) == (
        resident,
        registration,
        True,
    )
    assert exported.detail == {"format": "pdf"}


def test_my_registration_links_to_the_pdf_of_a_completed_registration(logged_in, resident) -> None:
    complete_registration(resident)
    page = logged_in.get("/en/my-registration/").content.decode()
    assert 'href="/en/my-registration/1/pdf/">Download as PDF</a>' in page
    assert "The PDF shows your answers in your language beside Norwegian" in page


def test_a_draft_has_no_pdf(logged_in, resident) -> None:
    complete_registration(resident, status="draft")
    response = logged_in.get("/en/my-registration/1/pdf/")
    assert response.status_code == 404
    assert response["Content-Type"] != "application/pdf"
    assert not AuditEvent.objects.filter(action="registration.exported_by_resident").exists()


def test_another_residents_registration_is_out_of_reach(logged_in, other_resident) -> None:
    complete_registration(other_resident)  # their number 1; the resident has none
    response = logged_in.get("/en/my-registration/1/pdf/")
    assert response.status_code == 404
    assert response["Content-Type"] != "application/pdf"


def test_without_a_login_the_pdf_asks_for_one(resident) -> None:
    complete_registration(resident)
    response = Client().get("/en/my-registration/1/pdf/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
