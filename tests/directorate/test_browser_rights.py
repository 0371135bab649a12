"""The new pages in a real Chromium: "My registration" in Arabic (right to left, the consent
text unfolding without JavaScript), and the administrators' pages, each with axe 0."""

from __future__ import annotations

import pytest

from qualreg.accounts.second_factor import enrol
from tests.advisers.conftest import complete_registration
from tests.browser_fixtures import axe_violations, screenshot
from tests.directorate.conftest import ADMIN_PASSWORD
from tests.signing_in import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_my_registration_in_arabic_is_right_to_left_and_accessible(
    live_server, new_page, resident, code_for
):
    page = new_page()
    page.goto(f"{live_server.url}/ar/login/")
    page.fill("#id_duf_number", "2012 586975 61")
    page.fill("#id_code", code_for(resident))
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/ar/consent/")
    page.locator("button[value=consent]").click()
    page.wait_for_url("**/form/personal/")
    complete_registration(resident)
    page.goto(f"{live_server.url}/ar/my-registration/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    declaration = page.locator("main details:has(div[lang=ar])")
    declaration.locator("summary").click()
    assert declaration.locator("div[lang=ar] h3").first.is_visible()
    assert axe_violations(page) == []
    screenshot(page, "my-registration-ar")


def test_my_registration_opens_the_consent_text_without_javascript(
    live_server, new_page, resident, code_for, client
):
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}/en/login/")
    page.fill("#id_duf_number", "2012 586975 61")
    page.fill("#id_code", code_for(resident))
    page.locator("form button[type=submit]").click()
    page.locator("button[value=consent]").click()
    page.goto(f"{live_server.url}/en/my-registration/")
    declaration = page.locator("main details:has(div[lang=en])")
    declaration.locator("summary").click()
    assert declaration.get_by_text("Who can see it").is_visible()


def test_the_administrators_pages_are_accessible(live_server, new_page, administrator, resident):
    enrol(administrator)
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/residents/delete/")
    page.fill("#id_username", administrator.username)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/second-factor/**")
    assert axe_violations(page) == []
    page.fill("#id_code", current_code(administrator))
    page.locator("main button[type=submit], #content button[type=submit]").first.click()
    page.wait_for_url("**/admin/residents/delete/")
    assert axe_violations(page) == []
    page.fill("#id_duf_number", "2012 586975 61")
    page.get_by_role("button", name="Find the resident").click()
    page.get_by_text("Check what will be deleted").wait_for()
    assert axe_violations(page) == []
    page.fill("#id_duf_number_again", "1999")
    page.get_by_role("button", name="Delete permanently").click()
    page.locator("#error-summary").wait_for()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/admin/audit/")
    assert page.locator("tbody tr").count() > 0
    assert axe_violations(page) == []
    screenshot(page, "audit-log")
