"""Pages that stay light however large the archive: a long list cut into numbered pages; no MkDocs here.

A list (a person's reports, the decisions of a year, the action items, a repository's references, a topic's
meetings) fills pages up to a budget, each item weighed from its Markdown before it is rendered. Every
page then gets the same ``pages`` context, which ``templates/minutes/partials/pagination.html`` renders as
links from each page to every other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# What a page's records may weigh, estimated from their Markdown before they are rendered: rendered HTML
# (highlighted code above all) is heavier than its Markdown, and the page's frame adds some 40 KB.
PAGE_BUDGET = 150_000
HTML_PER_MARKDOWN = 2


def fill(items: Iterable[T], weight: Callable[[T], int], budget: int = PAGE_BUDGET, first: int = 0) -> list[list[T]]:
    """``items`` in order, cut into pages of at most ``budget`` each; always at least one page.

    ``first`` is what the first page holds besides (its counts and records). An item of no weight stays
    with the one before it; an item heavier than a page has a page of its own.
    """
    pages: list[list[T]] = [[]]
    used = first
    for item in items:
        cost = weight(item)
        if used + cost > budget and pages[-1] and cost:
            pages.append([])
            used = 0
        pages[-1].append(item)
        used += cost
    return pages


def pagination(paths: Sequence[str], number: int, spans: Sequence[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The ``pages`` context of page ``number`` (from 1) of ``paths``: what the pagination partial renders.

    Each span describes one page for its link's title (the dates of its newest and oldest item: ``newest``,
    ``oldest``), and says its ``path``.
    """
    count = len(paths)
    return {
        "number": number,
        "count": count,
        "paths": list(paths),
        "spans": list(spans) if spans is not None else [{"path": path} for path in paths],
        "previous": paths[number - 2] if number > 1 else None,
        "next": paths[number] if number < count else None,
    }


@dataclass(frozen=True)
class Weights:
    """What a kind of page weighs in HTML besides the Markdown of its items (``HTML_PER_MARKDOWN`` a character)."""

    frame: int  # what each page holds besides its items: header, counts, filters, the list of years
    item: int  # what one item adds: its meeting, series, agenda item, topics, people
    part: int = 0  # what a part of an item adds: a topic's excerpt, a reference's meeting
    line: int = 0  # what a line of a part adds: a reference's line
    row: int = 0  # what a row of an index adds: a repository listed


@dataclass(frozen=True)
class Paged(Generic[T]):
    """One page of a paged list: its path, its items, and its ``pages`` context."""

    path: str
    number: int  # from 1
    items: list[T]
    pages: dict[str, Any]


def paged(
    items: Iterable[T],
    weight: Callable[[T], int],
    path: Callable[[int], str],
    *,
    first: int = 0,
    budget: int = PAGE_BUDGET,
    span: Callable[[list[T]], dict[str, Any]] | None = None,
) -> list[Paged[T]]:
    """``items`` cut into pages (``fill``), each with its path (``path(number)``) and pagination; ``span``
    describes a page's items for its link's title (``pagination``)."""
    chunks = fill(items, weight, budget, first)
    paths = [path(number) for number in range(1, len(chunks) + 1)]
    spans = [{"path": at, **span(chunk)} for at, chunk in zip(paths, chunks, strict=True)] if span else None
    return [
        Paged(paths[number - 1], number, chunk, pagination(paths, number, spans))
        for number, chunk in enumerate(chunks, 1)
    ]
