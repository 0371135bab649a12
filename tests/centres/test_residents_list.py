"""The list of the centre's residents: status, filter, search, pages — and never an answer."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from qualreg.people.models import LoginCode
from qualreg.registration.models import Registration
from tests.centres.conftest import ANSWER_MARKER, add_person, make_registration

pytestmark = pytest.mark.django_db
URL = "/en/staff/"


@pytest.fixture
def four_residents(centre, code_for):
    not_started = add_person(centre, "202000000001")
    with_code = add_person(centre, "202000000002")
    code_for(with_code)
    in_progress = add_person(centre, "202000000003")
    make_registration(in_progress, progress=45)
    completed = add_person(centre, "202000000004")
    make_registration(completed, status=Registration.Status.COMPLETED)
    return not_started, with_code, in_progress, completed


def _row(page: str, duf_display: str) -> str:
    start = page.index(duf_display)
    return page[start : page.index("</tr>", start)]


def test_each_resident_shows_where_they_stand(staff_client, four_residents):
    page = staff_client.get(URL).content.decode()
    assert "Not started" in _row(page, "2020 000000 01")
    assert "Code issued" in _row(page, "2020 000000 02")
    assert "Valid until" in _row(page, "2020 000000 02")
    in_progress = _row(page, "2020 000000 03")
    assert "In progress" in in_progress and "45 % done" in in_progress
    assert "last activity" in in_progress
    assert "Completed" in _row(page, "2020 000000 04")


def test_staff_never_see_answers_on_any_page(staff_client, four_residents, resident):
    make_registration(resident)
    pages = [URL, f"{URL}?status=in_progress", f"{URL}?status=completed"]
    pages += [f"/en/staff/residents/{person.pk}/" for person in (*four_residents, resident)]
    for url in pages:
        response = staff_client.get(url)
        assert response.status_code == 200
        assert ANSWER_MARKER not in response.content.decode(), url
    search = staff_client.post(URL, {"duf": "2020"})
    assert ANSWER_MARKER not in search.content.decode()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("not_started", "2020 000000 01"),
        ("code_issued", "2020 000000 02"),
        ("in_progress", "2020 000000 03"),
        ("completed", "2020 000000 04"),
    ],
)
def test_the_list_filters_by_status(staff_client, four_residents, status, expected):
    page = staff_client.get(f"{URL}?status={status}").content.decode()
    shown = [f"2020 000000 0{n}" for n in range(1, 5) if f"2020 000000 0{n}" in page]
    assert shown == [expected]


def test_an_unknown_status_is_a_clear_error_not_a_crash(staff_client, four_residents):
    response = staff_client.get(f"{URL}?status=<script>")
    assert response.status_code == 400
    assert "That status does not exist." in response.content.decode()


def test_a_new_draft_after_completion_counts_as_in_progress(staff_client, centre):
    person = add_person(centre, "202000000009")
    make_registration(person, status=Registration.Status.COMPLETED)
    make_registration(person, progress=10)
    page = staff_client.get(f"{URL}?status=in_progress").content.decode()
    assert "2020 000000 09" in page


def test_an_expired_or_used_code_is_not_shown_as_valid(staff_client, centre, code_for):
    person = add_person(centre, "202000000010")
    code_for(person)
    LoginCode.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    row = _row(staff_client.get(URL).content.decode(), "2020 000000 10")
    assert "Not started" in row and "No valid code" in row


def test_search_finds_a_number_typed_with_or_without_spaces(staff_client, four_residents):
    for typed in ("2020 000000 03", "202000000003", "00000003", "٢٠٢٠٠٠٠٠٠٠٠٣"):
        response = staff_client.post(URL, {"duf": typed})
        page = response.content.decode()
        assert "2020 000000 03" in page and "2020 000000 01" not in page, typed
        assert "1 resident found." in page


def test_search_is_sent_by_post_so_the_number_is_never_in_the_address(staff_client):
    page = staff_client.get(URL).content.decode()
    assert 'method="post" action="/en/staff/" class="search-form"' in page


def test_a_search_without_digits_is_a_clear_error(staff_client, four_residents):
    response = staff_client.post(URL, {"duf": "abc"})
    assert response.status_code == 400
    assert "Enter the digits of a DUF number." in response.content.decode()


def test_search_does_not_find_another_centres_residents(staff_client, other_resident):
    page = staff_client.post(URL, {"duf": other_resident.duf_number}).content.decode()
    assert other_resident.duf_display not in page
    assert "No resident of your centre has a DUF number with these digits." in page


def test_the_list_is_paginated(staff_client, centre):
    for n in range(30):
        add_person(centre, f"2021{n:08d}")
    first = staff_client.get(URL).content.decode()
    second = staff_client.get(f"{URL}?page=2").content.decode()
    assert "Page 1 of 2" in first and "2021 000000 24" in first and "2021 000000 25" not in first
    assert "2021 000000 25" in second and "2021 000000 29" in second
    assert staff_client.get(f"{URL}?page=abc").status_code == 200


def test_the_list_shows_only_this_centres_residents(staff_client, resident, other_resident):
    page = staff_client.get(URL).content.decode()
    assert resident.duf_display in page
    assert other_resident.duf_display not in page
