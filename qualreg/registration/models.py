"""A resident's registrations and consent decisions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletedRegistrationError(Exception):
    """A completed registration was about to be changed: it never changes."""


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def update(self, **kwargs: Any) -> int:
        """Update drafts only: a completed registration in the queryset is left as it is.
        (The optimistic answer save relies on this: a draft completed meanwhile is not
        written.)"""
        return super(RegistrationQuerySet, self.filter(status=Registration.Status.DRAFT)).update(
            **kwargs
        )

    update.alters_data = True  # type: ignore[attr-defined]


class Registration(models.Model):
    """One filling-in of the questionnaire. Once completed it never changes; filling in the
    form again starts a new registration with the next sequence number. A correction (by the
    rights service) is a new completed registration that names the one it supersedes."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("In progress")
        COMPLETED = "completed", _("Completed")

    class Origin(models.TextChoices):
        RESIDENT = "resident", _("Filled in by the resident")
        CORRECTION = "correction", _("Correction")

    class Helper(models.TextChoices):
        ALONE = "alone", _("Alone")
        STAFF = "staff", _("With help from staff")
        INTERPRETER = "interpreter", _("With an interpreter")

    # Deleting a person (people.deletion) takes their registrations with them.
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="registrations"
    )
    sequence = models.PositiveIntegerField(_("number"))
    definition_version = models.CharField(_("questionnaire version"), max_length=32)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # Question keys where the person tried to go on without answering.
    attempted = models.JSONField(default=list, blank=True)
    # Optional questions the person moved past with Next, so the next one is shown.
    passed = models.JSONField(default=list, blank=True)
    # Share of visible questions answered, 0–100, kept up to date on every save so that
    # lists of residents show progress without reading anyone's answers.
    progress_percent = models.PositiveSmallIntegerField(_("progress"), default=0)
    helped_by = models.CharField(_("filled in"), max_length=16, choices=Helper.choices, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last activity"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # Goes up with every write, so that an answer save that read the draft without a lock
    # can tell whether another save came in between (see saving.save).
    revision = models.PositiveIntegerField(default=0, editable=False)
    # Corrections (the rights issue): the registration this one replaces, who made it and why.
    origin = models.CharField(
        _("origin"), max_length=16, choices=Origin.choices, default=Origin.RESIDENT
    )
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("supersedes"),
        on_delete=models.SET_NULL,  # a chain is only ever removed whole, with its person
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    reason = models.TextField(_("reason for the correction"), blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["person", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["person", "sequence"], name="one_sequence_per_person"),
            # At most one draft per person: a second tab or a new login finds the same draft.
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(status="draft"), name="one_draft_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} ({self.get_status_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Every write through the model is a new revision, so that an optimistic answer
        save that read the draft before it merges into the latest answers instead.

        Raises CompletedRegistrationError for a registration that is completed in the
        database: the one change it takes is draft -> completed (see `_do_update`)."""
        self.revision += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "revision"}
        self._refused = False
        super().save(*args, **kwargs)
        if self._refused:  # raised here, not inside Django's save, so no transaction breaks
            self.revision -= 1
            raise CompletedRegistrationError(f"registration {self.pk} is completed")

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        """Write only a draft row: the database decides, so that a save that read the draft
        before another request completed it cannot change the completed registration."""
        drafts = base_qs.filter(status=self.Status.DRAFT)
        if super()._do_update(drafts, using, pk_val, values, update_fields, forced_update):
            return True
        if base_qs.filter(pk=pk_val).exists():
            self._refused = True
            return True  # nothing written; save() raises once Django's save has finished
        return False  # no such row: Django inserts it

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class ConsentRecord(models.Model):
    """A consent decision: which text, in which language, when. Refusals are kept too."""

    class Decision(models.TextChoices):
        CONSENTED = "consented", _("Consented")
        REFUSED = "refused", _("Did not consent")
        # Withdrawn after consenting: advisers lose access at once, and the registrations are
        # deleted after a grace period unless the person consents again (withdrawal.py).
        WITHDRAWN = "withdrawn", _("Withdrew consent")

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="consents")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, null=True, blank=True, related_name="consents"
    )
    text_version = models.CharField(_("consent text version"), max_length=32)
    language = models.CharField(_("language"), max_length=8)
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent decision")
        verbose_name_plural = _("consent decisions")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.decision} {self.text_version} {self.at:%Y-%m-%d %H:%M}"


class FactQuerySet(models.QuerySet["AnswerFact"]):
    def update(self, **kwargs: Any) -> int:
        raise CompletedRegistrationError("facts are written once, at completion")

    update.alters_data = True  # type: ignore[attr-defined]


class AnswerFact(models.Model):
    """One coded or numeric answer of a completed registration as a flat row, written in the
    same transaction as the completion and never changed: advisers' filters and statistics
    are plain indexed queries on it (the same on SQLite and PostgreSQL), never JSON paths."""

    # Indexed with the question and code below (a filter asks "has this registration this
    # answer?" for each registration of an organisation), which serves lookups by
    # registration alone as well.
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="facts", db_index=False
    )
    question = models.CharField(max_length=40)  # a question key, or a repeat group's field key
    item = models.PositiveSmallIntegerField(null=True)  # position in the repeat group, from 0
    code = models.CharField(max_length=40, null=True)  # a choice code
    number = models.IntegerField(null=True)  # a number or a year

    objects = FactQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["question", "code"], name="fact_question_code"),
            models.Index(fields=["question", "number"], name="fact_question_number"),
            models.Index(
                fields=["registration", "question", "code", "item"],
                name="fact_registration_question",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__isnull=False) | models.Q(number__isnull=False),
                name="fact_has_a_value",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question} {self.code if self.code is not None else self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise CompletedRegistrationError("facts are written once, at completion")
        super().save(*args, **kwargs)
