"""Every page of the journey in every language shows no English source string that the
language's catalogue translates differently: nothing falls through to English."""

from __future__ import annotations

import re

import pytest
from babel import Locale
from bs4 import BeautifulSoup
from django.test import Client

from qualreg.lib import languages
from qualreg.people.models import Person
from qualreg.questionnaire.definition import QUESTIONNAIRE
from tests.i18n.conftest import catalogue
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [language for language in languages.LANGUAGES if language.code != "en"]
PUBLIC_PAGES = ["", "about/", "login/", "privacy/", "contact/", "no-such-page/", "staff/login/"]
FORM_PAGES = [f"form/{part.key}/" for part in QUESTIONNAIRE.parts] + [
    "form/summary/",
    "my-registration/",
]
_LETTERS = re.compile(r"[A-Za-z]{3,}")
_CLDR_CODE = re.compile(r"^([A-Z]{2}|[a-z]{3})$")


def visible_texts(html: bytes, language: str) -> tuple[set[str], str]:
    """Text nodes and labelling attributes of the page, leaving out text marked as another
    language (the language switcher's own names, the translation column)."""
    page = BeautifulSoup(html, "html.parser")
    for element in page.select("[lang]"):
        if element.name != "html" and element.get("lang") != language:
            element.decompose()
    for element in page.select("script, style"):
        element.decompose()
    # Names of countries (ISO 3166 codes) and languages (ISO 639-3) come from CLDR, whose
    # Norwegian for the Isle of Man is "Man": such options are matched only as long phrases.
    cldr_names = {
        " ".join(option.get_text().split())
        for option in page.select("option")
        if _CLDR_CODE.match(option.get("value", ""))
    }
    nodes = {" ".join(text.split()) for text in page.stripped_strings}
    text = " ".join(sorted(nodes))
    nodes -= cldr_names
    for attribute in ("aria-label", "placeholder", "title", "alt"):
        nodes |= {" ".join(e[attribute].split()) for e in page.select(f"[{attribute}]")}
    if page.title:
        nodes.add(" ".join(page.title.get_text().split()))
    return nodes, text + " " + " ".join(sorted(nodes))


def cldr_names(language: str) -> set[str]:
    """Names of languages and countries as CLDR gives them in `language`; some equal the
    English ("Afar" in Turkish), and such a name on the page is no fall-through."""
    locale = Locale.parse(languages.get(language).babel_locale)
    return set(locale.languages.values()) | set(locale.territories.values())


ENGLISH_DATES = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b[A-Za-z]{3,4}\. \d{1,2}, \d{4}|\b[ap]\.m\."  # Django's fallback: "nov. 29, 2026, 8 p.m."
)


def fall_through(html: bytes, language: str, pairs: dict[str, str]) -> list[str]:
    nodes, text = visible_texts(html, language)
    # Dates come from CLDR: Django's own month names stop at the languages Django knows.
    found = (
        [m.group(0) for m in ENGLISH_DATES.finditer(text)] if language not in {"nb", "nn"} else []
    )
    localised_names = cldr_names(language)
    for source, target in pairs.items():
        if target == source or not _LETTERS.search(source) or "%(" in source:
            continue
        if source in localised_names:
            continue
        plain = " ".join(source.split())
        if (len(plain) >= 20 and plain in text) or plain in nodes:
            found.append(plain)
    return found


@pytest.mark.parametrize("language", [language.code for language in OTHER_LANGUAGES])
def test_no_page_falls_through_to_english(client, resident_session, language):
    pairs = catalogue(language)
    problems = {}
    for path in PUBLIC_PAGES:
        response = client.get(f"/{language}/{path}")
        problems[path] = fall_through(response.content, language, pairs)
    bad_login = client.post(f"/{language}/login/", {"duf_number": "12", "code": "x"})
    assert bad_login.status_code == 400
    problems["login (errors)"] = fall_through(bad_login.content, language, pairs)

    resident_session(client, language)
    for path in FORM_PAGES:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        page = BeautifulSoup(response.content, "html.parser")
        assert page.html["lang"] == language
        assert page.html["dir"] == ("rtl" if languages.get(language).bidi else "ltr")
        problems[path] = fall_through(response.content, language, pairs)
    problems = {path: found for path, found in problems.items() if found}
    assert problems == {}


def _followed(client, response):
    assert response.status_code == 302, response.status_code
    return client.get(response["Location"])


@pytest.mark.parametrize("language", [language.code for language in OTHER_LANGUAGES])
def test_no_page_at_either_end_of_the_journey_falls_through(
    client, resident_session, centre, staff, code_for, language
):
    """The pages the walk above does not reach: consent, its refusal, logging out, the end
    of a session, the receipt, and the staff pages with a resident's slip. Any string the
    catalogue lacks also fails here (tests/i18n/untranslated.py)."""
    pairs = catalogue(language)
    pages = {"session ended": client.get(f"/{language}/session-ended/")}
    person = Person.objects.create(
        duf_number="201399988877", centre=centre, preferred_language=language
    )
    for decision in ("refuse", "logout"):
        login = {"duf_number": person.duf_number, "code": code_for(person)}
        assert client.post(f"/{language}/login/", login).status_code == 302
        pages[f"consent ({decision})"] = client.get(f"/{language}/consent/")
        if decision == "refuse":
            reply = client.post(f"/{language}/consent/", {"decision": "refuse"})
        else:
            reply = client.post(f"/{language}/logout/")
        pages[f"after {decision}"] = _followed(client, reply)

    resident_session(client, language)
    pages["receipt"] = _followed(client, client.post(f"/{language}/form/complete/"))
    pages["completed"] = client.get(f"/{language}/completed/")

    staff_client = Client()
    for data in ({"username": "", "password": ""}, {"username": "kari", "password": "wrong"}):
        pages[f"staff sign-in {data['password'] or 'empty'}"] = staff_client.post(
            f"/{language}/staff/login/", data
        )
    signed_in(staff, staff_client)
    pages["residents"] = staff_client.get(f"/{language}/staff/")
    pages["resident"] = staff_client.get(f"/{language}/staff/residents/{person.pk}/")
    issued = staff_client.post(f"/{language}/staff/residents/{person.pk}/issue-code/")
    pages["slips"] = _followed(staff_client, issued)
    problems = {}
    for name, response in pages.items():
        assert response.status_code == (400 if "sign-in" in name else 200), name
        problems[name] = fall_through(response.content, language, pairs)
    assert {name: found for name, found in problems.items() if found} == {}
