"""The pages of the site as structured data for the templates; no MkDocs here.

Every generated page is a ``PageSpec``: where it goes, its kind, the template that renders it, and the
data the template renders (``context``, handed to it as ``minutes``): plain dicts and lists of ids,
ISO dates, names and page paths, never a word for the reader. Every word a reader sees, dates included,
is written in the templates (``templates/minutes/``), which a site can override. A meeting page's
Markdown is the meeting's notes; every other page has an empty body, so that the notes' text is
rendered once, on its meeting's page, and shown elsewhere as fragments of that page (``fragments``).

This module makes the meeting pages, the pages of running logs, the people index, the archive and
the home page, and the references to meetings, people and topics that every page's data uses.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from ..index import Archive
from ..model import ActionItem, Meeting, Person
from ..paths import ACTIONS, ARCHIVE, DECISIONS, HOME, PEOPLE, PEOPLE_BY_NAME, person_path, topic_path
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import CALENDAR_WORDS

PageKind = Literal[
    "meeting",
    "log",
    "person",
    "people",
    "archive",
    "home",
    "decisions",
    "actions",
    "topics",
    "topic",
    "references",
    "search",
]
HOME_MEETINGS = 15
HOME_DECISIONS = 10
HOME_ACTIONS = 10
# How much of a decision's or action item's text a one-line list shows.
SUMMARY = 160


@dataclass(frozen=True)
class PageSpec:
    path: str  # where the page goes, relative to the docs folder: "people/olivier.md"
    kind: PageKind
    template: str  # "minutes/person.html"
    title: str = ""  # the name or title the page is about, as plain text; "" for the plugin's own pages
    markdown: str = ""  # the notes, on a meeting page; nothing elsewhere
    in_nav: bool = False
    edit_path: str | None = None  # the note to edit, relative to the docs folder
    context: dict[str, Any] = field(default_factory=dict)
    # (meeting id, anchor) of every fragment of a meeting page that this page shows
    fragments: tuple[tuple[str, str], ...] = ()


_DATED = re.compile(r"\d{4}|\b\d{1,2}(st|nd|rd|th)?\b")


def title_holds_date(title: str) -> bool:
    """Whether a meeting's title says its date already (``2024-03-05 sync``, ``March 5th``)."""
    return bool(_DATED.search(title))


def title_is_date(title: str) -> bool:
    """Whether a title says nothing but a date (``February 8th``, ``2024-09-16``): lists show the full date."""
    words = re.sub(r"[\d\W_]+", " ", title).split()
    return bool(_DATED.search(title)) and all(fold(word) in CALENDAR_WORDS for word in words)


def when(meeting: Meeting) -> str:
    """The meeting's date as the templates read it: ``2024-03-05``, or ``2024-03`` for a meeting dated to a month."""
    return f"{meeting.date:%Y-%m}" if meeting.precision == "month" else meeting.date.isoformat()


def until(meeting: Meeting) -> str | None:
    """The meeting's last day (``YYYY-MM-DD``), or last month (``YYYY-MM``), when it is not its first."""
    if meeting.end_date is None:
        return None
    if meeting.precision == "month":
        end = f"{meeting.end_date:%Y-%m}"
        return end if end != when(meeting) else None
    return meeting.end_date.isoformat()


# The refs made for the newest archive, by meeting id: a meeting is named on many pages (a busy series, on
# every person's and topic's page), the same ref each time. The archive is held so that its id stays its own.
_refs: tuple[Archive | None, dict[str, dict[str, Any]]] = (None, {})


def meeting_ref(meeting: Meeting, archive: Archive) -> dict[str, Any]:
    """What a page needs to name and link a meeting; its dates are ``YYYY-MM`` when it is dated to a month.
    One dict a meeting and archive, shared by every page that names the meeting: read it, never change it."""
    global _refs
    if _refs[0] is not archive:
        _refs = (archive, {})
    ref = _refs[1].get(meeting.id)  # an id is one meeting of its archive
    if ref is None:
        ref = _refs[1][meeting.id] = _meeting_ref(meeting, archive)
    return ref


def _meeting_ref(meeting: Meeting, archive: Archive) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "path": meeting.page_path,
        "title": meeting.title,
        "dated_title": title_holds_date(meeting.title),
        "date_only": title_is_date(meeting.title),  # "February 8th": lists show the full date instead
        "date": when(meeting),
        "end_date": until(meeting),
        "precision": meeting.precision,
        "companion": meeting.companion,  # a summary, toc or README of a folder's meetings, not a meeting
        "series": meeting.series,
        "series_name": archive.series[meeting.series].name,
    }


