"""The whole core pipeline in one call: read -> parse -> index -> records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from .index import Archive, build_index
from .model import Person
from .parse import ParseOptions, parse_notes
from .people.people_file import PeopleFile
from .reading.checks import future_meetings, same_day_meetings
from .reading.source import read_note
from .records.join import RecordOptions


@dataclass(frozen=True)
class NoteFile:
    abs_path: str
    path: str  # relative to the docs folder, forward slashes


def build_archive(
    files: Iterable[NoteFile],
    options: ParseOptions | None = None,
    people: PeopleFile | Iterable[Person] = (),
    existing_files: Collection[str] | None = None,
    records: RecordOptions | None = None,
    today: dt.date | None = None,
) -> Archive:
    """Read, parse and index the notes of ``files``; images are checked against ``existing_files``.

    ``people`` is the people file: its names make headings people, its
    abbreviations open transcript turns, and it always wins in resolution.
    ``records`` says what a bare ``#123`` refers to and holds the topics file.
    ``today`` is what a date in the future is after (the real today by default).
    """
    book = people if isinstance(people, PeopleFile) else PeopleFile(tuple(people))
    options = options or ParseOptions()
    if existing_files is not None:
        options = replace(options, existing_files=frozenset(existing_files))
    if records is not None and records.topics.rules and not options.topics.rules:
        options = replace(options, topics=records.topics)  # its keywords mark the lines of each note
    notes = parse_notes([read_note(file.abs_path, file.path) for file in files], options, book)
    meetings = [meeting for note in notes for meeting in note.meetings]
    # a meeting's summary.md shares its date: no second meeting of the day
    checks = [
        *future_meetings(meetings, today or dt.date.today()),
        *same_day_meetings([m for m in meetings if not m.companion]),
    ]
    return build_index(notes, book.people, [*book.findings, *checks], records)
