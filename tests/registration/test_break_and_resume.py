"""Break and logout, the idle timeout, and resuming with a new code."""

import pytest
from django.contrib.sessions.models import Session

from tests.registration.conftest import post_part, soup, text_of

pytestmark = pytest.mark.django_db


def test_logout_then_the_used_code_is_refused_and_a_new_code_resumes_every_answer(
    client, resident, log_in, code_for
):
    code = code_for(resident)
    client.post("/en/login/", {"duf_number": "2012 586975 61", "code": code})
    client.post("/en/consent/", {"decision": "consent"})
    post_part(client, "personal", {"birth_year": "1990"})
    post_part(client, "personal", {"birth_year": "1990", "gender": "woman"})
    # "Take a break" on a part page saves the page, then logs out.
    response = post_part(
        client, "personal", {"birth_year": "1990", "gender": "woman"}, goto="logout"
    )
    assert response["Location"] == "/en/logged-out/"
    assert client.get("/en/form/personal/")["Location"] == "/en/login/"

    again = client.post("/en/login/", {"duf_number": "201258697561", "code": code})
    assert again.status_code == 400
    assert "already been used" in text_of(again)

    log_in(resident)
    assert client.get("/en/start/")["Location"] == "/en/form/personal/"
    page = soup(client.get("/en/form/personal/"))
    assert page.select_one("#q-birth_year")["value"] == "1990"
    assert page.select_one("#q-gender-woman").has_attr("checked")


def test_the_session_id_changes_at_login_and_at_logout(client, resident, log_in):
    client.get("/en/login/")
    client.cookies["sessionid"] = "attacker-chosen-id"
    log_in(resident)
    logged_in = client.cookies["sessionid"].value
    assert logged_in != "attacker-chosen-id"
    client.post("/en/logout/")
    assert client.cookies["sessionid"].value != logged_in
    assert not Session.objects.filter(session_key=logged_in).exists()


def test_an_expired_session_lands_on_a_clear_page_and_nothing_breaks(client, draft):
    Session.objects.all().delete()  # what the idle timeout does
    response = post_part(client, "personal", {"birth_year": "1990"})
    assert response["Location"] == "/en/session-ended/"
    page = client.get("/ar/session-ended/")
    assert page.status_code == 200
    assert soup(page).html["dir"] == "rtl"
    assert client.get("/en/form/personal/")["Location"] == "/en/login/"  # the cookie is gone


def test_part_pages_carry_the_idle_time_for_the_warning(client, draft, settings):
    page = soup(client.get("/en/form/personal/"))
    holder = page.select_one("[data-session-seconds]")
    assert int(holder["data-session-seconds"]) == settings.SESSION_COOKIE_AGE
    assert page.select_one("#timeout-warning").has_attr("hidden")


def test_keep_alive_answers_only_a_logged_in_resident(client, draft):
    assert client.post("/en/form/keep-alive/").status_code == 204
    client.post("/en/logout/")
    assert client.post("/en/form/keep-alive/").status_code == 302
