"""Parsing one note into meetings: dates, running logs, titles and series.

Produces a ``NoteReading``: the note's body read once (front matter, blocks, repairs, checks) and cut into
``MeetingSlice``s, each with its lines, dates, title, series and address (the years and dates inferred
come from ``dating``).

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
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..findings import Finding
from ..paths import FOLDER_PAGES
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
from .dating import (
    YEAR,
    YEAR_HEADING,
    Section,
    date_under,
    first_date,
    resolve_log_years,
    schedule_end,
    written_date,
    year_hint,
)
from .front_matter import FrontMatter, read_front_matter
from .images import missing_images
from .inline import strip_markup
from .series import pretty, series_of
from .source import Source

# Undated notes that sit beside a meeting's notes in its folder: pages of that meeting, never meetings of their own.
COMPANION_STEMS = frozenset(["summary", "toc", "readme", "index", "contents", "overview", "table-of-contents"])
NO_DATE = "no meeting date found"


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
class _Body:
    """A note's body, read: front matter, blocks (repaired), and the findings so far."""

    path: str
    front: FrontMatter
    document: Document
    offset: int  # file line of ``document.lines[i]`` is ``offset + i + 1``
    findings: list[Finding]


@dataclass(frozen=True)
class _Note:
    """What every meeting of a note shares: its body and its series."""

    body: _Body
    series: str
    series_name: str

    @property
    def path(self) -> str:
        return self.body.path

    @property
    def stem(self) -> str:
        return posixpath.splitext(posixpath.basename(self.body.path))[0]


@dataclass(frozen=True)
class _Part:
    """A meeting's part of a note and its dates, as ``_slice`` makes a ``MeetingSlice`` of it."""

    start: int
    end: int
    date: dt.date
    end_date: dt.date | None = None
    heading: Heading | None = None  # the heading that dates it, if one does
    in_log: bool = False  # a section of a running log: the note's title is not its own
    named_by_date: bool = True  # its page is named for its date, not for the file
    precision: str = "day"  # "month" for a meeting dated to a month


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
    body = _read_body(source, sanitize, existing_files)
    if isinstance(body, NoteReading):
        return body
    return _date_meetings(body, default_series)


def _read_body(source: Source, sanitize: bool, existing_files: Collection[str] | None) -> _Body | NoteReading:
    """The note's front matter and blocks, repaired and checked; a ``NoteReading`` of no meeting if none."""
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
    return _Body(path, front, document, offset, findings)


def _date_meetings(body: _Body, default_series: str) -> NoteReading:
    """The meetings of a read note: a companion page, a running log's sections, or the note's one meeting."""
    path, front, document, findings = body.path, body.front, body.document, body.findings
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
    note = _Note(body, *series_of(path, front, default_series))
    day_first = slash_order(front.body)  # "13/4/2023" somewhere in the note settles how "5/4/2023" reads
    lines = list(document.lines)
    dated = [
        (heading, found)
        for heading in document.headings
        if (found := date_in_heading(heading.text, day_first) or date_under(lines, heading, day_first))
    ]
    folder = folder_date(path)
    if folder is not None and _is_companion(note.stem) and front.date is None and path_date.date is None:
        # "2024-06-24-sprint/summary.md": the summary of the meetings beside it, dated by its folder
        return _reading(body, _folder_slice(note, folder))
    top_dated = _log_headings(list(document.headings), dated)
    single_date = front.date or path_date.date
    # "2025-02-03-to-2025-09-01.md": a range in the name is the span of the log it holds, whose sections are meetings
    ranged = front.date is None and path_date.end_date is not None
    if (single_date is None or ranged) and len(top_dated) >= 2:
        return _running_log(note, top_dated, path_date, ranged)
    return _one_meeting(note, path_date, dated, day_first, folder)


def _reading(body: _Body, *meetings: MeetingSlice, running_log: bool = False, skipped: str = "") -> NoteReading:
    return NoteReading(
        body.path,
        body.document,
        body.offset,
        body.front,
        meetings,
        tuple(body.findings),
        running_log=running_log,
        skipped=skipped,
    )


