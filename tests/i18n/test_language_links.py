"""The language switcher leads to this page in each language, built from the resolved route:
never from the address the browser sent, which is the sender's text."""

import pytest
from bs4 import BeautifulSoup

from qualreg.lib import languages

pytestmark = pytest.mark.django_db

FRONT_PAGES = {language.code: f"/{language.code}/" for language in languages.LANGUAGES}


def switcher_links(response) -> dict[str, str]:
    page = BeautifulSoup(response.content, "html.parser")
    return {link["hreflang"]: link["href"] for link in page.select(".language-switcher a")}


def test_a_page_links_to_itself_in_every_language(client):
    links = switcher_links(client.get("/en/privacy/"))
    assert links == {code: f"/{code}/privacy/" for code in FRONT_PAGES}


def test_a_page_with_route_arguments_keeps_them_in_every_language(client, resident_session):
    resident_session(client, "ar")
    response = client.get("/ar/form/education/")
    assert response.status_code == 200
    assert switcher_links(response) == {code: f"/{code}/form/education/" for code in FRONT_PAGES}


def test_the_query_string_stays_out_of_the_links(client):
    response = client.get("/en/privacy/?next=//evil.example/x&duf=201258697561")
    links = switcher_links(response)
    assert links == {code: f"/{code}/privacy/" for code in FRONT_PAGES}
    assert b"evil.example" not in response.content
    assert b"201258697561" not in response.content


@pytest.mark.parametrize(
    "path",
    [
        "//evil.example/x",
        "/%2F%2Fevil.example",
        "/%2f%2fevil.example/",
        "/ar/../..//evil",
        "/ar//evil.example/x",
        "/ar/%2F%2Fevil.example/x",
        "/ar/\\\\evil.example/x",
        "/ar/no-such-page/?q=//evil.example",
        "/ar/https:/evil.example/",
    ],
)
def test_an_unknown_address_gives_front_page_links_and_never_the_sender_s_text(client, path):
    response = client.get(path)
    assert response.status_code in {404, 301, 302}, response.status_code
    if response.status_code != 404:
        # A redirect must stay on this site, and what it leads to obeys the same rule.
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")
        response = client.get(response["Location"])
        assert response.status_code == 404
    assert switcher_links(response) == FRONT_PAGES
    assert b"evil" not in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/ar/201258697561/",
        "/ar/form/201258697561/",  # resolves to the part route, whose view answers 404
        "/ar/form/2012%20586975%2061/",
    ],
)
def test_a_duf_number_typed_into_the_address_is_not_printed_on_the_page(client, path):
    response = client.get(path)
    assert response.status_code in {302, 404}
    if response.status_code == 302:
        assert "201258697561" not in response["Location"].replace("%20", "").replace(" ", "")
        return
    assert switcher_links(response) == FRONT_PAGES
    text = response.content.decode()
    assert "201258697561" not in text
    assert "2012 586975 61" not in text
    assert "586975" not in text


def test_a_part_that_does_not_exist_gives_front_page_links(client, resident_session):
    resident_session(client, "fa")
    response = client.get("/fa/form/201258697561/")
    assert response.status_code == 404
    assert switcher_links(response) == FRONT_PAGES
    assert b"201258697561" not in response.content


def test_the_part_form_posts_to_its_own_route(client, resident_session):
    resident_session(client, "en")
    page = BeautifulSoup(client.get("/en/form/language/").content, "html.parser")
    assert page.select_one("#part-form")["action"] == "/en/form/language/"
