"""``minutes.json``: the whole model, machine-readable (SPEC section 3).

Beside SPEC's fields, each decision and action item says why it was taken: its ``cue`` ("section",
"label", "marker", "proposal", "outcome-list" when the note labels it; "agreement", "deferral",
"commitment", "answer", "assignment", "request", "task", "imperative" when its words say it), its
``confidence`` (0.5 to 1) and ``explicit`` (whether the note labels it); an action item's ``status`` is
"open", "done" or "stale" (open for longer than ``stale_after`` days), and ``age`` counts the days from its
first meeting to the archive's latest while it is not done.
"""

from __future__ import annotations

from typing import Any

from ..index import Archive
from ..paths import page_url, person_path, topic_path

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
                "topics": list(archive.meeting_topics.get(meeting.id, ())),
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
                "url": url(person_path(person.id)),
                "meetings": list(archive.attendance.get(person.id, ())),
                "entries": entries[person.id],
            }
            for person in archive.people
        ],
        "topics": [
            {
                "id": topic.id,
                "name": topic.name,
                "url": url(topic_path(topic.id)),
                "sources": list(topic.sources),
                "meetings": list(topic.meetings),
                "people": [person for person, _ in topic.people],
            }
            for topic in archive.topics
        ],
        "decisions": [
            {
                "id": decision.id,
                "meeting": decision.meeting,
                "text": decision.text,
                "topic": decision.topic,
                "people": list(decision.people),
                "topics": list(decision.topics),
                "line": decision.line,
                "kind": decision.kind,
                "cue": decision.cue,
                "confidence": decision.confidence,
                "explicit": decision.explicit,
                "url": url(archive.meeting(decision.meeting).page_path, decision.anchor),
            }
            for decision in archive.decisions
        ],
        "actions": [
            {
                "id": action.id,
                "meeting": action.meeting,
                "text": action.text,
                "owners": list(action.owners),
                "names": list(action.names),
                "status": action.status,
                "done_in": action.done_in or None,
                "open_for": action.open_for,
                "age": action.age,
                "cue": action.cue,
                "confidence": action.confidence,
                "explicit": action.explicit,
                "meetings": [meeting_id for meeting_id, _ in action.appearances],
                "line": action.line,
                "url": url(archive.meeting(action.meeting).page_path, action.anchor),
            }
            for action in archive.actions
        ],
        "references": [
            {
                "id": reference.id,
                "url": reference.url,
                "meetings": list(reference.meetings),
                "mentions": [
                    {"meeting": mention.meeting, "line": mention.line, "text": mention.text}
                    for mention in reference.mentions
                ],
            }
            for reference in archive.references
        ],
    }
