"""The index's work on one note, kept from one build to the next: most of the index, redone only where notes changed.

Once people are resolved across the archive, the index reads each meeting on its own: who it names and how
(``people.presence``, ``people.new_names``, ``people.review``), and its records with people resolved
(``records.join.join_meeting``). What it makes of a note's meetings depends on the note (its key in the note
cache: its bytes, path and parse options), on where the index placed its meetings (their ids, pages and
dates), on the default repository, and on the answers the resolution of people gave to what was asked of it.
A ``NoteIndex`` keeps the answers with the work (``people.resolve.Asked``): a kept one is used again while the
archive's resolution gives the same answers, whatever else changed. Only the steps across meetings (following
action items, gathering topics and references, each person's pages) run again over the whole archive, from
the parts; they are merges, not reading.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .model import Meeting
from .people.new_names import Named, named_in
from .people.presence import Presence, presence_of
from .people.resolve import Asked, Node, Resolution, gives
from .people.review import Seen, seen_in
from .records.join import JoinedMeeting, join_meeting


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

    def holds(self, resolution: Resolution) -> bool:
        """Whether the part is what ``resolution`` would make of the note again."""
        return gives(resolution, self.nodes, self.names)


class KeptIndex(Protocol):
    """Where notes' parts are kept between builds (``indexcache.IndexCache``)."""

    def key_of(self, path: str) -> str | None:
        """The note's key in the note cache, as it was last parsed (None: not known, the part is not kept)."""

    def get(self, key: str) -> NoteIndex | None: ...

    def put(self, key: str, part: NoteIndex) -> None: ...


def index_note(meetings: Sequence[Meeting], resolution: Resolution, default_repository: str = "") -> NoteIndex:
    """What the index makes of ``meetings`` (one note's), people resolved by ``resolution``."""
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
    return NoteIndex(parts, tuple(asked.nodes.items()), tuple(asked.names.items()))


def part_key(note_key: str, meetings: Sequence[tuple[int, Meeting]], default_repository: str) -> str:
    """The key of a note's part: the note's key in the note cache, and what the index decided of its meetings
    (each by its position in the note: its id, page, and dates, which a companion takes from its folder)."""
    digest = hashlib.sha256(note_key.encode("utf-8"))
    for position, meeting in meetings:
        placed = (position, meeting.id, meeting.slug, meeting.page_path, meeting.date, meeting.end_date)
        digest.update(repr((*placed, meeting.precision, meeting.companion)).encode("utf-8"))
    digest.update(b"\0" + default_repository.encode("utf-8"))
    return digest.hexdigest()


def kept_or_indexed(
    note_key: str | None,
    meetings: Sequence[tuple[int, Meeting]],
    resolution: Resolution,
    default_repository: str,
    kept: KeptIndex | None,
) -> NoteIndex:
    """The part of one note (``meetings`` by their position in it): kept, if it still holds, else made (and kept)."""
    if kept is None or note_key is None:
        return index_note([meeting for _, meeting in meetings], resolution, default_repository)
    key = part_key(note_key, meetings, default_repository)
    part = kept.get(key)
    if part is None or not part.holds(resolution):
        part = index_note([meeting for _, meeting in meetings], resolution, default_repository)
        kept.put(key, part)
    return part
