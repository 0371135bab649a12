"""An adviser exports the filtered "My people" list in a real Chromium: the export page, its
error, and the downloaded spreadsheet. Every page is checked with axe-core."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import signed_in
from tests.browser_fixtures import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_adviser_exports_a_filtered_list_as_a_spreadsheet(
    live_server, new_page, adviser, assignment, completed
) -> None:
    client = signed_in(adviser)
    page = new_page()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/en/advisers/?sort=duf")
    page.click("text=Export this list as a spreadsheet or JSON")
    page.wait_for_url("**/en/advisers/export/?sort=duf")
    assert page.inner_text("h1") == "Export the list"
    assert axe_violations(page) == []

    page.click("main button[type=submit]")  # no purpose chosen
    assert page.locator(".error-summary").is_visible()
    assert "Choose why you are exporting this list." in page.inner_text("main")
    assert axe_violations(page) == []
    screenshot(page, "adviser-export-error")

    page.check("text=Introduction-programme plan")
    with page.expect_download() as download:
        page.click("main button[type=submit]")
    assert download.value.suggested_filename.startswith("registrations-")
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == [completed.pk]
    assert AuditEvent.objects.filter(action="adviser.exported", person=completed.person).exists()

    page.goto(f"{live_server.url}/ar/advisers/export/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []
