"""Parsing notes: one note's text into its meetings, each with who said what in it.

The per-note half of the pipeline, which needs nothing of the other notes:
``reading.meetings`` finds a note's meetings (dates, titles, running logs),
``people.attribution`` finds who is named and who said what in each. A
transcript may use abbreviations that its own meeting does not define but
other meetings' attendee tables do: ``parse_notes`` parses those notes again,
knowing them. What joins the notes (people resolved across spellings, action
items followed across meetings) is the index's work.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .findings import Finding
from .model import Meeting, ParsedNote
from .people.attribution import attribute, front_matter_mentions
from .people.people_file import PeopleFile
from .reading.duplicates import with_duplicates_reported
from .reading.meetings import MeetingSlice, NoteReading, read_meetings
from .reading.source import Source
from .vocabulary import SECTION_WORDS


@dataclass(frozen=True)
class ParseOptions:
    default_series: str = "meetings"
    not_people: frozenset[str] = SECTION_WORDS
    known_people: frozenset[str] = frozenset()  # folded names
    abbreviations: tuple[tuple[str, str], ...] = ()  # abbreviation -> name, from the people file or other tables
    sanitize: bool = True  # the site sanitizes HTML: report the raw HTML it will remove


def parse_note(source: Source, options: ParseOptions = ParseOptions()) -> ParsedNote:
    """Parse one note into its meetings, with findings for everything doubtful."""
    read = read_meetings(source, options.default_series, options.sanitize)
    unknown: set[str] = set()
    meetings = tuple(_meeting(read, found, options, unknown) for found in read.meetings)
    return ParsedNote(read.path, meetings, read.findings, read.running_log, frozenset(unknown), read.skipped)


def _meeting(read: NoteReading, found: MeetingSlice, options: ParseOptions, unknown: set[str]) -> Meeting:
    front = read.front
    assert front is not None  # a note with meetings has been read
    first_line = read.offset + found.start + 1
    section = list(read.lines[found.start : found.end])
    attribution = attribute(section, first_line, options.known_people, options.not_people, dict(options.abbreviations))
    unknown.update(attribution.unknown_speakers)
    listed = front_matter_mentions(front.attendees, front.attendees_line)
    attendees = tuple(dict.fromkeys([*(mention.label for mention in listed), *attribution.named]))
    return Meeting(
        id=found.id,
        slug=found.slug,
        series=found.series,
        series_name=found.series_name,
        date=found.date,
        end_date=found.end_date,
        title=found.title or f"{found.series_name} meeting",
        source=read.path,
        source_line=first_line,
        end_line=read.offset + found.end,
        content="\n".join(attribution.lines) + "\n",
        page_path=found.page_path,
        attendees=attendees,
        tags=front.tags,
        entries=attribution.entries,
        mentions=(*listed, *attribution.mentions),
        location=front.location,
        draft=front.draft,
        extra=dict(front.extra),
    )


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
