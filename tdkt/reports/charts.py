"""Horizontal bar charts as inline SVG drawn on the server (no JS library; CSP-safe: geometry
goes in SVG presentation attributes, colours in CSS classes). Every chart is shown next to its
table and an Excel link, so the numbers stay readable without the picture."""

from __future__ import annotations

from dataclasses import dataclass

LABEL_WIDTH = 300
BAR_AREA = 360
VALUE_GAP = 6
ROW_HEIGHT = 22
BAR_HEIGHT = 14


@dataclass
class Bar:
    label: str
    value: object
    y: int
    width: float
    text_x: float
    series: str            # "current" or "previous" (CSS class)


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    has_previous: bool


def _number(value) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def bar_chart(table) -> Chart | None:
    """The table's chart column (and the previous period's, if any) as bars, one group per row."""
    if table.chart_column is None or not table.rows:
        return None
    series = [("current", table.chart_column)]
    if table.compare_column is not None:
        series.append(("previous", table.compare_column))
    biggest = max((_number(row[column]) for row in table.rows for _name, column in series), default=0) or 1
    bars, y = [], 4
    for row in table.rows:
        for index, (name, column) in enumerate(series):
            value = row[column]
            width = round(BAR_AREA * _number(value) / biggest, 1)
            bars.append(Bar(str(row[0]) if index == 0 else "", value if value != "" else "–", y, width,
                            LABEL_WIDTH + width + VALUE_GAP, name))
            y += BAR_HEIGHT + 2
        y += ROW_HEIGHT - BAR_HEIGHT
    return Chart(table.title, bars, LABEL_WIDTH + BAR_AREA + 60, y + 4, LABEL_WIDTH, len(series) > 1)
