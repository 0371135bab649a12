"""Counting the stored counts again (stored.py): `refresh()`, run by `manage.py purge` every
hour (after it has deleted what was due, so deleted residents leave the counts in the same
run), by `manage.py refreshstatistics`, and after `demodata` and `generateregistrations`.

For no filter and for each filtered dimension, every table's queries run once over the
whole population, grouped by the dimension (queries.Scope counts every group of a filtered
dimension anyway, for the suppression), and what they return is stored.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Sequence
from typing import Any

from django.db.models import Min
from django.utils import timezone

from qualreg.privacy import purge
from qualreg.registration.models import Registration
from qualreg.statistics import stored
from qualreg.statistics.filters import FIRST_YEAR, Filters, Period
from qualreg.statistics.flow import time_to_complete
from qualreg.statistics.queries import Counts, FlowCounts, Scope
from qualreg.statistics.report import run_every_table
from qualreg.statistics.suppression import CellKey

# A filter on each dimension: the value does not matter, Scope counts every group of it.
DIMENSIONS: dict[str, Filters] = {
    "": Filters(),
    "period-year": Filters(period=Period("-", FIRST_YEAR, None)),
    "period-quarter": Filters(period=Period("-", FIRST_YEAR, 1)),
    "centre": Filters(centre=-1),
    "municipality": Filters(municipality="-"),
    "language": Filters(language="-"),
    "gender": Filters(gender="-"),
    "birth": Filters(birth="-"),
}


class Recorder:
    """A live Scope that keeps what every query answers, as rows of stored counts."""

    def __init__(
        self, dimension: str, filters: Filters, took: dict[int, datetime.timedelta]
    ) -> None:
        self.live = Scope(filters)
        self.filters = filters
        self.dimensions = self.live.dimensions
        self.view = self.live.view
        self.dimension = dimension
        self.took = took
        self.rows: list[stored.Row] = []

    def _keep(self, name: str, counts: Counts | FlowCounts) -> None:
        self.rows += stored.rows_of(self.dimension, name, counts)

    def sizes(self) -> dict[CellKey, int]:
        sizes = self.live.sizes()
        self._keep(stored.SIZE, {key: {(): n} for key, n in sizes.items()})
        return sizes

    def coded(self, questions: Sequence[str]) -> dict[str, Counts]:
        counts = self.live.coded(questions)
        for question, values in counts.items():
            self._keep(stored.source("coded", question), values)
        return counts

    def derived(
        self, question: str, expression: str, expression_params: Sequence[Any] = ()
    ) -> Counts:
        counts = self.live.derived(question, expression, expression_params)
        self._keep(stored.source("derived", question, expression, tuple(expression_params)), counts)
        return counts

    def per_registration(
        self,
        aggregate: str,
        questions: Sequence[str],
        params: Sequence[Any] = (),
        *,
        default: Any = None,
    ) -> Counts:
        counts = self.live.per_registration(aggregate, questions, params, default=default)
        name = stored.source(
            "per_registration", tuple(questions), aggregate, tuple(params), default
        )
        self._keep(name, counts)
        return counts

    def paired(self, question: str, field: str) -> Counts:
        counts = self.live.paired(question, field)
        self._keep(stored.source("paired", question, field), counts)
        return counts

    def by_month(self, first: datetime.date, last: datetime.date) -> Counts:
        """Every month with a completion is stored, whatever months the table shows."""
        earliest = Registration.objects.filter(status=Registration.Status.COMPLETED).aggregate(
            first=Min("completed_at")
        )["first"]
        today = timezone.localdate()
        start = timezone.localtime(earliest).date() if earliest else today
        self._keep(stored.MONTH, self.live.by_month(min(start, first), max(today, last)))
        return {}

    def by_column(self, column: str) -> Counts:
        counts = self.live.by_column(column)
        self._keep(stored.source("by_column", column), counts)
        return counts

    def flow(self) -> FlowCounts | None:
        counts = self.live.flow()
        if counts is not None:
            self._keep(stored.FLOW, counts)
        return counts

    def drafts(self) -> tuple[Any, FlowCounts] | None:
        progress = self.live.drafts()
        if progress is not None:
            self._keep(stored.DRAFTS, progress[1])
        return progress

    def median_days(self) -> int | None:
        medians = self.live.medians(self.took)
        self._keep(stored.MEDIAN, {key: {(): days} for key, days in medians.items()})
        return None


def refresh() -> int:
    """Count every stored count again; returns how many stored counts had changed."""
    started = time.perf_counter()
    took = time_to_complete()
    rows: list[stored.Row] = []
    for dimension, filters in DIMENSIONS.items():
        recorder = Recorder(dimension, filters, took)
        run_every_table(recorder)
        recorder.median_days()
        rows += recorder.rows
    return stored.save(rows, time.perf_counter() - started, timezone.now())


@purge.rule("stale statistics counts", purge.AUDIT)  # the last stage: after every deletion
def refresh_after_purge(now: datetime.datetime) -> int:
    """After the registrations and residents that were due have gone: the stored counts that
    no longer hold go too, replaced by new ones."""
    return refresh()
