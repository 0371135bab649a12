"""Typed text and a lost connection in a real Chromium: text typed and not yet left is saved
after a short pause and when the page goes away, and answers given without a connection are
kept on the page, the person is told, and they are saved when the connection is back."""

from __future__ import annotations

import time
from typing import Any

import pytest

from qualreg.registration.models import Registration
from tests.browser_fixtures import screenshot
from tests.registration.conftest import COMPLETE_ANSWERS
from tests.registration.test_browser_journey import consent, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAITING = (
    "No connection. Your answers are kept on this page and will be saved when the"
    " connection is back."
)
SAVED = "The connection is back. Your answers are saved."
IDLE = (
    "Nothing has happened on the page for a while. To protect your information you will be"
    " logged out in a few minutes."
)
WARNING_SAVED = f"{IDLE} Your answers are saved."
WARNING_UNSENT = (
    f"{IDLE} Some answers are not saved yet. They are kept on this page and will be saved"
    " when the connection is back."
)


def answers_of(resident: Any) -> dict[str, Any]:
    return Registration.objects.get(person=resident, status="draft").answers


def wait_for_answer(resident: Any, key: str, value: Any, seconds: float = 8) -> dict[str, Any]:
    """The draft's answers once `key` holds `value` (the save may still be on its way)."""
    deadline = time.monotonic() + seconds
    while True:
        answers = answers_of(resident)
        if answers.get(key) == value or time.monotonic() > deadline:
            return answers
        time.sleep(0.1)


def open_part_with(page: Any, base: str, resident: Any, code: str, part: str, answers: dict):
    log_in(page, base, resident, code)
    consent(page)
    Registration.objects.filter(person=resident, status="draft").update(answers=answers)
    page.goto(f"{base}/en/form/{part}/")


def test_text_typed_and_not_left_is_saved_when_the_page_is_reloaded(
    live_server, page, resident, code_for
):
    answers = {**COMPLETE_ANSWERS, "interests": ["other"]}
    open_part_with(page, live_server.url, resident, code_for(resident), "other", answers)
    beacons = []
    page.on("request", lambda r: beacons.append(r) if "beacon=1" in (r.post_data or "") else None)
    page.focus("#q-interests_other")
    page.keyboard.type("Playing the oud")
    page.reload()  # at once: no pause, no blur, no change event

    assert page.input_value("#q-interests_other") == "Playing the oud"
    assert wait_for_answer(resident, "interests_other", "Playing the oud")["interests_other"] == (
        "Playing the oud"
    )
    # The beacon carried the CSRF token in its body and no header of ours, and was accepted.
    assert len(beacons) == 1
    assert "csrfmiddlewaretoken=" in beacons[0].post_data
    assert "x-requested-with" not in beacons[0].headers
    assert beacons[0].response() is None or beacons[0].response().status == 204


def test_typed_text_is_saved_after_a_pause_without_redrawing_the_field(
    live_server, page, resident, code_for
):
    log_in(page, live_server.url, resident, code_for(resident))
    consent(page)
    page.focus("#q-birth_year")
    page.evaluate("document.getElementById('q-birth_year').notRedrawn = true")
    page.keyboard.type("19")

    # A pause: "19" is saved although the field was never left, and the error it has waits
    # until the person leaves the field; the field keeps the focus, the caret and its node.
    assert wait_for_answer(resident, "birth_year", "19")["birth_year"] == "19"
    time.sleep(0.5)  # the reply has come back and been applied
    assert page.evaluate("document.activeElement.id") == "q-birth_year"
    assert page.evaluate("document.getElementById('q-birth_year').notRedrawn") is True
    assert page.evaluate("document.activeElement.selectionStart") == 2
    assert page.locator("#q-birth_year-error").count() == 0

    page.keyboard.type("85")
    assert wait_for_answer(resident, "birth_year", "1985")["birth_year"] == "1985"
    assert page.input_value("#q-birth_year") == "1985"
    page.keyboard.press("Tab")  # leaving the field redraws it with its mark, no error
    page.wait_for_selector("#q-birth_year-question .mark--answered")
    assert page.locator("#q-birth_year-error").count() == 0


