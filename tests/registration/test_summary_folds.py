"""The summary folds by part: each part shows its title, its state and "Edit" when folded; the
parts that need the person are open; without JavaScript it folds and unfolds; print shows all."""

from __future__ import annotations

import pytest

from qualreg.registration.models import Registration
from tests.browser_fixtures import axe_violations, screenshot
from tests.registration.conftest import COMPLETE_ANSWERS, post_part, soup
from tests.registration.test_browser_journey import consent, log_in


def parts_of(response):
    return [
        {
            "title": part.select_one("h2").get_text(),
            "state": part.select_one(".tag").get_text(),
            "edit": part.select_one(".summary-section__head a")["href"],
            "open": part.select_one("details").has_attr("open"),
            "answers": [dt.get_text() for dt in part.select("details dt")],
        }
        for part in soup(response).select(".summary-part")
    ]


@pytest.mark.django_db
def test_a_finished_form_folds_every_part_to_its_title_state_and_edit(client, ready_to_complete):
    parts = parts_of(client.get("/en/form/summary/"))
    assert [p["title"] for p in parts][:2] == ["Personal data", "Education"]
    assert len(parts) == 7
    assert {p["state"] for p in parts} == {"Done"}
    assert not any(p["open"] for p in parts)
    assert parts[0]["edit"] == "/en/form/personal/"
    assert "In which country were you born?" in parts[0]["answers"]  # inside the fold


@pytest.mark.django_db
def test_a_part_that_needs_answers_is_open_and_the_others_fold(client, draft):
    post_part(client, "personal", {"birth_year": ""})  # tried to go on without answering
    parts = {p["title"]: p for p in parts_of(client.get("/en/form/summary/"))}
    assert parts["Personal data"]["state"] == "Needs answers"
    assert parts["Personal data"]["open"]
    assert parts["Education"]["state"] == "Not started"
    assert not parts["Education"]["open"]
    assert parts["Education"]["edit"] == "/en/form/education/"


@pytest.mark.django_db
def test_the_folded_parts_are_in_the_readers_language(client, ready_to_complete):
    html = soup(client.get("/ar/form/summary/"))
    head = html.select_one(".summary-part .summary-section__head")
    assert head.select_one(".tag").get_text() == "تم"
    assert "تعديل" in head.select_one("a").get_text()
    assert html.select_one(".summary-part summary").get_text().startswith("الإجابات")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_without_javascript_parts_unfold_and_print_whole(
    live_server, new_page, resident, code_for
):
    page = new_page(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    log_in(page, live_server.url, resident, code_for(resident), language="ar")
    consent(page)
    Registration.objects.filter(person=resident).update(answers=dict(COMPLETE_ANSWERS))
    page.goto(f"{live_server.url}/ar/form/summary/")
    first = page.locator(".summary-part").first
    assert first.locator(".tag").is_visible() and first.locator(".edit-link").is_visible()
    assert not first.locator("dl").is_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4 * 740, height  # was about 19 screens
    screenshot(page, "summary-folded-ar-360")
    first.locator("summary").click()
    assert first.locator("dl").is_visible()
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    assert page.locator(".summary-part").nth(6).locator("dl").is_visible()
    assert not page.locator(".summary-part summary").first.is_visible()
