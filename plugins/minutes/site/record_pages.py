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
from ..paths import (
    DECISIONS,
    REFERENCES,
    TOPICS,
    actions_path,
    decisions_path,
    references_path,
    topic_page_path,
    topic_path,
)
from ..slugs import fold, slugify, unique
from .charts import monthly_chart
from .pages import PageSpec, meeting_ref, person_ref, topic_ref, when
from .paging import HTML_PER_MARKDOWN, PAGE_BUDGET, fill, pagination

TOPIC_EXCERPTS = 3  # excerpts of one meeting shown on a topic page
TOPIC_PEOPLE = 12
# How a record was found, as the filters of the decisions log and the actions page choose it: labelled
# by the notes (a section, a label, a marker) or read from a plain sentence by the classifier.
FOUND = {True: "explicit", False: "inferred"}
# What a record weighs on a page besides its text (its facts: meeting, series, agenda item, topics, people),
# and what a page of records holds besides them (the counts, the filters, the list of years), in HTML.
HTML_PER_DECISION = 600
DECISIONS_FRAME = 20_000
HTML_PER_ACTION = 700
ACTIONS_FRAME = 5_000
REFERENCE_MEETINGS = 10  # meetings listed under a reference, the newest; the page says how many more
HTML_PER_REFERENCE = 500
HTML_PER_REFERENCE_MEETING = 350
HTML_PER_REFERENCE_LINE = 250
HTML_PER_REPOSITORY = 200
REFERENCES_FRAME = 5_000
HTML_PER_TOPIC_MEETING = 500
HTML_PER_EXCERPT = 200
TOPIC_FRAME = 20_000  # the topic's header (its chart) and the people most involved


def record_pages(archive: Archive) -> list[PageSpec]:
    """The decisions log, the action items, the topics and the references."""
    pages = [*decisions_pages(archive), *actions_pages(archive), topics_index(archive), *references_pages(archive)]
    decisions_of: dict[str, list[Decision]] = defaultdict(list)
    for decision in archive.decisions:
        for topic_id in decision.topics:
            decisions_of[topic_id].append(decision)
    for topic in archive.topics:
        pages.extend(topic_pages(topic, archive, decisions_of.get(topic.id, [])))
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


def decisions_pages(archive: Archive) -> list[PageSpec]:
    """Every decision, newest first, grouped by year; the template adds the filters.

    A log that fits a page is one page (``decisions.md``); a larger one has a page per year, the newest
    at ``decisions.md`` and each other at ``decisions/<year>.md``, a year too large for one page cut into
    more (``decisions/<year>/2.md``). Every page lists the years, each a link to its first page, and its
    filters choose among the decisions it shows.
    """
    decisions = sorted(
        archive.decisions, key=lambda d: (archive.meeting(d.meeting).date, d.meeting, d.line), reverse=True
    )
    items = [decision_item(decision, archive) for decision in decisions]
    meetings = {decision.meeting for decision in decisions}
    totals: dict[str, Any] = {"count": len(decisions), "meetings": len(meetings)}
    by_year: dict[int, list[dict[str, Any]]] = {}
    for item in items:
        by_year.setdefault(item["year"], []).append(item)
    if sum(_decision_weight(item) for item in items) + DECISIONS_FRAME <= PAGE_BUDGET:
        context = {**totals, "year": None, "years": _years(items), "filters": _decision_filters(items, archive)}
        return [
            PageSpec(
                DECISIONS,
                "decisions",
                "minutes/decisions.html",
                in_nav=True,
                context=context,
                fragments=_fragments(items),
            )
        ]
    newest = next(iter(by_year), None)
    year_paths = {year: decisions_path(None if year == newest else year) for year in by_year}
    listed = [{"year": year, "count": len(shown), "path": year_paths[year]} for year, shown in by_year.items()]
    pages = []
    for year, shown in by_year.items():
        chunks = fill(shown, _decision_weight, PAGE_BUDGET, first=DECISIONS_FRAME)
        paths = [decisions_path(None if year == newest else year, n) for n in range(1, len(chunks) + 1)]
        spans = [{"path": path, **_dates(chunk)} for path, chunk in zip(paths, chunks, strict=True)]
        for number, chunk in enumerate(chunks, 1):
            context = {
                **totals,
                "year": year,  # the one year of the page
                "years": _years(chunk),
                "year_pages": listed,  # every year of the log, with its count and first page
                "pages": pagination(paths, number, spans),
                "filters": _decision_filters(chunk, archive),
            }
            pages.append(
                PageSpec(
                    paths[number - 1],
                    "decisions",
                    "minutes/decisions.html",
                    in_nav=paths[number - 1] == DECISIONS,
                    context=context,
                    fragments=_fragments(chunk),
                )
            )
    return pages


