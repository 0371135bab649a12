"""Personas for the administrators' rights pages: an administrator signed in to the admin."""

from __future__ import annotations

import pytest
from django.test import Client

from qualreg.accounts.models import Role, User
from tests.advisers.conftest import (  # noqa: F401 (the adviser personas, as fixtures here too)
    adviser,
    adviser_client,
    assignment,
    organisation,
)
from tests.signing_in import signed_in

ADMIN_PASSWORD = "an-administrator-password-1"


@pytest.fixture
def administrator(db: object) -> User:
    # As the directorate's accounts are set up (see demodata): every permission of the admin.
    return User.objects.create_superuser(
        "direktorat", password=ADMIN_PASSWORD, role=Role.ADMINISTRATOR
    )


@pytest.fixture
def admin_browser(administrator: User) -> Client:
    return signed_in(administrator, Client(HTTP_ACCEPT_LANGUAGE="en"))
