"""Where each resident stands, read from registration timestamps and progress — never answers.

The staff portal reads a resident's status only through `with_status`, never through the
registration models: it annotates each Person with a handful of values from the newest draft,
the newest completed registration and the newest usable code. No query here selects the
`answers` column, and tests prove that nothing typed by a resident reaches a staff page.
"""

from __future__ import annotations

import datetime
from typing import TypedDict

from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import WithAnnotations

from qualreg.people.models import LoginCode, Person
from qualreg.registration.models import Registration


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    CODE_ISSUED = "code_issued", _("Code issued")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class StatusFields(TypedDict):
    status: str
    draft_progress: int | None
    last_activity: datetime.datetime | None
    completed_on: datetime.datetime | None
    code_expires_at: datetime.datetime | None


def with_status(
    people: models.QuerySet[Person],
) -> models.QuerySet[WithAnnotations[Person, StatusFields]]:
    """`people` annotated with status, draft_progress, last_activity, completed_on and
    code_expires_at. A draft wins over an earlier completion: the person is filling in the
    form again."""
    drafts = Registration.objects.filter(person=OuterRef("pk"), status=Registration.Status.DRAFT)
    completed = Registration.objects.filter(
        person=OuterRef("pk"), status=Registration.Status.COMPLETED
    ).order_by("-completed_at")
    codes = LoginCode.objects.filter(
        person=OuterRef("pk"),
        used_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).order_by("-expires_at")
    return people.annotate(
        draft_progress=Subquery(drafts.values("progress_percent")[:1]),
        last_activity=Subquery(drafts.values("updated_at")[:1]),
        completed_on=Subquery(completed.values("completed_at")[:1]),
        code_expires_at=Subquery(codes.values("expires_at")[:1]),
    ).annotate(
        status=Case(
            When(Q(draft_progress__isnull=False), then=Value(Status.IN_PROGRESS.value)),
            When(Q(completed_on__isnull=False), then=Value(Status.COMPLETED.value)),
            When(Q(code_expires_at__isnull=False), then=Value(Status.CODE_ISSUED.value)),
            default=Value(Status.NOT_STARTED.value),
            output_field=models.CharField(),
        )
    )


def status_label(value: str) -> str:
    return str(Status(value).label)
