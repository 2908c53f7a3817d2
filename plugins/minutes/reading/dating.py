"""Dating a note's meetings: the years dates leave out, and the first date a note gives.

Produces full dates (``datetime.date``) from what ``dates`` finds in a note's headings and lines: the year
of a date written without one (``year_hint``: the path, the front matter, the title; ``resolve_log_years``:
the neighbouring sections of a running log, rolling over at each new year), the date of a note dated by its
first heading or ``Date:`` line (``first_date``), the last day of a multi-day event (``schedule_end``), and
the findings that say what was inferred. ``meetings`` cuts the note into meetings with them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace

from ..findings import Finding
from .blocks import Document, Heading
from .dates import FoundDate, PathDate, date_in_heading
from .front_matter import FrontMatter

DATE_LINE = re.compile(r"^\W*(?:\*\*|__)?(?:date|when|meeting date|le)\s*(?:\*\*|__)?\s*[:\-]", re.IGNORECASE)


@dataclass(frozen=True)
class Section:
    """A part of a note that may be a meeting: its lines, its heading and the date the heading gives."""

    start: int  # 0-based line index in the body where the section's text starts
    end: int
    heading: Heading | None
    found: FoundDate | None


YEAR_HEADING = re.compile(r"^\W*((?:19|20)\d\d)\W*$")  # "## 2024", a group of sections


KEPT = "until then its text is part of the meeting next to it"


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
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def resolve_log_years(
    path: str, offset: int, sections: list[Section], hint: tuple[int | None, str], findings: list[Finding]
) -> list[dt.date | None]:
    """Full dates for the sections of a running log, inferring missing years.

    A section without a year takes it from its neighbour on the side of the
    nearest section that has one, walking outwards from there, so that a log
    spanning several new years without writing them rolls over at each one.
    """
    result: list[dt.date | None] = [None] * len(sections)
    known: list[int] = []
    for index, section in enumerate(sections):
        found = section.found
        assert found is not None and section.heading is not None
        if found.guess:  # "5/4/2023", "2024-W38"
            findings.append(
                Finding(path, offset + section.heading.index + 1, "warning", found.guess, "write YYYY-MM-DD")
            )
        if found.year is not None:
            result[index] = found.resolve()
            if result[index] is None:
                line = offset + section.heading.index + 1
                findings.append(
                    Finding(path, line, "error", f"impossible date in heading: {section.heading.text!r}", KEPT)
                )
            else:
                known.append(index)
    known_dates = [(i, d) for i in known if (d := result[i]) is not None]
    if known_dates:
        order = [date.isoformat() for _, date in known_dates]
    else:  # no section has a year: the months and days say which way the log runs
        order = [f"{s.found.month:02}-{s.found.day:02}" for s in sections if s.found is not None]
    rising = sum(1 for a, b in itertools.pairwise(order) if b > a)
    falling = sum(1 for a, b in itertools.pairwise(order) if b < a)
    newest_first = falling >= rising  # most logs add the new meeting on top
    missing = [i for i, section in enumerate(sections) if section.found and section.found.year is None]
    # nearest to a dated section first, so each one's neighbour towards it is already resolved
    missing.sort(key=lambda i: min((abs(i - k) for k in known), default=0))
    for index in missing:
        section = sections[index]
        found, heading = section.found, section.heading
        assert found is not None and heading is not None
        line = offset + heading.index + 1
        date, why = None, ""
        if known:
            nearest = min(known, key=lambda k: abs(k - index))
            step = 1 if nearest > index else -1
            anchor = result[index + step]
            if anchor is not None:
                later_in_time = (step < 0) != newest_first  # is this section after its neighbour in time?
                date = _near(found, anchor, later_in_time)
                why = f"from the neighbouring meeting of {anchor.isoformat()}"
        elif hint[0] is not None:
            date, why = found.with_year(hint[0]), hint[1]
        if found.with_year(2000) is None:  # no year makes February 30th a date
            findings.append(Finding(path, line, "error", f"impossible date in heading: {heading.text!r}", KEPT))
            continue
        if date is None:
            findings.append(
                Finding(
                    path,
                    line,
                    "error",
                    f"the heading {heading.text!r} has no year and none could be inferred",
                    "add the year to the heading or put the note in a folder named for the year; " + KEPT,
                )
            )
        else:
            known.append(index)
            findings.append(
                Finding(path, line, "warning", f"year inferred as {date.year} {why} for heading {heading.text!r}")
            )
        result[index] = date
    return result


def _near(found: FoundDate, anchor: dt.date, later_in_time: bool) -> dt.date | None:
    """``found`` in the year that puts it on the right side of ``anchor``, less than a year away."""
    for year in (anchor.year, anchor.year + 1 if later_in_time else anchor.year - 1):
        candidate = found.with_year(year)  # None on 29 February of a common year
        if candidate is not None and (candidate >= anchor if later_in_time else candidate <= anchor):
            return candidate
    return None


def first_date(
    path: str,
    document: Document,
    offset: int,
    headings: list[Heading],
    hint: tuple[int | None, str],
    day_first: bool | None,
    findings: list[Finding],
) -> tuple[dt.date | None, dt.date | None, Heading | None]:
    """The date (and last day of a range) of the first dated heading, else of a ``Date:`` line near the top."""
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
    if not candidates:
        return None, None, None
    index, found, heading = min(candidates, key=lambda item: item[0])
    line = offset + index + 1
    if found.guess:
        findings.append(Finding(path, line, "warning", found.guess, "write YYYY-MM-DD"))
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
                    path,
                    line,
                    "error",
                    f"the date on this line has no year: {lines[index].strip()!r}",
                    "add the year, or put the note in a folder named for the year",
                )
            )
            return None, None, heading
        findings.append(Finding(path, line, "warning", f"year inferred as {year} {why} for {lines[index].strip()!r}"))
        date = found.with_year(year)
    else:
        date = found.resolve()
    if date is None:
        findings.append(Finding(path, line, "error", f"impossible date: {lines[index].strip()!r}"))
        return None, None, heading
    return date, found.end(date), heading


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


def schedule_end(lines: list[str], dated: list[tuple[Heading, FoundDate]], start: dt.date) -> dt.date | None:
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
