"""A centre worker in a real Chromium: sign in, add a resident, issue a code, print the slip;
then the resident logs in with that code. Every staff page is checked with axe-core."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlparse

import pytest
from django_otp.oath import totp

from tests.browser_fixtures import axe_violations, screenshot
from tests.centres.conftest import add_person
from tests.conftest import STAFF_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_issue_a_code_that_the_resident_logs_in_with(live_server, new_page, staff, centre):
    for n in range(6):
        add_person(centre, f"2018{n:08d}", language=["ti", "uk", "so"][n % 3])
    page = new_page()
    page.goto(f"{live_server.url}/en/staff/")
    page.fill("#id_username", "kari")
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("main button[type=submit]")
    # First sign-in: the account sets up its authenticator app, then sees its recovery codes.
    page.wait_for_url(f"{live_server.url}/en/staff/login/second-factor/**")
    assert axe_violations(page) == []
    screenshot(page, "staff-second-factor-setup")
    address = page.get_attribute("a[href^='otpauth://']", "href")
    secret = parse_qs(urlparse(address).query)["secret"][0]
    page.fill("#id_code", f"{totp(base64.b32decode(secret)):06d}")
    page.click("main button[type=submit]")
    assert page.locator(".recovery-codes code").count() == 10
    assert axe_violations(page) == []
    page.click("text=Continue")
    page.wait_for_url(f"{live_server.url}/en/staff/")
    assert axe_violations(page) == []

    page.click("text=Add a resident")
    assert axe_violations(page) == []
    page.click("main button[type=submit]")  # nothing filled in
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []
    page.fill("#id_duf_number", "2012 586975 61")
    page.select_option("#id_preferred_language", "ar")
    page.click("main button[type=submit]")
    page.wait_for_url("**/en/staff/residents/*/")
    assert "Resident 2012 586975 61 added" in page.inner_text("main")
    assert axe_violations(page) == []

    page.click("text=Issue a code and print the slip")
    page.wait_for_url(f"{live_server.url}/en/staff/slips/")
    columns = page.locator(".slip__column")
    assert columns.count() == 2
    assert (columns.nth(0).get_attribute("lang"), columns.nth(0).get_attribute("dir")) == (
        "ar",
        "rtl",
    )
    assert (columns.nth(1).get_attribute("lang"), columns.nth(1).get_attribute("dir")) == (
        "nb",
        "ltr",
    )
    assert "desember" in columns.nth(1).inner_text() or "2026" in columns.nth(1).inner_text()
    code = columns.nth(0).locator(".slip__code").inner_text()
    assert code == columns.nth(1).locator(".slip__code").inner_text()
    assert page.locator("[data-print]").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "staff-slip")
    page.emulate_media(media="print")
    screenshot(page, "staff-slip-print")
    page.pdf(path=str(screenshot.__globals__["ARTIFACTS"] / "staff-slip.pdf"), format="A4")
    page.emulate_media(media="screen")

    page.click("text=Done")
    page.goto(f"{live_server.url}/en/staff/")
    assert "Code issued" in page.inner_text("main")
    screenshot(page, "staff-residents")
    page.goto(f"{live_server.url}/ar/staff/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []
    screenshot(page, "staff-residents-ar")

    # Bulk: select two residents, several slips per page.
    page.goto(f"{live_server.url}/en/staff/?status=not_started")
    page.locator("input[name=person]").nth(0).check()
    page.locator("input[name=person]").nth(1).check()
    page.click("text=Issue codes and print slips")
    page.wait_for_url(f"{live_server.url}/en/staff/slips/")
    assert page.locator(".slip").count() == 2
    page.emulate_media(media="print")
    screenshot(page, "staff-slips-bulk-print")
    page.pdf(path=str(screenshot.__globals__["ARTIFACTS"] / "staff-slips-bulk.pdf"), format="A4")
    page.emulate_media(media="screen")

    page.goto(f"{live_server.url}/en/staff/residents/import/")
    assert axe_violations(page) == []
    page.fill("#id_lines", "2020 111111 11; ar\n12345")
    page.click("text=Check and add")
    assert "1 resident added." in page.inner_text("main")
    assert axe_violations(page) == []

    page.click("text=Sign out")
    page.wait_for_url(f"{live_server.url}/en/staff/login/")

    resident_page = new_page()
    resident_page.goto(f"{live_server.url}/en/login/")
    resident_page.fill("#id_duf_number", "201258697561")
    resident_page.fill("#id_code", code.lower().replace("-", " "))
    resident_page.click("form button[type=submit]")
    resident_page.wait_for_load_state()
    assert "/login/" not in resident_page.url
