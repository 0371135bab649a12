"""A resident's registrations and consent decisions."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """One filling-in of the questionnaire. Once completed it never changes; filling in the
    form again starts a new registration with the next sequence number."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("In progress")
        COMPLETED = "completed", _("Completed")

    class Helper(models.TextChoices):
        ALONE = "alone", _("Alone")
        STAFF = "staff", _("With help from staff")
        INTERPRETER = "interpreter", _("With an interpreter")

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="registrations"
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
        save that read the draft before it merges into the latest answers instead."""
        self.revision += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "revision"}
        super().save(*args, **kwargs)

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class ConsentRecord(models.Model):
    """A consent decision: which text, in which language, when. Refusals are kept too."""

    class Decision(models.TextChoices):
        CONSENTED = "consented", _("Consented")
        REFUSED = "refused", _("Did not consent")

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="consents")
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, null=True, blank=True, related_name="consents"
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
