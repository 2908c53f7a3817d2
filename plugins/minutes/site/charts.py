"""Small charts drawn at build time as inline SVG: no JavaScript needed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from html import escape

MAX_BAR = 16


def monthly_bars(dates: Iterable[dt.date], label: str, width: int = 480, height: int = 60) -> str:
    """Bars of how many dates fall in each month, from the first month to the last."""
    counts = Counter((date.year, date.month) for date in dates)
    if not counts:
        return ""
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
            f'<rect x="{x:.1f}" y="{height - 12 - bar:.1f}" width="{bar_width:.1f}" height="{bar:.1f}">'
            f"<title>{key[0]}-{key[1]:02d}: {count}</title></rect>"
        )
    axis = f'<text x="0" y="{height - 1}" font-size="10">{first[0]}-{first[1]:02d}</text>'
    if last != first:
        axis += f'<text x="{width}" y="{height - 1}" font-size="10" text-anchor="end">{last[0]}-{last[1]:02d}</text>'
    return (
        f'<svg class="minutes-chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" '
        f'width="100%" height="{height}" preserveAspectRatio="none" fill="currentColor">'
        f"<title>{escape(label)}</title>{''.join(bars)}{axis}</svg>"
    )
