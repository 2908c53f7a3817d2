"""``minutes.json``: the whole model, machine-readable (SPEC section 3)."""

from __future__ import annotations

from typing import Any

from .index import Archive
from .pages import page_url, person_path

SCHEMA = "minutes/1"


def archive_json(archive: Archive, use_directory_urls: bool = True) -> dict[str, Any]:
    """The archive as the JSON document of SPEC section 3."""

    def url(path: str, anchor: str = "") -> str:
        return page_url(path, use_directory_urls) + (f"#{anchor}" if anchor else "")

    entries: dict[str, list[dict[str, Any]]] = {person.id: [] for person in archive.people}
    for item in archive.entries:
        entries[item.person].append(
            {
                "meeting": item.meeting,
                "text": item.entry.text,
                "source": item.entry.source,
                "line": item.entry.line,
                "url": url(archive.meeting(item.meeting).page_path, item.entry.anchor),
            }
        )
    return {
        "schema": SCHEMA,
        "meetings": [
            {
                "id": meeting.id,
                "series": meeting.series,
                "date": meeting.date.isoformat(),
                "end_date": meeting.end_date.isoformat() if meeting.end_date else None,
                "title": meeting.title,
                "url": url(meeting.page_path),
                "source": meeting.source,
                "source_line": meeting.source_line,
                "attendees": list(archive.attendees.get(meeting.id, ())),
                "roles": {person: list(kinds) for person, kinds in archive.roles.get(meeting.id, {}).items()},
                "topics": [],
            }
            for meeting in archive.meetings
        ],
        "people": [
            {
                "id": person.id,
                "name": person.name,
                "aliases": list(person.aliases),
                "handles": list(person.handles),
                "affiliation": person.affiliation,
                "abbreviations": list(person.abbreviations),
                "avatar": person.avatar,
                "url": url(person_path(person)),
                "meetings": list(archive.attendance.get(person.id, ())),
                "entries": entries[person.id],
            }
            for person in archive.people
        ],
        "topics": [],
        "decisions": [],
        "actions": [],
        "references": [],
    }
