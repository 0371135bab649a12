"""A resident's request to correct an answer, and what the administrators decided."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CorrectionRequest(models.Model):
    """ "This is wrong" beside one answer of a completed registration, in the resident's own
    words. An administrator corrects it (a new completed registration that supersedes the
    latest one) or refuses it with a reason the resident reads."""

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        CORRECTED = "corrected", _("Corrected")
        REFUSED = "refused", _("Refused")

    # Both go with the person (people.deletion) or their registrations (purge).
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="correction_requests",
    )
    registration = models.ForeignKey(
        "registration.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="correction_requests",
    )
    question = models.CharField(_("question"), max_length=40)  # the question's key
    text = models.TextField(_("what is wrong"), max_length=2000)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.RECEIVED
    )
    asked_at = models.DateTimeField(_("received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The administrator's own words, shown to the resident.
    refusal_reason = models.TextField(_("reason for refusing"), blank=True)
    correction = models.ForeignKey(
        "registration.Registration",
        verbose_name=_("correction"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        ordering = ["-asked_at", "-pk"]
        indexes = [models.Index(fields=["state", "asked_at"], name="correction_queue")]

    def __str__(self) -> str:
        return f"{self.get_state_display()} {self.asked_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.RECEIVED