def _running_log(
    note: _Note, top_dated: list[tuple[Heading, FoundDate]], path_date: PathDate, ranged: bool
) -> NoteReading:
    """A running log: a meeting per dated section, its year inferred when the heading leaves it out."""
    body = note.body
    headings = list(body.document.headings)
    sections = _log_sections(list(body.document.lines), headings, top_dated)
    hint = year_hint(path_date, body.front, headings)
    dates = resolve_log_years(body.path, body.offset, sections, hint, body.findings)
    if ranged:
        body.findings.extend(_outside_range(body.path, body.offset, sections, dates, path_date))
    meetings = []
    for section, date in _merge_undated(sections, dates):
        assert section.found is not None
        part = _Part(section.start, section.end, date, section.found.end(date), section.heading, in_log=True)
        meetings.append(_slice(note, part))
    return _reading(body, *meetings, running_log=True, skipped="" if meetings else "no date")


def _one_meeting(
    note: _Note,
    path_date: PathDate,
    dated: list[tuple[Heading, FoundDate]],
    day_first: bool | None,
    folder: FolderDate | None,
) -> NoteReading:
    """The note's one meeting: dated by its front matter, its path, its first date, its month or its folder."""
    body = note.body
    path, front, document, findings = body.path, body.front, body.document, body.findings
    headings, lines = list(document.headings), list(document.lines)
    single_date = front.date or path_date.date
    start_date, source_heading, heading_end = single_date, None, None
    reported = len(findings)
    if start_date is None:
        hint = year_hint(path_date, front, headings)
        start_date, heading_end, source_heading = first_date(
            path, document, body.offset, headings, hint, day_first, findings
        )
    elif front.date is None and path_date.guess:
        findings.append(Finding(path, 0, "warning", f"the file name {path_date.guess}", "name the file YYYY-MM-DD.md"))
    if start_date is None and not path_date.invalid:
        month = _month_of(front, headings, note.stem)
        if month is not None:  # "# November & December 2023 update", "2021-01-update.md": a meeting of those months
            part = _Part(0, len(lines), month.start, month.end, precision="month")
            return _reading(body, _slice(note, part))
        if folder is not None:  # an undated note in "2024-06-24-sprint/": dated by its folder, a page of its meetings
            return _reading(body, _folder_slice(note, folder))
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
        return _reading(body, skipped="impossible date" if path_date.invalid else "no date")
    end_date = front.end_date or path_date.end_date or heading_end or schedule_end(lines, dated, start_date)
    if end_date is not None and end_date < start_date:
        findings.append(Finding(path, 0, "warning", f"end_date {end_date} is before the date {start_date}; ignored"))
        end_date = None
    if single_date is not None and headings:
        findings.extend(_title_disagrees(body, headings[0], day_first, start_date, end_date))
    # A note dated by its heading is named for that date, as a running log's sections
    # are, so that its address stays the same when the next meeting is added above it.
    part = _Part(0, len(lines), start_date, end_date, source_heading, named_by_date=single_date is None)
    meeting = _slice(note, part)
    if front.date is None and path_date.date is not None and not YEAR.search(meeting.slug):
        # "tsc/2024/09/16.md", "tc39/2023-01/jan-30.md": the page keeps the file's address, but "tsc/16"
        # would name a meeting of every month; the date names it once.
        meeting = replace(meeting, id=f"{note.series}/{start_date.isoformat()}")
    return _reading(body, meeting)


