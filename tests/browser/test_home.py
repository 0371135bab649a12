"""The front page in a real Chromium, in a left-to-right and a right-to-left language."""

import pytest

from tests.browser_fixtures import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_english_front_page_is_accessible_and_left_to_right(live_server, page):
    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.title().startswith("Choose language")
    assert axe_violations(page) == []


def test_switching_to_arabic_turns_the_page_right_to_left(live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher a[lang=ar]").click()
    page.wait_for_url(f"{live_server.url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    # The header's start edge is on the right in Arabic.
    name = page.locator(".service-name").bounding_box()
    assert name["x"] > page.viewport_size["width"] / 2
    screenshot(page, "home-ar")
    assert axe_violations(page) == []


def test_the_front_page_fits_a_small_phone(live_server, new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(f"{live_server.url}/ar/")
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= 320
    screenshot(page, "home-ar-320")