def _decision_weight(item: dict[str, Any]) -> int:
    return HTML_PER_MARKDOWN * len(item["text"]) + HTML_PER_DECISION


def _dates(items: list[dict[str, Any]]) -> dict[str, str | None]:
    """The dates of the newest and oldest meeting of a page's records, newest first: the pagination's titles."""
    return {
        "newest": items[0]["meeting"]["date"] if items else None,
        "oldest": items[-1]["meeting"]["date"] if items else None,
    }


def _years(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    years: list[dict[str, Any]] = []
    for item in items:
        if not years or years[-1]["year"] != item["year"]:
            years.append({"year": item["year"], "decisions": []})
        years[-1]["decisions"].append(item)
    return years


def _decision_filters(items: list[dict[str, Any]], archive: Archive) -> list[dict[str, object]]:
    """The filters of the decisions shown: each chooses among the values these decisions have."""
    series = {item["meeting"]["series"] for item in items}
    years = {item["year"] for item in items}
    topics = {topic["id"] for item in items for topic in item["topics"]}
    people = {person["id"] for item in items for person in item["people"]}
    return [
        _choices("series", ((s, archive.series[s].name) for s in series)),
        _choices("year", ((str(y), str(y)) for y in years) if len(years) > 1 else ()),
        _choices("topics", ((t.id, t.name) for t in archive.topics if t.id in topics)),
        _choices("people", ((p.id, p.name) for p in archive.people if p.id in people)),
        _found(item["found"] for item in items),
    ]


def _choices(key: str, options: Iterable[tuple[str, str]]) -> dict[str, object]:
    ordered = sorted(set(options), key=lambda option: (fold(option[1]), option[0]))
    if key == "year":
        ordered.reverse()
    return {"key": key, "options": [list(option) for option in ordered]}


def _found(found: Iterable[str]) -> dict[str, object]:
    """The filter on how records were found; the template names its values."""
    present = set(found)
    return {"key": "found", "options": [[value, value] for value in FOUND.values() if value in present]}


def actions_pages(archive: Archive) -> list[PageSpec]:
    """Open items by owner (longest open first), then the stale ones, then the done ones by the meeting that
    closed them.

    However many, the items fill pages (``actions.md``, then ``actions/2.md``...): the open ones first, so
    that the first page has them, the done ones after. Every page has the counts.
    """
    open_items = [action for action in archive.actions if action.pending]
    done = [action for action in archive.actions if action.status == "done"]
    # (section, group, item) in the order of the pages: the group is an owner, or the meeting that closed it;
    # the open items first, then the stale ones (open for longer than the site's horizon), then the done ones
    rows: list[tuple[str, str, dict[str, Any]]] = []
    for section in ("open", "stale"):
        by_owner: dict[str, list[ActionItem]] = defaultdict(list)
        for action in open_items:
            if action.status == section:
                for owner in action.owners or ("",):
                    by_owner[owner].append(action)
        for owner in sorted(by_owner, key=lambda o: (o == "", fold(archive.person(o).name) if o else "")):
            ranked = sorted(by_owner[owner], key=lambda a: (-a.open_for, a.id))
            rows.extend((section, owner, action_item(a, archive)) for a in ranked)
    by_meeting: dict[str, list[ActionItem]] = defaultdict(list)
    for action in done:
        by_meeting[action.done_in or action.meeting].append(action)
    for meeting_id in sorted(by_meeting, key=lambda m: (archive.meeting(m).date, m), reverse=True):
        rows.extend(("done", meeting_id, action_item(a, archive)) for a in by_meeting[meeting_id])
    totals = {
        "open_count": sum(action.status == "open" for action in open_items),
        "stale_count": sum(action.status == "stale" for action in open_items),
        "done_count": len(done),
        "count": len(rows),
    }
    chunks = fill(rows, lambda row: HTML_PER_MARKDOWN * len(row[2]["text"]) + HTML_PER_ACTION, first=ACTIONS_FRAME)
    paths = [actions_path(number) for number in range(1, len(chunks) + 1)]
    pages = []
    for number, chunk in enumerate(chunks, 1):
        owed: dict[str, list[dict[str, Any]]] = {"open": [], "stale": []}
        closed: list[dict[str, Any]] = []
        for section, group, item in chunk:
            if section in owed:
                owners = owed[section]
                if not owners or owners[-1]["key"] != group:
                    owners.append({"key": group, "owner": person_ref(group, archive) if group else None, "actions": []})
                owners[-1]["actions"].append(item)
            else:
                if not closed or closed[-1]["key"] != group:
                    closed.append(
                        {"key": group, "meeting": meeting_ref(archive.meeting(group), archive), "actions": []}
                    )
                closed[-1]["actions"].append(item)
        shown = [row[2] for row in chunk]
        context = {
            **totals,
            "open": owed["open"],
            "stale": owed["stale"],
            "done": closed,
            "pages": pagination(paths, number),
            "filters": [_found(item["found"] for item in shown)],
        }
        pages.append(
            PageSpec(
                paths[number - 1],
                "actions",
                "minutes/actions.html",
                in_nav=number == 1,
                context=context,
                fragments=_fragments(shown),
            )
        )
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
    excerpts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mention in topic.mentions:
        if len(excerpts[mention.meeting]) < TOPIC_EXCERPTS and mention.excerpt:
            excerpts[mention.meeting].append({"text": mention.excerpt, "line": mention.line, "anchor": mention.anchor})
    dates = [archive.meeting(m).date for m in topic.meetings]
    first, last = (archive.meeting(topic.meetings[0]), archive.meeting(topic.meetings[-1])) if dates else (None, None)
    header = {
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
    meetings = [
        {"meeting": meeting_ref(archive.meeting(m), archive), "excerpts": excerpts.get(m, [])}
        for m in reversed(topic.meetings)
    ]
    rows: list[tuple[str, dict[str, Any]]] = [("decision", item) for item in items]
    rows.extend(("meeting", meeting) for meeting in meetings)

    def weight(row: tuple[str, dict[str, Any]]) -> int:
        if row[0] == "decision":
            return _decision_weight(row[1])
        return HTML_PER_TOPIC_MEETING + sum(
            HTML_PER_MARKDOWN * len(excerpt["text"]) + HTML_PER_EXCERPT for excerpt in row[1]["excerpts"]
        )

    chunks = fill(rows, weight, first=TOPIC_FRAME)
    paths = [topic_page_path(topic.id, number) for number in range(1, len(chunks) + 1)]
    pages = []
    for number, chunk in enumerate(chunks, 1):
        shown = [row[1] for row in chunk if row[0] == "decision"]
        context = {
            **header,
            "decisions": shown,
            "decision_count": len(items),
            "people": [{"person": person_ref(p, archive), "count": count} for p, count in topic.people[:TOPIC_PEOPLE]]
            if number == 1
            else [],
            "meetings": [row[1] for row in chunk if row[0] == "meeting"],
            "pages": pagination(paths, number),
        }
        pages.append(
            PageSpec(
                paths[number - 1],
                "topic",
                "minutes/topic.html",
                topic.name,
                context=context,
                fragments=_fragments(shown),
            )
        )
    return pages


def references_pages(archive: Archive) -> list[PageSpec]:
    """Every issue and pull request, by repository (the most cited first), each with its title, when the notes
    give one, and the meetings and lines that mention it, newest meeting first (the newest
    ``REFERENCE_MEETINGS``, and how many more).

    The index (``references.md``) lists the repositories with their counts and shows the small ones; a
    repository too large for the index has pages of its own (``references/<repository>.md``, then
    ``references/<repository>/2.md``...), linked from the index.
    """
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
                "meeting_count": len(ordered),
                "meetings": [meetings[m] for m in ordered[:REFERENCE_MEETINGS]],
                "more": max(0, len(ordered) - REFERENCE_MEETINGS),  # meetings not listed
            }
        )
    cited_in = {reference.id: reference.meetings for reference in archive.references}
    repositories = []
    for repo, references in by_repo.items():
        references.sort(key=lambda r: (latest[r["id"]], r["number"]), reverse=True)  # the latest cited first
        repositories.append(
            {
                "repo": repo,
                "references": references,
                "count": len(references),
                "mentions": sum(r["mentions"] for r in references),
                "meetings": len({m for r in references for m in cited_in[r["id"]]}),
            }
        )
    repositories.sort(key=lambda group: (-group["mentions"], group["repo"].lower()))
    totals = {
        "count": len(archive.references),
        "meetings": len({m for reference in archive.references for m in reference.meetings}),
    }
    # The small repositories stay on the index, as long as it has room; the others get pages of their own.
    room = PAGE_BUDGET - REFERENCES_FRAME - HTML_PER_REPOSITORY * len(repositories)
    taken: set[str] = set()
    inline, apart = [], []
    for group in repositories:
        weight = sum(_reference_weight(r) for r in group["references"])
        if weight <= min(room, PAGE_BUDGET // 4):
            room -= weight
            inline.append(group)
        else:
            apart.append((group, unique(slugify(group["repo"], "repository"), taken)))
    listed = [
        {
            "repo": group["repo"],
            "count": group["count"],
            "anchor": group["repo"].replace("/", "-").lower(),
            "page": None,
        }
        for group in repositories
    ]
    pages_of = {group["repo"]: slug for group, slug in apart}
    for row in listed:
        if row["repo"] in pages_of:
            row["page"] = references_path(pages_of[row["repo"]])
    index = {**totals, "listed": listed, "repositories": inline, "repository_count": len(repositories)}
    pages = [PageSpec(REFERENCES, "references", "minutes/references.html", in_nav=True, context=index)]
    for group, slug in apart:
        chunks = fill(group["references"], _reference_weight, first=REFERENCES_FRAME)
        paths = [references_path(slug, number) for number in range(1, len(chunks) + 1)]
        for number, chunk in enumerate(chunks, 1):
            context = {
                **totals,
                "repository": {**group, "references": chunk},
                "index": REFERENCES,
                "pages": pagination(paths, number),
            }
            pages.append(PageSpec(paths[number - 1], "references", "minutes/references.html", context=context))
    return pages


def _reference_weight(reference: dict[str, Any]) -> int:
    lines = sum(len(meeting["lines"]) for meeting in reference["meetings"])
    return (
        HTML_PER_REFERENCE
        + HTML_PER_MARKDOWN * len(reference["title"] or "")
        + HTML_PER_REFERENCE_MEETING * len(reference["meetings"])
        + HTML_PER_REFERENCE_LINE * lines
    )


def _reference_kind(url: str) -> str:
    """``pull``, ``issues`` or ``discussions``, as the reference's address says; "" when it does not."""
    for kind in ("pull", "issues", "discussions"):
        if f"/{kind}/" in url:
            return kind
    return ""
