"""The adviser's PDF of a registration: the purpose first, the same access rule as the page,
an audit row with the format, their language beside the resident's, their organisation's
remarks, and a file name without the DUF number. (The refused side of the access rule is in
test_access_matrix.py, which asks for the PDF too.)"""

from __future__ import annotations

import re

from qualreg.advisers.models import Remark
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import signed_in, today
from tests.exports.reading import page_texts


def _url(registration) -> str:
    return f"/en/advisers/registrations/{registration.pk}/pdf/"


def test_the_adviser_downloads_the_pdf_and_the_export_is_audited(
    adviser_client, adviser, resident, completed
) -> None:
    response = adviser_client.get(_url(completed))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition == f'attachment; filename="registration-1-{today().isoformat()}.pdf"'
    assert resident.duf_number not in disposition and not re.search(r"\d{6}", disposition)
    assert "no-cache" in response["Cache-Control"]
    text = " ".join(page_texts(response.content))
    assert "In which country were you born?" in text and "Syria" in text  # English
    assert "سوريا" in text  # beside it, the resident's Arabic
    assert f"DUF number: {resident.duf_display}" in text
    exported = AuditEvent.objects.get(action="adviser.exported")
    assert (exported.actor, exported.person, exported.registration) == (
        adviser,
        resident,
        completed,
    )
    assert exported.reason == "guidance"
    assert exported.detail == {
        "organisation": adviser.adviser.organisation_id,
        "format": "pdf",
        "count": 1,
    }


def test_the_purpose_comes_first(adviser, resident, assignment, completed) -> None:
    client = signed_in(adviser)
    response = client.get(_url(completed))
    assert response.status_code == 302
    assert response["Location"] == f"/en/advisers/registrations/{completed.pk}/purpose/"
    assert not AuditEvent.objects.filter(action="adviser.exported").exists()


def test_the_copy_has_only_the_advisers_organisation_remarks(
    adviser_client, adviser, other_adviser, other_organisation, resident, completed
) -> None:
    adviser_client.post(
        f"/en/advisers/registrations/{completed.pk}/remarks/",
        {"text": "Bring your diploma.", "next_step": "recognition"},
    )
    Remark.objects.create(
        person=resident,
        registration=completed,
        organisation=other_organisation,
        author=other_adviser,
        text="A remark of another office.",
    )
    text = " ".join(page_texts(adviser_client.get(_url(completed)).content))
    assert "Remarks and next steps" in text
    assert "nora, Bergen kommune" in text and "Bring your diploma." in text
    assert "Next step: Recognition of education" in text
    assert "A remark of another office." not in text


def test_the_page_links_to_the_pdf(adviser_client, completed) -> None:
    page = adviser_client.get(f"/en/advisers/registrations/{completed.pk}/").content.decode()
    assert f'href="{_url(completed)}" download>Download as PDF</a>' in page


def test_the_resident_sees_the_export_as_a_read(adviser_client, resident, completed, code_for):
    adviser_client.get(_url(completed))
    client = adviser_client.__class__()
    client.post("/en/login/", {"duf_number": resident.duf_number, "code": code_for(resident)})
    page = client.get("/en/my-registration/").content.decode()
    assert "No adviser has read your registration." not in page
    assert "Bergen kommune" in page
