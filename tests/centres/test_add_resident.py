"""Adding one resident: the DUF number validated and normalised, no duplicates anywhere."""

from __future__ import annotations

import pytest

from qualreg.people.models import Person
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db
URL = "/en/staff/residents/add/"


def test_a_resident_is_added_with_the_number_normalised(staff_client, staff, centre):
    response = staff_client.post(URL, {"duf_number": "2019 123456 78", "preferred_language": "ti"})
    person = Person.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/residents/{person.pk}/"
    assert (person.duf_number, person.centre, person.preferred_language) == (
        "201912345678",
        centre,
        "ti",
    )
    assert person.added_by == staff
    event = AuditEvent.objects.get(action="resident.added")
    assert (event.actor, event.person) == (staff, person)
    page = staff_client.get(response["Location"]).content.decode()
    assert "Resident 2019 123456 78 added" in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12345", "Enter a DUF number of 12 digits, for example 2012 586975 61."),
        ("2012 586975 6X", "Enter a DUF number of 12 digits, for example 2012 586975 61."),
        ("1812 586975 61", "Check the first 4 digits."),
        ("", "Enter the resident&#x27;s DUF number."),
    ],
)
def test_a_malformed_number_is_refused_with_a_clear_error(staff_client, typed, message):
    response = staff_client.post(URL, {"duf_number": typed, "preferred_language": "ar"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Person.objects.exists()


def test_an_unknown_language_is_refused(staff_client):
    response = staff_client.post(URL, {"duf_number": "201912345678", "preferred_language": "xx"})
    assert response.status_code == 400
    assert "Select one of the languages in the list." in response.content.decode()


def test_the_language_list_offers_all_18_languages_by_their_own_names(staff_client):
    page = staff_client.get(URL).content.decode()
    for autonym in ("العربية", "ትግርኛ", "Kurmancî", "Українська", "Norsk bokmål"):
        assert autonym in page
    assert page.count("<option") == 19  # 18 and an empty first choice


def test_a_number_already_at_this_centre_is_refused(staff_client, resident):
    response = staff_client.post(URL, {"duf_number": "2012586975 61", "preferred_language": "ar"})
    assert response.status_code == 400
    assert "already on your centre&#x27;s list" in response.content.decode()


def test_a_number_at_another_centre_is_refused_without_naming_it(staff_client, other_resident):
    response = staff_client.post(URL, {"duf_number": "201912345678", "preferred_language": "ar"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "already registered in the service" in page
    assert other_resident.centre.name not in page
    assert other_resident.centre.municipality not in page
    assert Person.objects.get(duf_number="201912345678").centre == other_resident.centre
