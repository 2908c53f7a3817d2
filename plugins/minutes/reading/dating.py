"""Dating a note: which parts of it are meetings, and of what days.

Produces a ``DatedNote``: the parts of a note that are meetings (``DatedPart``: its lines, first and last
day, and what dates it), and the findings that say what was inferred or is wrong. Where a meeting's date
comes from, first that applies: front matter ``date:``; the file name or path; the first heading or line
that holds a date (``first_date``), its year, when it leaves it out, from a year heading above it or
``year_hint`` (the path, the front matter's ``year:`` or creation date, the title); a month (``# November
2023 update``); the folder (``2024-06-24-sprint/summary.md``, a page of the meetings beside it). A note
without a date of its own whose top sections are dated is a running log (``logs``): a meeting per
section. A multi-day event ends on the last of its consecutive days (``schedule_end``). Ambiguous dates
(``5/4/2023``, ISO weeks) are read one way and said so, and a title whose date disagrees with the file
name is reported. ``dates`` is the grammar it asks; ``meetings`` names the parts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from ..findings import Finding
from .blocks import Document, Heading
from .body import Body
from .dates import (
    YEAR,
    YEAR_HEADING,
    FolderDate,
    FoundDate,
    MonthDate,
    PathDate,
    date_from_path,
    date_in_heading,
    folder_date,
    month_in_text,
    slash_order,
)
from .front_matter import FrontMatter
from .logs import running_log

DATE_LINE = re.compile(r"^\W*(?:\*\*|__)?(?:date|when|meeting date|le)\s*(?:\*\*|__)?\s*[:\-]", re.IGNORECASE)
# Undated notes that sit beside a meeting's notes in its folder: pages of that meeting, never meetings of their own.
COMPANION_STEMS = frozenset(["summary", "toc", "readme", "index", "contents", "overview", "table-of-contents"])
NO_DATE = "no meeting date found"

# What dates a meeting: the front matter, the path, a heading or line of the text, a month, a running log's
# section, or its folder (an undated note beside a folder's meetings: a page of them).
DatedBy = Literal["front matter", "path", "text", "month", "log", "folder"]


@dataclass(frozen=True)
class DatedPart:
    """A part of a note that is a meeting: its lines, its days, and what dates it."""

    start: int  # 0-based index in the body's lines of the meeting's first line
    end: int  # one past its last line
    date: dt.date
    end_date: dt.date | None
    dated_by: DatedBy
    heading: Heading | None = None  # the heading that dates it, if one does
    precision: str = "day"  # "month" for a meeting dated to a month (or months): date is the first day


@dataclass(frozen=True)
class DatedNote:
    """A note's meetings as dating finds them, and the findings of dating it."""

    parts: tuple[DatedPart, ...]
    findings: tuple[Finding, ...]
    running_log: bool = False
    skipped: str = ""  # why the note made no meeting: "no date", "impossible date"


def date_note(body: Body) -> DatedNote:
    """The meetings of a read note: a companion page, a running log's sections, or the note's one meeting."""
    path, front, document = body.path, body.front, body.document
    findings: list[Finding] = []
    path_date = date_from_path(path)
    if path_date.invalid:
        findings.append(
            Finding(
                path,
                0,
                "error",
                f"the file name holds an impossible date: {path_date.invalid}",
                "rename the file to the meeting's date, YYYY-MM-DD.md",
            )
        )
    day_first = slash_order(front.body)  # "13/4/2023" somewhere in the note settles how "5/4/2023" reads
    lines, headings = list(document.lines), list(document.headings)
    dated = [
        (heading, found)
        for heading in headings
        if (found := date_in_heading(heading.text, day_first) or date_under(lines, heading, day_first))
    ]
    folder = folder_date(path)
    if folder is not None and body.stem.lower() in COMPANION_STEMS and front.date is None and path_date.date is None:
        # "2024-06-24-sprint/summary.md": the summary of the meetings beside it, dated by its folder
        return DatedNote((_folder_part(body, folder),), tuple(findings))
    hint = year_hint(path_date, front, headings)
    top_dated = _log_headings(headings, dated)
    # "2025-02-03-to-2025-09-01.md": a range in the name is the span of the log it holds, whose sections are meetings
    ranged = front.date is None and path_date.end_date is not None
    if ((front.date or path_date.date) is None or ranged) and len(top_dated) >= 2:
        log = running_log(body, top_dated, path_date, hint)
        parts = tuple(
            DatedPart(section.start, section.end, date, section.found.end(date), "log", section.heading)
            for section, date in log.sections
        )
        return DatedNote(parts, (*findings, *log.findings), running_log=True, skipped="" if parts else "no date")
    return _one_meeting(body, path_date, dated, day_first, folder, hint, findings)


def _top_level(headings: list[Heading]) -> int:
    """The level of the document's top sections; a lone leading ``#`` title does not count."""
    if not headings:
        return 0
    levels = [heading.level for heading in headings]
    top = min(levels)
    if levels.count(top) == 1 and headings[0].level == top and len(headings) > 1:
        return min(levels[1:])
    return top


