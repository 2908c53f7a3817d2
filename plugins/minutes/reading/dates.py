"""The date grammar: meeting dates from headings, lines and paths.

A small explicit grammar rather than a fuzzy parser: a fuzzy parser finds a
date in "version 3.10" or "PR 2021"; this one accepts only the shapes that
meeting notes use, and says when a year was missing or a reading is a guess
(``5/4/2023`` is 4 May in one country and 5 April in the next).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..paths import FOLDER_PAGES
from ..vocabulary import MONTHS, WEEKDAYS

_MONTH_NAMES = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
_MONTH2 = r"(?P<month2>" + _MONTH_NAMES + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.(?=\s))?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TO = r"\s*(?:[-–—]|to|until|au|bis)\s*"  # the dash or word between the two ends of a range
_WEEKDAY = (
    r"(?:" + "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True)) + r")\.?,?\s+"
)  # "Monday, ", "Tue. ", "mercredi ", "Donnerstag "
_WEEKDAY_RE = re.compile(_WEEKDAY, re.IGNORECASE)
_ISO = r"(?P<year>(?:19|20)\d\d)(?P<sep>[-/._])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"

# Each pattern must match at the start of the text (after an optional weekday); ranges come first.
_PATTERNS = [
    # 2024-06-24 to 2024-06-26, 2024-06-24 – 2024-06-26
    re.compile(
        _ISO
        + _TO
        + r"(?:"
        + _WEEKDAY
        + r")?(?P<year2>(?:19|20)\d\d)(?P=sep)(?P<month2>[01]?\d)(?P=sep)(?P<day2>[0-3]?\d)(?!\d)",
        re.IGNORECASE,
    ),
    # 2024-09-16, 2024/09/16, 2024.09.16, 2024_09_16
    re.compile(_ISO),
    # 2024年9月16日
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日"),
    # 16.09.2024 (European numeric order: nobody writes month.day.year)
    re.compile(r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)"),
    # 5/4/2023, 9/16/2024, 16/09/24: the order is read from the numbers, or guessed (see _slash_date)
    re.compile(r"(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)(?![\d/])"),
    # June 24-26, 2024 / June 30 - July 2, 2024
    re.compile(
        _MONTH + r"\s+" + _DAY + _TO + r"(?:" + _MONTH2 + r"\s+)?" + _DAY2 + r"(?![\d:])(?:,?\s+" + _YEAR + r"(?!\d))?",
        re.IGNORECASE,
    ),
    # September 14th, 2021 / Sept 14 2021 / February 8th / March 27
    re.compile(_MONTH + r"\s+" + _DAY + r"(?![\d:])(?:,?\s+(?:(?:of|de)\s+)?" + _YEAR + r"(?!\d))?", re.IGNORECASE),
    # 24-26 June 2024 / 30 June – 2 July 2024
    re.compile(
        _DAY
        + r"(?:\s+"
        + _MONTH
        + r")?"
        + _TO
        + _DAY2
        + r"\s+(?:(?:of|de)\s+)?"
        + _MONTH2
        + r"(?:,?\s+"
        + _YEAR
        + r"(?!\d))?(?![a-z])",
        re.IGNORECASE,
    ),
    # 30 January, 2023 / 30th of January 2023 / 8 février / 16. September 2024
    re.compile(
        _DAY + r"\s+(?:(?:of|de)\s+)?" + _MONTH + r"(?:,?\s+(?:de\s+)?" + _YEAR + r"(?!\d))?(?![a-z])", re.IGNORECASE
    ),
    # ISO week: 2024-W38, 2024W38 (a week's meeting, read as its Monday)
    re.compile(r"(?P<year>(?:19|20)\d\d)[-\s]?W(?P<week>[0-5]\d)(?!\d)"),
]
_LEAD_RE = re.compile(r"^[\s#>*_`~\[\]|:-]*(?:(?:date|meeting|notes?|minutes)\s*[:\-—–]\s*)?", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_DATE_START = re.compile(r"\d|(?:" + _MONTH_NAMES + r")\b|" + _WEEKDAY, re.IGNORECASE)  # where a date may begin
_SLASH_DATES = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:(?:19|20)?\d\d)(?![\d/])")


@dataclass(frozen=True)
class FoundDate:
    """A date read from text; ``year`` is None when the text did not give one.

    A range (``June 24-26, 2024``) also has an end; ``guess`` says how an
    ambiguous text was read, for a warning (empty when the text was plain).
    """

    year: int | None
    month: int
    day: int
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    guess: str = ""

    def with_year(self, year: int) -> dt.date | None:
        return _make_date(year, self.month, self.day)

    def resolve(self) -> dt.date | None:
        return None if self.year is None else _make_date(self.year, self.month, self.day)

    def end(self, start: dt.date) -> dt.date | None:
        """The last day of a range starting on ``start``; None for a single day or an impossible end."""
        if self.end_day is None:
            return None
        year = self.end_year if self.end_year is not None else start.year
        end = _make_date(year, self.end_month or self.month, self.end_day)
        if end is not None and end < start and self.end_year is None:
            end = _make_date(year + 1, self.end_month or self.month, self.end_day)  # 30 Dec - 2 Jan
        return end if end is not None and end > start else None


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _slash_date(first: int, second: int, year: int, text: str, day_first: bool | None) -> FoundDate | None:
    """``first/second/year``: whichever reading the numbers allow; month first when both do and nothing says."""
    if first > 12 and second > 12:
        return None
    if first > 12:
        return FoundDate(year, second, first)
    if second > 12 or first == second:
        return FoundDate(year, first, second)
    if day_first is not None:  # the same note writes an unambiguous slash date
        return FoundDate(year, second, first) if day_first else FoundDate(year, first, second)
    read = _make_date(year, first, second)
    other = _make_date(year, second, first)
    if read is None or other is None:
        return None
    guess = f"{text} is ambiguous: read month first as {read.isoformat()}, not day first as {other.isoformat()}"
    return FoundDate(year, first, second, guess=guess)


def _match_at(text: str, day_first: bool | None = None) -> FoundDate | None:
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("first"):
            return _slash_date(
                int(groups["first"]), int(groups["second"]), _full_year(groups["year"]), match.group(0), day_first
            )
        if groups.get("week"):
            try:
                monday = dt.date.fromisocalendar(int(groups["year"]), int(groups["week"]), 1)
            except ValueError:
                return None
            guess = f"{match.group(0)} is a week: read as its Monday, {monday.isoformat()}"
            return FoundDate(monday.year, monday.month, monday.day, guess=guess)
        year = groups.get("year")
        month = _month_number(groups["month2"] if groups.get("month") is None else groups["month"])
        found = FoundDate(int(year) if year else None, month, int(groups["day"]))
        if groups.get("day2"):
            end_month = _month_number(groups["month2"]) if groups.get("month2") else month
            end_year = int(groups["year2"]) if groups.get("year2") else None
            if groups.get("year2") is None and groups.get("month") is None:  # "24-26 June": one month
                end_month = month
            end_day = int(groups["day2"])
            backwards = (end_month, end_day) <= (month, found.day)
            if not 1 <= end_day <= 31 or (backwards and (end_year is not None or not groups.get("month2"))):
                continue  # "June 24 - 9" is not a range: try the single-day patterns
            start_year = found.year
            if backwards and found.year is not None:  # "Dec 30 - Jan 2, 2025": the year is the end's
                start_year, end_year = found.year - 1, found.year
            found = FoundDate(start_year, month, found.day, end_year, end_month, end_day)
        if not 1 <= found.month <= 12 or not 1 <= found.day <= 31:
            return None
        return found
    return None


def slash_order(text: str) -> bool | None:
    """Whether the slash dates of a note are day first (True) or month first (False), if one of them says.

    ``13/4/2023`` can only be day first and ``4/13/2023`` only month first; a
    note that writes both says nothing.
    """
    day_first = month_first = False
    # Only the lines that hold a slash: the pattern's look-behind would be tried at every position of the note.
    for line in (line for line in text.split("\n") if "/" in line):
        for match in _SLASH_DATES.finditer(line):
            first, second = int(match.group(1)), int(match.group(2))
            day_first |= first > 12 >= second
            month_first |= second > 12 >= first
    return day_first if day_first != month_first else None


def date_in_heading(text: str, day_first: bool | None = None) -> FoundDate | None:
    """The date a heading (or a ``Date:`` line) starts with, if any.

    The date must come first, after an optional weekday or a "Date:"/"Meeting:"
    label, or follow a short title: after a separator
    (``Team meeting - 2024-09-16``, ``Sync: March 27``) any date, and after
    plain words (``Meeting 2023-05-04``, ``Minutes of 16 September 2024``)
    only a date with its year. ``day_first`` settles ``5/4/2023``.
    """
    if not _DIGIT.search(text):
        return None  # every date has a day number: most headings end here, cheaply
    text = _LEAD_RE.sub("", text.strip())
    text = _WEEKDAY_RE.sub("", text, count=1) if _WEEKDAY_RE.match(text) else text
    found = _match_at(text, day_first)
    if found:
        return found
    # "Team meeting — 2024-09-16" or "Meeting notes: September 14th, 2021"
    match = re.match(r"^[^\n]{1,60}?(?:\s[-—–:|@]\s*|:\s*|,\s+)", text)
    if match:
        rest = text[match.end() :]
        rest = _WEEKDAY_RE.sub("", rest, count=1) if _WEEKDAY_RE.match(rest) else rest
        found = _match_at(rest, day_first)
        if found and (found.year is not None or _only_trailing_noise(rest)):
            return found
    # "Meeting 2023-05-04", "Weekly sync 16 Sep 2024": words without digits, then a dated year
    for word in re.finditer(r"\s+", text[:61]):
        if re.search(r"\d", text[: word.start()]):
            break
        rest = text[word.end() :]
        if not _DATE_START.match(rest):
            continue
        rest = _WEEKDAY_RE.sub("", rest, count=1) if _WEEKDAY_RE.match(rest) else rest
        found = _match_at(rest, day_first)
        if found and found.year is not None:
            return found
    return None


def _only_trailing_noise(text: str) -> bool:
    # A year-less date after a title must end the heading: "Sync - March 27".
    return re.fullmatch(r"\S+\s+\S+[\s,.]*(?:@.*)?", text) is not None


# 2024-09-16, 2024-9-16, 2024_9_6, 20240916 (without separators, only with two digits each)
_ISO_IN_NAME = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<month>\d\d?)(?P=sep)(?P<day>\d\d?)(?!\d)")
_YEAR_DIR = re.compile(r"^(?:19|20)\d\d$")
_YEAR_MONTH_DIR = re.compile(r"^(?P<year>(?:19|20)\d\d)[-_.](?P<month>[01]?\d)$")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")  # a year anywhere: "tsc/2024/09/16.md", "Sprint 2024"
YEAR_HEADING = re.compile(r"^\W*((?:19|20)\d\d)\W*$")  # "## 2024": a heading that groups a year's sections


@dataclass(frozen=True)
class PathDate:
    """What a note's path says of its date."""

    date: dt.date | None
    end_date: dt.date | None
    year: int | None
    invalid: str | None = None  # a date-shaped name that is not a real date
    guess: str = ""  # how an ambiguous name was read, for a warning


