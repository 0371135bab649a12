"""Staff accounts: every person who signs in with a password has exactly one role."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CENTRE_STAFF = "centre_staff", _("Reception centre staff")
    ADVISER = "adviser", _("Adviser")
    ADMINISTRATOR = "administrator", _("Administrator")
    # Analysts who read the anonymous statistics and nothing else.
    STATISTICS = "statistics", _("Statistics (read only)")


class User(AbstractUser):
    """A member of staff. Residents never have a User: they log in with a one-time code."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    centre = models.ForeignKey(
        "people.Centre",
        verbose_name=_("reception centre"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )

    class Meta:
        verbose_name = _("staff user")
        verbose_name_plural = _("staff users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="centre_staff") | models.Q(centre__isnull=False),
                name="centre_staff_has_centre",
            )
        ]

    @property
    def is_centre_staff(self) -> bool:
        return self.role == Role.CENTRE_STAFF and self.centre_id is not None

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def reads_statistics(self) -> bool:
        """Administrators and the statistics role read the statistics; nobody else does."""
        return self.role in (Role.ADMINISTRATOR, Role.STATISTICS)
