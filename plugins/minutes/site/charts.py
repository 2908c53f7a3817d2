"""Small charts as data: the bars that ``templates/minutes/partials/chart.html`` draws as inline SVG.

No JavaScript needed, and no word in here: the template labels the chart.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

MAX_BAR = 16
WIDTH = 480
HEIGHT = 60


def monthly_chart(dates: Iterable[dt.date], width: int = WIDTH, height: int = HEIGHT) -> dict[str, Any] | None:
    """Bars of how many dates fall in each month, from the first month to the last; None without dates.

    Months are ``YYYY-MM``; each bar has its geometry in the chart's ``width`` x ``height`` box, with
    room at the bottom for the axis labels (the first and last month).
    """
    counts = Counter((date.year, date.month) for date in dates)
    if not counts:
        return None
    first, last = min(counts), max(counts)
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    peak = max(counts.values())
    step = width / len(months)
    # A bar is at most MAX_BAR wide: a few months of activity are a few bars, not a wall of colour.
    bar_width = max(min(step - 1, MAX_BAR), 1)
    bars = []
    for position, key in enumerate(months):
        count = counts.get(key, 0)
        if not count:
            continue
        bar = max(2.0, (height - 14) * count / peak)
        x = position * step + (step - bar_width) / 2 if len(months) > 1 else 0
        bars.append(
            {
                "month": f"{key[0]}-{key[1]:02d}",
                "count": count,
                "x": round(x, 1),
                "y": round(height - 12 - bar, 1),
                "width": round(bar_width, 1),
                "height": round(bar, 1),
            }
        )
    return {
        "width": width,
        "height": height,
        "first": f"{first[0]}-{first[1]:02d}",
        "last": f"{last[0]}-{last[1]:02d}",
        "bars": bars,
    }