def _title_disagrees(
    body: _Body, title: Heading, day_first: bool | None, start: dt.date, end: dt.date | None
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


def _folder_slice(note: _Note, folder: FolderDate) -> MeetingSlice:
    """A note dated by its folder: a companion of the meetings beside it (the index decides), else a meeting."""
    month = folder.month
    part = _Part(
        0,
        len(note.body.document.lines),
        folder.date,
        month.end if month is not None else None,
        named_by_date=False,
        precision="month" if month is not None else "day",
    )
    meeting = _slice(note, part)
    # "README.md" and "index.md" would take the folder's own address: the page is the folder's "about"
    stem = note.stem
    slug = "about" if _is_folder_page(stem) else slugify(stem)
    meeting = replace(meeting, slug=slug, page_path=posixpath.join(posixpath.dirname(note.path), slug + ".md"))
    when = f"{folder.date:%Y-%m}" if month is not None else folder.date.isoformat()
    title = meeting.title or pretty("about" if _is_folder_page(stem) else stem)
    return replace(meeting, id=f"{note.series}/{when}-{slugify(stem)}", title=title, companion=True)


def _outside_range(
    path: str, offset: int, sections: list[Section], dates: list[dt.date | None], path_date: PathDate
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


def _log_sections(
    lines: list[str], headings: list[Heading], top_dated: list[tuple[Heading, FoundDate]]
) -> list[Section]:
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
        year = YEAR_HEADING.match(group.text) if group is not None else None
        if found.year is None and year is not None:
            found = replace(found, year=int(year.group(1)))
        sections.append(Section(start, end, heading, found))
    # Lines between a section's end and the next one ("## 2023" above its sections, a closing
    # "# Appendix") are nobody's otherwise: they stay with the section before them, so nothing is lost.
    for position, section in enumerate(sections):
        following = sections[position + 1].start if position + 1 < len(sections) else len(lines)
        if section.end < following:
            sections[position] = replace(section, end=following)
    return sections


def _is_companion(stem: str) -> bool:
    """``summary.md``, ``README.md``: an undated note beside a meeting's notes, a page of that meeting."""
    return stem.lower() in COMPANION_STEMS


def _is_folder_page(stem: str) -> bool:
    """``index.md``, ``README.md``: a note that would take its folder's own address (named "about" instead)."""
    return stem.lower() in FOLDER_PAGES


def _slice(note: _Note, part: _Part) -> MeetingSlice:
    """The meeting of ``part`` of the note: its lines (trailing blanks left out), title and address."""
    lines = note.body.document.lines
    start, end = part.start, part.end
    while end > start and not lines[end - 1].strip():
        end -= 1
    # a log's preamble goes with its first section, but its title belongs to no single section
    heading = part.heading
    title_start = heading.index if part.in_log and heading is not None else start
    front = note.body.front
    title = front.title if front.title and not part.in_log else _title(note.body.document, title_start, end, heading)
    when = f"{part.date:%Y-%m}" if part.precision == "month" else part.date.isoformat()
    slug = when if part.named_by_date or _is_folder_page(note.stem) else slugify(note.stem)
    page_path = posixpath.join(posixpath.dirname(note.path), slug + ".md")
    return MeetingSlice(
        f"{note.series}/{slug}",
        slug,
        note.series,
        note.series_name,
        part.date,
        part.end_date,
        title,
        page_path,
        start,
        end,
        part.precision,
    )


def _title(document: Document, start: int, end: int, heading: Heading | None) -> str:
    """A title from the note: a dated heading with words beside the date, else a leading ``#`` title,
    else the dated heading itself (``# *August 30th 2021*`` is the title ``August 30th 2021``), else the
    first heading that is no section of every meeting. Empty only for a note without such a heading.

    Headings are the document's (``Document.headings``): a ``# comment`` in a fenced block is none."""
    dated = _heading_title(heading.text) if heading is not None else ""
    if dated and _has_words(dated):
        return dated
    lines = document.lines
    # ATX headings written at the start of their line, as a title is
    headings = [
        found
        for found in document.headings
        if start <= found.index < end and not found.setext and lines[found.index].startswith("#")
    ]
    first_text = next((index for index in range(start, end) if lines[index].strip()), None)
    if headings and headings[0].index == first_text and headings[0].level == 1 and _heading_title(headings[0].text):
        return _heading_title(headings[0].text)
    if dated:
        return dated
    for found in headings:
        text = _heading_title(found.text)
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