def date_from_path(path: str) -> PathDate:
    """Read the date a note's path gives.

    Handles ``2024-09-16.md``, ``2024-09-16-steering.md``, ``20240916.md``,
    ``2024/09/16.md``, ``2024/09-16.md``, ``2024/09/16/index.md``,
    ``2023-01/jan-30.md``, ``2012-09/sept-18.md``, ``2023/jan/30.md``, a range
    ``2024-06-24--2024-06-26.md``, a name the heading grammar reads
    (``sept-18-2012.md``, ``16.09.2024.md``, ``09-16-2024.md``,
    ``2024-W38.md``), and a bare year anywhere in the path
    (``2022/notes.md``, ``2022.md``), which only gives the year.
    """
    parts = path.replace("\\", "/").split("/")
    stem = re.sub(r"\.(md|markdown)$", "", parts[-1], flags=re.IGNORECASE)
    dirs = parts[:-1]
    if stem.lower() in FOLDER_PAGES and len(dirs) >= 3:
        # 2024/09/16/index.md: the folder is the meeting
        stem, dirs = dirs[-1], dirs[:-1]
    year = None
    for part in [*dirs, stem]:
        match = YEAR.search(part)
        if match:
            year = int(match.group(1))

    matches = [m for m in _ISO_IN_NAME.finditer(stem) if m["sep"] or len(m["month"]) == len(m["day"]) == 2]
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
    if len(dirs) >= 2 and _YEAR_DIR.match(dirs[-2]) and re.fullmatch(r"[01]?\d", dirs[-1]):
        day = re.match(r"([0-3]?\d)(?!\d)", stem)
        if day:
            found = _make_date(int(dirs[-2]), int(dirs[-1]), int(day.group(1)))
            if found is None:
                return PathDate(None, None, year, invalid=f"{dirs[-2]}/{dirs[-1]}/{day.group(1)}")
            return PathDate(found, None, found.year)
    # 2023/jan/30.md, 2023/january/30-planning.md
    if len(dirs) >= 2 and _YEAR_DIR.match(dirs[-2]) and dirs[-1].lower() in MONTHS:
        day = re.match(r"([0-3]?\d)(?!\d)", stem)
        if day:
            found = _make_date(int(dirs[-2]), MONTHS[dirs[-1].lower()], int(day.group(1)))
            if found:
                return PathDate(found, None, found.year)
    if dirs and _YEAR_DIR.match(dirs[-1]):
        md = re.match(r"([01]?\d)[-_.]([0-3]?\d)(?!\d)", stem)
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
    # sept-18-2012.md, 16.09.2024.md, 09-16-2024.md, meeting-16-september-2024.md, 2024-W38.md
    text = re.sub(r"^([0-3]?\d)[-_]([0-3]?\d)[-_]((?:19|20)\d\d)(?!\d)", r"\1/\2/\3", stem)  # 09-16-2024
    text = re.sub(r"[-_]+", " ", text)
    named = date_in_heading(text)
    if named is not None and named.year is not None:
        found = named.resolve()
        if found is not None:
            guess = f"{parts[-1]} is {named.guess.split(' is ', 1)[1]}" if named.guess else ""
            return PathDate(found, named.end(found), found.year, guess=guess)
    return PathDate(None, None, year)


