"""Organisations that advise residents, their advisers, who is assigned to whom, and the
remarks advisers write."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qualreg.accounts.models import Role

PERSON_MODEL = "people.Person"

kommunenummer_validator = RegexValidator(
    r"^[0-9]{4}$", _("A municipality number has exactly four digits, for example 4601.")
)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        NAV_OFFICE = "nav_office", _("NAV office")
        CAREER_CENTRE = "career_centre", _("County career centre")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200, unique=True)
    # The official four-digit kommunenummer, where the organisation has one.
    municipality_number = models.CharField(
        _("municipality number"),
        max_length=4,
        blank=True,
        validators=[kommunenummer_validator],
        help_text=_("Four digits, for example 4601. Required for a municipality."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality_number="") | Q(municipality_number__regex=r"^[0-9]{4}$"),
                name="municipality_number_four_digits",
            ),
            models.CheckConstraint(
                condition=~Q(kind="municipality") | ~Q(municipality_number=""),
                name="municipality_has_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == self.Kind.MUNICIPALITY and not self.municipality_number:
            raise ValidationError(
                {"municipality_number": _("A municipality needs its municipality number.")}
            )


class Adviser(models.Model):
    """Membership of an adviser's account in the one organisation they work for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff user"),
        on_delete=models.PROTECT,
        related_name="adviser",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="advisers",
    )
    # A lead adviser may add and deactivate the advisers of the same organisation.
    is_lead = models.BooleanField(_("lead adviser"), default=False)

    class Meta:
        verbose_name = _("adviser")
        verbose_name_plural = _("advisers")
        ordering = ["organisation", "user__username"]

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.organisation})"

    def clean(self) -> None:
        if self.user_id is not None and self.user.role != Role.ADVISER:
            raise ValidationError(
                {"user": _("Only a user with the adviser role can be an adviser.")}
            )


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def current(self, today: datetime.date | None = None) -> AssignmentQuerySet:
        """Assignments in force today: started, and not yet ended."""
        today = today or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gt=today), start_date__lte=today)


class Assignment(models.Model):
    """A resident assigned to an organisation. Never deleted: an assignment is ended, and the
    history of who was assigned where, by whom and why stays."""

    # A person deleted on request (people.deletion) takes their assignments with them: the
    # audit log keeps the history under a pseudonym, never a link that still names them.
    person = models.ForeignKey(
        PERSON_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    start_date = models.DateField(_("start date"))
    # The first day the assignment no longer holds; empty while it runs.
    end_date = models.DateField(_("end date"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["organisation", "start_date", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=models.F("start_date")),
                name="assignment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.start_date:%Y-%m-%d}"

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": _("The end date must be after the start date.")})
        if self.start_date and self.person_id and self.organisation_id and self.overlapping():
            raise ValidationError(
                _("This resident is already assigned to this organisation for part of that time.")
            )

    def overlapping(self) -> bool:
        """Whether another assignment of the same resident to the same organisation shares a
        day with this one."""
        others = Assignment.objects.filter(
            person_id=self.person_id, organisation_id=self.organisation_id
        ).filter(Q(end_date__isnull=True) | Q(end_date__gt=self.start_date))
        if self.end_date:
            others = others.filter(start_date__lt=self.end_date)
        return others.exclude(pk=self.pk).exists()


class NextStep(models.TextChoices):
    NORWEGIAN_COURSE = "norwegian_course", _("Norwegian course")
    RECOGNITION = "recognition", _("Recognition of education")
    UPPER_SECONDARY = "upper_secondary", _("Upper-secondary education")
    HIGHER_EDUCATION = "higher_education", _("Higher education")
    WORK_PRACTICE = "work_practice", _("Work practice")
    JOB_SEARCH = "job_search", _("Job search")
    OTHER = "other", _("Other")


# Where foreign education is recognised in Norway (HK-dir, the Directorate for Higher
# Education and Skills, handles higher and vocational education).
RECOGNITION_URL = "https://hkdir.no/en/foreign-education"


class Remark(models.Model):
    """A dated remark and an agreed next step, written by an adviser. The resident reads it
    in "My registration", labelled with the organisation."""

    # Remarks are data about the resident: they go when the person is deleted on request.
    person = models.ForeignKey(
        PERSON_MODEL, verbose_name=_("resident"), on_delete=models.CASCADE, related_name="remarks"
    )
    registration = models.ForeignKey(
        "registration.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="remarks",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("remark"), max_length=2000, blank=True)
    next_step = models.CharField(
        _("next step"), max_length=20, choices=NextStep.choices, blank=True
    )
    written_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("remark")
        verbose_name_plural = _("remarks")
        ordering = ["-written_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.written_at:%Y-%m-%d}"
