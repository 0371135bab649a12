"""Shared state that must hold across app processes, so it lives in the database."""

from __future__ import annotations

from django.db import models


class Throttle(models.Model):
    """Failed tries for one key (a DUF number, a client address, a staff username).

    The key is stored as a keyed hash, so the table names neither numbers nor addresses.
    """

    scope = models.CharField(max_length=16)
    key = models.CharField(max_length=64)
    failures = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="one_throttle_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.failures}"
