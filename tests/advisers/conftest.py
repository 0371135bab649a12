"""Personas for the adviser portal: two organisations, an adviser of each, and a resident
with a completed registration assigned to the first organisation since yesterday."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from qualreg.accounts.models import Role, User
from qualreg.advisers.models import Adviser, Assignment, Organisation
from qualreg.advisers.purposes import SESSION_KEY as PURPOSES_KEY
from qualreg.people.models import Person
from qualreg.privacy.models import AuditEvent
from qualreg.registration.facts import write_facts
from qualreg.registration.models import Registration
from tests.registration.conftest import COMPLETE_ANSWERS
from tests.signing_in import signed_in as signed_in_with_both_factors

ADVISER_PASSWORD = "a-long-adviser-password-1"
FREE_TEXT = "Sykepleier ved Aleppo universitetssykehus"

# The fewest answers that complete every part, as the journey's tests use them.
ANSWERS: dict[str, Any] = COMPLETE_ANSWERS


def today() -> datetime.date:
    return timezone.localdate()


def complete_registration(
    person: Person,
    answers: dict[str, Any] | None = None,
    *,
    status: str = "completed",
    completed_at: datetime.datetime | None = None,
) -> Registration:
    """A registration as the journey leaves it: completed with its facts written (or a draft)."""
    completed = status == Registration.Status.COMPLETED
    registration = Registration.objects.create(
        person=person,
        sequence=person.registrations.count() + 1,
        definition_version="test",
        language=person.preferred_language,
        status=status,
        progress_percent=100,
        answers=answers if answers is not None else dict(ANSWERS),
        completed_at=(completed_at or timezone.now()) if completed else None,
    )
    if completed:
        write_facts(registration)
    return registration


def make_adviser(username: str, organisation: Organisation, **extra: Any) -> User:
    user = User.objects.create_user(username, password=ADVISER_PASSWORD, role=Role.ADVISER, **extra)
    Adviser.objects.create(user=user, organisation=organisation)
    return user


def signed_in(user: User, *, purpose_for: Person | None = None) -> Client:
    """A browser in which `user` has signed in with both factors."""
    client = signed_in_with_both_factors(user)
    session = client.session
    if purpose_for is not None:
        session[PURPOSES_KEY] = {str(purpose_for.pk): "guidance"}
    session.save()
    return client


def listed(response: Any) -> str:
    """The text of the list of people on a page ("" when there is none)."""
    table = BeautifulSoup(response.content, "html.parser").find("table")
    return " ".join(table.get_text(" ").split()) if table else ""


def refusals() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action="access.refused"))


@pytest.fixture
def organisation(db: object) -> Organisation:
    return Organisation.objects.create(
        kind=Organisation.Kind.MUNICIPALITY, name="Bergen kommune", municipality_number="4601"
    )


@pytest.fixture
def other_organisation(db: object) -> Organisation:
    return Organisation.objects.create(kind=Organisation.Kind.NAV_OFFICE, name="NAV Tromsø")


@pytest.fixture
def adviser(organisation: Organisation) -> User:
    return make_adviser("nora", organisation)


@pytest.fixture
def other_adviser(other_organisation: Organisation) -> User:
    return make_adviser("per", other_organisation)


@pytest.fixture
def completed(resident: Person) -> Registration:
    return complete_registration(resident)


@pytest.fixture
def assignment(resident: Person, organisation: Organisation) -> Assignment:
    return Assignment.objects.create(
        person=resident,
        organisation=organisation,
        start_date=today() - datetime.timedelta(days=1),
        reason="settled",
    )


@pytest.fixture
def adviser_client(adviser: User, resident: Person, assignment: Assignment) -> Client:
    """The adviser, signed in, who has already said why they open the resident's registration."""
    return signed_in(adviser, purpose_for=resident)
