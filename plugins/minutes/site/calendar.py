"""``meetings.ics``: every meeting of the archive as an all-day event (RFC 5545); no MkDocs here.

A calendar application subscribes to it and shows each meeting on its day (or days), with its title,
its series and a link to its page. Links are absolute, so without the site's ``site_url`` there is no
calendar, as there are no feeds. The file is the same for the same notes: no build time in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from ..index import Archive
from ..paths import site_base
from .words import Words


def _text(value: str) -> str:
    """A TEXT value, escaped (RFC 5545, 3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> Iterable[str]:
    """A content line folded at 75 octets, never inside a character (RFC 5545, 3.1)."""
    encoded = line.encode("utf-8")
    limit = 75
    while len(encoded) > limit:
        cut = limit
        while cut > 0 and (encoded[cut] & 0xC0) == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        yield encoded[:cut].decode("utf-8")
        encoded = b" " + encoded[cut:]
        limit = 75
    yield encoded.decode("utf-8")


def _day(date: dt.date) -> str:
    return date.strftime("%Y%m%d")


def ics_calendar(
    archive: Archive,
    site_name: str,
    site_url: str,
    url: Callable[[str], str],
    series: str = "",
    words: Words | None = None,
) -> str | None:
    """The iCalendar file of every meeting (of one ``series`` id, if given), or None without ``site_url``;
    ``url(page_path)`` is site-relative."""
    base = site_base(site_url)
    if not base:
        return None
    parts = urlsplit(base)
    domain = (parts.netloc + parts.path).rstrip("/") or "minutes"
    words = words or Words()
    if series:
        name = words.feed_title("series", site_name, archive.series[series].name)
    else:
        name = words.feed_title("meetings", site_name)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Minutes//meetings.ics//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(name)}",
    ]
    for meeting in archive.meetings:
        if series and meeting.series != series:
            continue
        link = base + url(meeting.page_path)
        series_name = archive.series[meeting.series].name
        end = (meeting.end_date or meeting.date) + dt.timedelta(days=1)  # DTEND of an all-day event is exclusive
        lines += [
            "BEGIN:VEVENT",
            f"UID:{meeting.id}@{domain}",
            f"DTSTAMP:{_day(meeting.date)}T000000Z",
            f"DTSTART;VALUE=DATE:{_day(meeting.date)}",
            f"DTEND;VALUE=DATE:{_day(end)}",
            f"SUMMARY:{_text(words.title(meeting))}",
            f"CATEGORIES:{_text(series_name)}",
            f"DESCRIPTION:{_text(f'{series_name}: {link}')}",
            f"URL:{link}",
        ]
        if meeting.location:
            lines.append(f"LOCATION:{_text(meeting.location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))
