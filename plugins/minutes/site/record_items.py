"""A decision and an action item as every page lists them, and the filters of the pages that list them.

Produces the typed contexts the templates render for one record (``DecisionItem``, ``ActionEntry``): its
meeting, anchor (its text is the fragment of its meeting page, ``fragments``), topics, people or owners,
status and how it was found; the filters (``choices``, ``found_filter``) and fragments of a list of them.
The decisions log, the actions pages, the topic pages and the person pages all list records so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

from ..index import Archive
from ..model import ActionItem, Decision
from ..slugs import fold
from .pages import meeting_ref, person_ref, topic_ref

# How a record was found, as the filters of the decisions log and the actions page choose it: labelled
# by the notes (a section, a label, a marker) or read from a plain sentence by the classifier.
FOUND = {True: "explicit", False: "inferred"}
# A record read from the text below the confidence the site shows: listed (hidden) only on the decisions log
# and the actions page, shown when their filter asks for it.
CANDIDATE = "candidate"


class DecisionItem(TypedDict):
    id: str
    meeting: dict[str, Any]  # pages.meeting_ref
    anchor: str
    text: str  # as written
    subject: str  # what it answers, when its words do not say: "" or "Vote on the charter"
    agenda: str
    topics: list[dict[str, str]]
    people: list[dict[str, str]]
    year: int
    cue: str  # why it was taken: a section or label of the notes, or the classifier's cue
    confidence: float
    found: str  # explicit, inferred or candidate


class ActionEntry(TypedDict):
    id: str
    meeting: dict[str, Any]
    anchor: str
    text: str  # as written
    subject: str
    status: str
    owners: list[dict[str, str]]
    names: list[str]
    open_for: int
    age: int  # days open, to the archive's latest meeting
    done_in: dict[str, Any] | None
    cue: str
    confidence: float
    found: str


def decision_item(decision: Decision, archive: Archive) -> DecisionItem:
    """A decision: where it was taken, its agenda item, topics and people; its text is its fragment."""
    meeting = archive.meeting(decision.meeting)
    return {
        "id": decision.id,
        "meeting": meeting_ref(meeting, archive),
        "anchor": decision.anchor,
        "text": decision.text,
        "subject": decision.subject,
        "agenda": decision.topic,
        "topics": [topic_ref(t, archive) for t in decision.topics if _has_topic(archive, t)],
        "people": [person_ref(p, archive) for p in decision.people],
        "year": meeting.date.year,
        "cue": decision.cue,
        "confidence": decision.confidence,
        "found": found_as(decision),
    }


def _has_topic(archive: Archive, topic_id: str) -> bool:
    try:
        archive.topic(topic_id)
    except KeyError:
        return False
    return True


def action_item(action: ActionItem, archive: Archive) -> ActionEntry:
    """An action item: its meeting, owners, status and how long it has been open."""
    done_in = archive.meeting(action.done_in) if action.done_in and action.done_in != action.meeting else None
    return {
        "id": action.id,
        "meeting": meeting_ref(archive.meeting(action.meeting), archive),
        "anchor": action.anchor,
        "text": action.text,
        "subject": action.subject,
        "status": action.status,
        "owners": [person_ref(p, archive) for p in action.owners],
        "names": list(action.names),
        "open_for": action.open_for,
        "age": action.age,
        "done_in": meeting_ref(done_in, archive) if done_in else None,
        "cue": action.cue,
        "confidence": action.confidence,
        "found": found_as(action),
    }


def found_as(record: Decision | ActionItem) -> str:
    """How a record was found: ``explicit``, ``inferred``, or ``candidate`` for one the site does not show."""
    return CANDIDATE if record.candidate else FOUND[record.explicit]


def fragments(items: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, str], ...]:
    """The (meeting id, anchor) of each record listed: the fragments of meeting pages a page shows."""
    return tuple(dict.fromkeys((item["meeting"]["id"], item["anchor"]) for item in items))


def choices(key: str, options: Iterable[tuple[str, str]]) -> dict[str, object]:
    """A filter: its key and its (value, name) options, by name (years newest first)."""
    ordered = sorted(set(options), key=lambda option: (fold(option[1]), option[0]))
    if key == "year":
        ordered.reverse()
    return {"key": key, "options": [list(option) for option in ordered]}


def found_filter(found: Iterable[str]) -> dict[str, object]:
    """The filter on how records were found; the template names its values. ``candidate``, when there are
    any, is the one value that shows records otherwise hidden (``assets/minutes/filter.js``)."""
    present = set(found)
    values = [*FOUND.values(), CANDIDATE]
    return {"key": "found", "options": [[value, value] for value in values if value in present]}
