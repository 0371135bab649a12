"""Deleting a resident on request: one page, the number typed twice, one pseudonymous audit
row "deleted on request"."""

from __future__ import annotations

import pytest

from qualreg.people.models import Person
from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent
from qualreg.registration.models import Registration
from tests.advisers.conftest import complete_registration
from tests.registration.conftest import soup, text_of

pytestmark = pytest.mark.django_db

URL = "/admin/residents/delete/"


def test_the_page_asks_for_the_exact_duf_number(admin_browser):
    page = text_of(admin_browser.get(URL))
    assert "Delete a resident on request" in page
    assert "find them by their exact DUF number" in page


def test_finding_shows_what_will_go_and_asks_for_the_number_again(admin_browser, resident):
    complete_registration(resident)
    response = admin_browser.post(URL, {"step": "find", "duf_number": "2012 586975 61"})
    page = text_of(response)
    assert response.status_code == 200
    assert "Check what will be deleted" in page and "Fjellheim mottak" in page
    assert "Type the DUF number again to confirm" in page
    looked_up = AuditEvent.objects.get(action=audit.Action.PERSON_LOOKED_UP)
    assert looked_up.person == resident
    assert Person.objects.filter(pk=resident.pk).exists()


def test_an_unknown_or_malformed_number_is_a_clear_error(admin_browser, resident):
    unknown = admin_browser.post(URL, {"step": "find", "duf_number": "2013 000000 00"})
    assert unknown.status_code == 400
    assert "No resident has this DUF number." in text_of(unknown)
    malformed = admin_browser.post(URL, {"step": "find", "duf_number": "12345"})
    assert malformed.status_code == 400
    assert "Enter a DUF number of 12 digits" in text_of(malformed)


def test_a_different_number_typed_again_deletes_nothing(admin_browser, resident):
    complete_registration(resident)
    response = admin_browser.post(
        URL,
        {"step": "delete", "duf_number": resident.duf_number, "duf_number_again": "201912345678"},
    )
    assert response.status_code == 400
    assert "The DUF numbers are not the same. Nothing was deleted." in text_of(response)
    assert Person.objects.filter(pk=resident.pk).exists()
    assert Registration.objects.filter(person=resident).exists()
    assert not AuditEvent.objects.filter(action=audit.Action.PERSON_DELETED).exists()


def test_a_reference_that_is_a_duf_number_is_refused(admin_browser, resident):
    response = admin_browser.post(
        URL,
        {
            "step": "delete",
            "duf_number": resident.duf_number,
            "duf_number_again": resident.duf_number,
            "reference": "201258697561",
        },
    )
    assert response.status_code == 400
    assert "never a DUF number" in text_of(response)
    assert Person.objects.filter(pk=resident.pk).exists()


def test_the_number_typed_again_deletes_and_leaves_one_pseudonymous_row(
    admin_browser, administrator, resident
):
    complete_registration(resident)
    response = admin_browser.post(
        URL,
        {
            "step": "delete",
            "duf_number": resident.duf_number,
            "duf_number_again": "2012 586975 61",
            "reference": "2026/1234",
        },
        follow=True,
    )
    subject = audit.pseudonym("201258697561")
    assert "have been deleted" in text_of(response) and subject in text_of(response)
    assert not Person.objects.exists() and not Registration.objects.exists()
    row = AuditEvent.objects.get(action=audit.Action.PERSON_DELETED)
    assert row.actor == administrator and row.person is None and row.subject == subject
    assert row.reason == "deleted on request (2026/1234)"


def test_the_admin_index_links_to_the_rights_pages(admin_browser):
    page = soup(admin_browser.get("/admin/"))
    links = {a.get_text(strip=True): a["href"] for a in page.select("#content-main a")}
    assert links["Delete a resident on request"] == URL
    assert links["Audit log"] == "/admin/audit/"
    assert "Residents' rights" in page.select_one("#content-main").get_text()
