"""The counts behind the statistics: GROUP BYs on the facts table, the same SQL on SQLite and
PostgreSQL.

The population is each resident's latest completed registration. Every count is grouped by
the filtered dimensions over the whole population, not only the group the filter picks: the
suppression (suppression.py) needs the groups beside it. Nothing here reads the answers
document, and nothing returns anything about a single registration.
"""

# SQL is built here from table names and fixed fragments of this module; every value (codes,
# question keys, dates) goes in as a parameter, never into the text.
# ruff: noqa: S608

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection

from qualreg.people.models import Centre, Person
from qualreg.registration.models import AnswerFact, Registration
from qualreg.statistics import flow
from qualreg.statistics.filters import BIRTH_BANDS, Filters, periods
from qualreg.statistics.suppression import MIN_GROUP, CellKey

Counts = dict[CellKey, dict[Any, int]]
FlowCounts = dict[Any, dict[tuple[str, str], int]]

REGISTRATION = Registration._meta.db_table
FACT = AnswerFact._meta.db_table
PERSON = Person._meta.db_table
CENTRE = Centre._meta.db_table
COMPLETED = Registration.Status.COMPLETED.value
VALUE = ("f.question", "f.code", "f.number")


def months(first: datetime.date, last: datetime.date) -> list[datetime.datetime]:
    """The first moment of every month from `first` to `last`, in Norwegian time."""
    zone = ZoneInfo(settings.TIME_ZONE)
    result = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        result.append(datetime.datetime(year, month, 1, tzinfo=zone))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _case(
    column: str, bounds: Sequence[tuple[str, datetime.datetime, datetime.datetime]]
) -> tuple[str, list[Any]]:
    """A CASE that names the period a moment falls in (bounds: code, start, end)."""
    if not bounds:
        return "''", []
    parts, params = [], []
    for code, start, end in bounds:
        parts.append(f"WHEN {column} >= %s AND {column} < %s THEN %s")
        params += [start, end, code]
    return f"CASE {' '.join(parts)} ELSE '' END", params


def _birth_case(column: str) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    for code, _low, high in BIRTH_BANDS:
        if high is None:
            parts.append("ELSE %s")
            params.append(code)
        else:
            parts.append(f"WHEN {column} <= %s THEN %s")
            params += [high, code]
    return f"CASE WHEN {column} IS NULL THEN '' {' '.join(parts)} END", params


