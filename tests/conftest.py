"""Shared fixtures: a few named personas, and a real Chromium for the browser tests."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.contrib.staticfiles import handlers as staticfiles_handlers
from django.core.management import call_command

from qualreg.accounts.models import Role, User
from qualreg.people.codes import issue_login_code
from qualreg.people.models import Centre, Person
from tests.i18n import untranslated

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from
# such a thread unless told that this is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.browser_fixtures"]

STAFF_PASSWORD = "a-long-staff-password-1"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Before any server starts: compile the catalogues and collect the hashed static files
    that pages link to, as a deployment does."""
    call_command("compilecatalogs", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    untranslated.install()
    # pytest-django's live server serves static files through Django's finders, which know
    # nothing of hashed names; let WhiteNoise serve them instead, with production's headers.
    staticfiles_handlers.StaticFilesHandler = _LetWhiteNoiseServe  # type: ignore[misc]


@pytest.fixture(autouse=True)
def no_page_shows_an_untranslated_string():
    """Any page served during any test, in any language but English, with a string its
    catalogue lacks fails that test (the string would have appeared in Norwegian)."""
    untranslated.FOUND.clear()
    yield
    found = dict(untranslated.FOUND)
    untranslated.FOUND.clear()
    assert found == {}, f"untranslated strings on pages: {found}"


class _LetWhiteNoiseServe:
    def __init__(self, application: Any) -> None:
        self.application = application

    def __call__(self, environ: Any, start_response: Any) -> Any:
        return self.application(environ, start_response)


@pytest.fixture
def centre(db: object) -> Centre:
    return Centre.objects.create(name="Fjellheim mottak", municipality="Bergen")


@pytest.fixture
def other_centre(db: object) -> Centre:
    return Centre.objects.create(name="Strand mottak", municipality="Tromsø")


@pytest.fixture
def staff(centre: Centre) -> User:
    return User.objects.create_user(
        "kari", password=STAFF_PASSWORD, role=Role.CENTRE_STAFF, centre=centre
    )


@pytest.fixture
def other_staff(other_centre: Centre) -> User:
    return User.objects.create_user(
        "ola", password=STAFF_PASSWORD, role=Role.CENTRE_STAFF, centre=other_centre
    )


@pytest.fixture
def resident(centre: Centre) -> Person:
    return Person.objects.create(duf_number="201258697561", centre=centre, preferred_language="ar")


@pytest.fixture
def other_resident(other_centre: Centre) -> Person:
    return Person.objects.create(duf_number="201912345678", centre=other_centre)


@pytest.fixture
def code_for(staff: User):  # type: ignore[no-untyped-def]
    """Issue a fresh one-time code for a person and return it in plain text."""

    def issue(person: Person) -> str:
        return issue_login_code(person, issued_by=staff)[1]

    return issue
