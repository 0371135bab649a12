"""Suppression: the one place that decides which numbers of the statistics may be shown.

Every table is counted for the group the filter picks *and* for the groups beside it (the
other values of each filtered dimension), so that the same cells are hidden in all of them
and subtracting one filtered table from another cannot uncover a hidden number. The rules,
and why, are in docs/statistics.md.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

SMALL = 5  # counts from 1 to SMALL - 1 are shown as "fewer than 5"
MIN_GROUP = 20  # a filter that leaves fewer registrations than this shows nothing else
REST: tuple[str, ...] = ("__rest__",)  # the groups below MIN_GROUP, merged into one

Position = tuple[str, str]  # (row code, column code) of a table
CellKey = tuple[Hashable, ...]  # the values of the filtered dimensions of one group


@dataclass(frozen=True)
class Shown:
    """One cell as it may be shown: a number, or None with why it is hidden."""

    value: int | None
    mark: Literal["", "small", "hidden"] = ""

    @property
    def hidden(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Groups:
    """The sizes of the groups a filter divides the registrations into, and the verdict."""

    view_size: int
    refusal: Literal["", "too_small", "differencing"]
    merge: Mapping[CellKey, CellKey]  # group -> the group its numbers are counted with

    @property
    def allowed(self) -> bool:
        return not self.refusal


def check_groups(sizes: Mapping[CellKey, int], view: CellKey, dimensions: int) -> Groups:
    """May the group `view` be shown, given the sizes of every group of the filtered
    dimensions? Groups below MIN_GROUP are never shown and are merged into one rest group;
    that rest must itself be empty or at least MIN_GROUP, or it could be worked out as
    "everyone" minus the groups that are shown. With two or more filtered dimensions no
    group may be small at all: sums and differences of crossed groups could isolate one."""
    size = sizes.get(view, 0)
    small = {key: n for key, n in sizes.items() if 0 < n < MIN_GROUP}
    merge: dict[CellKey, CellKey] = {key: REST if key in small else key for key in sizes}
    if size < MIN_GROUP:
        return Groups(size, "too_small", merge)
    rest = sum(small.values())
    if (dimensions > 1 and small) or 0 < rest < MIN_GROUP:
        return Groups(size, "differencing", merge)
    return Groups(size, "", merge)


def protect(
    counts: Mapping[CellKey, Mapping[Position, int]],
    view: CellKey,
    rows: Sequence[str],
    columns: Sequence[str],
    merge: Mapping[CellKey, CellKey] | None = None,
) -> dict[Position, Shown]:
    """The cells of the table of group `view`, with small and secondary cells hidden.

    `counts` holds the table of every group of the filtered dimensions (one group when there
    is no filter). A cell is hidden when it is between 1 and SMALL - 1 in *any* group, so
    that every group hides the same cells; then, in every column (and every row of a table
    with several columns) that has exactly one hidden cell, the next-smallest cell (by the
    count over all groups, so again the same in every group) is hidden too, so that a total
    minus the shown cells gives at least two cells together, never one.
    """
    merged = _merged(counts, merge or {})
    positions = [(row, column) for row in rows for column in columns]
    overall = {p: sum(table.get(p, 0) for table in merged.values()) for p in positions}
    hidden = {p for p in positions if any(0 < t.get(p, 0) < SMALL for t in merged.values())}
    lines = [[(row, column) for row in rows] for column in columns]
    if len(columns) > 1:
        lines += [[(row, column) for column in columns] for row in rows]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(p in hidden for p in line) != 1:
                continue
            candidates = [p for p in line if p not in hidden and overall[p] > 0]
            if candidates:
                hidden.add(min(candidates, key=lambda p: overall[p]))
                changed = True
    own = merged.get((merge or {}).get(view, view), {})
    result: dict[Position, Shown] = {}
    for p in positions:
        value = own.get(p, 0)
        if p not in hidden:
            result[p] = Shown(value)
        else:
            result[p] = Shown(None, "small" if 0 < value < SMALL else "hidden")
    return result


def _merged(
    counts: Mapping[CellKey, Mapping[Position, int]], merge: Mapping[CellKey, CellKey]
) -> dict[CellKey, dict[Position, int]]:
    merged: dict[CellKey, dict[Position, int]] = {}
    for key, table in counts.items():
        target = merged.setdefault(merge.get(key, key), {})
        for position, n in table.items():
            target[position] = target.get(position, 0) + n
    return merged


def shown_count(n: int) -> Shown:
    """A single count (a group's size, a table's base) that is shown on its own."""
    return Shown(None, "small") if 0 < n < SMALL else Shown(n)


def all_hidden(cells: Iterable[Shown]) -> bool:
    return all(cell.hidden for cell in cells)