def _log_headings(headings: list[Heading], dated: list[tuple[Heading, FoundDate]]) -> list[tuple[Heading, FoundDate]]:
    """The dated headings that would open the sections of a running log.

    Those of the shallowest level that has any, below a lone leading ``#``
    title: ``## 2024-09-16`` sections, or ``### September 16`` sections
    grouped under ``## 2024`` or ``## Meetings``.
    """
    top = _top_level(headings)
    if any(heading.level < top for heading, _ in dated):
        # a dated title: the meeting's own date, unless its top sections are dated too
        return [(heading, found) for heading, found in dated if heading.level == top]
    if not dated:
        return []
    level = min(heading.level for heading, _ in dated)
    groups = [heading for heading in headings if top <= heading.level < level]
    if len(groups) > 1 and not all(YEAR_HEADING.match(heading.text) for heading in groups):
        # "# Logistics", "# Schedule" (## June 24, ## June 25), "# Breakout sessions": one event, not a log
        return []
    return [(heading, found) for heading, found in dated if heading.level == level]


def _one_meeting(
    body: Body,
    path_date: PathDate,
    dated: list[tuple[Heading, FoundDate]],
    day_first: bool | None,
    folder: FolderDate | None,
    hint: tuple[int | None, str],
    findings: list[Finding],
) -> DatedNote:
    """The note's one meeting: dated by its front matter, its path, its first date, its month or its folder."""
    path, front, document = body.path, body.front, body.document
    headings, lines = list(document.headings), list(document.lines)
    start_date = front.date or path_date.date
    dated_by: DatedBy = "front matter" if front.date else "path"
    source_heading, heading_end = None, None
    reported = len(findings)
    if start_date is None:
        dated_by = "text"
        start_date, heading_end, source_heading = first_date(body, hint, day_first, findings)
    elif front.date is None and path_date.guess:
        findings.append(Finding(path, 0, "warning", f"the file name {path_date.guess}", "name the file YYYY-MM-DD.md"))
    if start_date is None and not path_date.invalid:
        month = _month_of(front, headings, body.stem)
        if month is not None:  # "# November & December 2023 update", "2021-01-update.md": a meeting of those months
            part = DatedPart(0, len(lines), month.start, month.end, "month", precision="month")
            return DatedNote((part,), tuple(findings))
        if folder is not None:  # an undated note in "2024-06-24-sprint/": dated by its folder, a page of its meetings
            return DatedNote((_folder_part(body, folder),), tuple(findings))
    if start_date is None:
        if not front.findings and not path_date.invalid and len(findings) == reported:  # reported already
            findings.append(
                Finding(
                    path,
                    body.offset + 1,
                    "error",
                    NO_DATE,
                    "add 'date: YYYY-MM-DD' to the front matter, name the file YYYY-MM-DD.md,"
                    " or start it with a dated heading",
                )
            )
        return DatedNote((), tuple(findings), skipped="impossible date" if path_date.invalid else "no date")
    end_date = front.end_date or path_date.end_date or heading_end or schedule_end(dated, start_date)
    if end_date is not None and end_date < start_date:
        findings.append(Finding(path, 0, "warning", f"end_date {end_date} is before the date {start_date}; ignored"))
        end_date = None
    if dated_by != "text" and headings:
        findings.extend(_title_disagrees(body, headings[0], day_first, start_date, end_date))
    part = DatedPart(0, len(lines), start_date, end_date, dated_by, source_heading)
    return DatedNote((part,), tuple(findings))


def _title_disagrees(
    body: Body, title: Heading, day_first: bool | None, start: dt.date, end: dt.date | None
) -> list[Finding]:
    """A warning when the note's first heading gives a date outside the one its front matter or file name gives."""
    said = written_date(title, day_first)
    if said is None or start <= said <= (end or start):
        return []
    where = "front matter" if body.front.date else "file name"
    return [
        Finding(
            body.path,
            body.offset + title.index + 1,
            "warning",
            f"the title says {said} but the {where} says {start}, which wins",
            "correct whichever is wrong",
        )
    ]


def _month_of(front: FrontMatter, headings: list[Heading], stem: str) -> MonthDate | None:
    """The month a note without a day's date is of: its title, its first headings, else its file name."""
    for text in [front.title, *(heading.text for heading in headings[:3]), stem.replace("_", " ")]:
        found = month_in_text(text) if text else None
        if found is not None:
            return found
    return None


def _folder_part(body: Body, folder: FolderDate) -> DatedPart:
    """A note dated by its folder: its first day, and its last when the folder names a month."""
    month, lines = folder.month, len(body.document.lines)
    if month is None:
        return DatedPart(0, lines, folder.date, None, "folder")
    return DatedPart(0, lines, folder.date, month.end, "folder", precision="month")