def test_answers_given_without_a_connection_are_kept_and_saved_when_it_is_back(
    live_server, new_page, resident, code_for
):
    page = new_page()
    base = live_server.url
    open_part_with(page, base, resident, code_for(resident), "personal", dict(COMPLETE_ANSWERS))
    page.context.set_offline(True)

    page.fill("#q-birth_year", "1985")
    page.check("#q-gender-man")
    page.select_option("#q-birth_country", "ER")
    page.wait_for_selector(f"#save-status:has-text('{WAITING}')")
    page.focus("#q-citizenship")
    page.select_option("#q-citizenship", "ER")
    page.focus("#q-birth_year")
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.type("6")  # typed, not left, while offline
    time.sleep(2)  # past the typing pause
    # Next without a connection: the page stays with the answers and says why.
    page.locator("#part-form button[value=next]").click()
    time.sleep(0.5)
    assert page.url == f"{base}/en/form/personal/"
    assert page.inner_text("#save-status") == WAITING
    assert answers_of(resident)["gender"] == "woman"  # nothing has reached the server

    page.context.set_offline(False)
    page.wait_for_selector(f"#save-status:has-text('{SAVED}')")
    answers = answers_of(resident)
    assert {
        key: answers[key] for key in ("birth_year", "gender", "birth_country", "citizenship")
    } == {
        "birth_year": "1986",
        "gender": "man",
        "birth_country": "ER",
        "citizenship": "ER",
    }
    assert answers["marital_status"] == "single"  # what was not touched is kept


def test_the_waiting_message_in_arabic_on_a_phone(live_server, new_page, resident, code_for):
    page = new_page(viewport={"width": 360, "height": 740})
    base = live_server.url
    log_in(page, base, resident, code_for(resident), language="ar")
    page.locator("button[value=consent]").click()
    page.wait_for_url("**/ar/form/personal/")
    page.context.set_offline(True)
    page.fill("#q-birth_year", "1990")
    page.locator("#q-birth_year").blur()
    status = page.locator("#save-status .alert")
    status.wait_for()
    assert status.inner_text() == (
        "لا يوجد اتصال. إجاباتك محفوظة في هذه الصفحة وسيتم حفظها عند عودة الاتصال."
    )
    box = status.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert box["y"] + box["height"] <= 740  # in sight, at the bottom of the screen
    screenshot(page, "offline-waiting-ar-360", full_page=False)
    page.context.set_offline(False)
    assert wait_for_answer(resident, "birth_year", "1990")["birth_year"] == "1990"


def test_being_logged_out_while_offline_is_said_and_the_answers_stay_on_the_page(
    live_server, new_page, resident, code_for
):
    page = new_page()
    base = live_server.url
    open_part_with(page, base, resident, code_for(resident), "personal", dict(COMPLETE_ANSWERS))
    page.context.set_offline(True)
    page.check("#q-gender-man")
    page.wait_for_selector(f"#save-status:has-text('{WAITING}')")
    page.context.clear_cookies(name="sessionid")  # the session is gone meanwhile
    page.context.set_offline(False)

    page.wait_for_selector("#save-status:has-text('could not be saved')")
    assert page.url == f"{base}/en/form/personal/"  # not sent away silently
    assert page.is_checked("#q-gender-man")
    assert answers_of(resident)["gender"] == "woman"
    assert page.get_attribute("#save-status a", "href").startswith(f"{base}/en/login/")


def changed_offline_on_a_clock(new_page: Any, base: str, resident: Any, code: str) -> Any:
    """The personal part on a browser clock the test moves, with the connection cut and one
    answer changed: it waits, unsent."""
    page = new_page()
    page.clock.install()
    open_part_with(page, base, resident, code, "personal", dict(COMPLETE_ANSWERS))
    page.context.set_offline(True)
    page.check("#q-gender-man")
    page.wait_for_selector(f"#save-status:has-text('{WAITING}')")
    return page


def test_the_session_ending_with_unsent_answers_is_said_instead_of_leaving(
    live_server, new_page, resident, code_for, settings
):
    base = live_server.url
    page = changed_offline_on_a_clock(new_page, base, resident, code_for(resident))
    page.clock.fast_forward(settings.SESSION_COOKIE_AGE * 1000 + 10_000)

    page.wait_for_selector("#save-status:has-text('could not be saved')")
    assert page.url == f"{base}/en/form/personal/"
    assert page.is_checked("#q-gender-man")
    assert page.is_hidden("#timeout-warning")  # over, and not covering the message


def bring_up_the_timeout_warning(page: Any, settings: Any) -> None:
    """Idle until a minute before the session ends: the warning is up, the end not yet."""
    page.clock.fast_forward((settings.SESSION_COOKIE_AGE - 60) * 1000)
    page.wait_for_selector("#timeout-warning", state="visible")


