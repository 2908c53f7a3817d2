"""Parsing one note into meetings: dates, running logs, titles and series.

Where a meeting's date comes from, first that applies: front matter
``date:``; the file name or path; the first heading or line that holds a
date. A HackMD-style running log (several dated headings at the top level of
the document) becomes one meeting per dated section. A date without a year
takes it from neighbouring sections of the same log, or from the path, and
says so in a warning.
"""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath
import re
from dataclasses import dataclass, replace

from .attribution import attribute, front_matter_mentions
from .dates import FoundDate, date_from_path, date_in_heading
from .findings import Finding
from .front_matter import FrontMatter, read_front_matter
from .headings import Heading, in_code_mask, scan_headings
from .model import Meeting
from .note_checks import flatten_nesting, only_front_matter, size_findings, tame_markup
from .person_headings import SECTION_WORDS
from .sanitize import unsafe_html
from .slugs import slugify
from .source import Source

_DATE_DIR = re.compile(r"^(?:(?:19|20)\d\d(?:[-_.]\d\d)?|[01]\d)$")
_DATE_LINE = re.compile(r"^\W*(?:\*\*|__)?(?:date|when|meeting date|le)\s*(?:\*\*|__)?\s*[:\-]", re.IGNORECASE)


@dataclass(frozen=True)
class ParseOptions:
    default_series: str = "meetings"
    not_people: frozenset[str] = SECTION_WORDS
    known_people: frozenset[str] = frozenset()  # folded names
    abbreviations: tuple[tuple[str, str], ...] = ()  # abbreviation -> name, from the people file or other tables
    sanitize: bool = True  # the site sanitizes HTML: report the raw HTML it will remove


@dataclass(frozen=True)
class ParsedNote:
    path: str
    meetings: tuple[Meeting, ...]
    findings: tuple[Finding, ...]
    running_log: bool = False
    unknown_speakers: frozenset[str] = frozenset()  # capitalised prefixes used like speakers, undefined here
    skipped: str = ""  # why the note made no meeting: "empty", "no date", "binary file"...


@dataclass(frozen=True)
class _Section:
    start: int  # 0-based line index in the body where the section's text starts
    end: int
    heading: Heading | None
    found: FoundDate | None


def series_of(path: str, front: FrontMatter, default: str) -> tuple[str, str]:
    """The series id and display name of a note: front matter, else its first non-date folder."""
    if front.series:
        return slugify(front.series, default), front.series
    for part in posixpath.dirname(path).split("/"):
        if part and not _DATE_DIR.match(part):
            return slugify(part, default), _pretty(part)
    return slugify(default, "meetings"), _pretty(default)


