"""The answer save of the page's script: a small answer with only what changed, few queries."""

import gzip
import hashlib
import itertools
import json
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from qualreg.questionnaire import posting
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration import autosave as autosave_module
from qualreg.registration.autosave import parts_affected_by
from qualreg.registration.models import ConsentRecord, Registration
from qualreg.registration.remembered import CONSENTED_KEY
from tests.registration.conftest import post_part, soup

pytestmark = pytest.mark.django_db


def page_state(client, part="personal"):
    """What the script sends about the page it shows: question fingerprints, summary, nav,
    and the sync token of the draft they describe."""
    page = soup(client.get(f"/en/form/{part}/"))
    return {
        "displayed": " ".join(
            f"{q['data-key']}:{q['data-state']}" for q in page.select("#questions > [data-key]")
        ),
        "reveal": page.select_one("#questions")["data-reveal"],
        "summary": page.select_one("#error-summary-slot")["data-state"],
        "nav": page.select_one("#parts-nav")["data-state"],
        "revision": page.select_one("#part-form")["data-revision"],
    }


def autosave(client, state, answers, part="personal"):
    data = {**state, "shown": list(answers), "autosave": "1", "delta": "1"}
    data |= {f"q-{key}": value for key, value in answers.items()}
    response = client.post(f"/en/form/{part}/", data)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def html(fragment):
    return BeautifulSoup(fragment, "html.parser")


def page_order(keys, changes):
    """The questions' order the page's script makes of a reply (form.js `reordered`)."""
    if "order" in changes:
        return changes["order"]
    keys = [key for key in keys if key not in changes.get("gone", [])]
    for key, previous in changes.get("after", []):
        keys.insert(keys.index(previous) + 1 if previous in keys else 0, key)
    return keys


def test_an_answer_moves_the_script_on_and_the_saved_question_comes_back_as_its_mark_alone(
    client, draft
):
    state = page_state(client)
    assert state["reveal"] == "birth_year"
    changes = autosave(client, state, {"birth_year": "1990"})
    assert changes["reveal"] == "gender"  # the page holds it already: no new order, no HTML
    assert not changes.keys() & {"order", "after", "gone", "questions"}
    mark = html(changes["slots"]["q-birth_year-mark"])
    assert mark.select_one("#q-birth_year-mark.mark--answered").get_text() == "✓"
    assert html(changes["slots"]["q-birth_year-status"]).get_text() == "(Answered)"
    assert changes["states"] == {"birth_year": page_state(client)["displayed"].split()[0][11:]}
    assert Registration.objects.get(pk=draft.pk).answers == {"birth_year": "1990"}


def test_a_follow_up_arrives_as_html_in_its_place_when_its_condition_is_met(client, draft):
    autosave(client, page_state(client), {"birth_year": "1990"})
    state = page_state(client)
    assert "partner_in_norway" not in state["displayed"]
    changes = autosave(client, state, {"marital_status": "married"})
    assert changes["after"] == [["partner_in_norway", "marital_status"]]  # not the whole order
    partner = html(changes["questions"]["partner_in_norway"])
    assert partner.select_one("input[name=shown]")["value"] == "partner_in_norway"
    # Answered out of turn (a page without the script): the answer is never hidden.
    assert changes["reveal"] == "marital_status"


def test_re_saving_an_unchanged_answer_sends_no_question_html(client, draft):
    autosave(client, page_state(client), {"birth_year": "1990"})
    state = page_state(client)
    changes = autosave(client, state, {"birth_year": "1990"})
    assert changes == {"revision": state["revision"]}  # nothing new either


def applied(state, changes):
    """What the page's script makes of its state with a save's reply (form.js `apply`)."""
    html_states = {
        key: html(fragment).select_one("[data-key]")["data-state"]
        for key, fragment in changes.get("questions", {}).items()
    }
    states = dict(pair.split(":", 1) for pair in state["displayed"].split())
    order = page_order(list(states), changes)
    states |= html_states | changes.get("states", {})
    nav = state["nav"]
    if "nav" in changes:
        nav = html(changes["nav"]).select_one("#parts-nav")["data-state"]
    summary = state["summary"]
    if "summary" in changes:
        summary = html(changes["summary"]).select_one("#error-summary-slot")["data-state"]
    return {
        "displayed": " ".join(f"{key}:{states[key]}" for key in order),
        "reveal": changes.get("reveal", state["reveal"]),
        "summary": summary,
        "nav": changes.get("nav_state", nav),
        "revision": changes["revision"],
    }


