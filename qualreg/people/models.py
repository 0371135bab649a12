"""Reception centres, their residents, and the one-time codes residents log in with.

The tables keep the names they had when these models lived in `centres` (`db_table`): the
move to `people` changed Django's state only, never the data (see migrations/0001_initial.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qualreg.lib import languages
from qualreg.lib.duf import format_duf


class Centre(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    municipality = models.CharField(_("municipality"), max_length=200, blank=True)

    class Meta:
        db_table = "centres_centre"
        verbose_name = _("reception centre")
        verbose_name_plural = _("reception centres")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A resident who may register. The DUF number is personal data: never in URLs or logs."""

    duf_number = models.CharField(_("DUF number"), max_length=12, unique=True)
    centre = models.ForeignKey(
        Centre,
        verbose_name=_("reception centre"),
        on_delete=models.PROTECT,
        related_name="residents",
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[(language.code, language.autonym) for language in languages.LANGUAGES],
        default=languages.DEFAULT,
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "centres_person"
        verbose_name = _("resident")
        verbose_name_plural = _("residents")
        ordering = ["duf_number"]

    def __str__(self) -> str:
        return format_duf(self.duf_number)

    @property
    def duf_display(self) -> str:
        return format_duf(self.duf_number)


class LoginCodeQuerySet(models.QuerySet["LoginCode"]):
    def usable(self) -> LoginCodeQuerySet:
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class LoginCode(models.Model):
    """A one-time code, stored only as a keyed hash of its characters."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="login_codes")
    code_hash = models.CharField(max_length=64, unique=True)
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = LoginCodeQuerySet.as_manager()

    class Meta:
        db_table = "centres_logincode"
        verbose_name = _("login code")
        verbose_name_plural = _("login codes")
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["person", "used_at", "revoked_at"])]

    def __str__(self) -> str:
        return f"{self.person} {self.issued_at:%Y-%m-%d %H:%M}"
