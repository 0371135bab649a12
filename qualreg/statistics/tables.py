"""The tables of the statistics, each with its rows and columns labelled in the reader's
language and its cells suppressed (suppression.protect) before anything else sees them."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.utils.translation import pgettext_lazy

from qualreg.statistics.filters import Filters
from qualreg.statistics.queries import Counts, Source
from qualreg.statistics.suppression import Groups, Shown, check_groups, protect

COUNT = "n"
Chart = Literal["bar", "line", "stacked"]
Labelled = Sequence[tuple[Any, Any]]  # (code, label)


@dataclass
class Table:
    key: str
    section: str
    title: str
    chart: Chart
    rows: list[tuple[str, str]]  # (code, label)
    columns: list[tuple[str, str]]
    cells: dict[tuple[str, str], Shown] = field(default_factory=dict)
    note: str = ""
    show_codes: bool = False  # rows are codes of a standard (ISCED, NACE, ISO …)

    def cell(self, row: str, column: str) -> Shown:
        return self.cells[(row, column)]

    @property
    def grid(self) -> list[tuple[str, str, list[Shown]]]:
        """Rows as (code, label, cells in column order), for templates and files."""
        return [
            (code, label, [self.cells[(code, column)] for column, _label in self.columns])
            for code, label in self.rows
        ]


@dataclass
class Statistics:
    filters: Filters
    groups: Groups
    tables: list[Table]
    median_days: int | None
    generated_at: datetime.datetime
    counted_at: datetime.datetime  # the moment the numbers are of (stored counts are older)

    def section(self, key: str) -> list[Table]:
        return [table for table in self.tables if table.section == key]

    def table(self, key: str) -> Table | None:
        return next((table for table in self.tables if table.key == key), None)


def labelled(choices: Iterable[Any], *, skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    left_out = set(skip)
    return [(c.code, str(c.label)) for c in choices if c.code not in left_out]


REGISTRATIONS = [(COUNT, pgettext_lazy("column of a table", "Registrations"))]


def single_column(counts: Counts) -> dict[Any, dict[tuple[str, str], int]]:
    """One-column counts {group: {value: n}} as table positions {group: {(value, n): n}}."""
    return {
        key: {(str(value), COUNT): n for value, n in values.items()}
        for key, values in counts.items()
    }


def bands(counts: Counts, limits: Sequence[tuple[str, int | None, int | None]]) -> Counts:
    """Numbers summed into bands: {group: {band code: n}}."""
    result: Counts = {}
    for key, values in counts.items():
        target = result.setdefault(key, {})
        for number, n in values.items():
            if not isinstance(number, int):
                continue
            for code, low, high in limits:
                if (low is None or number >= low) and (high is None or number <= high):
                    target[code] = target.get(code, 0) + n
                    break
    return result


def top(counts: Counts, n: int, other: str | None = None) -> tuple[list[Any], Counts]:
    """The `n` values with the most registrations over all groups (the same list for every
    group, so that the list itself says nothing about the group shown), and the counts with
    the rest summed as `other` (only for questions with one answer each)."""
    overall: dict[Any, int] = {}
    for values in counts.values():
        for value, count in values.items():
            overall[value] = overall.get(value, 0) + count
    top = sorted(overall, key=lambda value: (-overall[value], str(value)))[:n]
    if other is None:
        return top, counts
    result: Counts = {}
    for key, values in counts.items():
        kept = {value: count for value, count in values.items() if value in top}
        rest = sum(count for value, count in values.items() if value not in top)
        result[key] = {**kept, other: rest}
    return top, result


class Builder:
    """Counts the tables for the scope of a filter and protects every one of them
    (`every_count`: even when the group may not be shown, to store the counts)."""

    def __init__(self, scope: Source, questions: Sequence[str], every_count: bool = False) -> None:
        self.filters: Filters = scope.filters
        self.scope = scope
        self.tables: list[Table] = []
        self.groups = check_groups(self.scope.sizes(), self.scope.view, len(self.scope.dimensions))
        # The plain coded questions of every table asked for, in one query.
        wanted = self.groups.allowed or every_count
        self.coded: dict[str, Counts] = self.scope.coded(questions) if questions and wanted else {}
        self.spec: Spec | None = None

    def add(
        self,
        title: Any,
        counts: dict[Any, dict[tuple[str, str], int]],
        rows: Labelled,
        columns: Labelled = REGISTRATIONS,
        *,
        chart: Chart = "bar",
        note: Any = "",
        show_codes: bool = False,
    ) -> None:
        assert self.spec is not None
        row_list = [(str(code), str(label)) for code, label in rows]
        column_list = [(str(code), str(label)) for code, label in columns]
        cells = protect(
            counts,
            self.scope.view,
            [code for code, _label in row_list],
            [code for code, _label in column_list],
            self.groups.merge,
        )
        self.tables.append(
            Table(
                self.spec.key,
                self.spec.section,
                str(title),
                chart,
                row_list,
                column_list,
                cells,
                str(note),
                show_codes,
            )
        )

    def add_single(self, title: Any, counts: Counts, rows: Labelled, **kwargs: Any) -> None:
        """A table of one column: registrations per value."""
        self.add(title, single_column(counts), rows, **kwargs)


@dataclass(frozen=True)
class Spec:
    key: str
    section: str
    questions: tuple[str, ...]  # plain coded questions it reads (fetched together)
    make: Callable[[Builder], None]
