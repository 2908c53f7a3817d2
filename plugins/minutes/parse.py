"""Parsing notes: one note's text into its meetings, each with who said what in it and what it decided.

Produces a ``ParsedNote`` per note: its ``Meeting``s and findings. The per-note half of the pipeline,
which needs nothing of the other notes, in the order ``parse_note`` calls its steps: ``reading.body``
reads the note's body once (front matter, blocks, repairs, checks), ``reading.dating`` finds which parts
of it are meetings and of what days (``reading.logs`` for running logs), ``reading.meetings`` names them
(titles, series, addresses); for each meeting, ``people.attribution`` finds who is named and who said
what, and ``records.extract`` its decisions, action items, topics and references. A transcript may use
abbreviations that its own meeting does not define but other meetings' attendee tables do:
``parse_notes`` parses those notes again, knowing them. What joins the notes (people resolved across
spellings, action items followed across meetings) is the index's work.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from .findings import Finding
from .model import Meeting, ParsedNote
from .people.attribution import attribute, front_matter_mentions
from .people.people_file import PeopleFile
from .reading.blocks import Document
from .reading.body import Body, Unread, read_body
from .reading.dating import date_note
from .reading.duplicates import with_duplicates_reported
from .reading.inline import heading_slugger, strip_markup
from .reading.meetings import MeetingSlice, meetings_of
from .reading.source import Source, decode_note
from .records.extract import meeting_records
from .records.topics import KeywordMatcher, TopicRule, TopicsFile
from .slugs import fold
from .vocabulary import SECTION_WORDS

DEFAULT_HEADING_ID = heading_slugger()  # Python-Markdown's own toc slugs


@dataclass(frozen=True)
class ParseOptions:
    default_series: str = "meetings"
    not_people: frozenset[str] = SECTION_WORDS
    known_people: frozenset[str] = frozenset()  # folded names
    abbreviations: tuple[tuple[str, str], ...] = ()  # abbreviation -> name, from the people file or other tables
    sanitize: bool = True  # the site sanitizes HTML: report the raw HTML it will remove
    topics: TopicsFile = field(default_factory=TopicsFile)  # the topics file, whose keywords mark lines
    # The id a heading gets on the page, as the site's toc makes it (an anchor must not take it).
    heading_id: Callable[[str], str] = field(default=DEFAULT_HEADING_ID, compare=False)
    existing_files: frozenset[str] | None = None  # the docs folder's files, that images are checked against
    heading_key: str = ""  # what ``heading_id`` is, for the cache: the site's toc settings ("" for the default)

    @cached_property
    def fingerprint(self) -> str:
        """What the parse of a note depends on besides its bytes: two options with one fingerprint parse alike."""
        parts = [
            self.default_series,
            sorted(self.not_people),
            sorted(self.known_people),
            list(self.abbreviations),
            self.sanitize,
            [(rule.name, rule.pattern.pattern) for rule in self.topics.rules],
            self.heading_key,
            sorted(self.existing_files) if self.existing_files is not None else None,
        ]
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def parse_note(source: Source, options: ParseOptions = ParseOptions()) -> ParsedNote:
    """Parse one note into its meetings, with findings for everything doubtful: its body read, its meetings
    dated and named, then each meeting's people and records."""
    body = read_body(source, options.sanitize, options.existing_files)
    if isinstance(body, Unread):
        return ParsedNote(body.path, (), body.findings, skipped=body.skipped)
    dated = date_note(body)
    unknown: set[str] = set()
    uncorroborated: set[str] = set()
    meetings = tuple(
        _meeting(body, found, options, unknown, uncorroborated)
        for found in meetings_of(body, dated, options.default_series)
    )
    return ParsedNote(
        body.path,
        meetings,
        (*body.findings, *dated.findings),
        dated.running_log,
        frozenset(unknown),
        uncorroborated=frozenset(uncorroborated),
        skipped=dated.skipped,
    )


@lru_cache(maxsize=8)
def _matcher(rules: tuple[TopicRule, ...]) -> KeywordMatcher:
    """One compiled matcher per topics file, not one per note."""
    return KeywordMatcher(rules)


