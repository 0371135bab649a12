"""An adviser in a real Chromium: password, second factor, My people, the purpose, the
registration beside the resident's language, a remark, the PDF. Every page is checked with
axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from qualreg.accounts.second_factor import enrol
from qualreg.advisers.models import Adviser
from tests.advisers.conftest import ADVISER_PASSWORD, ANSWERS, complete_registration, today
from tests.browser_fixtures import axe_violations, screenshot
from tests.exports.reading import page_texts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_adviser_reads_a_registration_and_writes_a_remark(
    live_server, new_page, adviser, assignment, completed
) -> None:
    enrol(adviser)
    device = TOTPDevice.objects.get(user=adviser)
    page = new_page()
    page.goto(f"{live_server.url}/en/advisers/")
    assert axe_violations(page) == []
    page.fill("#id_username", "nora")
    page.fill("#id_password", ADVISER_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/en/advisers/login/second-factor/**")
    assert axe_violations(page) == []
    page.fill("#id_code", f"{totp(device.bin_key):06d}")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/en/advisers/")
    assert "2012 586975 61" in page.inner_text("main")
    assert axe_violations(page) == []
    screenshot(page, "adviser-people")

    page.click("table a:has-text('2012 586975 61')")
    page.wait_for_url("**/purpose/")
    page.click("main button[type=submit]")  # nothing chosen
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []
    page.check("text=Guidance conversation")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/en/advisers/registrations/{completed.pk}/")
    assert "Syria" in page.inner_text("main")
    assert axe_violations(page) == []

    page.click("text=side by side")
    assert "سوريا" in page.inner_text("main")
    assert axe_violations(page) == []
    screenshot(page, "adviser-registration-side-by-side")

    page.fill("#id_text", "Bring the diploma next time.")
    page.select_option("#id_next_step", "recognition")
    page.click("text=Save the remark")
    page.wait_for_url("**#remarks")
    assert "Bring the diploma next time." in page.inner_text("main")
    assert axe_violations(page) == []

    with page.expect_download() as download:
        page.click("text=Download as PDF")
    assert download.value.suggested_filename == f"registration-1-{today().isoformat()}.pdf"
    text = " ".join(page_texts(Path(download.value.path()).read_bytes()))
    assert "Syria" in text and "سوريا" in text and "Bring the diploma next time." in text

    page.goto(f"{live_server.url}/ar/advisers/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []


def test_an_adviser_sees_what_changed_between_two_registrations(
    live_server, new_page, adviser, resident, assignment
) -> None:
    first = complete_registration(resident)
    later = complete_registration(resident, {**ANSWERS, "birth_country": "AF"})
    page = _signed_in(new_page, adviser, f"{live_server.url}/en/advisers/registrations/{later.pk}/")
    page.wait_for_url("**/purpose/")
    page.check("text=Guidance conversation")
    page.click("main button[type=submit]")
    page.click("text=What changed since registration 1")
    page.wait_for_url(f"**/registrations/{later.pk}/changes/{first.pk}/")
    assert "Afghanistan" in page.inner_text("table")
    assert axe_violations(page) == []
    screenshot(page, "adviser-what-changed")
    page.goto(f"{live_server.url}/ar/advisers/registrations/{later.pk}/changes/{first.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []


def test_a_lead_adds_an_adviser_who_sets_up_the_account(
    live_server, new_page, adviser, organisation
) -> None:
    Adviser.objects.filter(user=adviser).update(is_lead=True)
    page = _signed_in(new_page, adviser, f"{live_server.url}/nb/advisers/team/")
    page.wait_for_url(f"{live_server.url}/nb/advisers/team/")
    assert "Rådgivere i organisasjonen din" in page.inner_text("h1")
    assert axe_violations(page) == []
    page.click("text=Legg til rådgiveren og send lenken")  # nothing filled in
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []
    page.fill("#id_first_name", "Siri")
    page.fill("#id_last_name", "Haugen")
    page.fill("#id_username", "siri.haugen")
    page.fill("#id_email", "siri.haugen@bergen.kommune.no")
    page.click("text=Legg til rådgiveren og send lenken")
    page.wait_for_url(f"{live_server.url}/nb/advisers/team/")
    assert "Venter på oppsett" in page.inner_text("main")
    assert axe_violations(page) == []
    screenshot(page, "adviser-team")

    link = next(word for word in mail.outbox[0].body.split() if "/advisers/setup/" in word)
    newcomer = new_page()
    newcomer.goto(live_server.url + link[link.index("/nb/") :])
    assert "Sett opp rådgiverkontoen din" in newcomer.inner_text("h1")
    assert axe_violations(newcomer) == []
    newcomer.fill("#id_password1", "fjord-lantern-copper-77")
    newcomer.fill("#id_password2", "fjord-lantern-copper-77")
    newcomer.click("main button[type=submit]")
    newcomer.wait_for_url("**/advisers/login/second-factor/")
    assert newcomer.locator("a[href^='otpauth://']").count() == 1


def _signed_in(new_page, adviser, url: str):  # type: ignore[no-untyped-def]
    """A new page that opened `url` and signed the adviser in on the way (both factors)."""
    enrol(adviser)
    device = TOTPDevice.objects.get(user=adviser)
    page = new_page()
    page.goto(url)
    page.fill("#id_username", adviser.username)
    page.fill("#id_password", ADVISER_PASSWORD)
    page.click("main button[type=submit]")
    page.fill("#id_code", f"{totp(device.bin_key):06d}")
    page.click("main button[type=submit]")
    return page
