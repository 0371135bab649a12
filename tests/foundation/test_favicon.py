"""The site has an icon: /favicon.ico, which every browser asks for, and the page's own link."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_favicon_ico_answers_with_an_icon_not_a_404(client):
    response = client.get("/favicon.ico", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302
    assert response["Location"].startswith("/static/qualreg/favicon")
    assert "max-age=86400" in response["Cache-Control"]
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert icon["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    body = fetch(client, response["Location"])
    assert body[:4] == b"\x00\x00\x01\x00"  # an .ico directory
    assert b"\x89PNG" in body
    assert len(body) < 2000


@pytest.mark.parametrize("url", ["/en/", "/ar/login/", "/ti/no-such-page/"])
def test_every_page_links_its_icon(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    link = page.select_one('link[rel="icon"]')
    assert link["type"] == "image/svg+xml"
    icon = client.get(link["href"])
    assert icon.status_code == 200
    assert fetch(client, link["href"]).startswith(b"<svg")
