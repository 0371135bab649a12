"""Personas and helpers for the staff portal's tests."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from qualreg.accounts.models import Role, User
from qualreg.people.models import Person
from qualreg.registration.models import Registration
from tests.signing_in import signed_in

# Typed by a resident in their answers; no staff page may ever show it.
ANSWER_MARKER = "SECRET-ANSWER-7731"


@pytest.fixture
def staff_client(staff: User) -> Client:
    return signed_in(staff)


@pytest.fixture
def other_staff_client(other_staff: User) -> Client:
    return signed_in(other_staff)


@pytest.fixture
def adviser(db: object) -> User:
    return User.objects.create_user("nora", password="x" * 20, role=Role.ADVISER)


@pytest.fixture
def administrator(db: object) -> User:
    return User.objects.create_user("adm", password="x" * 20, role=Role.ADMINISTRATOR)


@pytest.fixture
def resident_client(resident: Person, code_for: Any) -> Client:
    """A browser in which the resident has logged in with a code."""
    client = Client()
    response = client.post(
        "/en/login/", {"duf_number": resident.duf_number, "code": code_for(resident)}
    )
    assert response.status_code == 302
    return client


def make_registration(person: Person, *, status: str = "draft", progress: int = 40) -> Registration:
    completed = status == Registration.Status.COMPLETED
    return Registration.objects.create(
        person=person,
        sequence=person.registrations.count() + 1,
        definition_version="test",
        language=person.preferred_language,
        status=status,
        progress_percent=100 if completed else progress,
        answers={"work.employer": ANSWER_MARKER, "jobs": [{"title": ANSWER_MARKER}] * 3},
        completed_at=timezone.now() if completed else None,
    )


def add_person(centre: Any, duf: str, language: str = "ar") -> Person:
    return Person.objects.create(duf_number=duf, centre=centre, preferred_language=language)
