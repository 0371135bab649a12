"""Dates in right-to-left languages read right-to-left, as CLDR writes them ("4 ديسمبر 2026،
8:47 م": the day first, at the right), while DUF numbers and other figures stay left-to-right."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from qualreg.lib.dates import format_moment
from qualreg.registration.models import Registration
from tests.browser_fixtures import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RIGHT_TO_LEFT = ["ar", "fa", "prs", "ps", "ckb"]

# Where a text is drawn: the direction of the element that holds it, and the horizontal
# position of its first and last characters.
LAYOUT = """(wanted) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const start = node.data.indexOf(wanted);
    if (start < 0) continue;
    const centre = (offset) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const box = range.getBoundingClientRect();
      return box.left + box.width / 2;
    };
    return {
      direction: getComputedStyle(node.parentElement).direction,
      first: centre(start),
      last: centre(start + wanted.length - 1),
    };
  }
  return null;
}"""


def completed_resident(page: Any, live_server: Any, resident_session: Any, language: str) -> Any:
    client = Client()
    resident_session(client, language)
    assert client.post(f"/{language}/form/complete/")["Location"].endswith("/form/receipt/")
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return Registration.objects.get(status=Registration.Status.COMPLETED)


def assert_reads_right_to_left(page: Any, text: str) -> None:
    layout = page.evaluate(LAYOUT, text)
    assert layout is not None, f"{text!r} is not on the page"
    assert layout["direction"] == "rtl", (text, layout)
    assert layout["first"] > layout["last"], (text, layout)  # the day is at the right


def assert_reads_left_to_right(page: Any, text: str) -> None:
    layout = page.evaluate(LAYOUT, text)
    assert layout is not None, f"{text!r} is not on the page"
    assert layout["direction"] == "ltr", (text, layout)
    assert layout["first"] < layout["last"], (text, layout)


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_receipt_and_my_registration_dates_follow_the_language(
    live_server: Any, new_page: Any, resident_session: Any, language: str
) -> None:
    page = new_page()
    registration = completed_resident(page, live_server, resident_session, language)
    completed = format_moment(registration.completed_at, language)
    started = format_moment(registration.created_at, language)

    page.goto(f"{live_server.url}/{language}/form/receipt/")
    assert_reads_right_to_left(page, completed)

    page.goto(f"{live_server.url}/{language}/my-registration/")
    assert_reads_right_to_left(page, started)
    assert_reads_right_to_left(page, completed)
    assert_reads_left_to_right(page, f"{registration.progress_percent} %")  # "100 %", not "% 100"
    duf = page.locator("dd bdi[dir=ltr]").first.inner_text()
    assert duf.replace(" ", "") == "201611112222"
    assert_reads_left_to_right(page, duf)


def test_an_arabic_receipt_on_a_phone(
    live_server: Any, new_page: Any, resident_session: Any
) -> None:
    page = new_page(viewport={"width": 360, "height": 740})
    registration = completed_resident(page, live_server, resident_session, "ar")
    page.goto(f"{live_server.url}/ar/form/receipt/")
    assert_reads_right_to_left(page, format_moment(registration.completed_at, "ar"))
    screenshot(page, "receipt-ar-phone")
    page.goto(f"{live_server.url}/ar/my-registration/")
    assert_reads_right_to_left(page, format_moment(registration.completed_at, "ar"))
    page.locator("summary").first.scroll_into_view_if_needed()
    screenshot(page, "my-registration-ar-phone", full_page=False)
