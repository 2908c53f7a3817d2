"""Running logs: a note of many meetings, one per dated section, and the years its headings leave out.

Produces a ``RunningLog``: the sections of a HackMD-style running log (several dated headings at the top
level of the document, or grouped under ``## 2024`` year headings), each with its full date, and the
findings that say what was inferred. A date without a year takes it from a year heading above it; else,
saying so in a warning, from the neighbouring sections (walking outwards, rolling over at each new
year), else from the hint ``dating`` gives (the path, the front matter, the title). An undated section
joins the one above it. ``dating`` tells a log from a note of one meeting; ``meetings`` names the sections.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, replace

from ..findings import Finding
from .blocks import Heading
from .body import Body
from .dates import YEAR_HEADING, FoundDate, PathDate

KEPT = "until then its text is part of the meeting next to it"


@dataclass(frozen=True)
class Section:
    """A part of a note that may be a meeting: its lines, its heading and the date the heading gives."""

    start: int  # 0-based line index in the body where the section's text starts
    end: int
    heading: Heading
    found: FoundDate


@dataclass(frozen=True)
class RunningLog:
    """A running log's dated sections, each with its full date, and the findings of dating them."""

    sections: tuple[tuple[Section, dt.date], ...]
    findings: tuple[Finding, ...]


def running_log(
    body: Body, top_dated: list[tuple[Heading, FoundDate]], path_date: PathDate, hint: tuple[int | None, str]
) -> RunningLog:
    """The note as a running log, whose sections open at ``top_dated`` (``dating`` tells a log from a note of one
    meeting), each with its full date; ``hint`` is the year of a date without one when no section gives it."""
    findings: list[Finding] = []
    sections = _log_sections(len(body.document.lines), list(body.document.headings), top_dated)
    dates = _resolve_years(body, sections, hint, findings)
    if body.front.date is None and path_date.end_date is not None:  # "2025-02-03-to-2025-09-01.md"
        findings.extend(_outside_range(body, sections, dates, path_date))
    return RunningLog(tuple(_merge_undated(sections, dates)), tuple(findings))


def _log_sections(total: int, headings: list[Heading], top_dated: list[tuple[Heading, FoundDate]]) -> list[Section]:
    """A section per dated heading, up to the next one or to a heading above its level (``## 2023``).

    A year-less date under a year heading (``## 2024`` / ``### September 16``) takes that year.
    """
    level = top_dated[0][0].level
    starts = {heading.index for heading, _ in top_dated}
    # one pass each way (a log may hold hundreds of sections): the heading above each line, and where each ends
    above: dict[int, Heading | None] = {}
    parent: Heading | None = None
    for heading in headings:
        above[heading.index] = parent
        if heading.level < level:
            parent = heading
    ends: dict[int, int] = {}
    end = total
    for heading in reversed(headings):
        ends[heading.index] = end
        if heading.level < level or heading.index in starts:
            end = heading.index
    sections = []
    for position, (heading, found) in enumerate(top_dated):
        start = 0 if position == 0 else heading.index  # the preamble goes with the first meeting
        group = above[heading.index]
        year = YEAR_HEADING.match(group.text) if group is not None else None
        if found.year is None and year is not None:
            found = replace(found, year=int(year.group(1)))
        sections.append(Section(start, ends[heading.index], heading, found))
    # Lines between a section's end and the next one ("## 2023" above its sections, a closing
    # "# Appendix") are nobody's otherwise: they stay with the section before them, so nothing is lost.
    for position, section in enumerate(sections):
        following = sections[position + 1].start if position + 1 < len(sections) else total
        if section.end < following:
            sections[position] = replace(section, end=following)
    return sections


