"""Personas for the resident's rights: a resident with a completed registration, logged in;
an administrator; and the adviser and centre staff who must be refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from qualreg.accounts.models import Role, User
from qualreg.corrections.models import CorrectionRequest
from qualreg.people.models import Person
from qualreg.registration.models import ConsentRecord, Registration
from tests.advisers.conftest import (  # noqa: F401 (fixtures)
    adviser,
    adviser_client,
    assignment,
    complete_registration,
    organisation,
)
from tests.registration.conftest import log_in  # noqa: F401 (a fixture)
from tests.signing_in import signed_in

ADMIN_PASSWORD = "a-long-admin-password-1"


def consent_of(person: Person, registration: Registration | None = None) -> ConsentRecord:
    return ConsentRecord.objects.create(
        person=person,
        registration=registration,
        text_version="2026-1",
        language="en",
        decision=ConsentRecord.Decision.CONSENTED,
    )


@pytest.fixture
def completed(resident: Person) -> Registration:
    """The resident's completed registration, consented to."""
    registration = complete_registration(resident)
    consent_of(resident, registration)
    return registration


@pytest.fixture
def resident_client(
    client: Client,
    resident: Person,
    completed: Registration,
    log_in: Any,  # noqa: F811 (the fixture imported above)
) -> Client:
    log_in(resident)
    return client


@pytest.fixture
def administrator(db: object) -> User:
    return User.objects.create_user(
        "ingrid", password=ADMIN_PASSWORD, role=Role.ADMINISTRATOR, is_staff=True
    )


@pytest.fixture
def admin_client(administrator: User) -> Client:
    """The administrator, signed in with both factors, reading English."""
    return signed_in(administrator, Client(HTTP_ACCEPT_LANGUAGE="en"))


@pytest.fixture
def open_request(resident: Person, completed: Registration) -> CorrectionRequest:
    return CorrectionRequest.objects.create(
        person=resident, registration=completed, question="birth_year", text="I was born in 1991."
    )
