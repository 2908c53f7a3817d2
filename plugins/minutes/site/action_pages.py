"""The action items: open ones by owner, then the stale ones, then the done ones, as structured data; no MkDocs here.

Produces the ``actions`` pages (``PageSpec``): ``actions.md``, then ``actions/2.md``... as many as the items
fill, the open ones first so that the first page has them. Every page has the counts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypedDict

from ..index import Archive
from ..model import ActionItem
from ..paths import actions_path
from ..slugs import fold
from .pages import PageSpec, meeting_ref, person_ref
from .paging import HTML_PER_MARKDOWN, Weights, paged
from .record_items import CANDIDATE, ActionEntry, action_item, found_filter, fragments

WEIGHTS = Weights(frame=5_000, item=700)
Row = tuple[str, str, ActionEntry]  # (section, group, item): the group is an owner, or the meeting that closed it


class Totals(TypedDict):
    open_count: int
    stale_count: int
    done_count: int
    count: int  # the items the site shows
    candidates: int  # listed, hidden until the filter asks


class OwnerGroup(TypedDict):
    key: str
    owner: dict[str, str] | None  # pages.person_ref; None for the items of no owner
    actions: list[ActionEntry]


class ClosedGroup(TypedDict):
    key: str
    meeting: dict[str, Any]  # the meeting that closed them (pages.meeting_ref)
    actions: list[ActionEntry]


class ActionsContext(Totals):
    open: list[OwnerGroup]
    stale: list[OwnerGroup]
    done: list[ClosedGroup]
    pages: dict[str, Any]
    filters: list[dict[str, object]]


def actions_pages(archive: Archive) -> list[PageSpec]:
    """Open items by owner (longest open first), then the stale ones, then the done ones by the meeting that
    closed them.

    However many, the items fill pages (``actions.md``, then ``actions/2.md``...): the open ones first, so
    that the first page has them, the done ones after. Every page has the counts.

    The candidates (``Archive.candidate_actions``) are listed among the others, hidden until the filter asks
    for them; they take room on the pages, not a place in the counts.
    """
    listed = (*archive.actions, *archive.candidate_actions)
    open_items = [action for action in listed if action.pending]
    done = [action for action in listed if action.status == "done"]
    rows = _rows(archive, open_items, done)
    totals: Totals = {
        "open_count": sum(action.status == "open" and not action.candidate for action in open_items),
        "stale_count": sum(action.status == "stale" and not action.candidate for action in open_items),
        "done_count": sum(not action.candidate for action in done),
        "count": sum(row[2]["found"] != CANDIDATE for row in rows),
        "candidates": len(archive.candidate_actions),
    }
    pages = []
    for page in paged(rows, _weight, actions_path, first=WEIGHTS.frame):
        owed, closed = _groups(page.items, archive)
        shown = [row[2] for row in page.items]
        context: ActionsContext = {
            **totals,
            "open": owed["open"],
            "stale": owed["stale"],
            "done": closed,
            "pages": page.pages,
            "filters": [found_filter(item["found"] for item in shown)],
        }
        pages.append(
            PageSpec(
                page.path,
                "actions",
                "minutes/actions.html",
                in_nav=page.number == 1,
                context=dict(context),
                fragments=fragments(shown),
            )
        )
    return pages


def _rows(archive: Archive, open_items: list[ActionItem], done: list[ActionItem]) -> list[Row]:
    """The items in the order of the pages: the open ones by owner, then the stale ones (open for longer than
    the site's horizon), then the done ones by the meeting that closed them, newest first."""
    rows: list[Row] = []
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
    return rows


def _weight(row: Row) -> int:
    return HTML_PER_MARKDOWN * len(row[2]["text"]) + WEIGHTS.item


def _groups(rows: list[Row], archive: Archive) -> tuple[dict[str, list[OwnerGroup]], list[ClosedGroup]]:
    """A page's rows grouped: the open and stale ones by owner, the done ones by the meeting that closed them."""
    owed: dict[str, list[OwnerGroup]] = {"open": [], "stale": []}
    closed: list[ClosedGroup] = []
    for section, group, item in rows:
        if section in owed:
            owners = owed[section]
            if not owners or owners[-1]["key"] != group:
                owners.append({"key": group, "owner": person_ref(group, archive) if group else None, "actions": []})
            owners[-1]["actions"].append(item)
        else:
            if not closed or closed[-1]["key"] != group:
                closed.append({"key": group, "meeting": meeting_ref(archive.meeting(group), archive), "actions": []})
            closed[-1]["actions"].append(item)
    return owed, closed