def test_a_page_that_applies_every_reply_holds_what_a_fresh_page_shows(client, draft):
    """Marks and navigation pieces sent alone leave the page with the same fingerprints
    (and the same marks and states) as a page loaded afresh, save after save."""
    state = page_state(client)
    for part, answers in STEPS:
        if state["displayed"] and not part_of(state, part):
            state = page_state(client, part)
        changes = autosave(client, state, answers, part)
        state = applied(state, changes)
        assert state == page_state(client, part), answers
        for element_id, fragment in changes.get("slots", {}).items():
            fresh = soup(client.get(f"/en/form/{part}/")).select_one(f"#{element_id}")
            assert fresh == html(fragment).select_one(f"#{element_id}")


def part_of(state, part):
    first = state["displayed"].split()[0].partition(":")[0]
    return QUESTIONNAIRE.question(first) in QUESTIONNAIRE.part(part).questions


@pytest.fixture
def twin(other_resident, log_in):
    """Another resident with an empty consented draft, in a browser of their own."""
    browser = Client()
    log_in(other_resident, browser=browser)
    browser.post("/en/consent/", {"decision": "consent"})
    return browser


# Answers given one after the other in the first two parts: new answers that reveal the next
# question, changed answers, answers that decide whether other questions apply or how their
# items look, and answers with errors and their corrections.
STEPS = [
    ("personal", {"birth_year": "1990"}),
    ("personal", {"gender": "woman"}),
    ("personal", {"gender": "man"}),
    ("personal", {"birth_year": "nineteen"}),
    ("personal", {"birth_year": "1991"}),
    ("personal", {"birth_country": "SY"}),
    ("personal", {"citizenship": "SY"}),
    ("personal", {"citizenship": "ER"}),
    ("personal", {"home_area": "city"}),
    ("personal", {"lived_abroad": "yes"}),
    ("personal", {"lived_abroad": "no"}),
    ("personal", {"marital_status": "married"}),
    ("personal", {"marital_status": "single"}),
    ("personal", {"children": "yes"}),
    ("personal", {"children_under_18": "2"}),
    ("personal", {"children_under_18": "3"}),
    ("personal", {"children_under_18": "many"}),
    ("personal", {"children_under_18": "0"}),
    ("education", {"school_ever": "yes"}),
    ("education", {"school_years": "12"}),
    ("education", {"school_ever": "no"}),
    ("education", {"school_ever": "yes"}),
]


def test_a_page_in_step_with_the_draft_gets_exactly_what_a_full_comparison_sends(
    client, draft, twin, monkeypatch
):
    """The page names the draft's revision it shows; the server then compares only the
    questions the save can have changed. Two residents give the same answers: one page sends
    its sync token, the other none (so everything is compared); the answers must match."""
    shortcuts = []
    narrow = autosave_module.only_these_can_differ

    def spy(*args):
        suspects = narrow(*args)
        shortcuts.append(suspects is not None)
        return suspects

    monkeypatch.setattr(autosave_module, "only_these_can_differ", spy)
    for part, answers in STEPS:
        state, twin_state = page_state(client, part), page_state(twin, part)
        assert {**state, "revision": ""} == {**twin_state, "revision": ""}
        # The same new repeat-group item ids for both, so that the fingerprints can match.
        monkeypatch.setattr(posting.secrets, "token_hex", ids_from(part, answers))
        in_step = autosave(client, state, answers, part)
        monkeypatch.setattr(posting.secrets, "token_hex", ids_from(part, answers))
        in_full = autosave(twin, {**twin_state, "revision": ""}, answers, part)
        assert {**in_step, "revision": ""} == {**in_full, "revision": ""}, answers
    assert any(shortcuts[0::2])  # the page in step was answered the short way at times


def ids_from(*seed):
    numbers = itertools.count()
    return lambda _size: hashlib.sha256(f"{seed}{next(numbers)}".encode()).hexdigest()[:8]


def test_a_page_behind_the_draft_is_compared_in_full_and_catches_up(client, draft):
    """Another tab's save (or an answer the page never applied) leaves the page behind: its
    token names an older revision, so every question is compared and the page heals."""
    autosave(client, page_state(client), {"birth_year": "1990"})
    autosave(client, page_state(client), {"gender": "woman"})
    behind = page_state(client)  # the first tab
    autosave(client, page_state(client), {"birth_year": "nineteen"})  # a second tab
    changes = autosave(client, behind, {"gender": "man"})  # the first tab again
    assert "birth_year" in changes["questions"]  # now with the second tab's error
    assert "4 digits" in html(changes["questions"]["birth_year"]).get_text()
    assert html(changes["summary"]).select_one("#error-summary a")["href"] == "#q-birth_year"
    assert changes["revision"] != behind["revision"]


