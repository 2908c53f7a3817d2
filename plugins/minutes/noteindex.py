"""The index's work kept from one build to the next: each note's part, the people, each series' action items.

Once people are resolved across the archive, the index reads each meeting on its own: who it names and how
(``people.presence``, ``people.new_names``, ``people.review``), and its records with people resolved
(``records.join.join_meeting``). What it makes of a note's meetings depends on the note (its key in the note
cache: its bytes, path and parse options), on where the index placed its meetings (their ids, pages and
dates), on the default repository, and on the answers the resolution of people gave to what was asked of it.
A ``NoteIndex`` keeps the answers with the work (``people.resolve.Asked``): a kept one is used again while the
archive's resolution gives the same answers, whatever else changed. The people are resolved again only when a
note changed (``kept_or_resolved``), and a series' action items followed again only when one of its notes' parts
was made again (``kept_or_followed``). The other steps across meetings (gathering topics and references, each
person's pages) run again over the whole archive, from the parts: they are merges, not reading.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from .model import ActionItem, Meeting, Person
from .people.new_names import Named, named_in
from .people.presence import Presence, presence_of
from .people.resolve import Asked, Resolution, gives, resolve_people
from .people.review import Seen, seen_in
from .people.spellings import Node
from .records.join import JoinedMeeting, follow_actions, join_meeting


@dataclass(frozen=True)
class MeetingIndex:
    """What the index makes of one meeting on its own."""

    presence: Presence | None  # None for a companion page, which makes nobody attend anything
    named: tuple[Named, ...]  # for the new names' review
    seen: tuple[Seen, ...]  # for the people review
    joined: JoinedMeeting  # its records, people resolved


@dataclass(frozen=True)
class NoteIndex:
    """What the index makes of the meetings of one note, and the answers of the resolution it was made with."""

    meetings: dict[str, MeetingIndex]  # by meeting id
    nodes: tuple[tuple[Node, str | None], ...]  # name node asked -> person id
    names: tuple[tuple[str, str | None], ...]  # spelling asked of ``Resolution.by_name`` -> person id
    made: str = ""  # what it was made of, its key and the answers (equal ones are equal parts); "" if not kept

    def holds(self, resolution: Resolution) -> bool:
        """Whether the part is what ``resolution`` would make of the note again."""
        return gives(resolution, self.nodes, self.names)


class KeptIndex(Protocol):
    """Where the index keeps its work between builds, by key (``indexcache.IndexCache``): notes' parts, the
    resolution of people of an archive, series' action items."""

    def key_of(self, path: str) -> str | None:
        """The note's key in the note cache, as it was last parsed (None: not known, its part is not kept)."""

    def get(self, key: str) -> object | None: ...

    def put(self, key: str, value: object) -> None: ...


@dataclass(frozen=True)
class PlacedNote:
    """The meetings of one note as the index placed them, each by its position in the note, and the key its
    part is kept by (None: it is not kept)."""

    path: str
    meetings: tuple[tuple[int, Meeting], ...]
    key: str | None


def index_note(
    meetings: Sequence[Meeting], resolution: Resolution, default_repository: str = "", key: str | None = None
) -> NoteIndex:
    """What the index makes of ``meetings`` (one note's), people resolved by ``resolution``; ``key`` is the key it
    is kept by, if it is."""
    asked = Asked(resolution)
    parts = {
        meeting.id: MeetingIndex(
            presence=None if meeting.companion else presence_of(meeting, asked),
            named=named_in(meeting, asked.node),
            seen=seen_in(meeting, asked.node),
            joined=join_meeting(meeting, asked.find, default_repository),
        )
        for meeting in meetings
    }
    nodes, names = tuple(asked.nodes.items()), tuple(asked.names.items())
    made = hashlib.sha256(repr((key, nodes, names)).encode("utf-8")).hexdigest() if key is not None else ""
    return NoteIndex(parts, nodes, names, made)


def placed_notes(
    meetings: Sequence[Meeting], origin: Mapping[str, tuple[str, int]], default_repository: str, kept: KeptIndex | None
) -> list[PlacedNote]:
    """The meetings note by note (``origin``: meeting id -> note path and position), each note with its part's key:
    the note's key in the note cache, and what the index decided of its meetings (ids, pages, and dates, which a
    companion takes from its folder), and the default repository."""
    by_note: dict[str, list[tuple[int, Meeting]]] = defaultdict(list)
    for meeting in meetings:
        path, position = origin[meeting.id]
        by_note[path].append((position, meeting))
    notes = []
    for path, placed in by_note.items():
        placed.sort(key=lambda pair: pair[0])
        note_key = kept.key_of(path) if kept is not None else None
        if note_key is None:
            notes.append(PlacedNote(path, tuple(placed), None))
            continue
        digest = hashlib.sha256(note_key.encode("utf-8"))
        for position, meeting in placed:
            where = (position, meeting.id, meeting.slug, meeting.page_path, meeting.date, meeting.end_date)
            digest.update(repr((*where, meeting.precision, meeting.companion)).encode("utf-8"))
        digest.update(b"\0" + default_repository.encode("utf-8"))
        notes.append(PlacedNote(path, tuple(placed), "note:" + digest.hexdigest()))
    return notes


def kept_or_indexed(
    note: PlacedNote, resolution: Resolution, default_repository: str, kept: KeptIndex | None
) -> NoteIndex:
    """The part of one note: kept, if it still holds, else made (and kept)."""
    part = kept.get(note.key) if kept is not None and note.key is not None else None
    if isinstance(part, NoteIndex) and part.holds(resolution):
        return part
    part = index_note([meeting for _, meeting in note.meetings], resolution, default_repository, note.key)
    if kept is not None and note.key is not None:
        kept.put(note.key, part)
    return part


def kept_or_resolved(
    meetings: Sequence[Meeting], notes: Sequence[PlacedNote], declared: Sequence[Person], kept: KeptIndex | None
) -> Resolution:
    """The people of ``meetings`` (``people.resolve.resolve_people``): kept, when every note's part has a key and
    the notes and the people file are those it was made of, else resolved (and kept)."""
    if kept is None or any(note.key is None for note in notes):
        return resolve_people(meetings, declared)
    digest = hashlib.sha256(b"people")
    for key in sorted(note.key for note in notes if note.key is not None):
        digest.update(key.encode("utf-8"))
    digest.update(repr(tuple(declared)).encode("utf-8"))
    key = "people:" + digest.hexdigest()
    resolution = kept.get(key)
    if not isinstance(resolution, Resolution):
        resolution = resolve_people(meetings, declared)
        kept.put(key, resolution)
    return resolution


def kept_or_followed(
    series: Sequence[Meeting],
    joined: Mapping[str, JoinedMeeting],
    made: Mapping[str, str],
    stale_after: int,
    latest: dt.date | None,
    kept: KeptIndex | None,
) -> list[ActionItem]:
    """The action items of one series (``records.join.follow_actions``): kept, when its meetings and their parts
    are those they were followed in (``made``: meeting id -> ``NoteIndex.made`` of its note's part) and the
    archive's latest date the same, else followed (and kept)."""
    if kept is None or not all(made.get(meeting.id) for meeting in series):
        return follow_actions(series, joined, stale_after, latest)
    placed = [(meeting.id, made[meeting.id]) for meeting in series]
    key = "actions:" + hashlib.sha256(repr((stale_after, latest, placed)).encode("utf-8")).hexdigest()
    found = kept.get(key)
    if isinstance(found, list):
        return found
    followed = follow_actions(series, joined, stale_after, latest)
    kept.put(key, followed)
    return followed
