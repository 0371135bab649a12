"""Django's own admin pages as the directorate uses them (the index, a list and a change form
of centres and of accounts) in a real Chromium, breadcrumbs included, each with axe 0."""

from __future__ import annotations

import pytest

from qualreg.accounts.second_factor import enrol
from tests.browser_fixtures import axe_violations, screenshot
from tests.directorate.conftest import ADMIN_PASSWORD
from tests.signing_in import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in_admin(live_server, new_page, administrator):
    enrol(administrator)
    page = new_page(locale="en-GB")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", administrator.username)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/second-factor/**")
    page.fill("#id_code", current_code(administrator))
    page.locator("#content button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def test_the_stock_admin_pages_and_their_breadcrumbs_are_accessible(
    live_server, new_page, administrator, centre
):
    page = _signed_in_admin(live_server, new_page, administrator)
    assert page.locator("h1").inner_text() == "Site administration"
    assert axe_violations(page) == []

    pages = [
        ("/admin/people/centre/", "Select reception centre to change", "Reception centres"),
        (f"/admin/people/centre/{centre.pk}/change/", "Change reception centre", centre.name),
        ("/admin/accounts/user/", "Select staff user to change", "Staff users"),
        (f"/admin/accounts/user/{administrator.pk}/change/", "Change staff user", "direktorat"),
    ]
    found = {}
    for path, heading, crumb in pages:
        page.goto(f"{live_server.url}{path}")
        assert heading in page.locator("#content h1, #content h2").first.inner_text()
        breadcrumbs = page.locator("nav[aria-label=Breadcrumbs], div.breadcrumbs").first
        assert breadcrumbs.get_by_role("link", name="Home").is_visible()
        assert crumb in breadcrumbs.inner_text()
        found[path] = axe_violations(page)
    screenshot(page, "admin-change-user")
    # The admin follows the system's dark mode, with breadcrumbs of other colours.
    page.emulate_media(color_scheme="dark")
    page.goto(f"{live_server.url}/admin/people/centre/")
    found["dark"] = axe_violations(page)
    assert found == dict.fromkeys(found, [])
