"""The date grammar: meeting dates from headings, lines and paths.

A small explicit grammar rather than a fuzzy parser: a fuzzy parser finds a
date in "version 3.10" or "PR 2021"; this one accepts only the shapes that
meeting notes use, and says when a year was missing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("january", "jan", "janvier", "janv"),
        ("february", "feb", "febr", "février", "fevrier", "fév", "fev"),
        ("march", "mar", "mars"),
        ("april", "apr", "avril", "avr"),
        ("may", "mai"),
        ("june", "jun", "juin"),
        ("july", "jul", "juillet", "juil"),
        ("august", "aug", "août", "aout"),
        ("september", "sep", "sept", "septembre"),
        ("october", "oct", "octobre"),
        ("november", "nov", "novembre"),
        ("december", "dec", "décembre", "decembre", "déc"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = (
    r"(?:(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?,?\s+"
)

# Each pattern must match at the start of the text (after an optional weekday).
_PATTERNS = [
    # 2024-09-16, 2024/09/16, 2024.09.16, 2024_09_16
    re.compile(r"(?P<year>(?:19|20)\d\d)(?P<sep>[-/._])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"),
    # 16.09.2024 (European numeric order; slashes are ambiguous and left out)
    re.compile(r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)"),
    # September 14th, 2021 / Sept 14 2021 / February 8th / March 27
    re.compile(_MONTH + r"\s+" + _DAY + r"(?![\d:])(?:,?\s+(?:of\s+)?" + _YEAR + r"(?!\d))?", re.IGNORECASE),
    # 30 January, 2023 / 30th of January 2023 / 8 février
    re.compile(_DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r"(?!\d))?(?![a-z])", re.IGNORECASE),
]
_WEEKDAY_RE = re.compile(_WEEKDAY, re.IGNORECASE)
_LEAD_RE = re.compile(r"^[\s#>*_`~\[\]|:-]*(?:(?:date|meeting|notes?|minutes)\s*[:\-—–]\s*)?", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date read from text; ``year`` is None when the text did not give one."""

    year: int | None
    month: int
    day: int

    def with_year(self, year: int) -> dt.date | None:
        return _make_date(year, self.month, self.day)

    def resolve(self) -> dt.date | None:
        return None if self.year is None else _make_date(self.year, self.month, self.day)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _match_at(text: str) -> FoundDate | None:
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            year = match.group("year")
            found = FoundDate(int(year) if year else None, _month_number(match.group("month")), int(match.group("day")))
            if not 1 <= found.month <= 12 or not 1 <= found.day <= 31:
                return None
            return found
    return None


def date_in_heading(text: str) -> FoundDate | None:
    """The date a heading (or a ``Date:`` line) starts with, if any.

    The date must come first, after an optional weekday or a "Date:"/"Meeting:"
    label, or be the whole heading after a short title ending in a separator
    (``Team meeting - 2024-09-16``, ``# 30 January, 2023 Meeting Notes``).
    """
    text = _LEAD_RE.sub("", text.strip())
    text = _WEEKDAY_RE.sub("", text, count=1) if _WEEKDAY_RE.match(text) else text
    found = _match_at(text)
    if found:
        return found
    # "Team meeting — 2024-09-16" or "Meeting notes: September 14th, 2021"
    match = re.match(r"^[^\n]{1,60}?(?:\s[-—–:|@]\s*|:\s*|,\s+)", text)
    if match:
        rest = text[match.end() :]
        rest = _WEEKDAY_RE.sub("", rest, count=1) if _WEEKDAY_RE.match(rest) else rest
        found = _match_at(rest)
        if found and (found.year is not None or _only_trailing_noise(rest)):
            return found
    return None


def _only_trailing_noise(text: str) -> bool:
    # A year-less date after a title must end the heading: "Sync - March 27".
    return re.fullmatch(r"\S+\s+\S+[\s,.]*(?:@.*)?", text) is not None


_ISO_IN_NAME = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<month>\d\d)(?P=sep)(?P<day>\d\d)(?!\d)")
_YEAR_DIR = re.compile(r"^(?:19|20)\d\d$")
_YEAR_MONTH_DIR = re.compile(r"^(?P<year>(?:19|20)\d\d)[-_.](?P<month>[01]\d)$")
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class PathDate:
    """What a note's path says of its date."""

    date: dt.date | None
    end_date: dt.date | None
    year: int | None
    invalid: str | None = None  # a date-shaped name that is not a real date


def date_from_path(path: str) -> PathDate:
    """Read the date a note's path gives.

    Handles ``2024-09-16.md``, ``2024-09-16-steering.md``, ``20240916.md``,
    ``2024/09/16.md``, ``2024/09-16.md``, ``2023-01/jan-30.md``,
    ``2012-09/sept-18.md``, a range ``2024-06-24--2024-06-26.md``, and a bare
    year anywhere in the path (``2022/notes.md``, ``2022.md``), which only
    gives the year.
    """
    parts = path.replace("\\", "/").split("/")
    stem = re.sub(r"\.(md|markdown)$", "", parts[-1], flags=re.IGNORECASE)
    dirs = parts[:-1]
    year = None
    for part in [*dirs, stem]:
        match = _ANY_YEAR.search(part)
        if match:
            year = int(match.group(1))

    matches = list(_ISO_IN_NAME.finditer(stem))
    if matches:
        first = matches[0]
        start = _make_date(int(first["year"]), int(first["month"]), int(first["day"]))
        if start is None:
            return PathDate(None, None, year, invalid=first.group(0))
        end = None
        if len(matches) > 1:
            last = matches[1]
            end = _make_date(int(last["year"]), int(last["month"]), int(last["day"]))
        return PathDate(start, end if end and end > start else None, start.year)

    # 2024/09/16.md and 2024/09-16.md
    if len(dirs) >= 2 and _YEAR_DIR.match(dirs[-2]) and re.fullmatch(r"[01]\d", dirs[-1]):
        day = re.match(r"([0-3]\d)(?!\d)", stem)
        if day:
            found = _make_date(int(dirs[-2]), int(dirs[-1]), int(day.group(1)))
            if found is None:
                return PathDate(None, None, year, invalid=f"{dirs[-2]}/{dirs[-1]}/{day.group(1)}")
            return PathDate(found, None, found.year)
    if dirs and _YEAR_DIR.match(dirs[-1]):
        md = re.match(r"([01]\d)[-_.]([0-3]\d)(?!\d)", stem)
        if md:
            found = _make_date(int(dirs[-1]), int(md.group(1)), int(md.group(2)))
            if found:
                return PathDate(found, None, found.year)
        named = _named_day(stem)
        if named:
            found = named.with_year(int(dirs[-1]))
            if found:
                return PathDate(found, None, found.year)
    # 2023-01/jan-30.md, 2012-09/sept-18.md, 2023-01/30.md
    if dirs:
        ym = _YEAR_MONTH_DIR.match(dirs[-1])
        if ym:
            named = _named_day(stem)
            day_match = re.match(r"([0-3]?\d)(?!\d)", stem)
            if named and named.month == int(ym["month"]):
                found = named.with_year(int(ym["year"]))
            elif day_match:
                found = _make_date(int(ym["year"]), int(ym["month"]), int(day_match.group(1)))
            else:
                found = None
            if found:
                return PathDate(found, None, found.year)
    return PathDate(None, None, year)


def _named_day(stem: str) -> FoundDate | None:
    """``jan-30``, ``sept-18``, ``30-jan``, ``february-8th`` in a file name."""
    text = re.sub(r"[-_.]+", " ", stem)
    found = _match_at(text)
    return found
