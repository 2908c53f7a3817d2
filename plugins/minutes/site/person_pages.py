"""A person's pages: who they are, how often they came, and everything they reported; no MkDocs here.

Reports are grouped by meeting, newest first, and within a meeting by the agenda item or section they
sit under (``Entry.section``), in the order of the notes. Each is shown as the fragment of its meeting
page (``fragments``), so nested lists, links and code look as they do there. Short turns of a
transcript ("Okay.", "+1", "Thanks") are counted per meeting, not listed.

However active the person, a page stays light: reports fill pages up to a budget, the newest at
``people/<id>.md`` and older ones at ``people/<id>/2.md``, ``3.md``... (``paths.person_page_path``), all
linked from each other. Every page has the person's header (attendance, first and last meeting, the
chart); the first also has their action items, decisions, topics and the meetings they attended
without a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..index import Archive
from ..model import Person, PersonEntry
from ..paths import person_page_path
from ..reading.inline import plain_text
from .charts import monthly_chart
from .pages import SUMMARY, PageSpec, meeting_ref, topic_ref, when
from .paging import HTML_PER_MARKDOWN, PAGE_BUDGET, fill, pagination
from .record_items import action_item, decision_item

# A speaker's turn of at most this many words ("Okay.", "Yes, thanks", "+1") is counted, not listed; a
# turn longer than SHORT_TURN_CHARS is not short, whatever its markup.
SHORT_TURN_WORDS = 3
SHORT_TURN_CHARS = 60
HTML_PER_ENTRY = 400
# What the first page's records weigh, each: an action item, a decision, a meeting attended without a report.
HTML_PER_RECORD = 600
TOPICS_SHOWN = 20


def is_short_turn(item: PersonEntry) -> bool:
    """A turn of a few words: worth counting, not reading."""
    text = item.entry.text
    if item.entry.source != "speaker" or len(text) > SHORT_TURN_CHARS:
        return False
    return len(plain_text(text).split()) <= SHORT_TURN_WORDS


def _weight(item: PersonEntry) -> int:
    return HTML_PER_MARKDOWN * len(item.entry.text) + HTML_PER_ENTRY


def person_pages(person: Person, archive: Archive) -> list[PageSpec]:
    """The person's pages, newest reports first; always at least one."""
    entries = archive.entries_of.get(person.id, ())
    attended = [archive.meeting(meeting_id) for meeting_id in archive.attendance.get(person.id, ())]
    by_meeting: dict[str, list[PersonEntry]] = {}
    for item in entries:
        by_meeting.setdefault(item.meeting, []).append(item)
    short = {(item.meeting, item.entry.anchor) for item in entries if is_short_turn(item)}
    newest_first = sorted(by_meeting, key=lambda m: (archive.meeting(m).date, m), reverse=True)

    # Fill pages (``paging.fill``): a meeting's reports stay together unless they alone outweigh a page.
    # The first page also holds the person's records.
    records = (
        len(archive.actions_of_person.get(person.id, ()))
        + len(archive.decisions_of_person.get(person.id, ()))
        + len([meeting for meeting in attended if meeting.id not in by_meeting])
    )
    ordered = [item for meeting_id in newest_first for item in by_meeting[meeting_id]]

    def cost(item: PersonEntry) -> int:
        return 0 if (item.meeting, item.entry.anchor) in short else _weight(item)

    chunks: list[list[tuple[str, list[PersonEntry]]]] = []
    for page in fill(ordered, cost, PAGE_BUDGET, first=HTML_PER_RECORD * records):
        chunk: list[tuple[str, list[PersonEntry]]] = []
        for item in page:
            if not chunk or chunk[-1][0] != item.meeting:
                chunk.append((item.meeting, []))
            chunk[-1][1].append(item)
        chunks.append(chunk)

    header = _header(person, archive, entries, attended)
    paths = [person_page_path(person.id, number) for number in range(1, len(chunks) + 1)]
    spans = [
        {
            "path": path,
            "newest": when(archive.meeting(chunk[0][0])) if chunk else None,
            "oldest": when(archive.meeting(chunk[-1][0])) if chunk else None,
        }
        for path, chunk in zip(paths, chunks, strict=True)
    ]
    pages = []
    for number, chunk in enumerate(chunks, 1):
        context: dict[str, Any] = {
            **header,
            # each page's path and the dates of its newest and oldest meeting
            "pages": pagination(paths, number, spans),
            "reports": [_meeting_reports(meeting_id, items, archive, short) for meeting_id, items in chunk],
        }
        if number == 1:
            context.update(_records(person, archive, by_meeting, attended))
        shown = tuple(
            (item.meeting, item.entry.anchor)
            for _, items in chunk
            for item in items
            if (item.meeting, item.entry.anchor) not in short
        )
        pages.append(
            PageSpec(paths[number - 1], "person", "minutes/person.html", person.name, context=context, fragments=shown)
        )
    owned = tuple((item["meeting"]["id"], item["anchor"]) for item in pages[0].context.get("actions", ()))
    pages[0] = replace(pages[0], fragments=pages[0].fragments + owned)
    return pages


