"""The audit log: who did what to whose data, when and why."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One action. Rows are only ever added and never changed; `manage.py purge` deletes
    them past their retention (privacy/purge.py)."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff user"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Set when a resident acted on their own data (the actor is then the subject).
    by_resident = models.BooleanField(_("by the resident"), default=False)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    # A deleted person's rows stay, with the link cleared: `subject` still names them.
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("resident"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    # The keyed pseudonym of the person's DUF number (audit.pseudonym), set on every row about
    # a person: it names neither the number nor the row, and outlives the person.
    subject = models.CharField(_("resident (pseudonym)"), max_length=64, blank=True, db_index=True)
    registration = models.ForeignKey(
        "registration.Registration",
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action}"
