"""The rights pages are the administrators' alone: advisers, centre staff, residents and a
signed-out browser are refused, and every refused try leaves an audit row."""

from __future__ import annotations

import pytest
from django.test import Client

from qualreg.accounts.models import Role, User
from qualreg.advisers.models import Organisation
from qualreg.people.models import Person
from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import make_adviser, signed_in

pytestmark = pytest.mark.django_db

PAGES = ("/admin/residents/delete/", "/admin/audit/")


@pytest.fixture
def adviser(db):
    organisation = Organisation.objects.create(kind=Organisation.Kind.NAV_OFFICE, name="NAV Bergen")
    return make_adviser("veileder", organisation)


@pytest.mark.parametrize("url", PAGES)
def test_advisers_and_centre_staff_get_404_and_an_audit_row(url, adviser, staff, resident):
    for user in (adviser, staff):
        browser = signed_in(user)
        refused = AuditEvent.objects.filter(action=audit.Action.ACCESS_REFUSED, actor=user)
        assert browser.get(url).status_code == 404
        deleting = browser.post(
            url,
            {
                "step": "delete",
                "duf_number": resident.duf_number,
                "duf_number_again": resident.duf_number,
            },
        )
        assert deleting.status_code == 404
        assert refused.count() == 2
    assert Person.objects.filter(pk=resident.pk).exists()
    assert not AuditEvent.objects.filter(action=audit.Action.AUDIT_LOG_VIEWED).exists()


@pytest.mark.parametrize("url", PAGES)
def test_a_user_let_into_the_admin_but_not_an_administrator_is_refused(url, db):
    helper = User.objects.create_user(
        "helper", password="x-long-password-1", role=Role.ADVISER, is_staff=True
    )
    browser = Client()
    browser.force_login(helper)
    assert browser.get(url).status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_a_signed_out_browser_is_sent_to_the_admin_sign_in(url, client):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", PAGES)
def test_a_resident_session_gets_404(url, client, resident, code_for):
    client.post("/en/login/", {"duf_number": resident.duf_number, "code": code_for(resident)})
    assert client.get(url).status_code == 404
    assert AuditEvent.objects.filter(action=audit.Action.ACCESS_REFUSED, by_resident=True).exists()
