"""Parsing one note into meetings: dates, running logs, titles and series.

Where a meeting's date comes from, first that applies: front matter
``date:``; the file name or path; the first heading or line that holds a
date. A HackMD-style running log (several dated headings at the top level of
the document, or grouped under ``## 2024`` year headings) becomes one meeting
per dated section. A date without a year takes it from a year heading above
it; else, saying so in a warning, from neighbouring sections of the same log,
the path, the front matter (``year:``, a creation date) or the title.
Ambiguous dates (``5/4/2023``, ISO weeks) are read one way and said so, and a
title whose date disagrees with the file name is reported.
"""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..findings import Finding
from ..slugs import fold, slugify
from ..vocabulary import ABSENT_WORDS, CALENDAR_WORDS, PRESENT_WORDS, is_procedural, words_of
from .blocks import Document, Heading, read_blocks
from .checks import flatten_nesting, only_front_matter, size_findings, tame_markup, unsafe_html
from .dates import (
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
from .front_matter import FrontMatter, read_front_matter
from .images import missing_images
from .inline import strip_markup
from .source import Source

# Undated notes that sit beside a meeting's notes in its folder: pages of that meeting, never meetings of their own.
COMPANION_STEMS = frozenset(["summary", "toc", "readme", "index", "contents", "overview", "table-of-contents"])
NO_DATE = "no meeting date found"

_DATE_DIR = re.compile(r"^(?:(?:19|20)\d\d(?:[-_.]\d\d)?|[01]\d)$")
_DATE_LINE = re.compile(r"^\W*(?:\*\*|__)?(?:date|when|meeting date|le)\s*(?:\*\*|__)?\s*[:\-]", re.IGNORECASE)


@dataclass(frozen=True)
class MeetingSlice:
    """One meeting of a note, as reading finds it: where it lies in the note, its date, title and address."""

    id: str  # "sklearn-team/2022-02-08": series and slug
    slug: str  # the page name inside its folder
    series: str  # series id
    series_name: str  # the series as the note names it (front matter or folder)
    date: dt.date
    end_date: dt.date | None
    title: str  # "" when the note gives none
    page_path: str
    start: int  # 0-based index in ``NoteReading.document.lines`` of the meeting's first line
    end: int  # one past its last line, trailing blank lines left out
    precision: str = "day"  # "month" for a note dated to a month (or months): date is the first day
    companion: bool = False  # an undated note of a dated folder: a page of that folder's meetings, if it has any


@dataclass(frozen=True)
class NoteReading:
    """A note read: its body's lines (repaired), where they start in the file, its meetings and findings."""

    path: str
    document: Document | None  # the note's body, read; None when the note could not be read
    offset: int  # file line of ``document.lines[i]`` is ``offset + i + 1``
    front: FrontMatter | None
    meetings: tuple[MeetingSlice, ...]
    findings: tuple[Finding, ...]
    running_log: bool = False
    skipped: str = ""  # why the note made no meeting: "empty", "no date", "binary file"...


@dataclass(frozen=True)
class _Section:
    start: int  # 0-based line index in the body where the section's text starts
    end: int
    heading: Heading | None
    found: FoundDate | None


# Folders that hold notes rather than name a series: in ``docs/meetings/community/2024-09-17.md`` the
# series is ``community``; in ``meetings/2024-09-17.md`` it is ``meetings``, there being nothing more.
CONTAINER_FOLDERS = frozenset(
    {"docs", "doc", "notes", "minutes", "meetings", "meeting-notes", "meeting-minutes", "content", "src", "pages"}
)


def series_of(path: str, front: FrontMatter, default: str) -> tuple[str, str]:
    """The series id and display name of a note: front matter, else its first folder that is neither a date
    nor a container of notes (``docs``, ``meetings``), else the last container."""
    if front.series:
        return slugify(front.series, default), front.series
    folders = [part for part in posixpath.dirname(path).split("/") if part and not _DATE_DIR.match(part)]
    named = [part for part in folders if part.lower() not in CONTAINER_FOLDERS] or folders[-1:]
    if named:
        return slugify(named[0], default), _pretty(named[0])
    return slugify(default, "meetings"), _pretty(default)


def _pretty(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else name


def read_meetings(
    source: Source,
    default_series: str = "meetings",
    sanitize: bool = True,
    existing_files: Collection[str] | None = None,
) -> NoteReading:
    """Find the meetings of one note: their dates, titles, series and lines, with findings for everything doubtful.

    ``sanitize`` says that the site removes unsafe HTML, which is then reported line by line;
    ``existing_files`` (paths in the docs folder), when given, is what local images are checked against.
    """
    path = source.path
    findings = list(source.findings)
    if source.text is None:
        return NoteReading(path, None, 0, None, (), tuple(findings), skipped=source.skipped or "unreadable")
    if not source.text.strip():
        findings.append(
            Finding(path, 0, "error", "skipped: the note is empty", "write the meeting's notes or delete it")
        )
        return NoteReading(path, None, 0, None, (), tuple(findings), skipped="empty")
    findings.extend(size_findings(path, source.size))
    front = read_front_matter(path, source.text)
    findings.extend(front.findings)
    lines = front.body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    offset = front.body_line - 1  # file line of body line index i is offset + i + 1
    findings.extend(only_front_matter(path, source.text, lines))
    document = read_blocks(lines, offset + 1)
    for repair in (flatten_nesting, tame_markup):
        edited, repaired = repair(path, document)
        findings.extend(repaired)
        if edited is not None:  # a pathological note: read again as it will be shown
            document = read_blocks(edited, offset + 1)
    if existing_files is not None:
        edited, missing = missing_images(path, document, existing_files)
        findings.extend(missing)
        if edited is not None:  # placeholders change no block, but the lines are read once more
            document = read_blocks(edited, offset + 1)
    if sanitize:
        findings.extend(unsafe_html(path, document))
    lines = list(document.lines)
    headings = list(document.headings)
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
    series, series_name = series_of(path, front, default_series)

    day_first = slash_order(front.body)  # "13/4/2023" somewhere in the note settles how "5/4/2023" reads
    dated = [
        (heading, found)
        for heading in headings
        if (found := date_in_heading(heading.text, day_first) or _date_under(lines, heading, day_first))
    ]
    top_dated = _log_headings(headings, dated)
    year_hint = _year_hint(path_date, front, headings)

    stem = posixpath.splitext(posixpath.basename(path))[0]
    folder = folder_date(path)
    if folder is not None and stem.lower() in COMPANION_STEMS and front.date is None and path_date.date is None:
        # "2024-06-24-sprint/summary.md": the summary of the meetings beside it, dated by its folder
        meeting = _folder_slice(path, front, lines, folder, series, series_name, stem)
        return NoteReading(path, document, offset, front, (meeting,), tuple(findings))

    single_date = front.date or path_date.date
    # "2025-02-03-to-2025-09-01.md": a range in the name is the span of the log it holds, whose sections are meetings
    ranged = front.date is None and path_date.end_date is not None
    if (single_date is None or ranged) and len(top_dated) >= 2:
        sections = _log_sections(lines, headings, top_dated)
        dates = _resolve_log_years(path, offset, sections, year_hint, findings)
        if ranged:
            findings.extend(_outside_range(path, offset, sections, dates, path_date))
        meetings = []
        for section, date in _merge_undated(sections, dates):
            assert section.found is not None
            meetings.append(
                _slice(
                    path,
                    front,
                    lines,
                    section.start,
                    section.end,
                    date,
                    section.found.end(date),
                    section.heading,
                    series,
                    series_name,
                    True,
                )
            )
        return NoteReading(
            path,
            document,
            offset,
            front,
            tuple(meetings),
            tuple(findings),
            running_log=True,
            skipped="" if meetings else "no date",
        )

    start_date, source_heading, heading_end = single_date, None, None
    reported = len(findings)
    if start_date is None:
        start_date, heading_end, source_heading = _first_date(
            path, document, offset, headings, year_hint, day_first, findings
        )
    elif front.date is None and path_date.guess:
        findings.append(Finding(path, 0, "warning", f"the file name {path_date.guess}", "name the file YYYY-MM-DD.md"))
    if start_date is None and not path_date.invalid:
        month = _month_of(front, headings, stem)
        if month is not None:  # "# November & December 2023 update", "2021-01-update.md": a meeting of those months
            meeting = _slice(
                path,
                front,
                lines,
                0,
                len(lines),
                month.start,
                month.end,
                None,
                series,
                series_name,
                False,
                precision="month",
            )
            return NoteReading(path, document, offset, front, (meeting,), tuple(findings))
        if folder is not None:  # an undated note in "2024-06-24-sprint/": dated by its folder, a page of its meetings
            meeting = _folder_slice(path, front, lines, folder, series, series_name, stem)
            return NoteReading(path, document, offset, front, (meeting,), tuple(findings))
    if start_date is None:
        if not front.findings and not path_date.invalid and len(findings) == reported:  # reported already
            findings.append(
                Finding(
                    path,
                    offset + 1,
                    "error",
                    NO_DATE,
                    "add 'date: YYYY-MM-DD' to the front matter, name the file YYYY-MM-DD.md,"
                    " or start it with a dated heading",
                )
            )
        why = "impossible date" if path_date.invalid else "no date"
        return NoteReading(path, document, offset, front, (), tuple(findings), skipped=why)
    end_date = front.end_date or path_date.end_date or heading_end or _schedule_end(lines, dated, start_date)
    if end_date is not None and end_date < start_date:
        findings.append(Finding(path, 0, "warning", f"end_date {end_date} is before the date {start_date}; ignored"))
        end_date = None
    said = _written_date(headings[0], day_first) if single_date is not None and headings else None
    if said is not None and not start_date <= said <= (end_date or start_date):
        where = "front matter" if front.date else "file name"
        findings.append(
            Finding(
                path,
                offset + headings[0].index + 1,
                "warning",
                f"the title says {said} but the {where} says {start_date}, which wins",
                "correct whichever is wrong",
            )
        )
    # A note dated by its heading is named for that date, as a running log's sections
    # are, so that its address stays the same when the next meeting is added above it.
    dated_by_heading = single_date is None
    meeting = _slice(
        path,
        front,
        lines,
        0,
        len(lines),
        start_date,
        end_date,
        source_heading,
        series,
        series_name,
        False,
        dated_by_heading,
    )
    if front.date is None and path_date.date is not None and not _YEAR.search(meeting.slug):
        # "tsc/2024/09/16.md", "tc39/2023-01/jan-30.md": the page keeps the file's address, but "tsc/16"
        # would name a meeting of every month; the date names it once.
        meeting = replace(meeting, id=f"{series}/{start_date.isoformat()}")
    return NoteReading(path, document, offset, front, (meeting,), tuple(findings))


def _month_of(front: FrontMatter, headings: list[Heading], stem: str) -> MonthDate | None:
    """The month a note without a day's date is of: its title, its first headings, else its file name."""
    for text in [front.title, *(heading.text for heading in headings[:3]), stem.replace("_", " ")]:
        found = month_in_text(text) if text else None
        if found is not None:
            return found
    return None


def _folder_slice(
    path: str, front: FrontMatter, lines: list[str], folder: FolderDate, series: str, series_name: str, stem: str
) -> MeetingSlice:
    """A note dated by its folder: a companion of the meetings beside it (the index decides), else a meeting."""
    month = folder.month
    meeting = _slice(
        path,
        front,
        lines,
        0,
        len(lines),
        folder.date,
        month.end if month is not None else None,
        None,
        series,
        series_name,
        False,
        named_by_date=False,
        precision="month" if month is not None else "day",
    )
    # "README.md" and "index.md" would take the folder's own address: the page is the folder's "about"
    slug = slugify(stem) if stem.lower() not in ("index", "readme") else "about"
    meeting = replace(meeting, slug=slug, page_path=posixpath.join(posixpath.dirname(path), slug + ".md"))
    when = f"{folder.date:%Y-%m}" if month is not None else folder.date.isoformat()
    title = meeting.title or _pretty(stem if stem.lower() not in ("index", "readme") else "about")
    return replace(meeting, id=f"{series}/{when}-{slugify(stem)}", title=title, companion=True)


def _outside_range(
    path: str, offset: int, sections: list[_Section], dates: list[dt.date | None], path_date: PathDate
) -> list[Finding]:
    """A warning for each section of a log whose date lies outside the range its file name gives."""
    assert path_date.date is not None and path_date.end_date is not None
    found = []
    for section, date in zip(sections, dates, strict=True):
        if date is not None and section.heading is not None and not path_date.date <= date <= path_date.end_date:
            found.append(
                Finding(
                    path,
                    offset + section.heading.index + 1,
                    "warning",
                    f"the meeting of {date} lies outside the file name's range,"
                    f" {path_date.date} to {path_date.end_date}",
                    "correct the heading or rename the file",
                )
            )
    return found


def _top_level(headings: list[Heading]) -> int:
    """The level of the document's top sections; a lone leading ``#`` title does not count."""
    if not headings:
        return 0
    levels = [heading.level for heading in headings]
    top = min(levels)
    if levels.count(top) == 1 and headings[0].level == top and len(headings) > 1:
        return min(levels[1:])
    return top


_KEPT = "until then its text is part of the meeting next to it"


def _merge_undated(sections: list[_Section], dates: list[dt.date | None]) -> list[tuple[_Section, dt.date]]:
    """The dated sections of a log; an undated one joins the section above it (or below, at the top).

    Its date is reported as an error; its text is not lost.
    """
    kept: list[tuple[_Section, dt.date]] = []
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
    if len(groups) > 1 and not all(_YEAR_HEADING.match(heading.text) for heading in groups):
        # "# Logistics", "# Schedule" (## June 24, ## June 25), "# Breakout sessions": one event, not a log
        return []
    return [(heading, found) for heading, found in dated if heading.level == level]


_YEAR_HEADING = re.compile(r"^\W*((?:19|20)\d\d)\W*$")  # "## 2024", a group of sections


def _log_sections(
    lines: list[str], headings: list[Heading], top_dated: list[tuple[Heading, FoundDate]]
) -> list[_Section]:
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
    end = len(lines)
    for heading in reversed(headings):
        ends[heading.index] = end
        if heading.level < level or heading.index in starts:
            end = heading.index
    sections = []
    for position, (heading, found) in enumerate(top_dated):
        start = 0 if position == 0 else heading.index  # the preamble goes with the first meeting
        end = ends[heading.index]
        group = above[heading.index]
        year = _YEAR_HEADING.match(group.text) if group is not None else None
        if found.year is None and year is not None:
            found = replace(found, year=int(year.group(1)))
        sections.append(_Section(start, end, heading, found))
    # Lines between a section's end and the next one ("## 2023" above its sections, a closing
    # "# Appendix") are nobody's otherwise: they stay with the section before them, so nothing is lost.
    for position, section in enumerate(sections):
        following = sections[position + 1].start if position + 1 < len(sections) else len(lines)
        if section.end < following:
            sections[position] = replace(section, end=following)
    return sections


def _year_hint(path_date: PathDate, front: FrontMatter, headings: list[Heading]) -> tuple[int | None, str]:
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
        match = _YEAR.search(text)
        if match:
            return int(match.group(1)), why
    return None, ""


_CREATED_KEYS = ("date created", "created", "date_created", "created_at", "creation date", "date modified", "modified")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _resolve_log_years(
    path: str, offset: int, sections: list[_Section], hint: tuple[int | None, str], findings: list[Finding]
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
                    Finding(path, line, "error", f"impossible date in heading: {section.heading.text!r}", _KEPT)
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
            findings.append(Finding(path, line, "error", f"impossible date in heading: {heading.text!r}", _KEPT))
            continue
        if date is None:
            findings.append(
                Finding(
                    path,
                    line,
                    "error",
                    f"the heading {heading.text!r} has no year and none could be inferred",
                    "add the year to the heading or put the note in a folder named for the year; " + _KEPT,
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


def _first_date(
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
        if _DATE_LINE.match(text) or index == first_text:
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
        year_heading = _YEAR_HEADING.match(above[-1].text) if above else None
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


def _date_under(lines: list[str], heading: Heading, day_first: bool | None) -> FoundDate | None:
    """The date of a ``Date:`` line right under a heading: ``## Weekly meeting`` then ``Date: 2024-09-16``."""
    for text in lines[heading.index + 1 : heading.index + 4]:
        if text.strip():
            return date_in_heading(text, day_first) if _DATE_LINE.match(text) else None
    return None


def _written_date(heading: Heading, day_first: bool | None) -> dt.date | None:
    """The full date a heading gives, if it gives one with its year."""
    found = date_in_heading(heading.text, day_first)
    return found.resolve() if found is not None and found.year is not None else None


def _schedule_end(lines: list[str], dated: list[tuple[Heading, FoundDate]], start: dt.date) -> dt.date | None:
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


def _slice(
    path: str,
    front: FrontMatter,
    lines: list[str],
    start: int,
    end: int,
    date: dt.date,
    end_date: dt.date | None,
    heading: Heading | None,
    series: str,
    series_name: str,
    in_log: bool,
    named_by_date: bool = True,
    precision: str = "day",
) -> MeetingSlice:
    while end > start and not lines[end - 1].strip():
        end -= 1
    # a log's preamble goes with its first section, but its title belongs to no single section
    title_start = heading.index if in_log and heading is not None else start
    title = front.title if front.title and not in_log else _title(lines, title_start, end, heading)
    folder = posixpath.dirname(path)
    stem = posixpath.splitext(posixpath.basename(path))[0]
    when = f"{date:%Y-%m}" if precision == "month" else date.isoformat()
    slug = when if named_by_date or stem.lower() in ("index", "readme") else slugify(stem)
    page_path = posixpath.join(folder, slug + ".md")
    return MeetingSlice(
        f"{series}/{slug}", slug, series, series_name, date, end_date, title, page_path, start, end, precision
    )


def _title(lines: list[str], start: int, end: int, heading: Heading | None) -> str:
    """A title from the note: a dated heading with words beside the date, else a leading ``#`` title,
    else the dated heading itself (``# *August 30th 2021*`` is the title ``August 30th 2021``), else the
    first heading that is no section of every meeting. Empty only for a note without such a heading."""
    dated = _heading_title(heading.text) if heading is not None else ""
    if dated and _has_words(dated):
        return dated
    for line in lines[start:end]:
        if line.strip():
            match = re.match(r"^#\s+(.+?)\s*#*\s*$", line)
            if match is not None and _heading_title(match.group(1)):
                return _heading_title(match.group(1))
            break
    if dated:
        return dated
    for line in lines[start:end]:
        match = re.match(r"^#{1,6}\s+(.+?)\s*#*\s*$", line)
        if match is not None:
            text = _heading_title(match.group(1))
            # "Release planning for 2.0" names the meeting; "Action items", "Updates", "Discussion" do not
            if text and not _list_heading(text) and (not is_procedural(text) or any(c.isdigit() for c in text)):
                return text
    return ""


def _list_heading(text: str) -> bool:
    """``Attendees``, ``Present``, ``Agenda``, ``Notes``: a heading every meeting has, which names none."""
    words = words_of(text)
    return all(word in PRESENT_WORDS or word in ABSENT_WORDS or word in _NO_TITLE_WORDS for word in words)


_NO_TITLE_WORDS = frozenset(["agenda", "notes", "note", "minutes", "meeting", "contents", "toc", "table", "of"])


def _heading_title(text: str) -> str:
    """A heading as a title: its text without attributes, emphasis or link syntax."""
    return strip_markup(re.sub(r"\{[#.:][^}]*\}\s*$", "", text)).strip()


def _has_words(text: str) -> bool:
    """Whether a heading says more than its date: words other than months, weekdays and ordinals."""
    rest = re.sub(r"[\d\W_]+", " ", text)
    words = [w for w in rest.split() if fold(w) not in CALENDAR_WORDS]
    return len(words) >= 1 and len(" ".join(words)) > 3
