"""A resident assigned to an organisation, with remarks written about them, can still be
deleted on request: the adviser side holds no link that keeps the person alive."""

from __future__ import annotations

from qualreg.advisers.models import Assignment, Remark
from qualreg.people.deletion import delete_person
from qualreg.privacy.models import AuditEvent


def test_an_assigned_resident_with_a_remark_can_be_deleted(
    resident, completed, assignment, adviser, organisation
) -> None:
    Remark.objects.create(
        person=resident,
        registration=completed,
        organisation=organisation,
        author=adviser,
        text="Wants a Norwegian course in the spring.",
        next_step="norwegian_course",
    )
    events_before = AuditEvent.objects.count()

    delete_person(resident, actor=adviser, reason="deleted on request")

    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    assert not Remark.objects.filter(registration_id=completed.pk).exists()
    assert AuditEvent.objects.count() == events_before + 1
