"""What the resident sees in "My registration" of the adviser side: the remarks written
about them, labelled with the organisation, and which organisations read their registration
and when."""

from __future__ import annotations

from typing import Any

from qualreg.advisers.models import RECOGNITION_URL, NextStep, Organisation, Remark
from qualreg.privacy import audit
from qualreg.privacy.models import AuditEvent

MAX_READS = 100
# An export (a file of the registration) is a read too.
READS = (audit.Action.ADVISER_READ_REGISTRATION, audit.Action.ADVISER_EXPORTED)


def adviser_section(person: Any) -> dict[str, Any] | None:
    reads = list(
        AuditEvent.objects.filter(person=person, action__in=READS)
        .order_by("-at")
        .values_list("at", "detail")[:MAX_READS]
    )
    names = dict(
        Organisation.objects.filter(
            pk__in={detail.get("organisation") for _at, detail in reads}
        ).values_list("pk", "name")
    )
    return {
        "template": "advisers/for_resident.html",
        "remarks": Remark.objects.filter(person=person).select_related("organisation"),
        "reads": [(names.get(detail.get("organisation"), ""), at) for at, detail in reads],
        "recognition_step": NextStep.RECOGNITION,
        "recognition_url": RECOGNITION_URL,
    }