def _resolve_years(
    body: Body, sections: list[Section], hint: tuple[int | None, str], findings: list[Finding]
) -> list[dt.date | None]:
    """Full dates for the sections of a running log, inferring missing years.

    A section without a year takes it from its neighbour on the side of the
    nearest section that has one, walking outwards from there, so that a log
    spanning several new years without writing them rolls over at each one.
    """
    result: list[dt.date | None] = [None] * len(sections)
    known = _written_years(body, sections, result, findings)
    newest_first = _newest_first(sections, [date for date in result if date is not None])
    missing = [i for i, section in enumerate(sections) if section.found.year is None]
    # nearest to a dated section first, so each one's neighbour towards it is already resolved
    missing.sort(key=lambda i: min((abs(i - k) for k in known), default=0))
    for index in missing:
        section = sections[index]
        found, heading = section.found, section.heading
        line = body.offset + heading.index + 1
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
            findings.append(Finding(body.path, line, "error", f"impossible date in heading: {heading.text!r}", KEPT))
            continue
        if date is None:
            findings.append(
                Finding(
                    body.path,
                    line,
                    "error",
                    f"the heading {heading.text!r} has no year and none could be inferred",
                    "add the year to the heading or put the note in a folder named for the year; " + KEPT,
                )
            )
        else:
            known.append(index)
            findings.append(
                Finding(body.path, line, "warning", f"year inferred as {date.year} {why} for heading {heading.text!r}")
            )
        result[index] = date
    return result


def _written_years(
    body: Body, sections: list[Section], result: list[dt.date | None], findings: list[Finding]
) -> list[int]:
    """The dates of the sections whose headings write their year (set in ``result``); their indices."""
    known: list[int] = []
    for index, section in enumerate(sections):
        found, line = section.found, body.offset + section.heading.index + 1
        if found.guess:  # "5/4/2023", "2024-W38"
            findings.append(Finding(body.path, line, "warning", found.guess, "write YYYY-MM-DD"))
        if found.year is not None:
            result[index] = found.resolve()
            if result[index] is None:
                text = section.heading.text
                findings.append(Finding(body.path, line, "error", f"impossible date in heading: {text!r}", KEPT))
            else:
                known.append(index)
    return known


def _newest_first(sections: list[Section], written: list[dt.date]) -> bool:
    """Whether the log adds each new meeting on top (most do): by its written dates, else its months and days."""
    if written:
        order = [date.isoformat() for date in written]
    else:  # no section has a year: the months and days say which way the log runs
        order = [f"{section.found.month:02}-{section.found.day:02}" for section in sections]
    rising = sum(1 for a, b in itertools.pairwise(order) if b > a)
    falling = sum(1 for a, b in itertools.pairwise(order) if b < a)
    return falling >= rising


def _near(found: FoundDate, anchor: dt.date, later_in_time: bool) -> dt.date | None:
    """``found`` in the year that puts it on the right side of ``anchor``, less than a year away."""
    for year in (anchor.year, anchor.year + 1 if later_in_time else anchor.year - 1):
        candidate = found.with_year(year)  # None on 29 February of a common year
        if candidate is not None and (candidate >= anchor if later_in_time else candidate <= anchor):
            return candidate
    return None


def _merge_undated(sections: list[Section], dates: list[dt.date | None]) -> list[tuple[Section, dt.date]]:
    """The dated sections of a log; an undated one joins the section above it (or below, at the top).

    Its date is reported as an error; its text is not lost.
    """
    kept: list[tuple[Section, dt.date]] = []
    start: int | None = None
    for section, date in zip(sections, dates, strict=True):
        if date is None:
            if kept:
                kept[-1] = (replace(kept[-1][0], end=section.end), kept[-1][1])
            elif start is None:
                start = section.start
            continue
        kept.append((section if start is None else replace(section, start=start), date))
        start = None
    return kept


def _outside_range(
    body: Body, sections: list[Section], dates: list[dt.date | None], path_date: PathDate
) -> list[Finding]:
    """A warning for each section of a log whose date lies outside the range its file name gives."""
    first, last = path_date.date, path_date.end_date
    assert first is not None and last is not None
    return [
        Finding(
            body.path,
            body.offset + section.heading.index + 1,
            "warning",
            f"the meeting of {date} lies outside the file name's range, {first} to {last}",
            "correct the heading or rename the file",
        )
        for section, date in zip(sections, dates, strict=True)
        if date is not None and not first <= date <= last
    ]