def _named_day(stem: str) -> FoundDate | None:
    """``jan-30``, ``sept-18``, ``30-jan``, ``february-8th`` in a file name."""
    text = re.sub(r"[-_.]+", " ", stem)
    found = _match_at(text)
    return found


@dataclass(frozen=True)
class MonthDate:
    """A note dated to a month, or a run of months: ``November & December 2023``, ``2021-01-update.md``."""

    year: int
    month: int
    end_year: int
    end_month: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the last month."""
        following = dt.date(self.end_year + self.end_month // 12, self.end_month % 12 + 1, 1)
        return following - dt.timedelta(days=1)


_MONTH_ONLY = re.compile(
    r"(?<![^\W\d_])" + _MONTH + r"(?:,?\s+(?P<year1>(?:19|20)\d\d))?"
    r"(?:\s*(?:&|and|et|und|y|/|[-–—]|to|au|bis)\s*" + _MONTH2 + r")?,?\s+" + _YEAR + r"(?!\d)(?![\s,]*\d{1,2}\b)",
    re.IGNORECASE,
)
_ISO_MONTH = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)[-_./](?P<month>0?[1-9]|1[0-2])(?![\d])(?![-_./]\d)")


def month_in_text(text: str) -> MonthDate | None:
    """The month (or months) a title or heading is dated to, when it names no day.

    ``November 2023``, ``November & December 2023 update``, ``Nov-Dec 2023``, ``December 2023 - January
    2024``, ``Monthly update: March 2021``, ``2021-01``; not ``November 14, 2023`` (a day's date).
    """
    if date_in_heading(text) is not None:
        return None
    match = _MONTH_ONLY.search(text)
    if match:
        year = int(match.group("year"))
        first = _month_number(match.group("month"))
        last = _month_number(match.group("month2")) if match.group("month2") else first
        start_year = int(match.group("year1")) if match.group("year1") else year
        if (start_year, first) > (year, last):
            start_year = year - 1 if not match.group("year1") else start_year  # "December & January 2024"
        if (start_year, first) > (year, last):
            return None
        return MonthDate(start_year, first, year, last)
    iso = _ISO_MONTH.search(text)
    if iso:
        year, month = int(iso.group("year")), int(iso.group("month"))
        return MonthDate(year, month, year, month)
    return None


@dataclass(frozen=True)
class FolderDate:
    """The date a note's folder names: a day (``2024-06-24-sprint/``, ``2024/06/24/``) or a month (``2023-05/``)."""

    date: dt.date
    month: MonthDate | None = None  # set when the folder names a month only


_DAY_DIR = re.compile(r"^(?P<year>(?:19|20)\d\d)[-_.](?P<month>[01]?\d)[-_.](?P<day>[0-3]?\d)(?!\d)")
_MONTH_DIR = re.compile(r"^(?P<year>(?:19|20)\d\d)[-_.](?P<month>0?[1-9]|1[0-2])(?!\d)(?![-_.]\d)")


def folder_date(path: str) -> FolderDate | None:
    """The date of the nearest folder of ``path`` that names one, if any."""
    dirs = path.replace("\\", "/").split("/")[:-1]
    for depth in range(len(dirs), 0, -1):
        name = dirs[depth - 1]
        day = _DAY_DIR.match(name)
        if day:
            found = _make_date(int(day["year"]), int(day["month"]), int(day["day"]))
            if found is not None:
                return FolderDate(found)
        year_month_day = depth >= 3 and _YEAR_DIR.match(dirs[depth - 3]) and re.fullmatch(r"[01]?\d", dirs[depth - 2])
        if year_month_day and re.fullmatch(r"[0-3]?\d", name):
            found = _make_date(int(dirs[depth - 3]), int(dirs[depth - 2]), int(name))
            if found is not None:
                return FolderDate(found)
        month = _MONTH_DIR.match(name)
        if month:
            month_date = MonthDate(int(month["year"]), int(month["month"]), int(month["year"]), int(month["month"]))
            return FolderDate(month_date.start, month_date)
        if depth >= 2 and _YEAR_DIR.match(dirs[depth - 2]) and re.fullmatch(r"0?[1-9]|1[0-2]", name):
            month_date = MonthDate(int(dirs[depth - 2]), int(name), int(dirs[depth - 2]), int(name))
            return FolderDate(month_date.start, month_date)
    return None