def person_ref(person_id: str, archive: Archive) -> dict[str, str]:
    return {"id": person_id, "name": archive.person(person_id).name, "path": person_path(person_id)}


def topic_ref(topic_id: str, archive: Archive) -> dict[str, str]:
    return {"id": topic_id, "name": archive.topic(topic_id).name, "path": topic_path(topic_id)}


def _owed(action: ActionItem) -> str:
    """An item not done in the meeting shown: open, stale, or open there and done later."""
    return "stale" if action.status == "stale" else "open"


def meeting_page(meeting: Meeting, archive: Archive) -> PageSpec:
    """The meeting's notes; the template shows its header, its decisions and action items, previous/next."""
    decisions = [
        {"anchor": decision.anchor, "subject": decision.subject, "text": plain_text(decision.text, SUMMARY)}
        for decision in archive.decisions_of_meeting.get(meeting.id, ())
    ]
    actions = [
        {
            "anchor": anchor,
            "subject": action.subject,  # what it answers, when its words do not say
            "text": plain_text(action.text, SUMMARY),
            "status": "done" if action.status == "done" and action.done_in == meeting.id else _owed(action),
        }
        for action, anchor in archive.actions_of_meeting.get(meeting.id, ())
    ]
    previous, following = archive.previous.get(meeting.id), archive.next.get(meeting.id)
    attendees = archive.attendees.get(meeting.id, ())
    statuses = archive.statuses.get(meeting.id, {})
    context = {
        "meeting": meeting_ref(meeting, archive),
        "location": meeting.location,
        "tags": list(meeting.tags),
        # who attended, with what the note says of their attendance ("joined at 16:23 UTC", "late")
        "attendees": [
            {**person_ref(person_id, archive), "status": statuses.get(person_id, "")} for person_id in attendees
        ],
        # listed as absent (under "Regrets", or "- Ada - apologies") and nowhere as present
        "absent": [
            {**person_ref(person_id, archive), "status": statuses.get(person_id, "")}
            for person_id, kinds in archive.roles.get(meeting.id, {}).items()
            if "absent" in kinds and person_id not in attendees
        ],
        # a summary, toc or README of the meeting's folder; on such a page, the meetings it belongs to
        "companions": [
            meeting_ref(archive.meeting(other), archive) for other in archive.companions.get(meeting.id, ())
        ],
        "companion_of": [
            meeting_ref(archive.meeting(other), archive) for other in archive.companion_of.get(meeting.id, ())
        ],
        "topics": [topic_ref(topic_id, archive) for topic_id in archive.meeting_topics.get(meeting.id, ())],
        "decisions": decisions,
        "actions": actions,
        "previous": meeting_ref(archive.meeting(previous), archive) if previous else None,
        "next": meeting_ref(archive.meeting(following), archive) if following else None,
        "source": meeting.source,
        "source_line": meeting.source_line,
        "extra": meeting.extra,
    }
    content = without_title_heading(meeting.content, meeting.title)
    return PageSpec(
        meeting.page_path,
        "meeting",
        "minutes/meeting.html",
        meeting.title,
        content,
        edit_path=meeting.source,
        context=context,
    )


_H1 = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")


def without_title_heading(content: str, title: str) -> str:
    """The notes without a first ``# Title`` that says what the page header says already.

    The line is blanked, not removed, so that the page's lines stay those of the note.
    """
    lines = content.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None or not title:  # a meeting without a title has no title heading
        return content
    match = _H1.match(lines[first])
    if match is None or fold(match.group(1)) != fold(title):
        return content
    lines[first] = ""
    return "\n".join(lines)


def log_page(source: str, meeting_ids: tuple[str, ...], archive: Archive) -> PageSpec:
    """The page at a running log's own address: its meetings, so old links still land."""
    meetings = [archive.meeting(meeting_id) for meeting_id in meeting_ids]
    name = posixpath.splitext(posixpath.basename(source))[0]
    series = archive.series[meetings[0].series].name if meetings else ""
    context = {
        "source": source,
        "name": name,
        "series_name": series,
        "meetings": [meeting_ref(m, archive) for m in meetings],
    }
    return PageSpec(source, "log", "minutes/log.html", name, edit_path=source, context=context)


PEOPLE_PAGES = {"activity": PEOPLE, "name": PEOPLE_BY_NAME}


