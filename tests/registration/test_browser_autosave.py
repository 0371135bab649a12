"""The live save in a real Chromium: the next question appears without a page load, the focus
stays where the person is, and the new question is announced."""

from urllib.parse import parse_qs

import pytest

from qualreg.registration.models import Registration
from tests.browser_fixtures import ARTIFACTS
from tests.registration.test_browser_journey import consent, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_answering_reveals_the_next_question_in_place_and_keeps_the_focus(
    live_server, page, resident, code_for
):
    log_in(page, live_server.url, resident, code_for(resident))
    consent(page)
    page.fill("#q-birth_year", "1990")
    page.locator("button[value=next] >> nth=-1").click()
    page.wait_for_selector("#q-gender-woman")
    page.evaluate("window.notReloaded = true")
    saves = []
    page.on("request", lambda r: saves.append(r) if r.method == "POST" else None)

    page.focus("#q-gender-woman")
    page.keyboard.press("Space")
    page.wait_for_selector("#q-birth_country")
    assert page.evaluate("window.notReloaded") is True  # no page load
    assert page.evaluate("document.activeElement.id") == "q-gender-woman"
    assert page.is_checked("#q-gender-woman")
    assert page.locator("#q-gender-question .mark--answered").count() == 1
    assert "New question: In which country were you born?" in page.inner_text("#live-status")
    assert page.locator("#part-form input[name=shown]:enabled").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    ) == ["birth_year", "gender", "birth_country"]  # what Next would post: not the hidden ones
    assert len(saves) == 1 and saves[0].headers["content-type"].startswith(
        "application/x-www-form-urlencoded"
    )
    assert Registration.objects.get(person=resident).answers["gender"] == "woman"

    # A wrong year: the error appears at the field and in the summary, typing is not lost.
    page.fill("#q-birth_year", "19")
    page.focus("#q-birth_country")  # leaving the field saves it
    page.wait_for_selector("#q-birth_year-error")
    assert page.evaluate("window.notReloaded") is True
    assert page.locator("#error-summary a[href='#q-birth_year']").count() == 1
    assert page.title().startswith("Error:")
    assert page.evaluate("document.activeElement.id") == "q-birth_country"

    # A changed answer while the page is in step: nothing to redraw, the error stays shown,
    # and the page's sync token moves on to the revision the save made.
    shown_revision = page.get_attribute("#part-form", "data-revision")
    page.check("#q-gender-man")
    page.wait_for_function(
        "shown => document.getElementById('part-form').dataset.revision !== shown",
        arg=shown_revision,
    )
    assert parse_qs(saves[-1].post_data)["revision"] == [shown_revision]
    assert Registration.objects.get(person=resident).answers["gender"] == "man"
    assert page.locator("#error-summary a[href='#q-birth_year']").count() == 1
    # The year corrected: the error and the summary go away.
    page.fill("#q-birth_year", "1990")
    page.focus("#q-birth_country")
    page.wait_for_selector("#q-birth_year-error", state="detached")
    assert page.locator("#error-summary").count() == 0
    assert not page.title().startswith("Error:")


# What a person sees and hears of each question and of the navigation, without the answers
# typed (a reloaded page shows those as the server saved them).
SHOWN = """() => ({
  questions: Array.from(document.querySelectorAll('#questions > [data-key]')).map(q => [
    q.dataset.key, q.dataset.state, q.querySelector('.mark').className,
    q.querySelector('.question-heading').textContent]),
  nav: document.getElementById('parts-nav').outerHTML,
  summary: document.getElementById('error-summary-slot').outerHTML,
})"""


def test_marks_and_progress_put_in_place_by_saves_are_what_a_reloaded_page_shows_in_arabic(
    live_server, new_page, resident, code_for
):
    page = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    log_in(page, live_server.url, resident, code_for(resident), language="ar")
    consent(page)
    replies = []
    page.on("response", lambda r: replies.append(r) if r.request.method == "POST" else None)
    for key, code in [("gender", "woman"), ("birth_country", "SY"), ("citizenship", "SY")]:
        if key == "gender":
            page.fill("#q-birth_year", "1990")
            page.locator("#q-birth_year").blur()
            page.wait_for_selector("#q-gender-woman")
        count = len(replies)
        if key == "gender":
            page.locator(f"label[for=q-{key}-{code}]").click()
        else:
            page.select_option(f"#q-{key}", code)
        page.wait_for_function(f"() => document.querySelector('#q-{key}-mark.mark--answered')")
        assert len(replies) == count + 1
    page.wait_for_selector("#q-home_area-question")
    # The question just answered came back as its mark alone, not as a whole question.
    last = replies[-1].json()
    assert "citizenship" not in last.get("questions", {})
    assert last["slots"]["q-citizenship-status"].endswith("(تمت الإجابة)</span>")
    assert page.inner_text("#q-citizenship-status") == "(تمت الإجابة)"
    assert page.evaluate("document.dir || document.documentElement.dir") == "rtl"
    page.screenshot(path=str(ARTIFACTS / "autosave-ar-360.png"), full_page=True)
    after_saves = page.evaluate(SHOWN)
    page.reload()
    assert page.evaluate(SHOWN) == after_saves
    assert [q[0] for q in after_saves["questions"]][:5] == [
        "birth_year",
        "gender",
        "birth_country",
        "citizenship",
        "home_area",
    ]
    assert [q[2] for q in after_saves["questions"]][:4] == ["mark mark--answered"] * 4
