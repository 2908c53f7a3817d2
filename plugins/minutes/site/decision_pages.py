"""The decisions log: every decision, newest first, grouped by year, as structured data; no MkDocs here.

Produces the ``decisions`` pages (``PageSpec``): ``decisions.md``, and for a log too large for one page,
a page per year (``decisions/<year>.md``, cut into ``decisions/<year>/2.md``... when a year is too
large). Each decision carries its series, year, topics and people, which the template writes as
``data-`` attributes for the filter script (``assets/minutes/filter.js``): filtering needs no server.
"""

from __future__ import annotations

from functools import partial
from typing import Any, TypedDict

from ..index import Archive
from ..paths import DECISIONS, decisions_path
from .pages import PageSpec
from .paging import HTML_PER_MARKDOWN, PAGE_BUDGET, Weights, paged
from .record_items import CANDIDATE, DecisionItem, choices, decision_item, found_filter, fragments

WEIGHTS = Weights(frame=20_000, item=600)
TEMPLATE = "minutes/decisions.html"


class Totals(TypedDict):
    count: int  # the decisions the site shows
    meetings: int  # the meetings that took them
    candidates: int  # listed, hidden until the filter asks


class YearPage(TypedDict):
    year: int
    count: int  # the decisions shown of that year
    path: str  # its first page


class YearGroup(TypedDict):
    year: int
    decisions: list[DecisionItem]


class DecisionsContext(Totals):
    """The context of the one page of a small log."""

    year: int | None  # the one year of the page; None on a log of one page
    years: list[YearGroup]
    filters: list[dict[str, object]]


class YearContext(DecisionsContext):
    """The context of a page of a log of a page per year."""

    year_pages: list[YearPage]  # every year of the log, with its count and first page
    pages: dict[str, Any]


def decisions_pages(archive: Archive) -> list[PageSpec]:
    """Every decision, newest first, grouped by year; the template adds the filters.

    A log that fits a page is one page (``decisions.md``); a larger one has a page per year, the newest
    at ``decisions.md`` and each other at ``decisions/<year>.md``, a year too large for one page cut into
    more (``decisions/<year>/2.md``). Every page lists the years, each a link to its first page, and its
    filters choose among the decisions it shows.

    The candidates (``Archive.candidate_decisions``) are listed among the others, hidden until the filter
    asks for them; they take room on the pages, not a place in the counts.
    """
    decisions = sorted(
        (*archive.decisions, *archive.candidate_decisions),
        key=lambda d: (archive.meeting(d.meeting).date, d.meeting, d.line),
        reverse=True,
    )
    items = [decision_item(decision, archive) for decision in decisions]
    totals: Totals = {
        "count": len(archive.decisions),
        "meetings": len({decision.meeting for decision in archive.decisions}),
        "candidates": len(archive.candidate_decisions),
    }
    if sum(decision_weight(item) for item in items) + WEIGHTS.frame <= PAGE_BUDGET:
        context: DecisionsContext = {
            **totals,
            "year": None,
            "years": _years(items),
            "filters": _filters(items, archive),
        }
        return [_page(DECISIONS, context, items)]
    return _year_pages(items, totals, archive)


def _year_pages(items: list[DecisionItem], totals: Totals, archive: Archive) -> list[PageSpec]:
    """A page per year (or more, for a large year), the newest year with a decision shown at ``decisions.md``."""
    by_year: dict[int, list[DecisionItem]] = {}
    for item in items:
        by_year.setdefault(item["year"], []).append(item)
    # the newest year with a decision shown by default, not one of candidates alone, is at ``decisions.md``
    newest = next(
        (year for year, shown in by_year.items() if any(item["found"] != CANDIDATE for item in shown)),
        next(iter(by_year), None),
    )
    listed: list[YearPage] = [
        {
            "year": year,
            "count": sum(item["found"] != CANDIDATE for item in shown),
            "path": decisions_path(None if year == newest else year),
        }
        for year, shown in by_year.items()
    ]
    pages = []
    for year, shown in by_year.items():
        at = None if year == newest else year
        for page in paged(
            shown,
            decision_weight,
            partial(decisions_path, at),
            first=WEIGHTS.frame,
            budget=PAGE_BUDGET,
            span=_dates,
        ):
            context: YearContext = {
                **totals,
                "year": year,
                "years": _years(page.items),
                "year_pages": listed,
                "pages": page.pages,
                "filters": _filters(page.items, archive),
            }
            pages.append(_page(page.path, context, page.items))
    return pages


def _page(path: str, context: DecisionsContext, items: list[DecisionItem]) -> PageSpec:
    return PageSpec(
        path,
        "decisions",
        TEMPLATE,
        in_nav=path == DECISIONS,
        context=dict(context),
        fragments=fragments(items),
    )


def decision_weight(item: DecisionItem) -> int:
    """What a decision weighs on a page, in HTML."""
    return HTML_PER_MARKDOWN * len(item["text"]) + WEIGHTS.item


def _dates(items: list[DecisionItem]) -> dict[str, Any]:
    """The dates of the newest and oldest meeting of a page's records, newest first: the pagination's titles."""
    return {
        "newest": items[0]["meeting"]["date"] if items else None,
        "oldest": items[-1]["meeting"]["date"] if items else None,
    }


def _years(items: list[DecisionItem]) -> list[YearGroup]:
    years: list[YearGroup] = []
    for item in items:
        if not years or years[-1]["year"] != item["year"]:
            years.append({"year": item["year"], "decisions": []})
        years[-1]["decisions"].append(item)
    return years


def _filters(items: list[DecisionItem], archive: Archive) -> list[dict[str, object]]:
    """The filters of the decisions shown: each chooses among the values these decisions have."""
    series = {item["meeting"]["series"] for item in items}
    years = {item["year"] for item in items}
    topics = {topic["id"] for item in items for topic in item["topics"]}
    people = {person["id"] for item in items for person in item["people"]}
    return [
        choices("series", ((s, archive.series[s].name) for s in series)),
        choices("year", ((str(y), str(y)) for y in years) if len(years) > 1 else ()),
        choices("topics", ((t.id, t.name) for t in archive.topics if t.id in topics)),
        choices("people", ((p.id, p.name) for p in archive.people if p.id in people)),
        found_filter(item["found"] for item in items),
    ]
