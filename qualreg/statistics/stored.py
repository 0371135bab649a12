"""Stored counts: the grouped counts of every table, counted by `refresh.py` for no filter
and for each filtered dimension, and read back here the way `queries.Scope` would count
them, so that a request reads a few hundred small rows instead of counting the facts.

Each filtered dimension (centre, gender, …) divides the registrations into groups, and each
registration is in exactly one group, so the counts of one dimension serve every filter on
it. A filter on two or more dimensions at once is counted live (`stored_scope` returns
None). A row holds a count, never who is in it (models.py).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction

from qualreg.statistics.filters import Filters
from qualreg.statistics.flow import PROGRESS
from qualreg.statistics.models import CountsRefresh, StoredCount
from qualreg.statistics.queries import Counts, FlowCounts
from qualreg.statistics.suppression import CellKey

MONTH = "month"
SIZE = "size"
FLOW = "flow"
DRAFTS = "drafts"
MEDIAN = "median"
NO_FLOW = ("gender", "birth")  # known only from completed registrations (flow.flow_counts)

Row = tuple[str, str, str, str, int]  # dimension, group, source, value, n


def dimension_of(filters: Filters) -> str:
    """The stored dimension a filter on one dimension (or none) reads."""
    if not filters.active:
        return ""
    name = filters.active[0]
    if name == "period":
        assert filters.period is not None
        return f"period-{filters.period.unit}"
    return name


def source(method: str, *args: Any) -> str:
    """The name a count is stored under: its query and what it was asked (a digest of the
    SQL expression, when there is one)."""
    if method == "coded":
        return f"coded:{args[0]}"
    if method in ("paired", "by_column"):
        return ":".join([method, *map(str, args)])
    digest = hashlib.sha256(repr(args).encode()).hexdigest()[:12]
    return f"{method}:{args[0] if isinstance(args[0], str) else ','.join(args[0])}:{digest}"


def encode(value: Any) -> str:
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def decode(text: str) -> Any:
    value = json.loads(text)
    return tuple(value) if isinstance(value, list) else value


def rows_of(dimension: str, name: str, counts: Counts | FlowCounts) -> list[Row]:
    return [
        (dimension, encode(key), name, encode(value), n)
        for key, values in counts.items()
        for value, n in values.items()
    ]


def refreshed_at() -> datetime.datetime | None:
    last = CountsRefresh.objects.order_by("-finished_at").first()
    return last.finished_at if last else None


def stored_scope(filters: Filters, *, every_table: bool = True) -> StoredScope | None:
    """The stored counts for the filter, or None when they must be counted live: two or more
    filters at once, or nothing stored yet. For `every_table` (the page, the workbook) the
    counts of the dimension are read at once, else each when asked (one table's CSV)."""
    if len(filters.active) > 1:
        return None
    at = refreshed_at()
    return StoredScope(filters, at, every_table) if at else None


class StoredScope:
    """The same answers as queries.Scope, read from the stored counts of one dimension."""

    def __init__(
        self, filters: Filters, counted_at: datetime.datetime, read_all: bool = False
    ) -> None:
        self.filters = filters
        self.counted_at = counted_at
        self.dimensions = filters.active
        self.view: CellKey = tuple(filters.value(name) for name in self.dimensions)
        self.dimension = dimension_of(filters)
        self._all: dict[str, Counts] | None = self._fetch(None) if read_all else None

    def _fetch(self, sources: Iterable[str] | None) -> dict[str, Counts]:
        rows = StoredCount.objects.filter(dimension=self.dimension)
        if sources is not None:
            rows = rows.filter(source__in=list(sources))
        result: dict[str, Counts] = {}
        for name, group, value, n in rows.values_list("source", "group", "value", "n"):
            result.setdefault(name, {}).setdefault(decode(group), {})[decode(value)] = n
        return result

    def _read(self, sources: Iterable[str]) -> dict[str, Counts]:
        if self._all is None:
            return self._fetch(sources)
        return {  # copies: a table may add to what it is given
            name: {key: dict(values) for key, values in self._all[name].items()}
            for name in sources
            if name in self._all
        }

    def _one(self, name: str) -> Counts:
        return self._read([name]).get(name, {})

    def sizes(self) -> dict[CellKey, int]:
        return {key: values[()] for key, values in self._one(SIZE).items()}

    def coded(self, questions: Sequence[str]) -> dict[str, Counts]:
        read = self._read(source("coded", question) for question in questions)
        return {question: read.get(source("coded", question), {}) for question in questions}

    def derived(
        self, question: str, expression: str, expression_params: Sequence[Any] = ()
    ) -> Counts:
        return self._one(source("derived", question, expression, tuple(expression_params)))

    def per_registration(
        self,
        aggregate: str,
        questions: Sequence[str],
        params: Sequence[Any] = (),
        *,
        default: Any = None,
    ) -> Counts:
        return self._one(
            source("per_registration", tuple(questions), aggregate, tuple(params), default)
        )

    def paired(self, question: str, field: str) -> Counts:
        return self._one(source("paired", question, field))

    def by_month(self, first: datetime.date, last: datetime.date) -> Counts:
        """Every month is stored; the months of the table are picked here."""
        wanted = (f"{first.year}-{first.month:02d}", f"{last.year}-{last.month:02d}")
        return {
            key: {month: n for month, n in values.items() if wanted[0] <= month <= wanted[1]}
            for key, values in self._one(MONTH).items()
        }

    def by_column(self, column: str) -> Counts:
        return self._one(source("by_column", column))

    def flow(self) -> FlowCounts | None:
        if self.dimension in NO_FLOW:
            return None
        return self._one(FLOW)

    def drafts(self) -> tuple[Any, FlowCounts] | None:
        if self.dimension in NO_FLOW:
            return None
        return PROGRESS, self._one(DRAFTS)

    def median_days(self) -> int | None:
        """Stored only for groups of at least MIN_GROUP registrations."""
        return self._one(MEDIAN).get(self.view, {}).get((), None)


def save(rows: Sequence[Row], seconds: float, at: datetime.datetime) -> int:
    """Replace the stored counts with `rows`, writing only what changed, in one transaction
    (a request reads the old counts or the new, never a mix). Returns how many stored
    counts no longer held and went."""
    new = {row[:4]: row[4] for row in rows}
    with transaction.atomic():
        # One refresh at a time: the second waits for the first, then writes its own.
        CountsRefresh.objects.select_for_update().all().first()
        old = {
            (dimension, group, name, value): (pk, n)
            for pk, dimension, group, name, value, n in StoredCount.objects.values_list(
                "pk", "dimension", "group", "source", "value", "n"
            )
        }
        gone = [pk for key, (pk, n) in old.items() if new.get(key) != n]
        for start in range(0, len(gone), 900):
            StoredCount.objects.filter(pk__in=gone[start : start + 900]).delete()
        StoredCount.objects.bulk_create(
            (
                StoredCount(dimension=key[0], group=key[1], source=key[2], value=key[3], n=n)
                for key, n in new.items()
                if key not in old or old[key][1] != n
            ),
            batch_size=2000,
        )
        CountsRefresh.objects.all().delete()
        CountsRefresh.objects.create(finished_at=at, seconds=seconds)
    return len(gone)
