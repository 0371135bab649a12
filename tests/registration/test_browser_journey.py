"""The respondent's journey in a real Chromium: keyboard only, a phone in Arabic, no JavaScript,
the translation view, the live save, and the weight of a part page."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualreg.registration.models import Registration
from tests.browser_fixtures import axe_violations, screenshot
from tests.registration.conftest import COMPLETE_ANSWERS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SMALL_TARGETS = """() => [...document.querySelectorAll(
  'main button, main select, main input[type=text], main textarea, main .choice,'
  + ' .parts-nav .part-link, .site-header button, .site-header a, .site-header summary')]
  .filter(el => el.offsetParent !== null)
  .map(el => [el.outerHTML.slice(0, 80), el.getBoundingClientRect()])
  .filter(([, r]) => r.height < 44 || r.width < 44)
  .map(([html, r]) => `${html} ${Math.round(r.width)}x${Math.round(r.height)}`)"""


def log_in(page, base, person, code, language="en"):
    page.goto(f"{base}/{language}/login/")
    page.fill("#id_duf_number", "2012 586975 61")
    page.fill("#id_code", code)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/{language}/consent/")


def consent(page):
    page.locator("button[value=consent]").click()
    page.wait_for_url("**/form/personal/")


def test_the_whole_journey_in_english_with_the_keyboard_only(live_server, page, resident, code_for):
    base = live_server.url
    page.goto(f"{base}/en/about/")
    assert axe_violations(page) == []
    page.goto(f"{base}/en/login/")
    assert axe_violations(page) == []
    page.keyboard.press("Tab")  # skip link
    page.focus("#id_duf_number")
    page.keyboard.type("2012 586975 61")
    page.keyboard.press("Tab")
    page.keyboard.type(code_for(resident))
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/consent/")
    assert axe_violations(page) == []
    page.focus("button[value=consent]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/form/personal/")
    assert axe_violations(page) == []

    # Type the year and press Enter: the form's default action is Next.
    page.focus("#q-birth_year")
    page.keyboard.type("1990")
    page.keyboard.press("Enter")
    page.wait_for_selector("#q-gender-woman")
    # Next on the empty question: the error summary takes the focus and links to the field.
    page.focus("button[value=next] >> nth=-1")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert axe_violations(page) == []
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # follows the link to the first choice
    page.keyboard.press("Space")
    page.wait_for_selector("#q-birth_country")  # saved and revealed at once by the script
    assert Registration.objects.get(person=resident).answers["gender"] == "woman"

    registration = Registration.objects.get(person=resident)
    registration.answers = dict(COMPLETE_ANSWERS)
    registration.save()
    page.goto(f"{base}/en/form/summary/")
    assert axe_violations(page) == []
    page.focus("text=Complete registration")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/form/receipt/")
    assert "Your registration is complete" in page.inner_text("h1")
    assert axe_violations(page) == []
    page.goto(f"{base}/en/my-registration/")
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.click("text=Download as PDF")
    assert download.value.suggested_filename.startswith("registration-1-")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")


def test_a_part_in_arabic_on_a_phone_is_right_to_left_accessible_and_fits(
    live_server, new_page, resident, code_for
):
    page = new_page(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    log_in(page, live_server.url, resident, code_for(resident), language="ar")
    assert axe_violations(page) == []
    consent(page)
    page.fill("#q-birth_year", "1990")
    page.locator("button[value=next] >> nth=-1").click()
    page.wait_for_selector("#q-gender-woman")
    page.locator("label[for=q-gender-man]").click()
    page.wait_for_selector("#q-birth_country")
    assert page.locator("html").get_attribute("dir") == "rtl"
    # The question's start edge is on the right.
    label = page.locator("label[for=q-birth_year]").bounding_box()
    assert label["x"] + label["width"] > 300
    assert page.evaluate(SMALL_TARGETS) == []
    assert axe_violations(page) == []
    screenshot(page, "part-ar-phone")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_journey_works_without_javascript(live_server, new_page, resident, code_for):
    page = new_page(java_script_enabled=False)
    log_in(page, live_server.url, resident, code_for(resident))
    consent(page)
    # No script: every question that applies is on the page at once.
    assert page.locator("#q-interpreter_need-question").is_visible()
    page.fill("#q-birth_year", "1990")
    page.check("#q-gender-woman")
    page.check("#q-lived_abroad-yes")
    assert page.locator("#q-countries_lived-question").count() == 0  # a follow-up: by Next
    page.locator("button[value=next] >> nth=-1").click()
    page.wait_for_selector("#error-summary")  # the required questions left empty
    assert page.locator("#q-countries_lived-question").is_visible()
    # Moving to another part through the navigation saves the page.
    page.select_option("#q-birth_country", "NO")
    page.locator(".parts-nav button[value=work]").click()
    page.wait_for_url("**/en/form/work/")
    answers = Registration.objects.get(person=resident).answers
    assert {k: answers[k] for k in ("birth_year", "gender", "birth_country", "lived_abroad")} == {
        "birth_year": "1990",
        "gender": "woman",
        "birth_country": "NO",
        "lived_abroad": "yes",
    }
    # (axe needs JavaScript in the page; the same pages are checked with it on above.)


def test_the_translation_view_shows_arabic_and_norwegian_each_in_its_direction(
    live_server, new_page, resident, code_for
):
    page = new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, resident, code_for(resident), language="ar")
    consent(page)
    page.fill("#q-birth_year", "1990")
    page.locator("button[value=next] >> nth=-1").click()
    page.wait_for_selector("#q-gender-woman")
    page.locator(".translate-form summary").click()
    page.select_option("#second-language", "nb")
    page.locator("button[value=translate]").click()
    page.wait_for_selector(".translation")
    column = page.locator(".question.bilingual .translation").first
    assert (column.get_attribute("lang"), column.get_attribute("dir")) == ("nb", "ltr")
    main = page.locator(".question.bilingual .question__main").first
    assert main.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert column.evaluate("el => getComputedStyle(el).direction") == "ltr"
    # Side by side on a wide screen: the Norwegian column sits to the left of the Arabic one.
    assert column.bounding_box()["x"] < main.bounding_box()["x"]
    assert axe_violations(page) == []
    screenshot(page, "translation-ar-nb")
    page.set_viewport_size({"width": 360, "height": 740})
    assert column.bounding_box()["y"] > main.bounding_box()["y"]  # stacked on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "translation-ar-nb-phone")
    page.locator("button[value=hide-translation]").click()
    page.wait_for_selector(".translation", state="detached")


def transferred_kilobytes(page, url):
    """Compressed bytes over the wire for loading `url`, from the DevTools protocol."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    sizes = []
    session.on("Network.loadingFinished", lambda event: sizes.append(event["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(300)
    session.detach()
    return sum(sizes) / 1024


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_part_page_weighs_little_cold_and_warm(
    live_server, new_page, resident, code_for, language
):
    page = new_page(viewport={"width": 360, "height": 740})
    log_in(page, live_server.url, resident, code_for(resident), language=language)
    consent(page)
    registration = Registration.objects.get(person=resident)
    registration.answers = {k: COMPLETE_ANSWERS[k] for k in ("birth_year", "gender")}
    registration.save()
    url = f"{live_server.url}/{language}/form/personal/"
    # A first visit: a fresh browser with nothing cached, sharing only the session cookie.
    cold_page = new_page(viewport={"width": 360, "height": 740})
    cold_page.context.add_cookies(page.context.cookies())
    cold = transferred_kilobytes(cold_page, url)
    warm = transferred_kilobytes(cold_page, url)
    print(f"part page {language}: cold {cold:.1f} KB, warm {warm:.1f} KB")
    assert cold <= 60
    assert warm <= 25
