"""After a deletion on request, no page or export shows the person's DUF number, and no
column of any table holds it (run on SQLite and on PostgreSQL)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client

from qualreg.advisers.models import Remark
from qualreg.people.models import Person
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import complete_registration, signed_in
from tests.registration.test_person_deletion import every_text_in_the_database

pytestmark = pytest.mark.django_db

# Not the example number that forms show in their hints (2012 586975 61).
DUF = "201733344455"
DUF_SPELLINGS = (DUF, "2017 333444 55", "2017333444 55", "2017 33344455")


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def resident(centre) -> Person:
    return Person.objects.create(duf_number=DUF, centre=centre, preferred_language="ti")


def _shows_the_number(content: bytes) -> list[str]:
    """The spellings of the number in a page or file (a spreadsheet is read inside its zip)."""
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as xlsx:
            content = b"".join(xlsx.read(name) for name in xlsx.namelist())
    text = content.decode()
    return [spelling for spelling in DUF_SPELLINGS if spelling in text]


def test_no_page_export_or_table_holds_a_deleted_persons_number(
    admin_browser, adviser_client, adviser, organisation, resident, staff, other_centre
):
    registration = complete_registration(resident)
    Remark.objects.create(
        person=resident, registration=registration, organisation=organisation,
        author=adviser, text="Snakker godt norsk",
    )  # fmt: skip
    # Everyone who may has met the resident: the adviser read the registration, the centre
    # listed them, the directorate changed them in the admin and read the log about them.
    assert adviser_client.get(f"/en/advisers/registrations/{registration.pk}/").status_code == 200
    download = f"/en/advisers/registrations/{registration.pk}/download/json/"
    assert _shows_the_number(adviser_client.get(download).content)
    for file_format in ("jsonl", "xlsx"):
        listed = adviser_client.post(
            "/en/advisers/export/", {"purpose": "guidance", "file_format": file_format}
        )
        assert _shows_the_number(_body(listed)), file_format
    staff_browser = signed_in(staff)
    assert _shows_the_number(staff_browser.get("/en/staff/").content)
    admin_browser.post(
        f"/admin/people/person/{resident.pk}/change/",
        {"duf_number": resident.duf_number, "centre": other_centre.pk, "preferred_language": "ar",
         "login_codes-TOTAL_FORMS": "0", "login_codes-INITIAL_FORMS": "0"},
    )  # fmt: skip
    admin_browser.post("/admin/audit/", {"duf_number": resident.duf_number})
    assert any(s in every_text_in_the_database() for s in DUF_SPELLINGS)
    rows_before = AuditEvent.objects.count()

    deleted = admin_browser.post(
        "/admin/residents/delete/",
        {"step": "delete", "duf_number": resident.duf_number,
         "duf_number_again": resident.duf_number},
    )  # fmt: skip
    assert deleted.status_code == 302

    assert [s for s in DUF_SPELLINGS if s in every_text_in_the_database()] == []
    assert AuditEvent.objects.count() == rows_before + 1
    pages = {
        "staff list": staff_browser.get("/en/staff/"),
        "adviser list": adviser_client.get("/en/advisers/"),
        "adviser registration": adviser_client.get(
            f"/en/advisers/registrations/{registration.pk}/"
        ),
        "admin people": admin_browser.get("/admin/people/person/"),
        "admin index": admin_browser.get("/admin/"),
        "audit log": admin_browser.get("/admin/audit/"),
    }
    pages["audit export"] = admin_browser.post("/admin/audit/", {"export": "csv"})
    pages["adviser download"] = adviser_client.get(download)
    for file_format in ("jsonl", "xlsx"):
        pages[f"adviser list export {file_format}"] = adviser_client.post(
            "/en/advisers/export/", {"purpose": "guidance", "file_format": file_format}
        )
    shown = {name: _shows_the_number(_body(response)) for name, response in pages.items()}
    assert shown == {name: [] for name in pages}
    assert pages["adviser registration"].status_code == 404
    assert pages["adviser download"].status_code == 404
    assert pages["adviser list export jsonl"].status_code == 200
    assert Client().get("/en/my-registration/").status_code == 302
