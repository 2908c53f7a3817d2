"""``minutes.json``: the whole model, machine-readable (SPEC section 3).

Beside SPEC's fields, each decision and action item says why it was taken: its ``cue`` ("section",
"label", "marker", "proposal", "outcome-list" when the note labels it; "agreement", "deferral",
"commitment", "answer", "assignment", "request", "task", "imperative" when its words say it), its
``confidence`` and ``explicit`` (whether the note labels it), ``shown`` (false for a *candidate*: read from
the text below the confidence the site shows, listed by ``minutes check`` until a person confirms it) and
``subject`` (the agenda item, vote or question it answers, when its own words do not say: "Approved");
an action item's ``status`` is
"open", "done" or "stale" (open for longer than ``stale_after`` days), and ``age`` counts the days from its
first meeting to the archive's latest while it is not done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..index import Archive
from ..model import ActionItem, Decision, Meeting, Person, Reference, Topic
from ..paths import page_url, person_path, topic_path
from .words import Words

SCHEMA = "minutes/1"
Url = Callable[..., str]  # url(page path, anchor="") -> site-relative URL


# What an entry's "text" holds by default: the start of it, so that the file stays smaller than the notes
# (a transcript's turns are nearly all of its text); the whole of it with ``full_text``.
EXCERPT = 200


def archive_json(
    archive: Archive, use_directory_urls: bool = True, full_text: bool = False, words: Words | None = None
) -> dict[str, Any]:
    """The archive as the JSON document of SPEC section 3.

    A person's entries refer to their meeting, line and paragraph, with the start of their text; the
    ``json_full_text`` option writes the whole text, as the notes have it. A meeting's title is the one its
    pages show (``words``: the site's templates), "<series> meeting" when the note gives none.
    """

    def url(path: str, anchor: str = "") -> str:  # site-relative
        return page_url(path, use_directory_urls) + (f"#{anchor}" if anchor else "")

    entries: dict[str, list[dict[str, Any]]] = {person.id: [] for person in archive.people}
    for item in archive.entries:
        entries[item.person].append(
            {
                "meeting": item.meeting,
                "text": item.entry.text if full_text else _excerpt(item.entry.text),
                "source": item.entry.source,
                "line": item.entry.line,
                "url": url(archive.meeting(item.meeting).page_path, item.entry.anchor),
            }
        )
    return {
        "schema": SCHEMA,
        "meetings": [_meeting_json(meeting, archive, url, words or Words()) for meeting in archive.meetings],
        "people": [_person_json(person, archive, url, entries[person.id]) for person in archive.people],
        "topics": [_topic_json(topic, url) for topic in archive.topics],
        "decisions": [
            _decision_json(decision, archive, url) for decision in (*archive.decisions, *archive.candidate_decisions)
        ],
        "actions": [_action_json(action, archive, url) for action in (*archive.actions, *archive.candidate_actions)],
        "references": [_reference_json(reference) for reference in archive.references],
        # The references page's groups: repositories, the most cited first, each with its references in order.
        "repositories": _repositories(archive),
    }


def _meeting_json(meeting: Meeting, archive: Archive, url: Url, words: Words) -> dict[str, Any]:
    """A meeting: its dates, title, address, source, people and topics."""
    return {
        "id": meeting.id,
        "series": meeting.series,
        "date": meeting.date.isoformat(),
        "end_date": meeting.end_date.isoformat() if meeting.end_date else None,
        "title": words.title(meeting),
        "url": url(meeting.page_path),
        "source": meeting.source,
        "source_line": meeting.source_line,
        "attendees": list(archive.attendees.get(meeting.id, ())),
        "roles": {person: list(kinds) for person, kinds in archive.roles.get(meeting.id, {}).items()},
        # who was listed but not there, and what the note says of anyone's attendance
        "absent": [
            person
            for person, kinds in archive.roles.get(meeting.id, {}).items()
            if "absent" in kinds and person not in archive.attendees.get(meeting.id, ())
        ],
        "status": dict(archive.statuses.get(meeting.id, {})),
        "precision": meeting.precision,
        "companion_of": list(archive.companion_of.get(meeting.id, ())),
        "companions": list(archive.companions.get(meeting.id, ())),
        "topics": list(archive.meeting_topics.get(meeting.id, ())),
    }


def _person_json(person: Person, archive: Archive, url: Url, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """A person: names, handles, meetings and entries."""
    return {
        "id": person.id,
        "name": person.name,
        "aliases": list(person.aliases),
        "handles": list(person.handles),
        "affiliation": person.affiliation,
        "abbreviations": list(person.abbreviations),
        "avatar": person.avatar,
        "url": url(person_path(person.id)),
        "meetings": list(archive.attendance.get(person.id, ())),
        "entries": entries,
    }


def _topic_json(topic: Topic, url: Url) -> dict[str, Any]:
    """A topic: its meetings and people."""
    return {
        "id": topic.id,
        "name": topic.name,
        "url": url(topic_path(topic.id)),
        "sources": list(topic.sources),
        "meetings": list(topic.meetings),
        "people": [person for person, _ in topic.people],
    }


def _decision_json(decision: Decision, archive: Archive, url: Url) -> dict[str, Any]:
    """A decision (or a candidate): where, who and about what."""
    return {
        **_record(decision, archive, url),
        "topic": decision.topic,
        "people": list(decision.people),
        "topics": list(decision.topics),
        "kind": decision.kind,
    }


def _action_json(action: ActionItem, archive: Archive, url: Url) -> dict[str, Any]:
    """An action item (or a candidate): owners, status, how long open."""
    return {
        **_record(action, archive, url),
        "owners": list(action.owners),
        "names": list(action.names),
        "status": action.status,
        "done_in": action.done_in or None,
        "open_for": action.open_for,
        "age": action.age,
        "meetings": [meeting_id for meeting_id, _ in action.appearances],
    }


def _reference_json(reference: Reference) -> dict[str, Any]:
    """An issue or pull request and the lines that cite it."""
    return {
        "id": reference.id,
        "repo": reference.repo,
        "number": reference.number,
        "url": reference.url,
        "title": reference.title,
        "meetings": list(reference.meetings),
        "mentions": [
            {"meeting": mention.meeting, "line": mention.line, "text": mention.text, "title": mention.title}
            for mention in reference.mentions
        ],
    }


def _repositories(archive: Archive) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for reference in archive.references:
        group = groups.setdefault(reference.repo, {"repo": reference.repo, "mentions": 0, "references": []})
        group["mentions"] += len(reference.mentions)
        group["references"].append(reference.id)
    return list(groups.values())


def _excerpt(text: str) -> str:
    if len(text) <= EXCERPT:
        return text
    cut = text.rfind(" ", 0, EXCERPT)
    return text[: cut if cut > EXCERPT // 2 else EXCERPT].rstrip() + "…"


def _record(record: Decision | ActionItem, archive: Archive, url: Url) -> dict[str, Any]:
    """What a decision and an action item both say: where, what, and why it was taken."""
    return {
        "id": record.id,
        "meeting": record.meeting,
        "text": record.text,
        "line": record.line,
        "subject": record.subject,
        "cue": record.cue,
        "confidence": record.confidence,
        "explicit": record.explicit,
        "shown": not record.candidate,
        "url": url(archive.meeting(record.meeting).page_path, record.anchor),
    }