def _header(person: Person, archive: Archive, entries: Sequence[PersonEntry], attended: list[Any]) -> dict[str, Any]:
    return {
        "person": {
            "id": person.id,
            "name": person.name,
            "aliases": list(person.aliases),
            "handles": list(person.handles),
            "abbreviations": list(person.abbreviations),
            "affiliation": person.affiliation,
            "avatar": person.avatar,
        },
        "attendance": {
            "count": len(attended),
            "first": meeting_ref(attended[0], archive) if attended else None,
            "last": meeting_ref(attended[-1], archive) if attended else None,
        },
        "report_count": len(entries),
        "chart": monthly_chart(meeting.date for meeting in attended),
    }


def _meeting_reports(
    meeting_id: str, items: list[PersonEntry], archive: Archive, short_turns: set[tuple[str, str]]
) -> dict[str, Any]:
    """One meeting's reports of the person, by section, in the order of the notes; short turns counted."""
    sections: list[dict[str, Any]] = []
    short = [item for item in items if (meeting_id, item.entry.anchor) in short_turns]
    for item in items:
        if (meeting_id, item.entry.anchor) in short_turns:
            continue
        if not sections or sections[-1]["name"] != item.entry.section:
            sections.append({"name": item.entry.section, "entries": []})
        sections[-1]["entries"].append(
            {
                "meeting": meeting_id,
                "anchor": item.entry.anchor,
                "source": item.entry.source,
                "line": item.entry.line,
                "text": item.entry.text,  # as written: what the page shows where its meeting page has no anchor
            }
        )
    return {
        "meeting": meeting_ref(archive.meeting(meeting_id), archive),
        "sections": sections,
        "short": {"count": len(short), "anchor": short[0].entry.anchor if short else ""},
    }


def _records(
    person: Person, archive: Archive, by_meeting: dict[str, list[PersonEntry]], attended: list[Any]
) -> dict[str, Any]:
    """The first page's action items (open first), decisions, topics and meetings without a report."""
    silent = []
    for meeting in reversed(attended):
        if meeting.id in by_meeting:
            continue
        roles = archive.roles.get(meeting.id, {}).get(person.id, ())
        silent.append({"meeting": meeting_ref(meeting, archive), "roles": list(roles)})
    return {
        "actions": [action_item(action, archive) for action in archive.actions_of_person.get(person.id, ())],
        "decisions": [
            {**decision_item(decision, archive), "summary": plain_text(decision.text, SUMMARY)}
            for decision in archive.decisions_of_person.get(person.id, ())
        ],
        "topics": [
            {"topic": topic_ref(topic_id, archive), "count": count}
            for topic_id, count in archive.topics_of_person.get(person.id, ())[:TOPICS_SHOWN]
        ],
        "silent": silent,
    }
