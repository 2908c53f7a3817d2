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

The file says each thing once, so that it stays smaller than the notes:

- an entry's address is said by its meeting: it names its ``meeting`` and its ``anchor``, the paragraph being at
  the meeting's ``url`` and that anchor (a decision and an action item give their ``url``, as SPEC lists); a
  reference's ``id`` is ``owner/repo#number``;
- a text is the start of it (``EXCERPT`` characters) unless ``json_full_text`` asks for the whole: an entry's,
  a record's, a citing line's;
- what only some have is left out where it is empty: a record's ``subject``, ``names`` and ``done_in``, its
  ``meetings`` when it is in no meeting but its own; a meeting's ``absent``, ``status``, ``companion_of`` and
  ``companions``; a reference's ``title``, and a citing line's when it is the reference's;
- a candidate carries what a person needs to confirm it (its meeting, line, text, cue, confidence, subject, and
  its owners or its topics and people, an action item's ``status``), not how a record the site shows is
  followed through later meetings (``explicit``, ``done_in``, ``open_for``, ``age``, ``meetings``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..index import Archive
from ..model import ActionItem, Decision, Meeting, Person, Reference, ReferenceMention, Topic
from ..paths import page_url, person_path, topic_path
from .words import Words

SCHEMA = "minutes/1"  # SPEC section 3: each field it lists is here, with the same meaning
Url = Callable[[str], str]  # url(page path) -> site-relative URL
Text = Callable[[str], str]  # the text as the file gives it: whole, or its start

# What a text holds by default: its start, so that the file stays smaller than the notes (a transcript's turns
# are nearly all of its text); the whole of it with ``full_text``.
EXCERPT = 120


def archive_json(
    archive: Archive, use_directory_urls: bool = True, full_text: bool = False, words: Words | None = None
) -> dict[str, Any]:
    """The archive as the JSON document of SPEC section 3.

    A person's entries refer to their meeting, line and paragraph, with the start of their text; the
    ``json_full_text`` option writes the whole text, as the notes have it (of records and citing lines too). A
    meeting's title is the one its pages show (``words``: the site's templates), "<series> meeting" when the
    note gives none.
    """

    def url(path: str) -> str:  # site-relative
        return page_url(path, use_directory_urls)

    def record_url(record: Decision | ActionItem) -> str:  # SPEC's "url" of a decision and an action item
        return f"{url(archive.meeting(record.meeting).page_path)}#{record.anchor}"

    text: Text = (lambda whole: whole) if full_text else excerpt
    entries: dict[str, list[dict[str, Any]]] = {person.id: [] for person in archive.people}
    for item in archive.entries:
        entries[item.person].append(
            {
                "meeting": item.meeting,
                "text": text(item.entry.text),
                "source": item.entry.source,
                "line": item.entry.line,
                "anchor": item.entry.anchor,  # the paragraph, at its meeting's url
            }
        )
    return {
        "schema": SCHEMA,
        "meetings": [_meeting_json(meeting, archive, url, words or Words()) for meeting in archive.meetings],
        "people": [_person_json(person, archive, url, entries[person.id]) for person in archive.people],
        "topics": [_topic_json(topic, url) for topic in archive.topics],
        "decisions": [
            _decision_json(item, text, record_url(item)) for item in (*archive.decisions, *archive.candidate_decisions)
        ],
        "actions": [
            _action_json(item, text, record_url(item)) for item in (*archive.actions, *archive.candidate_actions)
        ],
        "references": [_reference_json(reference, text) for reference in archive.references],
        # The references page's groups: repositories, the most cited first, each with its references in order.
        "repositories": _repositories(archive),
    }


def _meeting_json(meeting: Meeting, archive: Archive, url: Url, words: Words) -> dict[str, Any]:
    """A meeting: its dates, title, address, source, people and topics."""
    roles = archive.roles.get(meeting.id, {})
    attendees = archive.attendees.get(meeting.id, ())
    return {
        "id": meeting.id,
        "series": meeting.series,
        "date": meeting.date.isoformat(),
        "end_date": meeting.end_date.isoformat() if meeting.end_date else None,
        "title": words.title(meeting),
        "url": url(meeting.page_path),
        "source": meeting.source,
        "source_line": meeting.source_line,
        "attendees": list(attendees),
        "roles": {person: list(kinds) for person, kinds in roles.items()},
        **_present(
            # who was listed but not there, and what the note says of anyone's attendance
            absent=[person for person, kinds in roles.items() if "absent" in kinds and person not in attendees],
            status=dict(archive.statuses.get(meeting.id, {})),
            companion_of=list(archive.companion_of.get(meeting.id, ())),
            companions=list(archive.companions.get(meeting.id, ())),
        ),
        "precision": meeting.precision,
        "topics": list(archive.meeting_topics.get(meeting.id, ())),
    }


def _present(**fields: Any) -> dict[str, Any]:
    """The fields that hold something: what only some items have is left out where it is empty."""
    return {key: value for key, value in fields.items() if value}


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


def _decision_json(decision: Decision, text: Text, url: str) -> dict[str, Any]:
    """A decision (or a candidate): where, who and about what."""
    return {
        **_record(decision, text, url),
        "topic": decision.topic,
        "people": list(decision.people),
        "topics": list(decision.topics),
        "kind": decision.kind,
    }


def _action_json(action: ActionItem, text: Text, url: str) -> dict[str, Any]:
    """An action item (or a candidate): owners, status, how long open."""
    owners = {"owners": list(action.owners), **_present(names=list(action.names))}
    if action.candidate:
        return {**_record(action, text, url), **owners, "status": action.status}
    later = [meeting_id for meeting_id, _ in action.appearances]
    return {
        **_record(action, text, url),
        **owners,
        "status": action.status,
        **_present(done_in=action.done_in, meetings=later if later != [action.meeting] else []),
        "open_for": action.open_for,
        "age": action.age,
    }


def _record(record: Decision | ActionItem, text: Text, url: str) -> dict[str, Any]:
    """What a decision and an action item both say: where, what, and why it was taken."""
    return {
        "id": record.id,  # its meeting's id, "#", its anchor
        "meeting": record.meeting,
        "url": url,
        "text": text(record.text),
        "line": record.line,
        **_present(subject=record.subject),
        "cue": record.cue,
        "confidence": record.confidence,
        **({} if record.candidate else {"explicit": record.explicit}),
        "shown": not record.candidate,
    }


def _reference_json(reference: Reference, text: Text) -> dict[str, Any]:
    """An issue or pull request and the lines that cite it."""
    return {
        "id": reference.id,
        "url": reference.url,
        **_present(title=reference.title),
        "meetings": list(reference.meetings),
        "mentions": [_mention_json(mention, reference, text) for mention in reference.mentions],
    }


def _mention_json(mention: ReferenceMention, reference: Reference, text: Text) -> dict[str, Any]:
    """A line that cites a reference, with the title it gives the link when that is not the reference's own."""
    title = mention.title if mention.title != reference.title else ""
    return {"meeting": mention.meeting, "line": mention.line, "text": text(mention.text), **_present(title=title)}


def _repositories(archive: Archive) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for reference in archive.references:
        group = groups.setdefault(reference.repo, {"repo": reference.repo, "mentions": 0, "references": []})
        group["mentions"] += len(reference.mentions)
        group["references"].append(reference.id)
    return list(groups.values())


def excerpt(text: str) -> str:
    """The start of ``text``, cut at a word, with "…"; the whole of it when it is short."""
    if len(text) <= EXCERPT:
        return text
    cut = text.rfind(" ", 0, EXCERPT)
    return text[: cut if cut > EXCERPT // 2 else EXCERPT].rstrip() + "…"