def _meeting(
    body: Body, found: MeetingSlice, options: ParseOptions, unknown: set[str], uncorroborated: set[str]
) -> Meeting:
    """One meeting of the note: its part of the note, who is named in it and what it records."""
    front = body.front
    document = body.document.slice(found.start, found.end)
    first_line = document.first_line
    attribution = attribute(document, options.known_people, options.not_people, dict(options.abbreviations))
    unknown.update(attribution.unknown_speakers)
    uncorroborated.update(attribution.uncorroborated)
    known = frozenset(
        fold(label)
        for mention in attribution.mentions
        for label in (mention.name, mention.name.split(" ")[0], mention.handle, mention.abbreviation)
        if label
    )
    lists_attendees = any(mention.kind in ("attendee", "absent") for mention in attribution.mentions)
    records, lines = meeting_records(
        document,
        attribution.entries,
        attribution.lines,
        options.heading_id,
        _matcher(options.topics.rules),
        known,
        lists_attendees,
    )
    title = found.title  # "" when the note gives none: the templates say "<series> meeting" (partials/words.html)
    listed = front_matter_mentions(front.attendees, front.attendees_line)
    attendees = tuple(dict.fromkeys([*(mention.label for mention in listed), *attribution.named]))
    return Meeting(
        id=found.id,
        slug=found.slug,
        series=found.series,
        series_name=found.series_name,
        date=found.date,
        end_date=found.end_date,
        title=title,
        source=body.path,
        source_line=first_line,
        end_line=body.offset + found.end,
        content=document.markdown(_without_title(lines, title, document)),
        page_path=found.page_path,
        attendees=attendees,
        tags=front.tags,
        entries=attribution.entries,
        mentions=(*listed, *attribution.mentions),
        location=front.location,
        draft=front.draft,
        records=records,
        precision="month" if found.precision == "month" else "day",
        companion=found.companion,
        extra=dict(front.extra),
    )


def _without_title(lines: list[str], title: str, document: Document) -> list[str]:
    """The meeting's lines without a first heading that says what the page's header says already: a
    ``# Title``, or the dated heading of a running log's section.

    The line is blanked, not removed, so that the page's lines stay those of the note.
    """
    first = next((index for index, line in enumerate(lines) if line.strip()), None) if title else None
    heading = document.heading_at(first) if first is not None else None
    if first is None or heading is None or heading.setext:
        return lines
    if fold(strip_markup(heading.text)) != fold(strip_markup(title)):
        return lines
    return [*lines[:first], "", *lines[first + 1 :]]


@dataclass(frozen=True)
class RawNote:
    """A note file's bytes, not decoded yet: decoding (and its repairs) is part of parsing, wherever that runs."""

    path: str  # relative to the docs folder, forward slashes
    data: bytes


NoteInput = Source | RawNote
# How a batch of notes is parsed, each with its options: one after the other by default, or cached, or in a pool.
Runner = Callable[[list[tuple[NoteInput, "ParseOptions"]]], list[ParsedNote]]


def parse_one(note: NoteInput, options: ParseOptions) -> ParsedNote:
    """Decode (if need be) and parse one note; a bug of ours is reported against the note (``_parse``)."""
    return _parse(decode_note(note.path, note.data) if isinstance(note, RawNote) else note, options)


def one_by_one(jobs: list[tuple[NoteInput, ParseOptions]]) -> list[ParsedNote]:
    return [parse_one(note, options) for note, options in jobs]


def parse_notes(
    sources: Sequence[NoteInput],
    options: ParseOptions | None = None,
    book: PeopleFile | None = None,
    run: Runner = one_by_one,
) -> list[ParsedNote]:
    """Parse ``sources`` knowing the people file, and the abbreviations every attendee table defines.

    A transcript may use abbreviations that its own meeting does not define but other meetings' attendee
    tables do: those notes are parsed again, knowing them. ``run`` parses a batch (``archive`` caches).
    """
    book = book or PeopleFile()
    options = options or ParseOptions()
    options = replace(
        options,
        known_people=options.known_people | book.known_names,
        abbreviations=(*options.abbreviations, *book.abbreviations),
    )
    notes = run([(source, options) for source in sources])
    defined = defined_abbreviations(notes)
    people = named_people(notes)
    again: list[int] = []
    jobs = []
    for position, note in enumerate(notes):
        wanted = sorted(note.unknown_speakers & defined.keys())
        # Name headings that this note alone did not show to be people, named as people elsewhere in the archive.
        recognised = note.uncorroborated & people
        if wanted or recognised:
            more = tuple((abbreviation, defined[abbreviation]) for abbreviation in wanted)
            again.append(position)
            more_options = replace(
                options, abbreviations=(*more, *options.abbreviations), known_people=options.known_people | recognised
            )
            jobs.append((sources[position], more_options))
    for position, note in zip(again, run(jobs) if jobs else [], strict=True):
        notes[position] = note
    return with_duplicates_reported(notes)


# Ways of naming a person that say they are one: what makes a round of name headings elsewhere a round of reports.
_PEOPLE_POSITIONS = frozenset(["attendee", "absent", "name-tag", "speaker", "leader", "front-matter"])


def named_people(notes: Iterable[ParsedNote]) -> frozenset[str]:
    """Folded names (and first names of full names) that the notes give in a people position."""
    found: set[str] = set()
    for note in notes:
        for meeting in note.meetings:
            for mention in meeting.mentions:
                if mention.name and mention.kind in _PEOPLE_POSITIONS:
                    folded = fold(mention.name)
                    found.add(folded)
                    if " " in folded:
                        found.add(folded.split()[0])
    return frozenset(found)


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
