"""The audit log viewer: exact filters, CSV export, read-only, and its own use audited."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from qualreg.advisers.models import Organisation
from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent
from tests.registration.conftest import soup, text_of

pytestmark = pytest.mark.django_db

URL = "/admin/audit/"


@pytest.fixture
def nav(db):
    return Organisation.objects.create(kind=Organisation.Kind.NAV_OFFICE, name="NAV Bergen")


@pytest.fixture
def events(resident, other_resident, staff, nav):
    """A few rows about two residents, by staff and an adviser's organisation."""
    old = audit.record(audit.Action.RESIDENT_ADDED, actor=staff, person=resident)
    QuerySet.update(
        AuditEvent.objects.filter(pk=old.pk), at=timezone.now() - datetime.timedelta(days=40)
    )
    audit.record(audit.Action.LOGIN_CODE_ISSUED, actor=staff, person=resident, revoked=0)
    audit.record(audit.Action.ADVISER_READ_REGISTRATION, person=resident, organisation=nav.pk)
    audit.record(audit.Action.LOGIN_CODE_ISSUED, actor=staff, person=other_resident, revoked=1)
    return old


def _actions(response) -> list[str]:
    return [cell.get_text() for cell in soup(response).select("tbody tr td:nth-of-type(2)")]


def test_it_shows_the_log_newest_first_and_audits_the_reading(admin_browser, administrator, events):
    response = admin_browser.get(URL)
    assert response.status_code == 200
    assert "Audit log" in text_of(response)
    assert _actions(response)[:4] == [
        "login_code.issued", "adviser.read_registration", "login_code.issued", "resident.added",
    ]  # fmt: skip
    viewed = AuditEvent.objects.get(action=audit.Action.AUDIT_LOG_VIEWED)
    assert viewed.actor == administrator and viewed.subject == ""


def test_a_duf_number_finds_that_residents_rows_by_pseudonym_only(admin_browser, resident, events):
    response = admin_browser.post(URL, {"duf_number": "2012 586975 61"})
    assert _actions(response) == [
        "adviser.read_registration",
        "login_code.issued",
        "resident.added",
    ]
    table = soup(response).select_one("table").get_text()
    assert "201258697561" not in table and "2012 586975 61" not in table
    viewed = AuditEvent.objects.filter(action=audit.Action.AUDIT_LOG_VIEWED).get()
    assert viewed.subject == audit.pseudonym(resident.duf_number)
    assert resident.duf_number not in str(viewed.detail)


def test_filters_by_actor_organisation_action_and_time(admin_browser, staff, nav, events):
    by_actor = admin_browser.post(URL, {"actor": "KARI"})
    assert len(_actions(by_actor)) == 3
    by_organisation = admin_browser.post(URL, {"organisation": nav.pk})
    assert _actions(by_organisation) == ["adviser.read_registration"]
    assert "NAV Bergen" in soup(by_organisation).select_one("tbody").get_text()
    by_action = admin_browser.post(URL, {"action": "login_code.issued"})
    assert _actions(by_action) == ["login_code.issued", "login_code.issued"]
    today = timezone.localdate()
    recent = admin_browser.post(URL, {"since": (today - datetime.timedelta(days=1)).isoformat()})
    assert "resident.added" not in _actions(recent)
    old = admin_browser.post(URL, {"until": (today - datetime.timedelta(days=30)).isoformat()})
    assert _actions(old) == ["resident.added"]


def test_bad_filters_are_clear_errors(admin_browser, events):
    for data, message in (
        ({"duf_number": "2012"}, "Enter a DUF number of 12 digits"),
        ({"action": "made.up"}, "Select a valid choice"),
        ({"since": "2026-05-02", "until": "2026-05-01"}, "The end date is before the start date."),
    ):
        response = admin_browser.post(URL, data)
        assert response.status_code == 400
        assert message in text_of(response)


def test_the_csv_export_has_the_selected_rows_and_is_audited(admin_browser, resident, events):
    response = admin_browser.post(URL, {"duf_number": resident.duf_number, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert resident.duf_number not in text
    assert rows[0][:3] == ["time", "action", "actor"]
    assert [row[1] for row in rows[1:]] == [
        "adviser.read_registration", "login_code.issued", "resident.added",
    ]  # fmt: skip
    assert {row[5] for row in rows[1:]} == {audit.pseudonym(resident.duf_number)}
    exported = AuditEvent.objects.get(action=audit.Action.AUDIT_LOG_EXPORTED)
    assert exported.detail["rows"] == 3


def test_a_cell_that_a_spreadsheet_would_run_is_quoted(admin_browser, staff):
    audit.record(audit.Action.RESIDENT_ADD_REFUSED, actor=staff, reason="=HYPERLINK(1)")
    response = admin_browser.post(URL, {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text


def test_the_viewer_changes_nothing(admin_browser, events):
    before = list(AuditEvent.objects.values_list("pk", "action", "at"))
    admin_browser.post(URL, {"action": "resident.added", "delete": "1", "id": events.pk})
    after = list(
        AuditEvent.objects.exclude(action__startswith="audit.").values_list("pk", "action", "at")
    )
    assert after == before
    assert admin_browser.put(URL).status_code == 405