def test_an_invalid_year_returns_that_question_with_its_error_and_the_summary(client, draft):
    autosave(client, page_state(client), {"birth_year": "1990"})
    changes = autosave(client, page_state(client), {"birth_year": "nineteen ninety"})
    assert list(changes["questions"]) == ["birth_year"]  # the question after it is unchanged
    question = html(changes["questions"]["birth_year"])
    assert question.select_one("#q-birth_year")["aria-invalid"] == "true"
    assert question.select_one("#q-birth_year")["value"] == "nineteen ninety"
    assert "4 digits" in question.select_one("#q-birth_year-error").get_text()
    summary = html(changes["summary"])
    assert summary.select_one("#error-summary a")["href"] == "#q-birth_year"
    assert changes["title"].startswith("Error: Personal data")
    # Corrected: the error and the summary go away again.
    changes = autosave(client, page_state(client), {"birth_year": "1990"})
    assert html(changes["summary"]).select_one("#error-summary") is None
    assert not changes["title"].startswith("Error")
    assert html(changes["questions"]["birth_year"]).select_one(".error-message") is None


def test_the_navigation_is_sent_only_when_a_state_or_the_progress_changes(client, draft):
    changes = autosave(client, page_state(client), {"birth_year": "1990"})
    # Only what changed: the progress and the state of this part, not the whole list.
    assert "nav" not in changes
    assert set(changes["slots"]) - {"q-birth_year-mark", "q-birth_year-status"} == {
        "nav-progress",
        "nav-tag-personal",
    }
    assert html(changes["slots"]["nav-tag-personal"]).get_text() == "In progress"
    progress = Registration.objects.get(pk=draft.pk).progress_percent
    assert (
        html(changes["slots"]["nav-progress"]).get_text()
        == f"{progress} % of the questions answered{progress}"
    )
    assert changes["nav_state"] == f"{progress}-1000000" == page_state(client)["nav"]
    # Changing an answer that leaves every state and the progress as they were: no nav.
    state = page_state(client)
    changes = autosave(client, state, {"birth_year": "1991"})
    assert "nav" not in changes and "nav_state" not in changes
    # A navigation the page shows that is out of date: the pieces that differ.
    changes = autosave(client, {**state, "nav": "0-1200000"}, {"birth_year": "1991"})
    assert set(changes["slots"]) == {"nav-progress", "nav-tag-education"}
    assert html(changes["slots"]["nav-tag-education"]).get_text() == "Not started"
    # One the server cannot read: the whole navigation.
    for unreadable in ("", "x-1000000", "0-00"):
        changes = autosave(client, {**state, "nav": unreadable}, {"birth_year": "1991"})
        nav = html(changes["nav"])
        assert nav.select_one("[aria-current=step]")["value"] == "personal"
        assert [tag.get_text() for tag in nav.select(".tag")][0] == "In progress"


def test_a_save_checks_the_state_of_every_later_part_whose_questions_depend_on_it(client, draft):
    # Questions of "other" ask about work when the person has worked: a save in "work" checks
    # the state that the page shows for "other" too.
    assert parts_affected_by("work") == {"work", "other"}
    assert parts_affected_by("driving") == {"driving"}
    draft.answers = {"paid_work": "no"}
    draft.save()
    state = page_state(client, "work")
    stale_other = state["nav"][:-1] + ("2" if state["nav"][-1] != "2" else "0")
    changes = autosave(client, {**state, "nav": stale_other}, {"paid_work": "no"}, part="work")
    assert "nav-tag-other" in changes["slots"]
    assert changes["nav_state"] == page_state(client, "work")["nav"]


def test_an_autosave_costs_three_queries_and_never_loads_the_person(client, draft):
    state = page_state(client)
    autosave(client, state, {"birth_year": "1990"})
    state = page_state(client)
    with CaptureQueriesContext(connection) as queries:
        autosave(client, state, {"birth_year": "1990"})
    statements = [q["sql"] for q in queries.captured_queries]
    # session, the draft read by the person's id (no lock, no transaction), the UPDATE of the
    # changed columns on condition that the draft's revision is still the one read.
    assert len(statements) == 3, statements
    assert "django_session" in statements[0]
    assert 'FROM "registration_registration"' in statements[1]
    assert "centres_person" not in " ".join(statements)
    assert "registration_consentrecord" not in " ".join(statements)
    update = statements[2]
    assert update.startswith("UPDATE") and '"answers"' not in update  # nothing else changed
    assert '"revision"' in update.partition("WHERE")[2]