class Scope:
    """The population, with a column per filtered dimension (d0, d1, …)."""

    def __init__(self, filters: Filters) -> None:
        self.filters = filters
        self.dimensions = filters.active
        self.view: CellKey = tuple(filters.value(name) for name in self.dimensions)
        columns, params = [], []
        for index, name in enumerate(self.dimensions):
            expression, more = self._dimension(name)
            columns.append(f"{expression} AS d{index}")
            params += more
        joins, join_params = [], []
        if "gender" in self.dimensions:
            joins.append(f"LEFT JOIN {FACT} g ON g.registration_id = r.id AND g.question = %s")
            join_params.append("gender")
        if "birth" in self.dimensions:
            joins.append(f"LEFT JOIN {FACT} b ON b.registration_id = r.id AND b.question = %s")
            join_params.append("birth_year")
        self.keys = ", ".join(f"pop.d{i}" for i in range(len(self.dimensions)))
        select = ", ".join(
            [
                "r.id AS rid",
                "r.person_id AS pid",
                "r.completed_at AS completed_at",
                "p.centre_id AS centre",
                "r.language AS language",
                *columns,
            ]
        )
        self.sql = (
            f"SELECT {select} FROM {REGISTRATION} r "
            f"JOIN {PERSON} p ON p.id = r.person_id JOIN {CENTRE} c ON c.id = p.centre_id "
            f"{' '.join(joins)} "
            f"WHERE r.status = %s AND NOT EXISTS (SELECT 1 FROM {REGISTRATION} later "
            "WHERE later.person_id = r.person_id AND later.status = %s "
            "AND later.sequence > r.sequence)"
        )
        self.params = params + join_params + [COMPLETED, COMPLETED]

    def _dimension(self, name: str) -> tuple[str, list[Any]]:
        if name == "period":
            period = self.filters.period
            assert period is not None
            bounds = [(p.code, p.start, p.end) for p in periods(period.unit)]
            return _case("r.completed_at", bounds)
        if name == "gender":
            return "COALESCE(g.code, '')", []
        if name == "birth":
            return _birth_case("b.number")
        column = {
            "centre": "p.centre_id",
            "municipality": "c.municipality",
            "language": "r.language",
        }
        return column[name], []

    # Running ----------------------------------------------------------------------------

    def _fetch(self, sql: str, params: Sequence[Any], values: int = 1) -> Counts:
        """Rows of (d0 … dn, value columns …, count) as {group: {value(s): count}}."""
        counts: Counts = defaultdict(dict)
        width = len(self.dimensions)
        with connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            for row in cursor.fetchall():
                key = tuple(row[:width])
                value = row[width] if values == 1 else tuple(row[width : width + values])
                counts[key][value] = counts[key].get(value, 0) + row[-1]
        return counts

    def _group(self, *columns: str) -> str:
        return ", ".join([*(f"pop.d{i}" for i in range(len(self.dimensions))), *columns])

    def _select(self, *columns: str) -> str:
        return ", ".join([*(f"pop.d{i}" for i in range(len(self.dimensions))), *columns])

    # The counts -------------------------------------------------------------------------

    def sizes(self) -> dict[CellKey, int]:
        """The number of registrations in every group of the filtered dimensions."""
        keys = self._group() or "'all'"
        sql = f"SELECT {self._select('COUNT(*)')} FROM ({self.sql}) pop"
        if self.dimensions:
            sql += f" GROUP BY {keys}"
        with connection.cursor() as cursor:
            cursor.execute(sql, self.params)
            return {tuple(row[:-1]): row[-1] for row in cursor.fetchall()}

    def coded(self, questions: Sequence[str]) -> dict[str, Counts]:
        """Registrations per code (or number) of each question: {question: {group: {value:
        count}}}. A value given in several items of a repeat group counts once."""
        marks = ", ".join(["%s"] * len(questions))
        sql = (
            f"SELECT {self._select(*VALUE, 'COUNT(DISTINCT f.registration_id)')} "
            f"FROM {FACT} f JOIN ({self.sql}) pop ON pop.rid = f.registration_id "
            f"WHERE f.question IN ({marks}) GROUP BY {self._group(*VALUE)}"
        )
        rows = self._fetch(sql, [*self.params, *questions], values=3)
        result: dict[str, Counts] = {question: defaultdict(dict) for question in questions}
        for key, values in rows.items():
            for (question, code, number), n in values.items():
                value = code if code is not None else number
                result[question][key][value] = n
        return result

    def derived(
        self, question: str, expression: str, expression_params: Sequence[Any] = ()
    ) -> Counts:
        """Registrations per value of an SQL expression over the facts `f` of one question
        (a prefix of the code, an area a code belongs to), each registration once."""
        sql = (
            f"SELECT {self._select('x.v', 'COUNT(DISTINCT x.rid)')} FROM "
            f"(SELECT f.registration_id AS rid, {expression} AS v FROM {FACT} f "
            f"WHERE f.question = %s) x JOIN ({self.sql}) pop ON pop.rid = x.rid "
            f"GROUP BY {self._group('x.v')}"
        )
        return self._fetch(sql, [*expression_params, question, *self.params])

    def per_registration(
        self,
        aggregate: str,
        questions: Sequence[str],
        params: Sequence[Any] = (),
        *,
        default: Any = None,
    ) -> Counts:
        """Registrations per value of an aggregate over each registration's facts of some
        questions (the highest level, the sum of years); registrations without any such fact
        count under `default` when it is given."""
        marks = ", ".join(["%s"] * len(questions))
        inner = (
            f"SELECT f.registration_id AS rid, {aggregate} AS v FROM {FACT} f "
            f"WHERE f.question IN ({marks}) GROUP BY f.registration_id"
        )
        join = "JOIN" if default is None else "LEFT JOIN"
        sql = (
            f"SELECT {self._select('x.v', 'COUNT(*)')} FROM ({self.sql}) pop "
            f"{join} ({inner}) x ON x.rid = pop.rid GROUP BY {self._group('x.v')}"
        )
        counts = self._fetch(sql, [*self.params, *params, *questions])
        if default is not None:
            for values in counts.values():
                if None in values:
                    values[default] = values.get(default, 0) + values.pop(None)
        return counts

    def paired(self, question: str, field: str) -> Counts:
        """Registrations per (code of `question`, code of `field` in the same repeat-group
        item): a language and how well it is spoken."""
        sql = (
            f"SELECT {self._select('a.code', 'b.code', 'COUNT(DISTINCT a.registration_id)')} "
            f"FROM {FACT} a JOIN {FACT} b ON b.registration_id = a.registration_id "
            "AND b.item = a.item AND b.question = %s "
            f"JOIN ({self.sql}) pop ON pop.rid = a.registration_id WHERE a.question = %s "
            f"GROUP BY {self._group('a.code', 'b.code')}"
        )
        return self._fetch(sql, [field, *self.params, question], values=2)

    def by_month(self, first: datetime.date, last: datetime.date) -> Counts:
        starts = months(first, last)
        bounds = (
            [
                (start.strftime("%Y-%m"), start, following)
                for start, following in zip(
                    starts, [*starts[1:], _next_month(starts[-1])], strict=True
                )
            ]
            if starts
            else []
        )
        case, params = _case("pop.completed_at", bounds)
        columns = [f"m.d{i}" for i in range(len(self.dimensions))]
        sql = (
            f"SELECT {', '.join([*columns, 'm.month', 'COUNT(*)'])} FROM "
            f"(SELECT pop.*, {case} AS month FROM ({self.sql}) pop) m "
            f"GROUP BY {', '.join([*columns, 'm.month'])}"
        )
        return self._fetch(sql, [*params, *self.params])

    def by_column(self, column: str) -> Counts:
        """Registrations per reception centre (`centre`) or form language (`language`)."""
        assert column in ("centre", "language")
        sql = (
            f"SELECT {self._select(f'pop.{column}', 'COUNT(*)')} FROM ({self.sql}) pop "
            f"GROUP BY {self._group(f'pop.{column}')}"
        )
        return self._fetch(sql, self.params)

    # Counted from people and dates (flow.py) ----------------------------------------------

    def flow(self) -> FlowCounts | None:
        return flow.flow_counts(self.filters)

    def drafts(self) -> tuple[Any, FlowCounts] | None:
        return flow.draft_progress(self.filters)

    def median_days(self) -> int | None:
        return flow.median_days(self.filters)

    def medians(self, took: dict[int, datetime.timedelta]) -> dict[CellKey, int]:
        """The median days from the first login code to completion in every group of at
        least MIN_GROUP registrations (`took`: flow.time_to_complete()), as median_days()
        counts it for the group a filter picks."""
        width = len(self.dimensions)
        groups: dict[CellKey, list[datetime.timedelta]] = defaultdict(list)
        sizes: dict[CellKey, int] = defaultdict(int)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {self._select('pop.rid')} FROM ({self.sql}) pop", self.params)
            for row in cursor.fetchall():
                key = tuple(row[:width])
                sizes[key] += 1
                if row[width] in took:
                    groups[key].append(took[row[width]])
        return {
            key: sorted(times)[len(times) // 2].days
            for key, times in groups.items()
            if sizes[key] >= MIN_GROUP
        }


class Source(Protocol):
    """Where a report's counts come from: counted now (Scope) or stored (stored.py)."""

    filters: Filters
    dimensions: tuple[str, ...]
    view: CellKey

    def sizes(self) -> dict[CellKey, int]: ...
    def coded(self, questions: Sequence[str]) -> dict[str, Counts]: ...
    def derived(
        self, question: str, expression: str, expression_params: Sequence[Any] = ()
    ) -> Counts: ...
    def per_registration(
        self,
        aggregate: str,
        questions: Sequence[str],
        params: Sequence[Any] = (),
        *,
        default: Any = None,
    ) -> Counts: ...
    def paired(self, question: str, field: str) -> Counts: ...
    def by_month(self, first: datetime.date, last: datetime.date) -> Counts: ...
    def by_column(self, column: str) -> Counts: ...
    def flow(self) -> FlowCounts | None: ...
    def drafts(self) -> tuple[Any, FlowCounts] | None: ...
    def median_days(self) -> int | None: ...


def _next_month(start: datetime.datetime) -> datetime.datetime:
    if start.month == 12:
        return start.replace(year=start.year + 1, month=1)
    return start.replace(month=start.month + 1)
