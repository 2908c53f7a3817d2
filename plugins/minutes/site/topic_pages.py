"""The topics: their index, and each topic's pages of decisions and meetings, as structured data; no MkDocs here.

Produces the ``topics`` page (``topics.md``: every topic, most discussed first) and each topic's ``topic``
pages (``topics/<id>.md``, then ``topics/<id>/2.md``...): its decisions, then every meeting that touched
it with what it said, newest first, and the people most involved.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import Any, TypedDict

from ..index import Archive
from ..model import Decision, Topic
from ..paths import TOPICS, topic_page_path, topic_path
from ..slugs import fold
from .charts import monthly_chart
from .decision_pages import decision_weight
from .pages import PageSpec, meeting_ref, person_ref, when
from .paging import HTML_PER_MARKDOWN, Weights, paged
from .record_items import DecisionItem, decision_item, fragments

TOPIC_EXCERPTS = 3  # excerpts of one meeting shown on a topic page
TOPIC_PEOPLE = 12
# the frame: the topic's header (its chart) and the people most involved; an item: a meeting's heading; a part:
# an excerpt of it, with its link. Fitted on the pages of teams-1000 (benchmarks/run.py): a meeting weighs some
# 180 bytes and 90 more an excerpt, with its text.
WEIGHTS = Weights(frame=8_000, item=200, part=120)


class Excerpt(TypedDict):
    text: str
    line: int
    anchor: str


class TopicMeeting(TypedDict):
    meeting: dict[str, Any]  # pages.meeting_ref
    excerpts: list[Excerpt]


class TopicHeader(TypedDict):
    topic: dict[str, Any]  # id, name, sources and the other spellings the notes merged into it
    count: int  # the meetings that touched it
    first: str | None
    last: str | None
    chart: Any  # charts.monthly_chart


class TopicContext(TopicHeader):
    decisions: list[DecisionItem]
    decision_count: int
    people: list[dict[str, Any]]  # on the first page only: the people most involved, with their counts
    meetings: list[TopicMeeting]
    pages: dict[str, Any]


Row = tuple[DecisionItem | None, TopicMeeting | None]  # a decision, or a meeting


def every_topic_pages(archive: Archive) -> list[PageSpec]:
    """Every topic's pages, with its decisions."""
    decisions_of: dict[str, list[Decision]] = defaultdict(list)
    for decision in archive.decisions:
        for topic_id in decision.topics:
            decisions_of[topic_id].append(decision)
    pages = []
    for topic in archive.topics:
        pages.extend(topic_pages(topic, archive, decisions_of.get(topic.id, [])))
    return pages


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


def topic_pages(topic: Topic, archive: Archive, decisions: list[Decision]) -> list[PageSpec]:
    """Every meeting that touched the topic with what it said, its decisions and its people, newest first.

    However often the topic came up, its decisions then its meetings fill pages: the first at
    ``topics/<id>.md`` (with the people most involved), older at ``topics/<id>/2.md``...; every page has
    the topic's header.
    """
    ordered = sorted(decisions, key=lambda d: (archive.meeting(d.meeting).date, d.line), reverse=True)
    items = [decision_item(decision, archive) for decision in ordered]
    rows: list[Row] = [(item, None) for item in items]
    rows.extend((None, meeting) for meeting in _meetings(topic, archive))
    header = _header(topic, archive)
    pages = []
    for page in paged(rows, _weight, partial(topic_page_path, topic.id), first=WEIGHTS.frame):
        shown = [decision for decision, _ in page.items if decision is not None]
        context: TopicContext = {
            **header,
            "decisions": shown,
            "decision_count": len(items),
            "people": [{"person": person_ref(p, archive), "count": count} for p, count in topic.people[:TOPIC_PEOPLE]]
            if page.number == 1
            else [],
            "meetings": [meeting for _, meeting in page.items if meeting is not None],
            "pages": page.pages,
        }
        pages.append(
            PageSpec(
                page.path, "topic", "minutes/topic.html", topic.name, context=dict(context), fragments=fragments(shown)
            )
        )
    return pages


def _header(topic: Topic, archive: Archive) -> TopicHeader:
    """What every page of a topic shows above its list: its names, how often and when it came up, its chart."""
    dates = [archive.meeting(m).date for m in topic.meetings]
    first, last = (archive.meeting(topic.meetings[0]), archive.meeting(topic.meetings[-1])) if dates else (None, None)
    return {
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
    }


def _meetings(topic: Topic, archive: Archive) -> list[TopicMeeting]:
    """The meetings that touched the topic, newest first, each with its first excerpts."""
    excerpts: dict[str, list[Excerpt]] = defaultdict(list)
    for mention in topic.mentions:
        if len(excerpts[mention.meeting]) < TOPIC_EXCERPTS and mention.excerpt:
            excerpts[mention.meeting].append({"text": mention.excerpt, "line": mention.line, "anchor": mention.anchor})
    return [
        {"meeting": meeting_ref(archive.meeting(m), archive), "excerpts": excerpts.get(m, [])}
        for m in reversed(topic.meetings)
    ]


def _weight(row: Row) -> int:
    decision, meeting = row
    if decision is not None:
        return decision_weight(decision)
    assert meeting is not None
    return WEIGHTS.item + sum(
        HTML_PER_MARKDOWN * len(excerpt["text"]) + WEIGHTS.part for excerpt in meeting["excerpts"]
    )