def test_a_draft_without_consent_on_record_is_refused_even_by_an_autosave(client, draft):
    ConsentRecord.objects.filter(registration=draft).delete()
    session = client.session
    session[CONSENTED_KEY] = draft.pk + 1000  # a remembered consent for another draft
    session.save()
    state = {"displayed": ["birth_year:x"], "summary": "", "nav": ""}
    data = {**state, "shown": ["birth_year"], "q-birth_year": "1990", "autosave": "1"}
    response = client.post("/en/form/personal/", {**data, "delta": "1"})
    assert response.status_code == 302 and response["Location"] == "/en/start/"
    assert Registration.objects.get(pk=draft.pk).answers == {}
    assert client.get("/en/form/personal/")["Location"] == "/en/start/"


@pytest.mark.parametrize(
    "state",
    [
        {"displayed": ["::::", "birth_year", "gender:zzz", "x" * 5000], "nav": "-", "summary": 1},
        {"displayed": [""] * 600, "nav": "999-99999999999"},
        {"displayed": ["birth_year:zzz"], "revision": "2026-11-1:0"},
        {"displayed": "birth_year:x " * 20000},
        {"revision": ["x" * 5000, "1"]},
        {},
    ],
)
def test_a_tampered_page_state_only_makes_the_answer_bigger(client, draft, state):
    changes = autosave(client, state, {"birth_year": "1990"})
    sent = [key for key, _state in autosave_module.displayed(QueryDict(urlencode(state, True)))]
    order = page_order(sent, changes)
    assert order[:3] == ["birth_year", "gender", "birth_country"]
    assert set(changes["questions"]) == set(order)
    assert changes["reveal"] == "gender"
    assert "nav" in changes


def test_without_delta_an_autosave_still_answers_with_the_whole_page(client, draft):
    response = post_part(client, "personal", {"birth_year": "1990"}, action="", autosave="1")
    assert response.status_code == 200
    assert soup(response).select_one("#part-content") is not None


def test_the_questions_a_save_can_change_are_the_changed_ones_and_those_that_read_them(
    monkeypatch,
):
    token = autosave_module.sync_token(3, 7, None)
    page = {"revision": token}
    personal = QUESTIONNAIRE.part("personal")
    narrow, in_step = autosave_module.only_these_can_differ, autosave_module.in_step
    assert in_step(page, token)
    assert narrow(personal, frozenset({"gender"}), True) == {"gender"}
    # Whether the number of children under 18 is asked, and who lives with them, follow it.
    assert narrow(personal, frozenset({"children"}), True) == {
        "children",
        "children_under_18",
        "children_with_you",
    }
    assert narrow(personal, frozenset(), True) == set()
    # Compare everything for a page behind the draft, a page of another draft (the one
    # completed before), another translation view, an older definition, no token, a move on.
    gender = frozenset({"gender"})
    assert not in_step(page, autosave_module.sync_token(3, 8, None))
    assert not in_step(page, autosave_module.sync_token(4, 7, None))
    assert not in_step(page, autosave_module.sync_token(3, 7, "nb"))
    with monkeypatch.context() as patch:
        patch.setattr(autosave_module, "QUESTIONNAIRE", SimpleNamespace(version="2020-1-1"))
        assert not in_step({"revision": autosave_module.sync_token(3, 7, None)}, token)
    assert not in_step({}, token)
    assert narrow(personal, gender, False) is None
    assert narrow(personal, None, True) is None
    # The year questions' range moves with the year: a new year, a new token.
    monkeypatch.setattr(autosave_module.engine, "this_year", lambda: 2099)
    assert autosave_module.sync_token(3, 7, None) != token


def test_a_translation_view_turned_on_in_another_tab_reaches_the_first_tab(client, draft):
    autosave(client, page_state(client), {"birth_year": "1990"})
    first_tab = page_state(client)
    client.post("/en/form/personal/", {"shown": [], "goto": "translate", "second_language": "nb"})
    changes = autosave(client, first_tab, {"birth_year": "1990"})  # saved again as it was
    year = html(changes["questions"]["birth_year"]).select_one(".translation")
    assert year["lang"] == "nb" and "1990" in year.get_text()


