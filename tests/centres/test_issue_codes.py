"""Issuing codes in one click or for many residents, shown once on printable slips."""

from __future__ import annotations

import re

import pytest

from qualreg.lib.dates import format_moment as format_expiry
from qualreg.people.codes import redeem_login_code
from qualreg.people.models import LoginCode
from qualreg.privacy.models import AuditEvent
from tests.centres.conftest import add_person

pytestmark = pytest.mark.django_db
CODE = re.compile(r'class="slip__code">([2-9A-Z]{4}-[2-9A-Z]{4})<')


def _issue(client, person) -> str:
    response = client.post(f"/en/staff/residents/{person.pk}/issue-code/")
    assert response.status_code == 302 and response["Location"] == "/en/staff/slips/"
    return client.get("/en/staff/slips/").content.decode()


def test_a_code_is_issued_in_one_click_and_shown_once(staff_client, staff, resident):
    slip = _issue(staff_client, resident)
    codes = CODE.findall(slip)
    assert len(codes) == 2 and codes[0] == codes[1]  # Arabic column and Norwegian column
    assert redeem_login_code(resident.duf_number, codes[0], client="x") == resident
    again = staff_client.get("/en/staff/slips/")
    assert again.status_code == 410
    assert not CODE.search(again.content.decode())
    assert "The codes have already been shown" in again.content.decode()
    event = AuditEvent.objects.get(action="login_code.issued")
    assert (event.actor, event.person) == (staff, resident)
    assert AuditEvent.objects.filter(action="login_code.slips_shown", actor=staff).exists()


def test_after_issuing_the_resident_page_shows_only_the_expiry(staff_client, resident):
    slip = _issue(staff_client, resident)
    code = CODE.findall(slip)[0]
    page = staff_client.get(f"/en/staff/residents/{resident.pk}/").content.decode()
    assert "A code is valid until" in page
    assert code not in page and code.replace("-", "") not in page


def test_the_issuing_page_is_never_cached(staff_client, resident):
    staff_client.post(f"/en/staff/residents/{resident.pk}/issue-code/")
    response = staff_client.get("/en/staff/slips/")
    assert "no-store" in response["Cache-Control"]


def test_a_new_code_replaces_the_old_one(staff_client, resident):
    first = CODE.findall(_issue(staff_client, resident))[0]
    second = CODE.findall(_issue(staff_client, resident))[0]
    assert LoginCode.objects.usable().count() == 1
    from qualreg.people.codes import LoginRefused, Refusal

    with pytest.raises(LoginRefused) as refused:
        redeem_login_code(resident.duf_number, first, client="x")
    assert refused.value.reason is Refusal.REVOKED
    assert redeem_login_code(resident.duf_number, second, client="x") == resident


def test_issuing_a_code_accepts_only_post(staff_client, resident):
    assert staff_client.get(f"/en/staff/residents/{resident.pk}/issue-code/").status_code == 405
    assert not LoginCode.objects.exists()


def test_the_slip_is_in_the_residents_language_and_in_norwegian(staff_client, resident, settings):
    settings.SERVICE_URL = "https://kvalifisering.example.no"
    slip = _issue(staff_client, resident)
    columns = re.findall(r'<div class="slip__column" lang="(\w+)" dir="(\w+)"', slip)
    assert columns == [("ar", "rtl"), ("nb", "ltr")]
    assert slip.count("https://kvalifisering.example.no") >= 2
    assert slip.count('<bdi dir="ltr" class="slip__value">2012 586975 61</bdi>') == 2
    expires_at = LoginCode.objects.get().expires_at
    assert format_expiry(expires_at, "ar") in slip  # e.g. 13 ديسمبر 2026، 7:05 م
    assert format_expiry(expires_at, "nb") in slip  # e.g. 13. desember 2026, 19:05
    assert re.search(r"\d+\. \w+ 20\d\d, \d\d:\d\d", format_expiry(expires_at, "nb"))


def test_a_norwegian_speaker_gets_one_column(staff_client, centre):
    person = add_person(centre, "202000000077", language="nb")
    slip = _issue(staff_client, person)
    assert re.findall(r'class="slip__column" lang="(\w+)"', slip) == ["nb"]


def test_bulk_issue_gives_one_page_of_slips_for_the_selected(staff_client, staff, centre):
    people = [
        add_person(centre, f"2020{n:08d}", language=lang)
        for n, lang in enumerate(["ti", "uk", "nb"])
    ]
    response = staff_client.post(
        "/en/staff/residents/issue-codes/",
        {"person": [p.pk for p in people[:2]], "layout": "several"},
    )
    assert response.status_code == 302
    page = staff_client.get("/en/staff/slips/").content.decode()
    assert 'class="slips slips--several"' in page
    assert page.count('<section class="slip"') == 2
    assert re.findall(r'class="slip__column" lang="(\w+)"', page) == ["ti", "nb", "uk", "nb"]
    assert "2 new codes issued." in page
    assert LoginCode.objects.usable().count() == 2
    assert not LoginCode.objects.filter(person=people[2]).exists()
    assert AuditEvent.objects.filter(action="login_code.issued", actor=staff).count() == 2
    assert AuditEvent.objects.get(action="login_code.bulk_issued").detail == {"count": 2}


def test_bulk_issue_can_print_one_slip_per_page(staff_client, resident):
    staff_client.post(
        "/en/staff/residents/issue-codes/", {"person": [resident.pk], "layout": "one"}
    )
    assert 'class="slips slips--one"' in staff_client.get("/en/staff/slips/").content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"layout": "several"}, "Select at least one resident"),
        ({"person": ["1"], "layout": "poster"}, "Choose how many slips to print on each page."),
    ],
)
def test_bulk_issue_with_bad_input_is_refused_clearly(staff_client, resident, data, message):
    response = staff_client.post("/en/staff/residents/issue-codes/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LoginCode.objects.exists()


def test_bulk_issue_with_a_non_number_is_not_found(staff_client, resident):
    response = staff_client.post("/en/staff/residents/issue-codes/", {"person": ["x"]})
    assert response.status_code == 404


def _every_stored_value() -> str:
    """Every row of every table, sessions decoded: what someone who reads the database sees."""
    from django.apps import apps
    from django.contrib.sessions.models import Session

    rows = [str(list(model.objects.values_list())) for model in apps.get_models()]
    rows += [str(session.get_decoded()) for session in Session.objects.all()]
    return "\n".join(rows)


def test_a_code_read_from_the_database_before_the_slip_is_shown_does_not_log_in(
    staff_client, resident, client
):
    staff_client.post(f"/en/staff/residents/{resident.pk}/issue-code/")
    stored = _every_stored_value()
    for candidate in set(re.findall(r"\b[2-9A-Z]{8}\b", stored)):
        response = client.post("/en/login/", {"duf_number": resident.duf_number, "code": candidate})
        assert response.status_code == 400, candidate
    assert not LoginCode.objects.filter(used_at__isnull=False).exists()


def test_no_plain_code_is_stored_anywhere_once_the_slip_is_shown(staff_client, resident):
    code = CODE.findall(_issue(staff_client, resident))[0]
    stored = _every_stored_value()
    assert code not in stored and code.replace("-", "") not in stored
    assert LoginCode.objects.usable().count() == 1  # a hash, and the code still works


def test_slips_are_shown_only_for_residents_still_at_the_centre(
    staff_client, resident, other_centre
):
    staff_client.post(f"/en/staff/residents/{resident.pk}/issue-code/")
    resident.centre = other_centre
    resident.save()
    response = staff_client.get("/en/staff/slips/")
    assert response.status_code == 410
    assert not LoginCode.objects.exists()