def test_the_timeout_warning_says_answers_kept_without_a_connection_are_not_saved_yet(
    live_server, new_page, resident, code_for, settings
):
    page = changed_offline_on_a_clock(new_page, live_server.url, resident, code_for(resident))
    bring_up_the_timeout_warning(page, settings)

    assert page.inner_text("#timeout-text") == WARNING_UNSENT
    assert answers_of(resident)["gender"] == "woman"  # indeed not saved

    # The connection is back: the answer is saved, and the warning, no longer needed, goes.
    page.context.set_offline(False)
    page.wait_for_selector("#timeout-warning", state="hidden")
    assert wait_for_answer(resident, "gender", "man")["gender"] == "man"


def test_the_timeout_warning_says_the_answers_are_saved_until_one_is_changed_offline(
    live_server, new_page, resident, code_for, settings
):
    page = new_page()
    page.clock.install()
    base = live_server.url
    open_part_with(page, base, resident, code_for(resident), "personal", dict(COMPLETE_ANSWERS))
    page.check("#q-gender-man")
    assert wait_for_answer(resident, "gender", "man")["gender"] == "man"
    bring_up_the_timeout_warning(page, settings)

    assert page.inner_text("#timeout-text") == WARNING_SAVED

    # An answer changed without a connection while the warning is up: its words change too.
    page.context.set_offline(True)
    page.check("#q-gender-woman")
    page.wait_for_selector("#timeout-text:has-text('Some answers are not saved yet')")
    assert page.inner_text("#timeout-text") == WARNING_UNSENT


def test_a_beacon_alone_saves_the_typed_text_when_the_page_is_closed(
    live_server, page, resident, code_for
):
    answers = {**COMPLETE_ANSWERS, "interests": ["other"]}
    open_part_with(page, live_server.url, resident, code_for(resident), "other", answers)
    page.focus("#q-interests_other")
    page.keyboard.type("Chess")
    page.close(run_before_unload=True)  # no next load to put it back: only the beacon
    assert wait_for_answer(resident, "interests_other", "Chess")["interests_other"] == "Chess"


def test_typed_text_whose_beacon_is_lost_is_put_back_and_saved_by_the_next_load(
    live_server, page, resident, code_for
):
    answers = {**COMPLETE_ANSWERS, "interests": ["other"]}
    open_part_with(page, live_server.url, resident, code_for(resident), "other", answers)
    page.route(
        "**/form/other/",
        lambda route: (
            route.abort() if "beacon=1" in (route.request.post_data or "") else route.continue_()
        ),
    )
    page.focus("#q-interests_other")
    page.keyboard.type("Chess")
    page.reload()

    assert page.input_value("#q-interests_other") == "Chess"
    assert wait_for_answer(resident, "interests_other", "Chess")["interests_other"] == "Chess"
    # Handed over once: a later load shows what the server has, nothing from the tab.
    Registration.objects.filter(person=resident, status="draft").update(
        answers={**answers, "interests_other": "Football"}
    )
    page.reload()
    assert page.input_value("#q-interests_other") == "Football"


def test_without_javascript_a_post_without_a_connection_fails_visibly_and_can_be_sent_again(
    live_server, new_page, resident, code_for
):
    page = new_page(java_script_enabled=False)
    base = live_server.url
    open_part_with(page, base, resident, code_for(resident), "personal", dict(COMPLETE_ANSWERS))
    page.context.set_offline(True)
    page.check("#q-gender-man")
    with page.expect_event("requestfailed") as failure:
        page.locator("#part-form button[value=next] >> nth=-1").click(no_wait_after=True)
    assert failure.value.failure == "net::ERR_INTERNET_DISCONNECTED"
    deadline = time.monotonic() + 5
    while not page.url.startswith("chrome-error:") and time.monotonic() < deadline:
        page.wait_for_timeout(100)  # lets Playwright hear of the navigation
    assert page.url.startswith("chrome-error:")  # the browser's own "no connection" page
    assert answers_of(resident)["gender"] == "woman"

    # Back online, the browser's Reload sends the same post again: nothing was lost, and
    # Next, now done, opens the next part, since every question of this one is answered.
    page.context.set_offline(False)
    page.reload()
    assert page.url.startswith(f"{base}/en/form/education/")
    assert answers_of(resident)["gender"] == "man"
