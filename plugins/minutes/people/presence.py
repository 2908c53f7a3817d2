"""Who one meeting names, and how, once people are resolved: its attendees, the entries of each, their roles
(``attendee``, ``heading``, ``owner``...) and what the note says of their attendance (``excused``).

``presence_of`` reads one meeting; the index gathers every meeting's into the archive's ``attendees``,
``attendance``, ``entries``, ``roles`` and ``statuses``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from ..model import Meeting
from .resolve import Asked


class Presence(NamedTuple):
    """The people of one meeting."""

    attendees: tuple[str, ...]  # person ids, as the note first names them
    roles: dict[str, tuple[str, ...]]  # person id -> how the note names them there
    statuses: dict[str, str]  # person id -> what the note says of their attendance
    entries: tuple[tuple[str, int], ...]  # (person id, position in ``meeting.entries``) of each entry of someone


def presence_of(meeting: Meeting, resolution: Asked) -> Presence:
    """The meeting's people, resolved: who attended, who reported what, how the note names them."""
    kinds: dict[str, list[str]] = defaultdict(list)
    said: dict[str, list[str]] = defaultdict(list)
    for mention in meeting.mentions:
        person_id = resolution.person_of(mention)
        if person_id is not None and mention.kind not in kinds[person_id]:
            kinds[person_id].append(mention.kind)
        if person_id is not None and mention.status and mention.status not in said[person_id]:
            said[person_id].append(mention.status)
    # in this meeting, a first name is whom its handle there makes it ("Priya @pnair" and "### Priya")
    here = {m.name: resolution.person_of(m) for m in sorted(meeting.mentions, key=lambda m: bool(m.handle))}
    for name in meeting.attendees:  # names of meetings made without mentions
        person_id = here.get(name) or resolution.by_name(name) or resolution.lookup(name)
        if person_id is not None and person_id not in kinds:
            kinds[person_id].append("attendee")
    entries = []
    for position, entry in enumerate(meeting.entries):
        person_id = here.get(entry.name) or resolution.by_name(entry.name) or resolution.lookup(entry.name)
        if person_id is not None:
            entries.append((person_id, position))
            if entry.source not in kinds[person_id]:
                kinds[person_id].append(entry.source)
    # Listed as absent and nowhere as present: their update, sent ahead, does not make them attend.
    attendees = tuple(
        person_id
        for person_id, found in kinds.items()
        if any(kind != "absent" for kind in found) and ("absent" not in found or "attendee" in found)
    )
    return Presence(
        attendees,
        {person_id: tuple(found) for person_id, found in kinds.items() if found},
        {person_id: ", ".join(found) for person_id, found in said.items()},
        tuple(entries),
    )
