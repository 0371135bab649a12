"""Administrators find centres, residents and login codes in the admin under /admin/people/."""

from __future__ import annotations

import pytest

from qualreg.accounts.models import Role, User
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, centre):  # type: ignore[no-untyped-def]
    admin = User.objects.create_superuser(
        "admin", password="an-admin-password-1", role=Role.ADMINISTRATOR
    )
    return signed_in(admin, client)


def test_the_admin_finds_a_resident_by_exact_duf_number(admin_client, resident, code_for):
    code_for(resident)
    found = admin_client.get("/admin/people/person/", {"q": "2012 586975 61"})
    assert found.status_code == 200
    assert "2012 586975 61" in found.content.decode()
    partial = admin_client.get("/admin/people/person/", {"q": "2012"})
    assert "2012 586975 61" not in partial.content.decode()


def test_the_admin_shows_a_resident_with_their_codes_life_cycle_never_the_hash(
    admin_client, resident, code_for
):
    code_for(resident)
    page = admin_client.get(f"/admin/people/person/{resident.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Fjellheim mottak" in html
    assert resident.login_codes.get().code_hash not in html


def test_the_admin_lists_centres(admin_client):
    page = admin_client.get("/admin/people/centre/")
    assert page.status_code == 200
    assert "Fjellheim mottak" in page.content.decode()
