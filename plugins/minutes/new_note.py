"""``minutes new``: the next note of a series, named, placed and laid out the way the series writes its notes.

The archive says how a series keeps its notes: a file per meeting named by its date (``2024-09-16.md``,
``2024/09/16.md``, ``2023-01/jan-30.md``, ``2024-09-16-steering.md``), or a running log with a dated
section per meeting (newest first or last, a file per year or one for ever). The new note follows the
last meeting's conventions: its path with the date changed, its dated heading in the same style
(``## February 8th``, ``# 30 January, 2023 Meeting Notes``), a section for each of its attendees at the
same heading level. Every name and heading made here is read back with the build's own date grammar, and
a form that would not read as the new date falls back to ISO dates (``2024-09-16``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from .index import Archive
from .model import Meeting
from .reading.dates import FoundDate, date_from_path, date_in_heading
from .reading.front_matter import FrontMatter
from .reading.series import series_of
from .settings import Settings
from .slugs import fold, slugify
from .vocabulary import MONTHS, WEEKDAYS

# The vocabulary lists each month's names English first, full name then abbreviation: ask it, don't copy it.
_MONTH_NAMES = {number: [name for name, n in MONTHS.items() if n == number][:2] for number in range(1, 13)}
_WEEKDAY_NAMES = {number: [name for name, n in WEEKDAYS.items() if n == number][:2] for number in range(7)}
_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
# Ways a meeting names the people who were there (``Mention.kind``), as opposed to owners named in passing.
_PRESENT = ("attendee", "heading", "name-tag", "speaker", "front-matter", "leader")


class NoteError(Exception):
    """Why the note cannot be made: it exists already, or the date is taken."""


@dataclass(frozen=True)
class NewNote:
    path: str  # relative to the docs folder
    text: str  # the file's whole new text
    created: bool  # a new file; else a section added to a running log
    series: str
    attendees: tuple[str, ...]


def plan_note(
    archive: Archive,
    settings: Settings,
    date: dt.date,
    series: str | None = None,
    title: str | None = None,
    read: Callable[[str], str] | None = None,
) -> NewNote:
    """The note for a meeting on ``date`` of ``series`` (by id or name; the latest meeting's by default).

    ``read(path)`` gives the text of a note (a path relative to the docs folder): the last note's, to
    follow its headings, and a running log's, to add a section to it. Raises ``NoteError`` rather than
    overwrite a note or add a second meeting on one day.
    """
    read = read or (lambda path: _read(settings.docs_dir, path))
    series_id, series_name = _series(archive, settings, series)
    meetings = [meeting for meeting in archive.meetings if meeting.series == series_id]
    last = meetings[-1] if meetings else None
    attendees = _attendees(archive, last) if last else ()
    if last is None:  # a new series: its own folder, or the top of the docs folder for the default series
        folder = "" if series_id == slugify(settings.parse.default_series, "meetings") else series_id
        path = posixpath.join(folder, f"{date.isoformat()}.md")
        body = _file_note(
            title or f"{series_name} meeting", (), 2, False, _front_series(settings, path, series_id, series_name)
        )
        return _new_file(settings, path, body, series_id, ())
    last_text = read(last.source)
    lines = last_text.split("\n")
    if _is_log(archive, last):
        return _log_note(archive, settings, last, lines, date, title, attendees, read)
    path = _dated_path(last.source, last.date, date) or posixpath.join(posixpath.dirname(last.source), f"{date}.md")
    heading = _first_heading(lines)
    level = _person_level(last, lines, default=2)
    if title:
        head = title
    elif heading and date_in_heading(heading[1]) is None:
        head = heading[1]  # "# TSC meeting": the series' own title
    elif heading and (restyled := _restyle_heading(heading[1], last.date, date)):
        head = restyled
    else:
        head = f"{series_name} meeting"
    listed = any(mention.kind == "attendee" for mention in last.mentions)
    body = _file_note(head, attendees, level, listed, _front_series(settings, path, series_id, series_name))
    note = _new_file(settings, path, body, series_id, attendees)
    _taken(meetings, date)
    return note


def _front_series(settings: Settings, path: str, series_id: str, series_name: str) -> str:
    """The ``series:`` the note's front matter must say, when its folder does not say it."""
    by_path = series_of(path, FrontMatter("", 1), settings.parse.default_series)[0]
    return "" if by_path == series_id else series_name


def _read(docs_dir: str, path: str) -> str:
    with open(os.path.join(docs_dir, *path.split("/")), encoding="utf-8") as handle:
        return handle.read()


def _series(archive: Archive, settings: Settings, wanted: str | None) -> tuple[str, str]:
    if wanted is None:
        if archive.meetings:
            newest = max(archive.meetings, key=lambda meeting: meeting.date)
            return newest.series, archive.series[newest.series].name
        default = settings.parse.default_series
        return slugify(default, "meetings"), default
    for series in archive.series.values():
        if wanted == series.id or fold(wanted) == fold(series.name) or slugify(wanted) == series.id:
            return series.id, series.name
    return slugify(wanted, "meetings"), wanted


def _attendees(archive: Archive, meeting: Meeting) -> tuple[str, ...]:
    roles = archive.roles.get(meeting.id, {})
    return tuple(
        archive.person(person).name
        for person in archive.attendees.get(meeting.id, ())
        if any(kind in _PRESENT for kind in roles.get(person, ("attendee",)))
    )


def _new_file(settings: Settings, path: str, text: str, series: str, attendees: tuple[str, ...]) -> NewNote:
    if os.path.exists(os.path.join(settings.docs_dir, *path.split("/"))):
        raise NoteError(f"{path} exists already: not overwritten")
    return NewNote(path, text, True, series, attendees)


def _taken(meetings: list[Meeting], date: dt.date) -> None:
    """Refuse a second meeting of a series on one day."""
    for meeting in meetings:
        if meeting.date == date:
            raise NoteError(
                f"{meeting.source}:{meeting.source_line} is a meeting of {meeting.series} on {date} already"
            )


def _file_note(head: str, attendees: tuple[str, ...], level: int, listed: bool, series: str) -> str:
    lines = ["---", f"series: {series}", "---", ""] if series else []
    lines += [f"# {head}", ""]
    if listed and attendees:
        lines += ["## Attendees", "", *(f"- {name}" for name in attendees), ""]
    lines += [line for name in attendees for line in (f"{'#' * level} {name}", "")]
    lines += ["## Decisions", "", "## Action items", ""]
    return "\n".join(lines)


def _is_log(archive: Archive, last: Meeting) -> bool:
    """Whether the series keeps a running log: several meetings in the file, or a file its path does not date."""
    if sum(meeting.source == last.source for meeting in archive.meetings) > 1:
        return True
    return date_from_path(last.source).date is None and last.source in archive.logs


def _log_note(
    archive: Archive,
    settings: Settings,
    last: Meeting,
    last_lines: list[str],
    date: dt.date,
    title: str | None,
    attendees: tuple[str, ...],
    read: Callable[[str], str],
) -> NewNote:
    _taken([meeting for meeting in archive.meetings if meeting.series == last.series], date)
    found = _section_heading(last_lines, last)
    marks, text = found[1] if found else ("##", last.date.isoformat())
    heading = _restyle_heading(text, last.date, date) or date.isoformat()
    if title:
        heading = f"{heading}: {title}"
    level = _person_level(last, last_lines, default=len(marks) + 1)
    section = [f"{marks} {heading}", "", *(line for name in attendees for line in (f"{'#' * level} {name}", ""))]
    year = _year_of(last.source)
    if year is not None and year != date.year:  # a file per year: the new year starts a file
        folder, name = posixpath.split(last.source)
        path = posixpath.join(folder, name.replace(str(year), str(date.year)))
        return _new_file(settings, path, "\n".join(section), last.series, attendees)
    lines = read(last.source).split("\n")
    in_file = sorted((m for m in archive.meetings if m.source == last.source), key=lambda m: m.source_line)
    # newest first, as HackMD logs grow (and as a log of one meeting is taken to grow), unless it grows downwards
    newest_first = all(a.date >= b.date for a, b in itertools.pairwise(in_file))
    after = [m for m in in_file if (m.date < date if newest_first else m.date > date)]
    if after:
        place = _section_heading(lines, after[0])
        at = place[0] if place else after[0].source_line - 1
    else:
        at = len(lines) if lines[-1:] != [""] else len(lines) - 1
        section = ["", *section] if lines and lines[at - 1].strip() else section
    lines[at:at] = section
    return NewNote(last.source, "\n".join(lines), False, last.series, attendees)


def _year_of(path: str) -> int | None:
    """The year of a file per year (``2022.md``), else None."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    return int(stem) if re.fullmatch(r"(?:19|20)\d\d", stem) else None


def _section_heading(lines: list[str], meeting: Meeting) -> tuple[int, tuple[str, str]] | None:
    """The dated heading that opens ``meeting`` in its file: (0-based line, (marks, text))."""
    for index in range(max(meeting.source_line - 1, 0), min(meeting.end_line, len(lines))):
        match = _HEADING.match(lines[index])
        if match and date_in_heading(match["text"]):
            return index, (match["marks"], match["text"])
    return None


def _first_heading(lines: list[str]) -> tuple[int, str] | None:
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and len(match["marks"]) == 1:
            return index, match["text"]
    return None


def _person_level(meeting: Meeting, lines: list[str], default: int) -> int:
    """The heading level of the people's sections in ``meeting``, or ``default``."""
    for entry in meeting.entries:
        if entry.source == "heading" and 0 < entry.line <= len(lines):
            match = _HEADING.match(lines[entry.line - 1])
            if match:
                return len(match["marks"])
    return min(default, 6)


def _dated_path(path: str, old: dt.date, new: dt.date) -> str | None:
    """``path`` with its date changed from ``old`` to ``new`` in the same form, if the grammar reads it back."""
    candidates = []
    iso = re.compile(rf"(?<!\d){old.year}(?P<sep>[-_.]?){old.month:02d}(?P=sep){old.day:02d}(?!\d)")
    candidates.append(iso.sub(lambda m: f"{new.year}{m['sep']}{new.month:02d}{m['sep']}{new.day:02d}", path))
    # 2024/09/16.md, 2023-01/jan-30.md, 2023/jan/30.md: the year, the month and the day in turn
    parts = path.split("/")
    changed = []
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        part = re.sub(
            rf"(?<!\d){old.year}(?P<sep>[-_.]){old.month:02d}(?!\d)",
            lambda m: f"{new.year}{m['sep']}{new.month:02d}",
            part,
        )
        part = re.sub(rf"^{old.year}$", str(new.year), part)
        if position and re.fullmatch(r"(?:19|20)\d\d", parts[position - 1]):
            part = re.sub(rf"^0?{old.month}$", f"{new.month:02d}" if len(part) == 2 else str(new.month), part)
        if last:
            part = _restyle_words(part, old, new, pad=True) or part
            part = re.sub(rf"^0?{old.day}(?!\d)", lambda m: f"{new.day:0{len(m.group(0))}d}", part)
        changed.append(part)
    candidates.append("/".join(changed))
    for candidate in candidates:
        if candidate != path and date_from_path(candidate).date == new:
            return candidate
    return None


def _restyle_heading(text: str, old: dt.date, new: dt.date) -> str | None:
    """A heading's ``text`` with its date changed from ``old`` to ``new``, in the same style.

    A heading that gives no year gets one (``February 8th`` -> ``March 1st, 2022``): the build would
    otherwise warn on every new note that it had to infer the year.
    """
    candidate = re.sub(
        rf"(?<!\d){old.year}(?P<sep>[-/._]){old.month:02d}(?P=sep){old.day:02d}(?!\d)",
        lambda m: f"{new.year}{m['sep']}{new.month:02d}{m['sep']}{new.day:02d}",
        text,
    )
    if candidate == text:
        candidate = _restyle_words(text, old, new) or text
    if candidate == text:
        return None
    found = date_in_heading(candidate)
    if found is not None and found.year is None:
        candidate = _with_year(candidate, found, new)
        found = date_in_heading(candidate)
    if found is None or found.resolve() != new:
        return None
    return candidate


def _with_year(text: str, found: FoundDate, new: dt.date) -> str:
    """``text`` whose date (month and day, no year) is followed by ``new``'s year."""
    for match in re.finditer(r"[^\W\d_]+", text):
        if MONTHS.get(fold(match.group(0))) != found.month:
            continue
        after = re.match(r"\.?\s*\d{1,2}(?:st|nd|rd|th)?", text[match.end() :])
        if after:  # "March 1st" -> "March 1st, 2022"
            end = match.end() + after.end()
            return f"{text[:end]}, {new.year}{text[end:]}"
        return f"{text[: match.end()]} {new.year}{text[match.end() :]}"  # "1 March" -> "1 March 2022"
    return text


def _restyle_words(text: str, old: dt.date, new: dt.date, pad: bool = False) -> str | None:
    """``text`` whose month written as a word (and its day, year and weekday) now say ``new``.

    ``pad``: keep the day's width (``jan-30`` -> ``feb-06`` in a file name; ``30 January`` -> ``6 February``).
    """
    for match in re.finditer(r"[^\W\d_]+", text):
        word = match.group(0)
        if MONTHS.get(fold(word)) != old.month:
            continue
        full, short = _MONTH_NAMES[new.month]
        name = full if len(word) > 4 or fold(word) == _MONTH_NAMES[old.month][0] else short
        if len(word) == 4 and new.month == 9:
            name = "sept"
        before, after = text[: match.start()], text[match.end() :]
        day = re.compile(rf"^(?P<pad>\.?[\s-]*)0?{old.day}(?P<suffix>st|nd|rd|th)?(?!\d)")
        day_before = re.compile(rf"(?<!\d)0?{old.day}(?P<suffix>st|nd|rd|th|er)?(?P<pad>\.?(?:\s+of)?[\s-]*)$")
        if (found := day.match(after)) is not None:
            after = f"{found['pad']}{_day(new.day, found, pad)}" + after[found.end() :]
        elif (found := day_before.search(before)) is not None:
            before = before[: found.start()] + _day(new.day, found, pad) + found["pad"]
        else:
            return None
        restyled = before + _case(name, word) + after
        restyled = re.sub(rf"(?<!\d){old.year}(?!\d)", str(new.year), restyled)
        return _restyle_weekday(restyled, old, new)
    return None


def _day(day: int, found: re.Match[str], pad: bool) -> str:
    digits = re.sub(r"\D", "", found.group(0))
    text = f"{day:0{len(digits) if pad or digits.startswith('0') else 1}d}"
    if found["suffix"]:
        text += _ordinal(day) if found["suffix"] != "er" or day == 1 else ""
    return text


def _ordinal(day: int) -> str:
    return "th" if day in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _restyle_weekday(text: str, old: dt.date, new: dt.date) -> str:
    def weekday(match: re.Match[str]) -> str:
        word = match.group(0)
        if WEEKDAYS.get(fold(word)) != old.weekday() or fold(word) not in _WEEKDAY_NAMES[old.weekday()]:
            return word
        full, short = _WEEKDAY_NAMES[new.weekday()]
        return _case(full if fold(word) == _WEEKDAY_NAMES[old.weekday()][0] else short, word)

    return re.sub(r"[^\W\d_]+", weekday, text)


def _case(name: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return name.upper()
    if like[:1].isupper():
        return name.capitalize()
    return name.lower()
