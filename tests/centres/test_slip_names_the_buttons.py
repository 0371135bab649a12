"""The code slip tells the resident which buttons to press to reach the login form; the names
it quotes are the labels of those buttons as the pages show them, in every language."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from qualreg.lib import languages
from qualreg.people.models import Person

pytestmark = pytest.mark.django_db


def _text(element) -> str:
    """An element's words, leaving out decorative arrows hidden from screen readers."""
    for hidden in element.select("[aria-hidden]"):
        hidden.decompose()
    return " ".join(element.get_text(" ").split())


def buttons_on_the_way_to_login(code: str) -> list[str]:
    """What the resident sees on the three buttons: the front page's, the information
    page's way on, and the login form's."""
    client = Client()
    home = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
    start = home.select_one(f'main a.button[href="/{code}/about/"]')
    about = BeautifulSoup(client.get(f"/{code}/about/").content, "html.parser")
    onward = about.select_one(f'main a.button[href="/{code}/login/"]')
    login = BeautifulSoup(client.get(f"/{code}/login/").content, "html.parser")
    submit = login.select_one('main form button[type="submit"]')
    return [_text(start), _text(onward), _text(submit)]


def names_on_the_slip(staff_client: Client, person: Person, code: str) -> list[str]:
    staff_client.post(f"/en/staff/residents/{person.pk}/issue-code/")
    slips = BeautifulSoup(staff_client.get("/en/staff/slips/").content, "html.parser")
    column = slips.select_one(f'.slip__column[lang="{code}"]')
    return [_text(name) for name in column.select(".slip__steps .slip__button")]


@pytest.mark.parametrize("code", ["ar", "ti", "fa", "am", "uk", "fr", "so", "kmr", "en"])
def test_the_slip_names_the_buttons_the_pages_show(staff_client, centre, code):
    person = Person.objects.create(
        duf_number="201258697561", centre=centre, preferred_language=code
    )
    expected = buttons_on_the_way_to_login(code)
    assert all(expected), expected
    assert names_on_the_slip(staff_client, person, code) == expected


def test_the_norwegian_column_names_the_norwegian_buttons(staff_client, resident):
    assert names_on_the_slip(staff_client, resident, "nb") == buttons_on_the_way_to_login("nb")


def test_every_language_s_slip_step_quotes_all_three_buttons(staff_client, centre):
    for number, language in enumerate(languages.LANGUAGES):
        person = Person.objects.create(
            duf_number=f"2012{number:08d}", centre=centre, preferred_language=language.code
        )
        names = names_on_the_slip(staff_client, person, language.code)
        assert names == buttons_on_the_way_to_login(language.code), language.code


@pytest.mark.parametrize("code", ["ar", "ti", "fr"])
def test_the_refusal_to_issue_names_the_button_of_the_list(staff_client, resident, code):
    listing = BeautifulSoup(staff_client.get(f"/{code}/staff/").content, "html.parser")
    bulk_form = listing.select_one(f'form[action="/{code}/staff/residents/issue-codes/"]')
    button = _text(bulk_form.select_one('button[type="submit"]'))
    response = staff_client.post(f"/{code}/staff/residents/issue-codes/", {"layout": "several"})
    assert response.status_code == 400
    assert button in _text(BeautifulSoup(response.content, "html.parser").main)
