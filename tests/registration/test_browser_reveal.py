"""One question at a time with JavaScript, every question that applies at once without it:
the same page in a real Chromium, both ways, in Arabic on a phone too."""

from __future__ import annotations

import pytest

from qualreg.registration.models import Registration
from tests.browser_fixtures import axe_violations, screenshot
from tests.registration.test_browser_journey import consent, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VISIBLE_QUESTIONS = """() => [...document.querySelectorAll('#questions > .question')]
  .filter(el => el.offsetParent !== null).map(el => el.dataset.key)"""

# The layout shifts since the page began to load (hiding questions after the first paint
# would move the buttons and the navigation).
LAYOUT_SHIFT = """() => new Promise(done => {
  let sum = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(sum), 300);
})"""


def visible(page):
    return page.evaluate(VISIBLE_QUESTIONS)


def wait_for_visible(page, keys):
    page.wait_for_function(f"() => ({VISIBLE_QUESTIONS})().join() === {','.join(keys)!r}")


def test_with_javascript_a_part_shows_one_new_question_at_a_time(
    live_server, page, resident, code_for
):
    log_in(page, live_server.url, resident, code_for(resident))
    consent(page)
    assert visible(page) == ["birth_year"]
    assert page.locator("#questions > .question").count() == 9  # held back, not missing
    page.evaluate("window.notReloaded = true")

    page.fill("#q-birth_year", "1990")
    page.press("#q-birth_year", "Tab")  # leaving the field saves it
    wait_for_visible(page, ["birth_year", "gender"])
    page.check("#q-gender-woman")
    wait_for_visible(page, ["birth_year", "gender", "birth_country"])
    assert "New question: In which country were you born?" in page.inner_text("#live-status")
    page.select_option("#q-birth_country", "SY")
    wait_for_visible(page, ["birth_year", "gender", "birth_country", "citizenship"])
    page.select_option("#q-citizenship", "SY")
    so_far = ["birth_year", "gender", "birth_country", "citizenship", "home_area"]
    wait_for_visible(page, so_far)
    page.check("#q-home_area-city")
    so_far.append("lived_abroad")
    wait_for_visible(page, so_far)
    page.check("#q-lived_abroad-yes")
    # The follow-up comes next, on its own; the questions after it wait.
    wait_for_visible(page, [*so_far, "countries_lived"])
    assert "New question: Countries you lived in before Norway" in page.inner_text("#live-status")
    page.locator("#q-countries_lived-question select").select_option("TR")
    wait_for_visible(page, [*so_far, "countries_lived", "marital_status"])
    assert page.evaluate("window.notReloaded") is True  # all without a page load

    # Next posts only the questions shown: the hidden ones are neither missed nor passed.
    page.locator("button[value=next] >> nth=-1").click()
    page.wait_for_selector("#error-summary")
    assert page.locator("#error-summary a").count() == 2  # years in Turkey, marital status
    registration = Registration.objects.get(person=resident)
    assert set(registration.attempted) == {"countries_lived", "marital_status"}
    assert registration.passed == []
    assert visible(page) == [*so_far, "countries_lived", "marital_status"]


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_a_part_in_arabic_on_a_phone_with_and_without_javascript(
    live_server, new_page, resident, code_for, javascript
):
    page = new_page(
        viewport={"width": 360, "height": 740},
        has_touch=True,
        is_mobile=True,
        java_script_enabled=javascript,
    )
    log_in(page, live_server.url, resident, code_for(resident), language="ar")
    consent(page)
    registration = Registration.objects.get(person=resident)
    registration.answers = {"birth_year": "1990", "gender": "man", "lived_abroad": "yes"}
    registration.save()
    page.goto(f"{live_server.url}/ar/form/personal/")
    questions = page.locator("#questions > .question").count()
    assert questions == 10  # every question that applies, with the follow-up of "yes"
    if javascript:
        # Up to the answered "yes" (nothing answered is hidden); its follow-up waits.
        at_first = ["birth_year", "gender", "birth_country", "citizenship", "home_area"]
        assert visible(page) == [*at_first, "lived_abroad"]
        assert page.evaluate(LAYOUT_SHIFT) == 0  # hidden from the first paint
        assert axe_violations(page) == []
    else:
        assert len(visible(page)) == questions
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, f"reveal-ar-phone-{'script' if javascript else 'no-script'}")