def _pretty(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else name


def parse_note(source: Source, options: ParseOptions = ParseOptions()) -> ParsedNote:
    """Parse one note into its meetings, with findings for everything doubtful."""
    path = source.path
    findings = list(source.findings)
    if source.text is None:
        return ParsedNote(path, (), tuple(findings), skipped=source.skipped or "unreadable")
    if not source.text.strip():
        findings.append(
            Finding(path, 0, "error", "skipped: the note is empty", "write the meeting's notes or delete it")
        )
        return ParsedNote(path, (), tuple(findings), skipped="empty")
    findings.extend(size_findings(path, source.size))
    front = read_front_matter(path, source.text)
    findings.extend(front.findings)
    lines = front.body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    offset = front.body_line - 1  # file line of body line index i is offset + i + 1
    findings.extend(only_front_matter(path, source.text, lines))
    lines, deep = flatten_nesting(path, lines, offset + 1)
    findings.extend(deep)
    lines, wild = tame_markup(path, lines, offset + 1)
    findings.extend(wild)
    if options.sanitize:
        findings.extend(unsafe_html(path, lines, offset + 1))
    headings = scan_headings(lines)
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
    series, series_name = series_of(path, front, options.default_series)

    dated = [(heading, found) for heading in headings if (found := date_in_heading(heading.text))]
    top = _top_level(headings)
    top_dated = [(heading, found) for heading, found in dated if heading.level == top]

    single_date = front.date or path_date.date
    if single_date is None and len(top_dated) >= 2:
        sections = _log_sections(lines, top_dated)
        dates = _resolve_log_years(path, offset, sections, path_date.year, findings)
        meetings = []
        unknown: set[str] = set()
        for section, date in _merge_undated(sections, dates):
            meetings.append(
                _meeting(
                    source,
                    front,
                    lines,
                    offset,
                    section.start,
                    section.end,
                    date,
                    None,
                    section.heading,
                    series,
                    series_name,
                    True,
                    options,
                    unknown=unknown,
                )
            )
        return ParsedNote(
            path,
            tuple(meetings),
            tuple(findings),
            running_log=True,
            unknown_speakers=frozenset(unknown),
            skipped="" if meetings else "no date",
        )

    start_date, source_heading = single_date, None
    before_date = len(findings)
    if start_date is None:
        start_date, source_heading = _first_date(path, lines, offset, headings, path_date.year, findings)
    if start_date is None:
        if not front.findings and not path_date.invalid and len(findings) == before_date:
            findings.append(
                Finding(
                    path,
                    offset + 1,
                    "error",
                    "no meeting date found",
                    "add 'date: YYYY-MM-DD' to the front matter, name the file YYYY-MM-DD.md,"
                    " or start it with a dated heading",
                )
            )
        return ParsedNote(path, (), tuple(findings), skipped="impossible date" if path_date.invalid else "no date")
    end_date = front.end_date or path_date.end_date or _schedule_end(lines, dated, start_date)
    if end_date is not None and end_date < start_date:
        findings.append(Finding(path, 0, "warning", f"end_date {end_date} is before the date {start_date}; ignored"))
        end_date = None
    # A note dated by its heading is named for that date, as a running log's sections
    # are, so that its address stays the same when the next meeting is added above it.
    dated_by_heading = single_date is None
    unknown = set()
    meeting = _meeting(
        source,
        front,
        lines,
        offset,
        0,
        len(lines),
        start_date,
        end_date,
        source_heading,
        series,
        series_name,
        False,
        options,
        dated_by_heading,
        unknown,
    )
    return ParsedNote(path, (meeting,), tuple(findings), unknown_speakers=frozenset(unknown))


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


def _log_sections(lines: list[str], top_dated: list[tuple[Heading, FoundDate]]) -> list[_Section]:
    sections = []
    for position, (heading, found) in enumerate(top_dated):
        start = 0 if position == 0 else heading.index  # the preamble goes with the first meeting
        end = top_dated[position + 1][0].index if position + 1 < len(top_dated) else len(lines)
        sections.append(_Section(start, end, heading, found))
    return sections


def _resolve_log_years(
    path: str, offset: int, sections: list[_Section], path_year: int | None, findings: list[Finding]
) -> list[dt.date | None]:
    """Full dates for the sections of a running log, inferring missing years."""
    known = [(i, s.found.resolve()) for i, s in enumerate(sections) if s.found and s.found.year is not None]
    known_dates = [(i, d) for i, d in known if d is not None]
    rising = sum(1 for (_, a), (_, b) in itertools.pairwise(known_dates) if b > a)
    falling = sum(1 for (_, a), (_, b) in itertools.pairwise(known_dates) if b < a)
    newest_first = falling >= rising
    result: list[dt.date | None] = []
    for index, section in enumerate(sections):
        found = section.found
        assert found is not None and section.heading is not None
        line = offset + section.heading.index + 1
        if found.year is not None:
            date = found.resolve()
            if date is None:
                findings.append(
                    Finding(path, line, "error", f"impossible date in heading: {section.heading.text!r}", _KEPT)
                )
            result.append(date)
            continue
        date, why = _infer_year(found, index, known_dates, newest_first, path_year)
        if found.with_year(2000) is None:  # no year makes February 30th a date
            findings.append(
                Finding(path, line, "error", f"impossible date in heading: {section.heading.text!r}", _KEPT)
            )
        elif date is None:
            findings.append(
                Finding(
                    path,
                    line,
                    "error",
                    f"the heading {section.heading.text!r} has no year and none could be inferred",
                    "add the year to the heading or put the note in a folder named for the year; " + _KEPT,
                )
            )
        else:
            findings.append(
                Finding(
                    path, line, "warning", f"year inferred as {date.year} {why} for heading {section.heading.text!r}"
                )
            )
        result.append(date)
    return result


def _infer_year(
    found: FoundDate, index: int, known: list[tuple[int, dt.date]], newest_first: bool, path_year: int | None
) -> tuple[dt.date | None, str]:
    if known:
        j, anchor = min(known, key=lambda item: abs(item[0] - index))
        later_in_time = (j < index) != newest_first  # is this section after the anchor in time?
        year = anchor.year
        candidate = found.with_year(year)
        if candidate is not None and later_in_time and candidate < anchor:
            year += 1
        elif candidate is not None and not later_in_time and candidate > anchor:
            year -= 1
        return found.with_year(year), f"from the neighbouring meeting of {anchor.isoformat()}"
    if path_year is not None:
        return found.with_year(path_year), "from the path"
    return None, ""


def _first_date(
    path: str, lines: list[str], offset: int, headings: list[Heading], path_year: int | None, findings: list[Finding]
) -> tuple[dt.date | None, Heading | None]:
    """The date of the first dated heading, else of a ``Date:`` line near the top."""
    candidates: list[tuple[int, FoundDate, Heading | None]] = []
    for candidate in headings:
        in_heading = date_in_heading(candidate.text)
        if in_heading:
            candidates.append((candidate.index, in_heading, candidate))
            break
    code = in_code_mask(lines)
    first_text = next((i for i, text in enumerate(lines) if text.strip()), -1)
    for index, text in enumerate(lines[:40]):
        if code[index] or not text.strip() or text.lstrip().startswith("#"):
            continue
        if _DATE_LINE.match(text) or index == first_text:
            in_line = date_in_heading(text)
            if in_line:
                candidates.append((index, in_line, None))
                break
    if not candidates:
        return None, None
    index, found, heading = min(candidates, key=lambda item: item[0])
    line = offset + index + 1
    if found.year is None:
        if path_year is None:
            findings.append(
                Finding(
                    path,
                    line,
                    "error",
                    f"the date on this line has no year: {lines[index].strip()!r}",
                    "add the year, or put the note in a folder named for the year",
                )
            )
            return None, heading
        findings.append(
            Finding(path, line, "warning", f"year inferred as {path_year} from the path for {lines[index].strip()!r}")
        )
        date = found.with_year(path_year)
    else:
        date = found.resolve()
    if date is None:
        findings.append(Finding(path, line, "error", f"impossible date: {lines[index].strip()!r}"))
    return date, heading


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


def _meeting(
    source: Source,
    front: FrontMatter,
    lines: list[str],
    offset: int,
    start: int,
    end: int,
    date: dt.date,
    end_date: dt.date | None,
    heading: Heading | None,
    series: str,
    series_name: str,
    in_log: bool,
    options: ParseOptions,
    named_by_date: bool = True,
    unknown: set[str] | None = None,
) -> Meeting:
    path = source.path
    section = lines[start:end]
    while section and not section[-1].strip():
        section.pop()
    attribution = attribute(
        section, offset + start + 1, options.known_people, options.not_people, dict(options.abbreviations)
    )
    if unknown is not None:
        unknown.update(attribution.unknown_speakers)
    title = front.title if front.title and not in_log else _title(lines, start, end, heading)
    folder = posixpath.dirname(path)
    stem = posixpath.splitext(posixpath.basename(path))[0]
    slug = date.isoformat() if named_by_date or stem.lower() in ("index", "readme") else slugify(stem)
    page_path = posixpath.join(folder, slug + ".md")
    listed = front_matter_mentions(front.attendees, front.attendees_line)
    attendees = tuple(dict.fromkeys([*(mention.label for mention in listed), *attribution.named]))
    return Meeting(
        id=f"{series}/{slug}",
        slug=slug,
        series=series,
        date=date,
        end_date=end_date,
        title=title or f"{series_name} meeting",
        source=path,
        source_line=offset + start + 1,
        end_line=offset + start + len(section),
        content="\n".join(attribution.lines) + "\n",
        page_path=page_path,
        attendees=attendees,
        tags=front.tags,
        entries=attribution.entries,
        mentions=(*listed, *attribution.mentions),
        location=front.location,
        draft=front.draft,
        extra=dict(front.extra, series_name=series_name),
    )


def _title(lines: list[str], start: int, end: int, heading: Heading | None) -> str:
    """A title from the note: a dated heading with words beside the date, else a leading ``#`` title."""
    if heading is not None:
        text = re.sub(r"\{[#.:][^}]*\}\s*$", "", heading.text).strip()
        rest = re.sub(r"[\d\W_]+", " ", text)
        rest = re.sub(r"(?i)\b(st|nd|rd|th|tba|tbd)\b", " ", rest)
        words = [w for w in rest.split() if w.lower() not in _MONTH_WORDS]
        if len(words) >= 1 and len(" ".join(words)) > 3:
            return text
    for line in lines[start:end]:
        if line.strip():
            match = re.match(r"^#\s+(.+?)\s*#*\s*$", line)
            return match.group(1) if match and not date_in_heading(match.group(1)) else ""
    return ""


_MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
