"""The pages of decisions, action items, topics and references, as structured data; no MkDocs here.

Like ``pages``, every page is a ``PageSpec`` whose template renders its ``context``; decisions and
action items are shown as the fragments of their meeting pages (``fragments``). Each decision of the
log carries its series, year, topics and people, which the template writes as ``data-`` attributes
for the filter script (``assets/minutes/filter.js``): filtering needs no server.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..index import Archive
from ..model import ActionItem, Decision, Topic
from ..paths import ACTIONS, DECISIONS, REFERENCES, TOPICS, topic_path
from ..slugs import fold
from .charts import monthly_chart
from .pages import PageSpec, meeting_ref, person_ref, topic_ref, when

TOPIC_EXCERPTS = 3  # excerpts of one meeting shown on a topic page
TOPIC_PEOPLE = 12
# How a record was found, as the filters of the decisions log and the actions page choose it: labelled
# by the notes (a section, a label, a marker) or read from a plain sentence by the classifier.
FOUND = {True: "explicit", False: "inferred"}


def record_pages(archive: Archive) -> list[PageSpec]:
    """The decisions log, the action items, the topics and the references."""
    pages = [decisions_page(archive), actions_page(archive), topics_index(archive), references_page(archive)]
    decisions_of: dict[str, list[Decision]] = defaultdict(list)
    for decision in archive.decisions:
        for topic_id in decision.topics:
            decisions_of[topic_id].append(decision)
    pages.extend(topic_page(topic, archive, decisions_of.get(topic.id, [])) for topic in archive.topics)
    return pages


def decision_item(decision: Decision, archive: Archive) -> dict[str, Any]:
    """A decision: where it was taken, its agenda item, topics and people; its text is its fragment."""
    meeting = archive.meeting(decision.meeting)
    return {
        "id": decision.id,
        "meeting": meeting_ref(meeting, archive),
        "anchor": decision.anchor,
        "text": decision.text,  # as written
        "agenda": decision.topic,
        "topics": [topic_ref(t, archive) for t in decision.topics if _has_topic(archive, t)],
        "people": [person_ref(p, archive) for p in decision.people],
        "year": meeting.date.year,
        "cue": decision.cue,  # why it was taken: a section or label of the notes, or the classifier's cue
        "confidence": decision.confidence,
        "found": FOUND[decision.explicit],
    }


def _has_topic(archive: Archive, topic_id: str) -> bool:
    try:
        archive.topic(topic_id)
    except KeyError:
        return False
    return True


def action_item(action: ActionItem, archive: Archive) -> dict[str, Any]:
    """An action item: its meeting, owners, status and how long it has been open."""
    done_in = archive.meeting(action.done_in) if action.done_in and action.done_in != action.meeting else None
    return {
        "id": action.id,
        "meeting": meeting_ref(archive.meeting(action.meeting), archive),
        "anchor": action.anchor,
        "text": action.text,  # as written
        "status": action.status,
        "owners": [person_ref(p, archive) for p in action.owners],
        "names": list(action.names),
        "open_for": action.open_for,
        "age": action.age,  # days open, to the archive's latest meeting
        "done_in": meeting_ref(done_in, archive) if done_in else None,
        "cue": action.cue,
        "confidence": action.confidence,
        "found": FOUND[action.explicit],
    }


def _fragments(items: Iterable[dict[str, Any]]) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys((item["meeting"]["id"], item["anchor"]) for item in items))


def decisions_page(archive: Archive) -> PageSpec:
    """Every decision, newest first, grouped by year; the template adds the filters."""
    decisions = sorted(
        archive.decisions, key=lambda d: (archive.meeting(d.meeting).date, d.meeting, d.line), reverse=True
    )
    years: list[dict[str, Any]] = []
    items = []
    for decision in decisions:
        item = decision_item(decision, archive)
        items.append(item)
        if not years or years[-1]["year"] != item["year"]:
            years.append({"year": item["year"], "decisions": []})
        years[-1]["decisions"].append(item)
    meetings = {decision.meeting for decision in decisions}
    topics = {topic_id for decision in decisions for topic_id in decision.topics}
    people = {person_id for decision in decisions for person_id in decision.people}
    series = {archive.meeting(meeting_id).series for meeting_id in meetings}
    context = {
        "count": len(decisions),
        "meetings": len(meetings),
        "years": years,
        "filters": [
            _choices("series", ((s, archive.series[s].name) for s in series)),
            _choices("year", ((str(y), str(y)) for y in {archive.meeting(m).date.year for m in meetings})),
            _choices("topics", ((t.id, t.name) for t in archive.topics if t.id in topics)),
            _choices("people", ((p.id, p.name) for p in archive.people if p.id in people)),
            _found(item["found"] for item in items),
        ],
    }
    return PageSpec(
        DECISIONS, "decisions", "minutes/decisions.html", in_nav=True, context=context, fragments=_fragments(items)
    )


def _choices(key: str, options: Iterable[tuple[str, str]]) -> dict[str, object]:
    ordered = sorted(set(options), key=lambda option: (fold(option[1]), option[0]))
    if key == "year":
        ordered.reverse()
    return {"key": key, "options": [list(option) for option in ordered]}


def _found(found: Iterable[str]) -> dict[str, object]:
    """The filter on how records were found; the template names its values."""
    return {"key": "found", "options": [[value, value] for value in FOUND.values() if value in set(found)]}


def actions_page(archive: Archive) -> PageSpec:
    """Open and stale items by owner (longest open first), then the done ones by the meeting that closed them."""
    open_items = [action for action in archive.actions if action.pending]
    done = [action for action in archive.actions if action.status == "done"]
    by_owner: dict[str, list[ActionItem]] = defaultdict(list)
    for action in open_items:
        for owner in action.owners or ("",):
            by_owner[owner].append(action)
    owners: list[dict[str, Any]] = []
    for owner in sorted(by_owner, key=lambda o: (o == "", fold(archive.person(o).name) if o else "")):
        ranked = sorted(by_owner[owner], key=lambda a: (-a.open_for, a.id))
        owners.append(
            {
                "owner": person_ref(owner, archive) if owner else None,
                "actions": [action_item(a, archive) for a in ranked],
            }
        )
    by_meeting: dict[str, list[ActionItem]] = defaultdict(list)
    for action in done:
        by_meeting[action.done_in or action.meeting].append(action)
    closed: list[dict[str, Any]] = [
        {
            "meeting": meeting_ref(archive.meeting(meeting_id), archive),
            "actions": [action_item(a, archive) for a in by_meeting[meeting_id]],
        }
        for meeting_id in sorted(by_meeting, key=lambda m: (archive.meeting(m).date, m), reverse=True)
    ]
    shown = [item for group in (*owners, *closed) for item in group["actions"]]
    context = {
        "open_count": sum(action.status == "open" for action in open_items),
        "stale_count": sum(action.status == "stale" for action in open_items),
        "done_count": len(done),
        "count": len(shown),
        "open": owners,
        "done": closed,
        "filters": [_found(item["found"] for item in shown)],
    }
    return PageSpec(
        ACTIONS, "actions", "minutes/actions.html", in_nav=True, context=context, fragments=_fragments(shown)
    )


def topics_index(archive: Archive) -> PageSpec:
    """Every topic, most discussed first."""
    decisions: dict[str, int] = defaultdict(int)
    for decision in archive.decisions:
        for topic_id in decision.topics:
            decisions[topic_id] += 1
    ranked = sorted(archive.topics, key=lambda t: (-len(t.meetings), fold(t.name)))
    rows = [
        {
            "topic": {"id": topic.id, "name": topic.name, "path": topic_path(topic.id)},
            "meetings": len(topic.meetings),
            "first": when(archive.meeting(topic.meetings[0])) if topic.meetings else None,
            "last": when(archive.meeting(topic.meetings[-1])) if topic.meetings else None,
            "decisions": decisions.get(topic.id, 0),
            "sources": list(topic.sources),
        }
        for topic in ranked
    ]
    return PageSpec(TOPICS, "topics", "minutes/topics.html", in_nav=True, context={"topics": rows})


def topic_page(topic: Topic, archive: Archive, decisions: list[Decision]) -> PageSpec:
    """Every meeting that touched the topic with what it said, its decisions and its people, newest first."""
    ordered = sorted(decisions, key=lambda d: (archive.meeting(d.meeting).date, d.line), reverse=True)
    items = [decision_item(decision, archive) for decision in ordered]
    excerpts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mention in topic.mentions:
        if len(excerpts[mention.meeting]) < TOPIC_EXCERPTS and mention.excerpt:
            excerpts[mention.meeting].append({"text": mention.excerpt, "line": mention.line, "anchor": mention.anchor})
    dates = [archive.meeting(m).date for m in topic.meetings]
    first, last = (archive.meeting(topic.meetings[0]), archive.meeting(topic.meetings[-1])) if dates else (None, None)
    context = {
        # the other spellings the notes merged into it ("XYZ402", "org/xyz402"), most common first
        "topic": {
            "id": topic.id,
            "name": topic.name,
            "sources": list(topic.sources),
            "spellings": list(topic.spellings),
        },
        "count": len(topic.meetings),
        "first": when(first) if first else None,
        "last": when(last) if last else None,
        "chart": monthly_chart(dates),
        "decisions": items,
        "people": [{"person": person_ref(p, archive), "count": count} for p, count in topic.people[:TOPIC_PEOPLE]],
        "meetings": [
            {"meeting": meeting_ref(archive.meeting(m), archive), "excerpts": excerpts.get(m, [])}
            for m in reversed(topic.meetings)
        ],
    }
    return PageSpec(
        topic_path(topic.id), "topic", "minutes/topic.html", topic.name, context=context, fragments=_fragments(items)
    )


def references_page(archive: Archive) -> PageSpec:
    """Every issue and pull request, by repository (the most cited first), each with its title, when the notes
    give one, and every meeting and line that mentions it, newest meeting first."""
    dates = {meeting.id: meeting.date for meeting in archive.meetings}
    by_repo: dict[str, list[dict[str, Any]]] = defaultdict(list)
    latest: dict[str, dt.date] = {}
    for reference in archive.references:
        meetings: dict[str, dict[str, Any]] = {}
        for mention in reference.mentions:
            if mention.meeting not in meetings:
                meetings[mention.meeting] = {
                    "meeting": meeting_ref(archive.meeting(mention.meeting), archive),
                    "lines": [],
                }
            meetings[mention.meeting]["lines"].append(
                {"line": mention.line, "text": mention.text, "anchor": mention.anchor, "title": mention.title}
            )
        ordered = sorted(meetings, key=lambda m: (dates[m], m), reverse=True)
        latest[reference.id] = dates[ordered[0]] if ordered else dt.date.min
        by_repo[reference.repo].append(
            {
                "id": reference.id,
                "repo": reference.repo,
                "number": reference.number,
                "url": reference.url,
                "kind": _reference_kind(reference.url),
                "title": reference.title,
                "mentions": len(reference.mentions),
                "meetings": [meetings[m] for m in ordered],
            }
        )
    repositories = []
    for repo, references in by_repo.items():
        references.sort(key=lambda r: (latest[r["id"]], r["number"]), reverse=True)  # the latest cited first
        repositories.append(
            {
                "repo": repo,
                "references": references,
                "mentions": sum(r["mentions"] for r in references),
                "meetings": len({m["meeting"]["id"] for r in references for m in r["meetings"]}),
            }
        )
    repositories.sort(key=lambda group: (-group["mentions"], group["repo"].lower()))
    context = {
        "count": len(archive.references),
        "meetings": len({m for reference in archive.references for m in reference.meetings}),
        "repositories": repositories,
    }
    return PageSpec(REFERENCES, "references", "minutes/references.html", in_nav=True, context=context)


def _reference_kind(url: str) -> str:
    """``pull``, ``issues`` or ``discussions``, as the reference's address says; "" when it does not."""
    for kind in ("pull", "issues", "discussions"):
        if f"/{kind}/" in url:
            return kind
    return ""