def test_a_translation_view_turned_off_in_another_tab_clears_every_translation_column(
    client, draft
):
    client.post("/en/form/personal/", {"shown": [], "goto": "translate", "second_language": "nb"})
    autosave(client, page_state(client), {"birth_year": "1990"})
    first_tab = page_state(client)  # birth year answered, the rest not yet: all translated
    client.post("/en/form/personal/", {"shown": [], "goto": "hide-translation"})
    changes = autosave(client, first_tab, {"birth_year": "1990"})
    on_page = [pair.partition(":")[0] for pair in first_tab["displayed"].split()]
    assert len(on_page) > 3 and set(changes["questions"]) == set(on_page)
    assert not any(
        html(fragment).select(".translation") for fragment in changes["questions"].values()
    )


def test_a_page_behind_the_draft_gets_the_state_another_tab_gave_to_another_part(client, draft):
    autosave(client, page_state(client), {"birth_year": "1990"})
    personal = page_state(client)
    # Another tab tries to leave the driving part unanswered: it now needs answers, and the
    # share of questions answered stays as it was.
    post_part(client, "driving", {"licence": ""})
    changes = autosave(client, personal, {"birth_year": "1990"})
    driving = html(changes["slots"]["nav-tag-driving"])
    assert driving.get_text() == "Needs answers"


def test_a_question_that_no_longer_applies_goes_and_the_page_keeps_the_order(client, draft):
    draft.answers = {"birth_year": "1990", "gender": "woman", "children": "yes"}
    draft.answers |= {"children_under_18": "2", "children_with_you": "all"}
    draft.save()
    state = page_state(client)
    shown = [pair.partition(":")[0] for pair in state["displayed"].split()]
    at = shown.index("children")
    assert shown[at : at + 3] == ["children", "children_under_18", "children_with_you"]
    left = shown[: at + 1] + shown[at + 3 :]
    changes = autosave(client, state, {"children": "no"})
    assert changes["gone"] == ["children_under_18", "children_with_you"]
    assert "order" not in changes and "after" not in changes
    assert page_order(shown, changes) == left
    # They come back after the question they follow.
    changes = autosave(client, page_state(client), {"children": "yes"})
    assert changes["after"] == [
        ["children_under_18", "children"],
        ["children_with_you", "children_under_18"],
    ]
    assert page_order(left, changes) == shown
    # A page whose order cannot be mended by taking out and putting in gets it whole.
    backwards = " ".join(reversed(state["displayed"].split()))
    changes = autosave(client, {**state, "displayed": backwards}, {"children": "no"})
    assert changes["order"] == left


def test_a_save_reply_is_compressed_and_carries_only_the_headers_a_script_needs(client, draft):
    """A resident pays for every byte: the reply to a save (a same-origin POST with the CSRF
    token, never cached) leaves off what guards or describes a document; the page keeps it."""
    data = {**page_state(client), "shown": ["birth_year"], "q-birth_year": "1990"}
    data |= {"autosave": "1", "delta": "1"}
    response = client.post("/en/form/personal/", data, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    body = gzip.decompress(response.content)
    assert json.loads(body)["reveal"] == "gender"
    assert response.content[3] == 0  # no file name: no random padding
    assert sorted(response.headers) == [
        "Cache-Control",
        "Content-Encoding",
        "Content-Length",
        "Content-Type",
        "X-Content-Type-Options",
    ]
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    page = client.get("/en/form/personal/")
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"


def test_arabic_travels_as_utf_8_not_as_escapes_six_bytes_each(client, draft):
    state = page_state(client)
    data = {**state, "shown": ["birth_year"], "q-birth_year": "1990", "autosave": "1"}
    response = client.post("/ar/form/personal/", {**data, "delta": "1"})
    text = response.content.decode()
    assert "\\u06" not in text
    assert json.loads(text)["slots"]["q-birth_year-status"].endswith("(تمت الإجابة)</span>")


def test_a_beacon_save_is_stored_and_answered_with_nothing_but_needs_its_csrf_token(client, draft):
    """The page's last save as it goes away (navigator.sendBeacon: no header of ours, the
    CSRF token in the body) is kept; without the token it is refused like any post."""
    client.handler.enforce_csrf_checks = True
    page = soup(client.get("/en/form/personal/"))
    token = page.select_one("#part-form input[name=csrfmiddlewaretoken]")["value"]
    beacon = {"q-birth_year": "1987", "shown": "birth_year", "autosave": "1", "beacon": "1"}

    refused = client.post("/en/form/personal/", beacon)
    assert refused.status_code == 403
    saved = client.post("/en/form/personal/", {**beacon, "csrfmiddlewaretoken": token})
    assert saved.status_code == 204 and saved.content == b""
    assert Registration.objects.get(pk=draft.pk).answers["birth_year"] == "1987"
