"""The geometry of the charts, drawn as plain SVG by templates/statistics/chart_*.html.

Bars for categories, stacked bars for tables with several columns, a line for months. Only
numbers a table shows are drawn; a hidden number leaves a gap and its word. Right-to-left
pages get the mirror image, computed here, since SVG does not turn itself around.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qualreg.statistics.tables import Table

WIDTH = 400
LABEL_MAX = 58  # characters of a row label in a chart; the table has it in full
ROW = 40  # height of a bar chart's row: the label above, the bar below
PALETTE = 6  # stacked segments use the CSS classes seg-0 … seg-5


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "…"


# Text anchors: "start" and "end" follow the page's direction (SVG text inherits it), so the
# same anchors serve both directions once the x positions are mirrored.


@dataclass
class Bar:
    label: str
    label_x: float
    label_y: float
    text: str  # the number, or the word for a hidden one
    text_x: float
    text_y: float
    y: float
    segments: list[tuple[float, float, int]] = field(default_factory=list)  # x, width, colour


@dataclass
class BarChart:
    height: float
    bars: list[Bar]
    legend: list[tuple[float, float, float, int, str]]  # box x, y, text x, colour, label
    stacked: bool
    kind: str = "bar"


@dataclass
class LineChart:
    height: float
    path: str  # "M x y L x y …"; a hidden month breaks it
    points: list[tuple[float, float]]
    x_labels: list[tuple[float, str]]
    grid: list[tuple[float, float, str]]  # y of the line, y of its text, value
    left: float
    right: float
    axis_x: float
    kind: str = "line"


def _mirror(x: float, width: float, rtl: bool) -> float:
    return WIDTH - x - width if rtl else x


def bar_chart(table: Table, words: dict[str, str], rtl: bool) -> BarChart:
    """Horizontal bars, one per row of the table; several columns become stacked segments
    with a legend above."""
    stacked = len(table.columns) > 1
    legend: list[tuple[float, float, float, int, str]] = []
    top = 0.0
    if stacked:
        x, y = 0.0, 16.0
        for index, (_code, label) in enumerate(table.columns):
            width = 26 + 7.2 * len(label)
            if x + width > WIDTH and x > 0:
                x, y = 0.0, y + 22
            box = _mirror(x, 14, rtl)
            legend.append((box, y - 11, box - 4 if rtl else box + 18, index % PALETTE, label))
            x += width
        top = y + 14
    rows = table.grid
    totals = [sum(cell.value or 0 for cell in cells) for _code, _label, cells in rows]
    most = max(totals + [1])
    room = WIDTH - 70  # leaves space for the number after the longest bar
    bars = []
    for index, ((_code, label, cells), total) in enumerate(zip(rows, totals, strict=True)):
        y = top + index * ROW
        segments, x = [], 0.0
        for column, cell in enumerate(cells):
            if cell.value:
                width = room * cell.value / most
                segments.append((_mirror(x, width, rtl), width, column % PALETTE))
                x += width
        if stacked:
            text = str(total) if all(not c.hidden for c in cells) else words["partly"]
        else:
            cell = cells[0]
            text = str(cell.value) if not cell.hidden else words[cell.mark]
        text_x = WIDTH - (x + 6) if rtl else x + 6
        bars.append(
            Bar(
                label=_short(label),
                label_x=WIDTH if rtl else 0,
                label_y=y + 14,
                text=text,
                text_x=text_x,
                text_y=y + 31,
                y=y + 19,
                segments=segments,
            )
        )
    return BarChart(height=top + len(rows) * ROW + 4, bars=bars, legend=legend, stacked=stacked)


def line_chart(table: Table, month_labels: dict[str, str], rtl: bool) -> LineChart:
    """Counts by month as a line; a month whose number is hidden breaks the line."""
    height, left, bottom, top = 200.0, 40.0, 170.0, 10.0
    rows = table.grid
    values = [cells[0].value for _code, _label, cells in rows]
    most = max([v for v in values if v is not None] + [1])
    step = (WIDTH - left - 10) / max(len(rows) - 1, 1)
    points, path, pen_down = [], [], False
    for index, value in enumerate(values):
        x = left + index * step
        x = WIDTH - x if rtl else x
        if value is None:
            pen_down = False
            continue
        y = bottom - (bottom - top) * value / most
        path.append(f"{'L' if pen_down else 'M'} {x:.1f} {y:.1f}")
        points.append((x, y))
        pen_down = True
    every = max(1, round(len(rows) / 6))
    x_labels = [
        ((WIDTH - (left + i * step)) if rtl else left + i * step, month_labels.get(code, code))
        for i, (code, _label, _cells) in enumerate(rows)
        if i % every == 0
    ]
    grid = []
    for share in (0, 0.5, 1):
        y = bottom - (bottom - top) * share
        grid.append((y, y + 4, str(round(most * share))))
    return LineChart(
        height,
        " ".join(path),
        points,
        x_labels,
        grid,
        left=10 if rtl else left,
        right=WIDTH - left if rtl else WIDTH - 10,
        axis_x=WIDTH - left + 6 if rtl else left - 6,
    )
