"""Changes made through Django's admin are in the audit log too, and the admin's own log
never names a resident by DUF number."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry

from qualreg.people.models import Centre
from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_adding_changing_and_deleting_through_the_admin_is_audited(admin_browser, administrator):
    added = admin_browser.post(
        "/admin/people/centre/add/", {"name": "Nordlys mottak", "municipality": "Bodø"}
    )
    assert added.status_code == 302
    centre = Centre.objects.get(name="Nordlys mottak")
    admin_browser.post(
        f"/admin/people/centre/{centre.pk}/change/",
        {"name": "Nordlys mottak", "municipality": "Narvik"},
    )
    admin_browser.post(f"/admin/people/centre/{centre.pk}/delete/", {"post": "yes"})
    assert not Centre.objects.filter(pk=centre.pk).exists()

    rows = AuditEvent.objects.filter(action__startswith="admin.").order_by("id")
    assert [row.action for row in rows] == ["admin.added", "admin.changed", "admin.deleted"]
    assert {row.actor for row in rows} == {administrator}
    assert {row.detail["model"] for row in rows} == {"people.centre"}
    assert rows[1].detail["fields"] == ["Municipality"]


def test_deleting_several_at_once_leaves_a_row_for_each(admin_browser):
    centres = [Centre.objects.create(name=f"Mottak {n}") for n in range(3)]
    admin_browser.post(
        "/admin/people/centre/",
        {"action": "delete_selected", "_selected_action": [c.pk for c in centres], "post": "yes"},
    )
    assert not Centre.objects.exists()
    deleted = AuditEvent.objects.filter(action=audit.Action.ADMIN_DELETED)
    assert sorted(row.detail["object_id"] for row in deleted) == sorted(str(c.pk) for c in centres)


def test_changing_a_resident_names_them_by_pseudonym_and_never_by_number(
    admin_browser, resident, other_centre
):
    response = admin_browser.post(
        f"/admin/people/person/{resident.pk}/change/",
        {
            "duf_number": resident.duf_number,
            "centre": other_centre.pk,
            "preferred_language": "ar",
            "login_codes-TOTAL_FORMS": "0",
            "login_codes-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content[:3000]
    row = AuditEvent.objects.get(action=audit.Action.ADMIN_CHANGED)
    assert row.person == resident and row.subject == audit.pseudonym(resident.duf_number)
    assert row.detail["fields"] == ["Reception centre"]
    entry = LogEntry.objects.get()
    assert entry.object_repr == f"#{resident.pk}"
    assert resident.duf_number not in f"{entry.object_repr} {entry.change_message}"
    admin_browser.get("/admin/")  # shows (and so ends) the "was changed" message
    recent_actions = admin_browser.get("/admin/").content.decode()
    assert f"#{resident.pk}" in recent_actions and "2012 586975 61" not in recent_actions


def test_an_action_on_selected_rows_is_audited(admin_browser, administrator, resident):
    import datetime

    from django.utils import timezone

    from qualreg.advisers.models import Assignment, Organisation

    nav = Organisation.objects.create(kind=Organisation.Kind.NAV_OFFICE, name="NAV Bergen")
    started = timezone.localdate() - datetime.timedelta(days=3)
    assignment = Assignment.objects.create(
        person=resident, organisation=nav, start_date=started, reason="settled"
    )
    admin_browser.post(
        "/admin/advisers/assignment/",
        {"action": "end_today", "_selected_action": [assignment.pk]},
    )
    assignment.refresh_from_db()
    assert assignment.end_date == timezone.localdate()
    row = AuditEvent.objects.get(action=audit.Action.ADMIN_ACTION_RUN)
    assert row.actor == administrator
    assert row.detail == {
        "model": "advisers.assignment",
        "admin_action": "end_today",
        "selected": 1,
    }