def people_index(archive: Archive, order: Literal["activity", "name"] = "activity") -> PageSpec:
    """Everyone, most active first (``people.md``) or by name (``people-by-name.md``)."""
    counts = {person.id: len(archive.entries_of.get(person.id, ())) for person in archive.people}

    def activity(person: Person) -> tuple[int, int, str]:
        return (-len(archive.attendance.get(person.id, ())), -counts[person.id], fold(person.name))

    ranked = sorted(archive.people, key=activity if order == "activity" else lambda p: (fold(p.name), p.name))
    rows = []
    for person in ranked:
        attended = archive.attendance.get(person.id, ())
        rows.append(
            {
                "person": person_ref(person.id, archive),
                "affiliation": person.affiliation,
                "meetings": len(attended),
                "reports": counts[person.id],
                "first": when(archive.meeting(attended[0])) if attended else None,
                "last": when(archive.meeting(attended[-1])) if attended else None,
            }
        )
    other: Literal["activity", "name"] = "name" if order == "activity" else "activity"
    context = {
        "order": order,
        "other": {"order": other, "path": PEOPLE_PAGES[other]},
        "meetings": len(archive.meetings),
        "people": rows,
    }
    return PageSpec(PEOPLE_PAGES[order], "people", "minutes/people.html", in_nav=order == "activity", context=context)


def archive_page(archive: Archive) -> PageSpec:
    """Meetings by series, year and month, newest first."""
    by_series: dict[str, list[Meeting]] = defaultdict(list)
    # A companion page is listed just before the newest of its meetings (newest first: at the top of them).
    placed: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in archive.meetings:
        if meeting.companion:
            placed[archive.companion_of[meeting.id][-1]].append(meeting)
    for meeting in archive.meetings:
        if not meeting.companion:
            by_series[meeting.series].extend([meeting, *placed.get(meeting.id, ())])
    series = []
    for series_id in sorted(by_series, key=lambda s: archive.series[s].name.casefold()):
        years: list[dict[str, Any]] = []
        for meeting in reversed(by_series[series_id]):
            if not years or years[-1]["year"] != meeting.date.year:
                years.append({"year": meeting.date.year, "months": []})
            months = years[-1]["months"]
            if not months or months[-1]["month"] != meeting.date.month:
                months.append({"month": meeting.date.month, "meetings": []})
            months[-1]["meetings"].append(meeting_ref(meeting, archive))
        series.append({"id": series_id, "name": archive.series[series_id].name, "years": years})
    context = {"meetings": sum(not m.companion for m in archive.meetings), "series": series}
    return PageSpec(ARCHIVE, "archive", "minutes/archive.html", in_nav=True, context=context)


def home_page(archive: Archive) -> PageSpec:
    """Latest meetings, recent decisions and open action items."""
    decisions = sorted(archive.decisions, key=lambda d: (archive.meeting(d.meeting).date, d.line), reverse=True)
    open_items = [action for action in archive.actions if action.pending]  # open and stale
    recent = sorted(open_items, key=lambda a: (archive.meeting(a.meeting).date, a.line), reverse=True)
    meetings = [meeting for meeting in archive.meetings if not meeting.companion]
    context = {
        "meetings": len(meetings),
        "people": len(archive.people),
        "first": when(meetings[0]) if meetings else None,
        "last": when(meetings[-1]) if meetings else None,
        "latest": [meeting_ref(meeting, archive) for meeting in reversed(meetings[-HOME_MEETINGS:])],
        "decisions": [
            {
                "meeting": meeting_ref(archive.meeting(d.meeting), archive),
                "anchor": d.anchor,
                "subject": d.subject,
                "text": plain_text(d.text, SUMMARY),
            }
            for d in decisions[:HOME_DECISIONS]
        ],
        "decision_count": len(decisions),
        "actions": [
            {
                "meeting": meeting_ref(archive.meeting(a.meeting), archive),
                "anchor": a.anchor,
                "subject": a.subject,
                "text": plain_text(a.text, SUMMARY),
                "owners": [person_ref(owner, archive) for owner in a.owners],
                "status": a.status,
            }
            for a in recent[:HOME_ACTIONS]
        ],
        "open_count": len(open_items),
        "pages": {"archive": ARCHIVE, "people": PEOPLE, "decisions": DECISIONS, "actions": ACTIONS},
    }
    return PageSpec(HOME, "home", "minutes/home.html", in_nav=True, context=context)
