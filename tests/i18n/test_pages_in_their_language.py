"""Each page a resident meets shows its own heading and key sentence, in their language:
right-to-left (ar, fa) and Ethiopic (ti, am). The text expected is the catalogue's, read
through gettext, so the test holds whatever the wording; a page replaced by another one
(admin's "logged out" page once replaced ours) or left in English fails."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from qualreg.lib import languages
from qualreg.people.models import Person
from qualreg.questionnaire.definition import QUESTIONNAIRE

pytestmark = pytest.mark.django_db

READERS = ["ar", "fa", "ti", "am"]


def words(element) -> str:
    return " ".join(element.get_text(" ").split()) if element else ""


@dataclass(frozen=True)
class Reader:
    """A resident's browser, and how to bring it to each page."""

    client: Client
    code: str
    person: Person
    login_code: Callable[[Person], str]

    def log_in(self) -> None:
        response = self.client.post(
            f"/{self.code}/login/",
            {"duf_number": self.person.duf_number, "code": self.login_code(self.person)},
        )
        assert response.status_code == 302, response.status_code

    def get(self, path: str):
        return self.client.get(f"/{self.code}/{path}")

    def post_and_follow(self, path: str, data: dict | None = None):
        response = self.client.post(f"/{self.code}/{path}", data or {})
        assert response.status_code == 302, (path, response.status_code)
        return self.client.get(response["Location"])


@pytest.fixture
def reader_in(client, centre, code_for, resident_session):
    def make(code: str, far_into_the_form: bool = False) -> Reader:
        if far_into_the_form:
            resident_session(client, code)
            person = Person.objects.latest("pk")
        else:
            person = Person.objects.create(
                duf_number="201311122233", centre=centre, preferred_language=code
            )
        return Reader(client, code, person, code_for)

    return make


def home(reader):
    return reader.get("")


def about(reader):
    return reader.get("about/")


def login(reader):
    return reader.get("login/")


def consent(reader):
    reader.log_in()
    return reader.get("consent/")


def consent_refused(reader):
    reader.log_in()
    return reader.post_and_follow("consent/", {"decision": "refuse"})


def logged_out(reader):
    reader.log_in()
    return reader.post_and_follow("logout/")


def session_ended(reader):
    return reader.get("session-ended/")


def privacy(reader):
    return reader.get("privacy/")


def contact(reader):
    return reader.get("contact/")


def not_found(reader):
    return reader.get("no-such-page/")


def part(reader):
    return reader.get(f"form/{QUESTIONNAIRE.parts[1].key}/")


def summary(reader):
    return reader.get("form/summary/")


def receipt(reader):
    return reader.post_and_follow("form/complete/")


def my_registration(reader):
    return reader.get("my-registration/")


def part_heading() -> str:
    return str(QUESTIONNAIRE.parts[1].title)


def part_sentence() -> str:
    return str(QUESTIONNAIRE.parts[1].questions[0].label)


# page → (how to reach it, its heading, its key sentence, whether it needs a resident far
# into the form). Headings and sentences are msgids, or functions giving the translated text.
PAGES = {
    "home": (
        home,
        "Register your qualifications",
        "Tell us about your languages, schooling, work, skills and wishes, so that the people "
        "who will advise you about training, education and work can plan with you.",
        False,
    ),
    "about": (
        about,
        "Why should you register your qualifications?",
        "Your DUF number and a code from the staff at your reception centre. The registration "
        "takes about 30 minutes. You can take a break, but if you log out you will need a new "
        "code to continue.",
        False,
    ),
    "login": (
        login,
        "Log in to the form",
        "12 digits. You find it on your papers from the immigration authorities.",
        False,
    ),
    "consent": (
        consent,
        "Consent declaration",
        "Read how your information will be used before you start.",
        False,
    ),
    "consent refused": (
        consent_refused,
        "You did not consent",
        "If you change your mind, ask the staff at your reception centre for a new code.",
        False,
    ),
    "logged out": (
        logged_out,
        "You are logged out",
        "Your answers are saved. To continue later, ask the staff at your reception centre for "
        "a new code.",
        False,
    ),
    "session ended": (
        session_ended,
        "You have been logged out",
        "Your answers are saved, except perhaps the very last one you were writing. To "
        "continue, ask the staff at your reception centre for a new code.",
        False,
    ),
    "privacy": (
        privacy,
        "Privacy and your rights",
        "The Directorate of Integration and Diversity (IMDi) is responsible for the information "
        "you register.",
        False,
    ),
    "contact": (
        contact,
        "Contact",
        "If you need help with the registration, ask the staff at your reception centre.",
        False,
    ),
    "404": (
        not_found,
        "Page not found",
        "If you typed the web address, check it is correct.",
        False,
    ),
    "part": (part, part_heading, part_sentence, True),
    "summary": (
        summary,
        "Summary of your answers",
        lambda: (
            gettext("Check your answers. To change an answer, choose “%(edit)s”.")
            % {"edit": gettext("Edit")}
        ),
        True,
    ),
    "receipt": (
        receipt,
        "Your registration is complete",
        "If something changes, ask for a new code and fill in the form again. This registration "
        "stays as it is.",
        True,
    ),
    "my registration": (
        my_registration,
        "My registration",
        "This is everything the service has registered about you.",
        True,
    ),
}


def translated(text) -> str:
    return text() if callable(text) else gettext(text)


@pytest.mark.parametrize("code", READERS)
@pytest.mark.parametrize("page", list(PAGES))
def test_the_page_shows_its_own_heading_and_sentence_in_the_reader_s_language(
    reader_in, page, code
):
    reach, heading, sentence, far_into_the_form = PAGES[page]
    response = reach(reader_in(code, far_into_the_form))
    assert response.status_code == (404 if page == "404" else 200)
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == code
    assert html.html["dir"] == ("rtl" if languages.get(code).bidi else "ltr")
    with translation.override(code):
        expected_heading, expected_sentence = translated(heading), translated(sentence)
    with translation.override("en"):
        english_heading, english_sentence = translated(heading), translated(sentence)
    # The catalogue translates both; otherwise this test would prove nothing.
    assert expected_heading != english_heading
    assert expected_sentence != english_sentence
    assert words(html.main.h1) == " ".join(expected_heading.split())
    assert " ".join(expected_sentence.split()) in words(html.main)


@pytest.mark.parametrize("code", READERS)
def test_logging_out_never_shows_django_admin_s_page(reader_in, code):
    response = logged_out(reader_in(code))
    text = response.content.decode()
    assert "quality time" not in text
    assert "/admin/" not in text
    with translation.override(code):
        assert gettext("Go to the front page") in text


@pytest.mark.parametrize("code", ["ar", "ti", "fr", "uk"])
def test_the_summary_names_the_edit_links_as_they_read(reader_in, code):
    html = BeautifulSoup(summary(reader_in(code, True)).content, "html.parser")
    for hidden in html.select(".visually-hidden"):
        hidden.decompose()
    edit_links = {words(a) for a in html.select("main dd a, main .edit-link")}
    assert len(edit_links) == 1
    assert edit_links.pop() in words(html.main.p)
