"""A resident reaches only their own registration, and resident and staff sessions stay apart."""

import pytest
from django.urls import reverse

from qualreg.registration.models import Registration
from tests.registration.conftest import post_part, text_of

pytestmark = pytest.mark.django_db

RESIDENT_PAGES = [
    "/en/start/",
    "/en/consent/",
    "/en/form/personal/",
    "/en/form/summary/",
    "/en/form/receipt/",
    "/en/completed/",
    "/en/my-registration/",
]


@pytest.mark.parametrize("url", RESIDENT_PAGES)
def test_resident_pages_send_a_stranger_to_the_login(client, url):
    assert client.get(url)["Location"] == "/en/login/"


@pytest.mark.parametrize("url", RESIDENT_PAGES)
def test_a_staff_session_does_not_open_resident_pages(client, staff, url):
    client.force_login(staff)
    assert client.get(url)["Location"] == "/en/login/"


def test_a_resident_session_does_not_open_staff_pages(client, draft):
    staff_urls = [f"/en/staff/{path}" for path in ("", "residents/", "admin/")]
    for url in staff_urls:
        response = client.get(url)
        assert response.status_code in (302, 403, 404)
        if response.status_code == 302:
            assert "/staff/login/" in response["Location"] or "/login/" in response["Location"]
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_two_residents_each_see_only_their_own_answers(
    client, draft, other_resident, log_in, django_user_model
):
    post_part(client, "personal", {"birth_year": "1990"})
    from django.test import Client

    other = Client()
    log_in(other_resident, browser=other)
    other.post("/en/consent/", {"decision": "consent"})
    page = text_of(other.get("/en/form/personal/"))
    assert "1990" not in page
    post_part(other, "personal", {"birth_year": "1970"})
    assert Registration.objects.get(pk=draft.pk).answers == {"birth_year": "1990"}


def test_no_url_of_the_journey_names_a_registration_by_its_database_key():
    """A resident reaches only their own: no URL carries a database key. The one number a URL
    may carry is the resident's own registration number (1, 2, …), which a view looks up
    among the signed-in resident's registrations only (tests/exports: another resident's
    number is refused)."""
    from qualreg.registration import urls

    for pattern in urls.urlpatterns:
        route = str(pattern.pattern)
        assert "<int:" not in route or route.count("<int:number>") == route.count("<int:")
    assert reverse("registration:part", args=["personal"]).endswith("/form/personal/")
