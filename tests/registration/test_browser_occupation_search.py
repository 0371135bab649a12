"""The occupation list is searchable: with the keyboard only, typing part of a job's name in
English or Arabic, arrows and Enter choose it, the number of results is announced, and the
answer is saved; axe finds nothing. Without the script the plain drop-down stays."""

from __future__ import annotations

import time

import pytest

from qualreg.registration.models import Registration
from tests.browser_fixtures import axe_violations, screenshot
from tests.registration.conftest import COMPLETE_ANSWERS, soup
from tests.registration.test_browser_journey import consent, log_in

ITEM = "0000000a"
SELECT = f"q-jobs-{ITEM}-job_occupation"
SEARCH = f"#{SELECT}-search"


def with_a_job(person):
    answers = dict(COMPLETE_ANSWERS) | {"paid_work": "yes", "jobs": [{"id": ITEM}]}
    Registration.objects.filter(person=person).update(answers=answers)


def saved_occupation(person, expected):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        jobs = Registration.objects.get(person=person).answers["jobs"]
        if jobs[0].get("job_occupation") == expected:
            return expected
        time.sleep(0.1)
    return Registration.objects.get(person=person).answers["jobs"][0].get("job_occupation")


def open_work_part(page, live_server, resident, code_for, language):
    log_in(page, live_server.url, resident, code_for(resident), language=language)
    consent(page)
    with_a_job(resident)
    page.goto(f"{live_server.url}/{language}/form/work/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_choosing_a_job_by_typing_in_english_with_the_keyboard(
    live_server, page, resident, code_for
):
    open_work_part(page, live_server, resident, code_for, "en")
    assert not page.locator(f"#{SELECT}").is_visible()  # the search box stands in for it
    page.locator(f"label[for={SELECT}-search]").click()  # the label leads to the search box
    assert page.evaluate("document.activeElement.id") == f"{SELECT}-search"
    page.keyboard.type("tailor")
    assert page.get_attribute(SEARCH, "aria-expanded") == "true"
    assert page.locator(f"#{SELECT}-listbox [role=option]").all_inner_texts() == [
        "Tailor or dressmaker"
    ]
    assert page.locator(".combobox [role=status]").inner_text() == "Results: 1"
    page.keyboard.press("ArrowDown")
    assert page.get_attribute(SEARCH, "aria-activedescendant")
    page.keyboard.press("Enter")
    assert page.input_value(SEARCH) == "Tailor or dressmaker"
    assert saved_occupation(resident, "7531") == "7531"
    # The save redraws the question: the search box is back, with the focus and the answer.
    page.wait_for_function("id => document.activeElement.id === id", arg=f"{SELECT}-search")
    assert page.input_value(SEARCH) == "Tailor or dressmaker"

    page.keyboard.press("Control+a")
    page.keyboard.type("zzzz")
    assert page.locator(".combobox [role=status]").inner_text() == "No results. Try other words."
    page.keyboard.press("Escape")
    assert page.get_attribute(SEARCH, "aria-expanded") == "false"
    assert page.input_value(SEARCH) == "Tailor or dressmaker"  # Escape keeps the answer
    assert axe_violations(page) == []
    page.reload()
    assert page.input_value(SEARCH) == "Tailor or dressmaker"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_choosing_a_job_by_typing_in_arabic_on_a_phone(live_server, new_page, resident, code_for):
    page = new_page(viewport={"width": 360, "height": 740})
    open_work_part(page, live_server, resident, code_for, "ar")
    page.focus(SEARCH)
    page.keyboard.type("خياط او")  # without the hamza: أو is found by او
    options = page.locator(f"#{SELECT}-listbox [role=option]")
    assert options.all_inner_texts() == ["خياط أو خياطة", "عامل خياطة أو تطريز"]
    assert page.locator(".combobox [role=status]").inner_text() == "النتائج: 2"
    assert axe_violations(page) == []
    screenshot(page, "occupation-search-ar-360", full_page=False)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    assert saved_occupation(resident, "7531") == "7531"
    page.wait_for_function("id => document.activeElement.id === id", arg=f"{SELECT}-search")
    assert page.input_value(SEARCH) == "خياط أو خياطة"


@pytest.mark.django_db
def test_without_the_script_the_plain_drop_down_stays(client, consented):
    with_a_job(consented)
    work = soup(client.get("/en/form/work/"))
    select = work.select_one(f"select#{SELECT}")
    assert select.has_attr("data-combobox") and select.select_one("option[value='7531']")
    assert work.select_one("script[src*=combobox]") is not None
    personal = soup(client.get("/en/form/personal/"))
    assert personal.select_one("script[src*=combobox]") is None  # only where it is needed
