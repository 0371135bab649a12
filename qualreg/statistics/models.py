"""Stored counts: the grouped counts of the statistics, kept so that a request reads a few
small rows instead of counting millions of facts (docs/statistics.md, "Speed").

A row is one count of completed registrations (or of residents, for the flow) for one group
of one filtered dimension: how many have a value, never which ones. There is no key to a
registration, a resident or anything else that names a person.
"""

from __future__ import annotations

from django.db import models


class StoredCount(models.Model):
    # "" (no filter), "period-year", "period-quarter", "centre", "municipality",
    # "language", "gender" or "birth"
    dimension = models.CharField(max_length=20)
    group = models.CharField(max_length=60)  # the group's value, as JSON ("[]" for no filter)
    source = models.CharField(max_length=120)  # which count (a table's query), see stored.py
    value = models.CharField(max_length=120)  # the value counted, as JSON
    n = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["dimension", "source"], name="stored_count_source")]

    def __str__(self) -> str:
        return f"{self.dimension} {self.group} {self.source} {self.value}: {self.n}"


class CountsRefresh(models.Model):
    """When the stored counts were last counted (one row)."""

    finished_at = models.DateTimeField()
    seconds = models.FloatField()  # how long counting took

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M}"
