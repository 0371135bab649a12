"""An analyst in a real Chromium: password and second factor, the statistics page filtered
by centre, in Norwegian, and right-to-left in Arabic on a 360-pixel phone;
axe-core finds nothing, and the page with every chart is small."""

from __future__ import annotations

import gzip

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser_fixtures import axe_violations, screenshot
from tests.statistics.conftest import PASSWORD, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUDGET = 150_000  # bytes, compressed, for the page with every chart


def sign_in(page, url: str, device: TOTPDevice) -> None:
    page.goto(f"{url}/nb/statistics/")
    page.wait_for_url("**/nb/statistics/login/**")
    assert page.inner_text("h1") == "Logg inn i statistikken"
    assert axe_violations(page) == []
    page.fill("#id_username", "siri")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/nb/statistics/login/second-factor/**")
    page.fill("#id_code", f"{totp(device.bin_key):06d}")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{url}/nb/statistics/")


def test_an_analyst_reads_the_statistics_filtered_by_centre(
    live_server, new_page, analyst, centre, other_centre
):
    register(centre, 30, gender="woman")
    register(other_centre, 25, gender="man", birth_country="ER", home_language="tir")
    device = TOTPDevice.objects.create(user=analyst, name="authenticator", confirmed=True)
    page = new_page()  # the page has no script; axe-core needs one to run
    sign_in(page, live_server.url, device)
    assert page.inner_text("h1") == "Statistikk"
    assert "Registreringer som er telt" in page.inner_text("main")
    assert axe_violations(page) == []
    screenshot(page, "statistics-nb", full_page=False)

    page.select_option("#id_centre", label="Fjellheim mottak")
    page.click("main form.stat-filters button[type=submit]")
    assert "Fjellheim mottak" in page.inner_text(".stat-summary")
    assert page.locator("svg.chart").count() >= 20

    # Right to left, on a phone: nothing sticks out sideways.
    phone = new_page(viewport={"width": 360, "height": 800})
    phone.context.add_cookies(page.context.cookies())
    phone.goto(f"{live_server.url}/ar/statistics/")
    assert phone.get_attribute("html", "dir") == "rtl"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone) == []
    screenshot(phone, "statistics-ar-360", full_page=False)

    response = page.request.get(f"{live_server.url}/en/statistics/")
    assert response.status == 200
    assert len(gzip.compress(response.body())) < BUDGET
