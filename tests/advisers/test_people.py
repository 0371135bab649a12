"""'My people': only the organisation's assigned residents with a completed registration,
found by exact DUF number only, filtered and sorted through the URL, every list audited."""

from __future__ import annotations

import datetime

from django.utils import timezone

from qualreg.advisers.models import Assignment
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import complete_registration, listed, today
from tests.centres.conftest import add_person


def _assign(person, organisation, days_ago: int = 1) -> None:
    Assignment.objects.create(
        person=person,
        organisation=organisation,
        start_date=today() - datetime.timedelta(days=days_ago),
    )


def test_my_people_lists_the_latest_completed_registration_of_each_assigned_resident(
    adviser_client, resident, completed, centre
) -> None:
    second = complete_registration(resident)
    response = adviser_client.get("/en/advisers/")
    page = response.content.decode()
    assert resident.duf_display in listed(response)
    assert f'href="/en/advisers/registrations/{second.pk}/"' in page
    assert f'href="/en/advisers/registrations/{completed.pk}/"' not in page
    assert centre.name in page


def test_residents_not_assigned_or_without_a_completed_registration_are_not_listed(
    adviser_client, completed, centre, other_organisation
) -> None:
    elsewhere = add_person(centre, "201911111111")
    complete_registration(elsewhere)
    _assign(elsewhere, other_organisation)
    not_done = add_person(centre, "201922222222")
    _assign(not_done, completed.person.assignments.get().organisation)
    page = listed(adviser_client.get("/en/advisers/"))
    assert "2019 111111 11" not in page
    assert "2019 222222 22" not in page


def test_every_resident_on_the_page_is_audited_with_the_organisation(
    adviser_client, adviser, resident, completed
) -> None:
    adviser_client.get("/en/advisers/?sort=duf")
    row = AuditEvent.objects.get(action="adviser.listed")
    assert (row.actor, row.person, row.registration) == (adviser, resident, completed)
    assert row.detail["organisation"] == adviser.adviser.organisation_id
    assert row.detail["sort"] == "duf"


def test_an_empty_list_is_audited_too(adviser_client, adviser) -> None:
    adviser_client.get("/en/advisers/")
    row = AuditEvent.objects.get(action="adviser.listed")
    assert row.person is None and row.actor == adviser


def test_a_resident_is_found_by_the_exact_duf_number_only(
    adviser_client, resident, completed
) -> None:
    response = adviser_client.post("/en/advisers/", {"duf": "2012 586975 61"})
    assert response.status_code == 302
    assert response["Location"] == f"/en/advisers/registrations/{completed.pk}/"
    partial = adviser_client.post("/en/advisers/", {"duf": "586975"})
    assert partial.status_code == 400
    assert "12 digits" in partial.content.decode()
    looked_up = AuditEvent.objects.filter(action="adviser.looked_up")
    assert [row.detail["found"] for row in looked_up] == [True]


def test_a_duf_number_of_someone_elses_resident_is_not_found(
    adviser_client, completed, other_resident
) -> None:
    complete_registration(other_resident)
    response = adviser_client.post("/en/advisers/", {"duf": other_resident.duf_number})
    assert response.status_code == 400
    assert "No resident assigned to your organisation has this DUF number" in (
        response.content.decode()
    )
    assert AuditEvent.objects.get(action="adviser.looked_up").detail["found"] is False


def test_the_completion_period_filters_and_stays_in_the_url(
    adviser_client, resident, completed, organisation, centre
) -> None:
    older = add_person(centre, "201933333333")
    complete_registration(older, completed_at=timezone.now() - datetime.timedelta(days=40))
    _assign(older, organisation)
    since = (today() - datetime.timedelta(days=7)).isoformat()
    response = adviser_client.get(f"/en/advisers/?completed_from={since}")
    assert resident.duf_display in listed(response) and "2019 333333 33" not in listed(response)
    assert f'value="{since}"' in response.content.decode()


def test_a_period_that_ends_before_it_starts_is_a_clear_error(adviser_client, completed) -> None:
    response = adviser_client.get("/en/advisers/?completed_from=2026-05-01&completed_to=2026-04-01")
    assert response.status_code == 400
    assert "The end of the period must be after its start." in response.content.decode()


def test_the_list_is_sorted_and_paginated_keeping_the_filters(
    adviser_client, organisation, centre, completed
) -> None:
    for number in range(30):
        person = add_person(centre, f"2020{number:08d}")
        complete_registration(person)
        _assign(person, organisation)
    response = adviser_client.get("/en/advisers/?sort=duf")
    first = listed(response)
    assert first.index("2012 586975 61") < first.index("2020 000000 00")
    assert "sort=duf&amp;page=2" in response.content.decode()
    second = listed(adviser_client.get("/en/advisers/?sort=duf&page=2"))
    assert "2020 000000 29" in second and "2012 586975 61" not in second


def test_an_unknown_sort_is_a_clear_error_not_a_crash(adviser_client, completed) -> None:
    response = adviser_client.get("/en/advisers/?sort=secret_field")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
