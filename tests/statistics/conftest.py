"""Personas for the statistics: an analyst and an administrator (both with their second
factor), and residents with completed registrations made to order."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from qualreg.accounts.models import Role, User
from qualreg.people.models import Centre, Person
from qualreg.registration.models import Registration
from tests.advisers.conftest import complete_registration
from tests.registration.conftest import COMPLETE_ANSWERS

PASSWORD = "a-long-analyst-password-1"
_next_duf = iter(range(10_000_000, 99_999_999))


def register(
    centre: Centre,
    count: int,
    *,
    completed_at: datetime.datetime | None = None,
    language: str = "ar",
    **answers: Any,
) -> list[Registration]:
    """`count` residents of `centre`, each with a completed registration of the journey
    tests' answers changed by `answers`."""
    made = []
    for _index in range(count):
        person = Person.objects.create(
            duf_number=f"2019{next(_next_duf):08d}", centre=centre, preferred_language=language
        )
        made.append(
            complete_registration(
                person, {**COMPLETE_ANSWERS, **answers}, completed_at=completed_at
            )
        )
    return made


def verified_client(user: User) -> Client:
    """A browser in which `user` has signed in with a password and a second factor."""
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def text_of(response: Any) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def table_of(response: Any, key: str) -> dict[str, list[str]]:
    """A statistics table on the page as {row label: [cell texts]}."""
    page = BeautifulSoup(response.content, "html.parser")
    heading = page.find(id=f"t-{key}")
    assert heading is not None, f"no table {key} on the page"
    table = page.find("table", attrs={"aria-labelledby": f"t-{key}"})
    rows = {}
    for row in table.find("tbody").find_all("tr"):
        label = row.find("th").get_text(" ", strip=True)
        rows[label] = [
            cell.get_text(" ", strip=True) for cell in row.find_all("td", class_="number")
        ]
    return rows


@pytest.fixture
def analyst(db: object) -> User:
    return User.objects.create_user("siri", password=PASSWORD, role=Role.STATISTICS)


@pytest.fixture
def analyst_client(analyst: User) -> Client:
    return verified_client(analyst)


@pytest.fixture
def administrator(db: object) -> User:
    return User.objects.create_user(
        "ada", password=PASSWORD, role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True
    )


@pytest.fixture
def now() -> datetime.datetime:
    return timezone.now()