def year_hint(path_date: PathDate, front: FrontMatter, headings: list[Heading]) -> tuple[int | None, str]:
    """A year for dates written without one, and where it comes from: the path, the front matter, the title."""
    if path_date.year is not None:
        return path_date.year, "from the path"
    year = front.extra.get("year")
    if isinstance(year, int) and 1900 <= year < 2100:
        return year, "from the front matter 'year'"
    for key in _CREATED_KEYS:  # when the note was written (Obsidian, Notion and HackMD exports say)
        value = front.extra.get(key)
        if isinstance(value, dt.date):
            return value.year, f"from the front matter '{key}'"
        found = date_in_heading(value) if isinstance(value, str) else None
        if found is not None and found.year is not None:
            return found.year, f"from the front matter '{key}'"
    titles = [(front.title, "from the front matter title")]
    if headings and headings[0].level == 1:
        titles.append((headings[0].text, "from the title"))
    for text, why in titles:
        match = YEAR.search(text)
        if match:
            return int(match.group(1)), why
    return None, ""


_CREATED_KEYS = ("date created", "created", "date_created", "created_at", "creation date", "date modified", "modified")


def first_date(
    body: Body, hint: tuple[int | None, str], day_first: bool | None, findings: list[Finding]
) -> tuple[dt.date | None, dt.date | None, Heading | None]:
    """The date (and last day of a range) of the first dated heading, else of a ``Date:`` line near the top,
    and the heading that gives it."""
    document, headings = body.document, list(body.document.headings)
    candidates = _first_dated(document, headings, day_first)
    if not candidates:
        return None, None, None
    index, found, heading = min(candidates, key=lambda item: item[0])
    line, text = body.offset + index + 1, document.lines[index].strip()
    if found.guess:
        findings.append(Finding(body.path, line, "warning", found.guess, "write YYYY-MM-DD"))
    year, why = hint
    if found.year is None and heading is not None:
        above = [other for other in headings if other.index < heading.index and other.level < heading.level]
        year_heading = YEAR_HEADING.match(above[-1].text) if above else None
        if year_heading:  # "## 2024" then "### September 16": written, not guessed
            found = replace(found, year=int(year_heading.group(1)))
    if found.year is None:
        if year is None:
            findings.append(
                Finding(
                    body.path,
                    line,
                    "error",
                    f"the date on this line has no year: {text!r}",
                    "add the year, or put the note in a folder named for the year",
                )
            )
            return None, None, heading
        findings.append(Finding(body.path, line, "warning", f"year inferred as {year} {why} for {text!r}"))
        date = found.with_year(year)
    else:
        date = found.resolve()
    if date is None:
        findings.append(Finding(body.path, line, "error", f"impossible date: {text!r}"))
        return None, None, heading
    return date, found.end(date), heading


def _first_dated(
    document: Document, headings: list[Heading], day_first: bool | None
) -> list[tuple[int, FoundDate, Heading | None]]:
    """The first dated heading and the first ``Date:`` line (or first line) of the top of the note, if any."""
    candidates: list[tuple[int, FoundDate, Heading | None]] = []
    for candidate in headings:
        in_heading = date_in_heading(candidate.text, day_first)
        if in_heading:
            candidates.append((candidate.index, in_heading, candidate))
            break
    lines, code = document.lines, document.code
    first_text = next((i for i, text in enumerate(lines) if text.strip()), -1)
    for index, text in enumerate(lines[:40]):
        if code[index] or not text.strip() or document.heading_at(index) is not None:
            continue
        if DATE_LINE.match(text) or index == first_text:
            in_line = date_in_heading(text, day_first)
            if in_line:
                candidates.append((index, in_line, None))
                break
    return candidates


def date_under(lines: list[str], heading: Heading, day_first: bool | None) -> FoundDate | None:
    """The date of a ``Date:`` line right under a heading: ``## Weekly meeting`` then ``Date: 2024-09-16``."""
    for text in lines[heading.index + 1 : heading.index + 4]:
        if text.strip():
            return date_in_heading(text, day_first) if DATE_LINE.match(text) else None
    return None


def written_date(heading: Heading, day_first: bool | None) -> dt.date | None:
    """The full date a heading gives, if it gives one with its year."""
    found = date_in_heading(heading.text, day_first)
    return found.resolve() if found is not None and found.year is not None else None


def schedule_end(dated: list[tuple[Heading, FoundDate]], start: dt.date) -> dt.date | None:
    """The last day of a multi-day event whose headings walk through consecutive days.

    A hackathon's notes have ``## June 24``, ``## June 25``, ``## June 26``:
    when the meeting's own date is the first of such a run, the run is the event.
    """
    days = []
    for _, found in dated:
        day = found.with_year(start.year) if found.year is None else found.resolve()
        if day is not None:
            days.append(day)
    if start not in days:
        return None
    end = start
    while end + dt.timedelta(days=1) in days:
        end += dt.timedelta(days=1)
    return end if end > start else None
