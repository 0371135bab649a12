"""The frame every page shares: language in the URL, direction, headers, error pages."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_root_sends_a_visitor_to_the_language_their_browser_asks_for(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_the_root_defaults_to_norwegian_bokmal(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert response["Location"] == "/nb/"


def test_arabic_pages_are_right_to_left_and_english_left_to_right(client):
    arabic = html(client.get("/ar/"))
    assert arabic.html["lang"] == "ar"
    assert arabic.html["dir"] == "rtl"
    english = html(client.get("/en/"))
    assert english.html["lang"] == "en"
    assert english.html["dir"] == "ltr"


@pytest.mark.parametrize("code", ["prs", "ps", "ckb", "fa"])
def test_every_right_to_left_language_sets_rtl(client, code):
    assert html(client.get(f"/{code}/")).html["dir"] == "rtl"


def test_the_language_switcher_lists_every_language_by_its_own_name(client):
    page = html(client.get("/en/"))
    links = page.select(".language-switcher a")
    names = {link["lang"]: link.get_text(strip=True) for link in links}
    assert len(names) == 18
    assert names["ar"] == "العربية"
    assert names["ti"] == "ትግርኛ"
    assert names["uk"] == "Українська"
    assert names["nb"] == "Norsk bokmål"
    arabic_link = next(link for link in links if link["lang"] == "ar")
    assert arabic_link["href"] == "/ar/"


def test_the_chosen_language_is_remembered_for_the_next_visit(client):
    client.get("/uk/")
    assert client.cookies["django_language"].value == "uk"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/uk/"


def test_every_page_has_a_skip_link_and_footer_links(client):
    page = html(client.get("/en/"))
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main"
    assert page.select_one("main#main") is not None
    footer_links = [a["href"] for a in page.select("footer a")]
    assert "/en/privacy/" in footer_links
    assert "/en/contact/" in footer_links


def test_security_headers_are_on_every_response(client):
    for url in ["/en/", "/en/privacy/", "/en/no-such-page/", "/healthz"]:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_an_unknown_page_is_a_translated_404_without_a_stack_trace(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    page = html(response)
    assert page.h1.get_text(strip=True) == "Page not found"
    assert "Traceback" not in response.content.decode()
    assert page.html["lang"] == "en"


def test_a_post_without_csrf_token_is_refused_with_a_page(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/login/", {"duf_number": "201258697561", "code": "AAAA-AAAA"})
    assert response.status_code == 403
    assert "Your session has expired" in response.content.decode()


def test_the_error_pages_render_in_the_reader_s_language(rf):
    from django.utils import translation

    from qualreg.lib import views

    for handler, status in [
        (views.bad_request, 400),
        (views.permission_denied, 403),
        (views.page_not_found, 404),
    ]:
        with translation.override("en"):
            response = handler(rf.get("/en/x/"), None)
        assert response.status_code == status
    with translation.override("en"):
        response = views.server_error(rf.get("/en/x/"))
    assert response.status_code == 500
    assert b"your last change may not have been saved" in response.content
    assert b"Your answers are saved" not in response.content
