"""The whole core pipeline in one call: read -> parse -> index -> records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from .index import Archive, build_index
from .model import Person
from .noteindex import KeptIndex
from .parse import NoteInput, ParseOptions, RawNote, Runner, one_by_one, parse_notes
from .people.people_file import PeopleFile
from .reading.checks import future_meetings, same_day_meetings
from .reading.source import read_note
from .records.join import RecordOptions


@dataclass(frozen=True)
class NoteFile:
    abs_path: str
    path: str  # relative to the docs folder, forward slashes


def _read(file: NoteFile) -> NoteInput:
    """The file's bytes; decoding them is part of parsing (``parse.parse_one``), which may run elsewhere."""
    try:
        with open(file.abs_path, "rb") as handle:
            return RawNote(file.path, handle.read())
    except OSError:
        return read_note(file.abs_path, file.path)  # a Source that says why the file cannot be read


def build_archive(
    files: Iterable[NoteFile],
    options: ParseOptions | None = None,
    people: PeopleFile | Iterable[Person] = (),
    existing_files: Collection[str] | None = None,
    records: RecordOptions | None = None,
    today: dt.date | None = None,
    run: Runner = one_by_one,
    kept: KeptIndex | None = None,
) -> Archive:
    """Read, parse and index the notes of ``files``; images are checked against ``existing_files``.

    ``people`` is the people file: its names make headings people, its
    abbreviations open transcript turns, and it always wins in resolution.
    ``records`` says what a bare ``#123`` refers to and holds the topics file.
    ``today`` is what a date in the future is after (the real today by default).
    ``run`` parses the notes (``notecache.CachedRunner`` keeps them and uses every core); ``kept`` keeps the
    index's work on each note between builds (``indexcache.IndexCache``).
    """
    book = people if isinstance(people, PeopleFile) else PeopleFile(tuple(people))
    options = options or ParseOptions()
    if existing_files is not None:
        # Images are files that are not notes: a note added to the folder changes no other note's parse.
        images = frozenset(path for path in existing_files if not path.lower().endswith((".md", ".markdown")))
        options = replace(options, existing_files=images)
    if records is not None and records.topics.rules and not options.topics.rules:
        options = replace(options, topics=records.topics)  # its keywords mark the lines of each note
    notes = parse_notes([_read(file) for file in files], options, book, run)
    meetings = [meeting for note in notes for meeting in note.meetings]
    # a meeting's summary.md shares its date: no second meeting of the day
    checks = [
        *future_meetings(meetings, today or dt.date.today()),
        *same_day_meetings([m for m in meetings if not m.companion]),
    ]
    return build_index(notes, book.people, [*book.findings, *checks], records, kept)
