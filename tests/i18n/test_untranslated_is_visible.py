"""A string a language's catalogue lacks is caught on the page instead of appearing in
Norwegian: the machinery of tests/i18n/untranslated.py, proven on a real page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext, trans_real

from tests.i18n import untranslated
from tests.i18n.conftest import catalogue

pytestmark = pytest.mark.django_db

HEADING = "Register your qualifications"


@pytest.mark.parametrize("code", ["nb", "ti", "ar", "prs", "kmr", "so"])
def test_a_string_no_catalogue_has_comes_out_marked(code):
    with translation.override(code):
        assert gettext("No catalogue has this") == untranslated.MARK + "No catalogue has this"
        assert pgettext("button", "No such") == untranslated.MARK + "No such"
        assert ngettext("%d thing", "%d things", 2) == untranslated.MARK + "%d things"
        assert npgettext("count", "%d cat", "%d cats", 1) == untranslated.MARK + "%d cat"
        assert gettext(HEADING) == catalogue(code)[HEADING]


def test_english_shows_its_source_strings_unmarked():
    with translation.override("en"):
        assert gettext("No catalogue has this") == "No catalogue has this"


def drop_from_catalogue(monkeypatch, code: str, msgid: str) -> None:
    for messages in trans_real.translation(code)._catalog._catalogs:
        monkeypatch.delitem(messages, msgid, raising=False)


@pytest.mark.parametrize("code", ["ti", "fa"])
def test_a_string_missing_from_a_catalogue_is_caught_on_the_page(client, monkeypatch, code):
    drop_from_catalogue(monkeypatch, code, HEADING)
    response = client.get(f"/{code}/")
    heading = BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)
    assert heading == untranslated.MARK + HEADING
    assert catalogue("nb")[HEADING] not in response.content.decode()
    found = dict(untranslated.FOUND)
    untranslated.FOUND.clear()  # caught, as it should be: this test is not the failure
    assert found == {f"GET /{code}/": [HEADING]}


def test_a_page_with_every_string_translated_records_nothing(client):
    client.get("/ti/")
    client.get("/ar/about/")
    assert untranslated.FOUND == {}
