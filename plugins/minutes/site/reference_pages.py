"""The references: every issue and pull request the notes cite, by repository, as structured data; no MkDocs here.

Produces the ``references`` pages: the index (``references.md``), which lists the repositories with their
counts and shows the small ones, and a repository too large for it pages of its own
(``references/<repository>.md``, then ``references/<repository>/2.md``...), linked from the index.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import partial
from typing import Any, TypedDict

from ..index import Archive
from ..model import Reference
from ..paths import REFERENCES, references_path
from ..slugs import slugify, unique
from .pages import PageSpec, meeting_ref
from .paging import HTML_PER_MARKDOWN, PAGE_BUDGET, Weights, paged

REFERENCE_MEETINGS = 10  # meetings listed under a reference, the newest; the page says how many more
# an item: a reference; a part: a meeting listed under it; a line: a line of that meeting (its link, and its text
# as the link's title); a row: a repository. Fitted on the pages of teams-1000 (benchmarks/run.py): a reference
# weighs some 260 bytes, 80 more a meeting and 100 a line, with the line's text.
WEIGHTS = Weights(frame=5_000, item=300, part=100, line=200, row=200)


class CitedLine(TypedDict):
    line: int
    text: str
    anchor: str
    title: str


class CitedIn(TypedDict):
    meeting: dict[str, Any]  # pages.meeting_ref
    lines: list[CitedLine]


class ReferenceItem(TypedDict):
    id: str
    repo: str
    number: int
    url: str
    kind: str  # pull, issues, discussions, or ""
    title: str
    mentions: int
    meeting_count: int
    meetings: list[CitedIn]  # the newest REFERENCE_MEETINGS
    more: int  # meetings not listed


class Repository(TypedDict):
    repo: str
    references: list[ReferenceItem]  # the latest cited first
    count: int
    mentions: int
    meetings: int


class Listed(TypedDict):
    repo: str
    count: int
    anchor: str
    page: str | None  # its own pages, if it has them


def references_pages(archive: Archive) -> list[PageSpec]:
    """Every issue and pull request, by repository (the most cited first), each with its title, when the notes
    give one, and the meetings and lines that mention it, newest meeting first (the newest
    ``REFERENCE_MEETINGS``, and how many more).

    The index (``references.md``) lists the repositories with their counts and shows the small ones; a
    repository too large for the index has pages of its own (``references/<repository>.md``, then
    ``references/<repository>/2.md``...), linked from the index.
    """
    repositories = _repositories(archive)
    totals = {
        "count": len(archive.references),
        "meetings": len({m for reference in archive.references for m in reference.meetings}),
    }
    inline, apart = _placed(repositories)
    listed: list[Listed] = [
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
        for page in paged(group["references"], _weight, partial(references_path, slug), first=WEIGHTS.frame):
            context = {
                **totals,
                "repository": {**group, "references": page.items},
                "index": REFERENCES,
                "pages": page.pages,
            }
            pages.append(PageSpec(page.path, "references", "minutes/references.html", context=context))
    return pages


def _repositories(archive: Archive) -> list[Repository]:
    """Every repository cited, the most mentioned first, with its references, the latest cited first."""
    dates = {meeting.id: meeting.date for meeting in archive.meetings}
    by_repo: dict[str, list[ReferenceItem]] = defaultdict(list)
    latest: dict[str, dt.date] = {}
    for reference in archive.references:
        item = _reference_item(reference, archive, dates)
        latest[reference.id] = dates[item["meetings"][0]["meeting"]["id"]] if item["meetings"] else dt.date.min
        by_repo[reference.repo].append(item)
    cited_in = {reference.id: reference.meetings for reference in archive.references}
    repositories: list[Repository] = []
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
    return repositories


def _reference_item(reference: Reference, archive: Archive, dates: dict[str, dt.date]) -> ReferenceItem:
    """A reference with the meetings and lines that cite it, newest meeting first."""
    meetings: dict[str, CitedIn] = {}
    for mention in reference.mentions:
        if mention.meeting not in meetings:
            meetings[mention.meeting] = {"meeting": meeting_ref(archive.meeting(mention.meeting), archive), "lines": []}
        meetings[mention.meeting]["lines"].append(
            {"line": mention.line, "text": mention.text, "anchor": mention.anchor, "title": mention.title}
        )
    ordered = sorted(meetings, key=lambda m: (dates[m], m), reverse=True)
    return {
        "id": reference.id,
        "repo": reference.repo,
        "number": reference.number,
        "url": reference.url,
        "kind": _reference_kind(reference.url),
        "title": reference.title,
        "mentions": len(reference.mentions),
        "meeting_count": len(ordered),
        "meetings": [meetings[m] for m in ordered[:REFERENCE_MEETINGS]],
        "more": max(0, len(ordered) - REFERENCE_MEETINGS),
    }


def _placed(repositories: list[Repository]) -> tuple[list[Repository], list[tuple[Repository, str]]]:
    """The small repositories stay on the index, as long as it has room; the others get pages of their own
    (with their slug)."""
    room = PAGE_BUDGET - WEIGHTS.frame - WEIGHTS.row * len(repositories)
    taken: set[str] = set()
    inline, apart = [], []
    for group in repositories:
        weight = sum(_weight(r) for r in group["references"])
        if weight <= min(room, PAGE_BUDGET // 4):
            room -= weight
            inline.append(group)
        else:
            apart.append((group, unique(slugify(group["repo"], "repository"), taken)))
    return inline, apart


def _weight(reference: ReferenceItem) -> int:
    lines = sum(len(meeting["lines"]) for meeting in reference["meetings"])
    return (
        WEIGHTS.item
        + HTML_PER_MARKDOWN * len(reference["title"] or "")
        + WEIGHTS.part * len(reference["meetings"])
        + WEIGHTS.line * lines
    )


def _reference_kind(url: str) -> str:
    """``pull``, ``issues`` or ``discussions``, as the reference's address says; "" when it does not."""
    for kind in ("pull", "issues", "discussions"):
        if f"/{kind}/" in url:
            return kind
    return ""
