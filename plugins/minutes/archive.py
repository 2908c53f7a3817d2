"""The whole core pipeline in one call: read -> parse -> index -> records."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from .findings import Finding
from .index import Archive, build_index
from .model import Person
from .people.people_file import PeopleFile
from .reading.accounting import account
from .reading.checks import future_meetings, same_day_meetings
from .reading.duplicates import with_duplicates_reported
from .reading.meetings import ParsedNote, ParseOptions, parse_note
from .reading.source import Source, read_note
from .records.join import RecordOptions, extract_records


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
    notes = parse_notes([read_note(file.abs_path, file.path) for file in files], options, book)
    meetings = [meeting for note in notes for meeting in note.meetings]
    checks = [*future_meetings(meetings, today or dt.date.today()), *same_day_meetings(meetings)]
    archive = extract_records(build_index(notes, book.people, existing_files, [*book.findings, *checks]), records)
    return replace(archive, accounting=account(notes))


def parse_notes(
    sources: list[Source], options: ParseOptions | None = None, book: PeopleFile | None = None
) -> list[ParsedNote]:
    """Parse ``sources`` knowing the people file, and the abbreviations every attendee table defines."""
    book = book or PeopleFile()
    options = options or ParseOptions()
    options = replace(
        options,
        known_people=options.known_people | book.known_names,
        abbreviations=(*options.abbreviations, *book.abbreviations),
    )
    notes = [_parse(source, options) for source in sources]
    # A transcript may use abbreviations that its own meeting does not define but
    # other meetings' attendee tables do: parse those notes again, knowing them.
    defined = defined_abbreviations(notes)
    for position, note in enumerate(notes):
        wanted = sorted(note.unknown_speakers & defined.keys())
        if wanted:
            more = tuple((abbreviation, defined[abbreviation]) for abbreviation in wanted)
            notes[position] = _parse(sources[position], replace(options, abbreviations=(*more, *options.abbreviations)))
    return with_duplicates_reported(notes)


def _parse(source: Source, options: ParseOptions) -> ParsedNote:
    """``parse_note``, with a bug of ours reported against the note instead of failing the whole build."""
    try:
        return parse_note(source, options)
    except Exception as error:  # the note is reported, with the error, and the rest still builds
        finding = Finding(
            source.path,
            0,
            "error",
            f"skipped: the note could not be parsed ({type(error).__name__}: {error})",
            "this is a bug in the Minutes plugin: please report it with the note",
        )
        return ParsedNote(source.path, (), (*source.findings, finding), skipped="parse error")


def defined_abbreviations(notes: Iterable[ParsedNote]) -> dict[str, str]:
    """Abbreviation -> the full name attendee tables most often give it, over all notes."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for note in notes:
        for meeting in note.meetings:
            for mention in meeting.mentions:
                if mention.abbreviation and mention.name and mention.kind in ("attendee", "absent"):
                    names[mention.abbreviation][mention.name] += 1
    return {abbreviation: counts.most_common(1)[0][0] for abbreviation, counts in names.items()}
