"""What the search indexes, described for Pagefind; no MkDocs, no Pagefind here.

A reader finds each thing once, where it lives:

- a meeting by its notes, on its meeting page: ``page_document`` wraps the notes as rendered with the
  meeting's title, filters and sort key, and Pagefind makes a sub-result of every heading;
- each decision and action item as a record of its own, whose URL is its paragraph (``archive_records``);
- each person and topic by name (aliases, handles, abbreviations, affiliation), never by the text of
  their pages, which repeat what the meetings say;
- a site's own pages (an about page) by their text.

The plugin's listing pages (home, archive, people, decisions log, action items, topics, references, a
running log's own page) repeat what is indexed already, and are not indexed.

Filters hold ids (``person=olivier``, ``kind=decision``), which the search page's choices name; meta is
what a result shows; ``date`` (ISO) is the sort key.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from typing import Literal

from ..index import Archive
from ..model import Meeting
from ..paths import SEARCH, page_url, person_path, topic_path
from ..reading.inline import plain_text
from ..slugs import fold
from .pages import PageSpec
from .words import Words

Kind = Literal["meeting", "decision", "action", "person", "topic", "page"]
KINDS: tuple[Kind, ...] = ("meeting", "decision", "action", "person", "topic", "page")  # named by the templates
# Pagefind's filters, in the order the search page offers them.
FILTERS = ("person", "topic", "series", "year", "kind")
# What Pagefind skips in a page it indexes: the permalink sign after every heading.
EXCLUDE_SELECTORS = (".headerlink",)


@dataclass(frozen=True)
class Fields:
    """What a result says besides its text: its title, kind and date, what it shows, what filters it."""

    title: str
    kind: Kind
    date: str = ""  # ISO, the sort key; "" for what has no date
    meta: Mapping[str, str] = field(default_factory=dict)  # shown with the result: series, meeting, owners...
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)  # ids: person, topic, series, year
    also: tuple[Kind, ...] = ()  # the other kinds of the same paragraph: a decision that is an action item too

    def pagefind_meta(self, words: Words | None = None) -> dict[str, str]:
        words = words or Words()
        meta = {"title": self.title, "kind": " · ".join(words.kind(kind) for kind in (self.kind, *self.also))}
        if self.date:
            meta["date"] = self.date
            meta["when"] = words.day(self.date)
        meta.update({key: value for key, value in self.meta.items() if value})
        return meta

    def pagefind_filters(self) -> dict[str, list[str]]:
        filters = {key: list(dict.fromkeys(values)) for key, values in self.filters.items() if values}
        filters["kind"] = [self.kind, *self.also]
        return filters

    def pagefind_sort(self) -> dict[str, str]:
        return {"date": self.date} if self.date else {}


@dataclass(frozen=True)
class Record:
    """An entry of the index that is no page: a decision, an action item, a person, a topic."""

    url: str  # site-relative, from the root: "/sklearn-team/2022-02-08/#decision-approved-slep06"
    content: str  # plain text, what is searched
    fields: Fields


def search_url(path: str, use_directory_urls: bool = True, anchor: str = "") -> str:
    """The URL the index gives the page at ``path`` (and one of its paragraphs), from the site root.

    Pagefind's script prefixes it with the folder the site is served from, so that the same index works
    at ``/`` and under a sub-path (a GitHub Pages project site).
    """
    return "/" + page_url(path, use_directory_urls) + (f"#{anchor}" if anchor else "")


def meeting_fields(meeting: Meeting, archive: Archive, words: Words) -> Fields:
    """A meeting page's title, date, series, attendees and topics."""
    return Fields(
        title=words.meeting(meeting),
        kind="meeting",
        date=meeting.date.isoformat(),
        meta={"series": archive.series[meeting.series].name},
        filters={
            "series": [meeting.series],
            "year": [str(meeting.date.year)],
            "person": archive.attendees.get(meeting.id, ()),
            "topic": archive.meeting_topics.get(meeting.id, ()),
        },
    )


def page_fields(title: str) -> Fields:
    """A page of the site's own, which is neither a meeting nor a page of the plugin."""
    return Fields(title=title, kind="page")


def page_document(content: str, fields: Fields, language: str = "en", words: Words | None = None) -> str:
    """The HTML that Pagefind indexes for a page: its rendered body, titled, with its filters and sort key.

    Filters, meta and sort key ride on empty elements (``data-pagefind-filter="person[data-value]"``
    takes its value from an attribute, so a value may hold a comma), so that none of them is searched
    as text.
    """
    marks = []
    for key, value in fields.pagefind_meta(words or Words()).items():
        if key != "title":
            marks.append(f'<span data-pagefind-meta="{key}[data-value]" data-value="{escape(value)}"></span>')
    for key, values in fields.pagefind_filters().items():
        for value in values:
            marks.append(f'<span data-pagefind-filter="{key}[data-value]" data-value="{escape(value)}"></span>')
    for key, value in fields.pagefind_sort().items():
        marks.append(f'<span data-pagefind-sort="{key}[data-value]" data-value="{escape(value)}"></span>')
    return (
        f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8"></head><body>'
        f"<main data-pagefind-body>{''.join(marks)}"
        f'<h1 data-pagefind-meta="title">{escape(fields.title, quote=False)}</h1>\n{content}\n</main></body></html>'
    )


def archive_records(archive: Archive, use_directory_urls: bool = True, words: Words | None = None) -> Iterator[Record]:
    """Every decision, action item, person and topic of the archive, as records of the index."""
    words = words or Words()
    series = {series_id: item.name for series_id, item in archive.series.items()}
    # Pagefind keeps one record an address: a line that is a decision and an action item ("We will change
    # the configuration") is one record of both kinds, found by either filter.
    records: dict[str, Record] = {}
    for decision in archive.decisions:
        meeting = archive.meeting(decision.meeting)
        meta = {"series": series[meeting.series], "section": decision.topic}
        filters = {"person": list(decision.people), "topic": list(decision.topics)}
        record = _meeting_record(
            meeting,
            decision.anchor,
            decision.text,
            "decision",
            meta,
            filters,
            use_directory_urls,
            decision.subject,
            title=words.meeting(meeting),
        )
        records.setdefault(record.url, record)
    for action in archive.actions:
        meeting = archive.meeting(action.meeting)
        owners = [archive.person(owner).name for owner in action.owners] + list(action.names)
        meta = {"series": series[meeting.series], "owners": ", ".join(owners), "status": action.status}
        filters = {"person": list(action.owners), "status": [action.status]}
        record = _meeting_record(
            meeting,
            action.anchor,
            action.text,
            "action",
            meta,
            filters,
            use_directory_urls,
            action.subject,
            title=words.meeting(meeting),
        )
        both = records.get(record.url)
        if both is not None and both.fields.kind == "decision" and not both.fields.also:
            people = [*both.fields.filters.get("person", ()), *action.owners]
            fields = replace(
                both.fields,
                also=("action",),
                meta={**both.fields.meta, **{key: value for key, value in meta.items() if key != "series"}},
                filters={**both.fields.filters, "person": list(dict.fromkeys(people)), "status": [action.status]},
            )
            record = replace(both, fields=fields)
        records[record.url] = record
    yield from records.values()
    for person in archive.people:
        attended = archive.attendance.get(person.id, ())
        last = archive.meeting(attended[-1]).date.isoformat() if attended else ""
        names = [person.name, *person.aliases, *(f"@{handle}" for handle in person.handles), *person.abbreviations]
        yield Record(
            search_url(person_path(person.id), use_directory_urls),
            " ".join([*dict.fromkeys(names), person.affiliation]).strip(),
            Fields(
                title=person.name,
                kind="person",
                date=last,
                meta={
                    "affiliation": person.affiliation,
                    "meetings": words.meetings(len(attended)),
                },
                filters={"person": [person.id]},
            ),
        )
    for topic in archive.topics:
        last = archive.meeting(topic.meetings[-1]).date.isoformat() if topic.meetings else ""
        count = len(topic.meetings)
        yield Record(
            search_url(topic_path(topic.id), use_directory_urls),
            topic.name,
            Fields(
                title=topic.name,
                kind="topic",
                date=last,
                meta={"meetings": words.meetings(count)},
                filters={"topic": [topic.id]},
            ),
        )


def search_page(archive: Archive) -> PageSpec:
    """The search page: a query, filters (person, topic, series, year, kind) and an order, kept in its URL.

    The page gives the choices as ids and names; the template (``minutes/search.html``) has the words.
    """
    years = sorted({meeting.date.year for meeting in archive.meetings}, reverse=True)
    choices = {
        "person": [(person.id, person.name) for person in sorted(archive.people, key=lambda p: (fold(p.name), p.id))],
        "topic": [(topic.id, topic.name) for topic in sorted(archive.topics, key=lambda t: (fold(t.name), t.id))],
        "series": sorted(((s.id, s.name) for s in archive.series.values()), key=lambda pair: fold(pair[1])),
        "year": [(str(year), str(year)) for year in years],
        "kind": [(kind, "") for kind in KINDS],  # named by the template
    }
    context = {
        "filters": [{"key": key, "options": choices[key]} for key in FILTERS if choices[key]],
        "sorts": ["", "date:desc", "date:asc"],
    }
    return PageSpec(SEARCH, "search", "minutes/search.html", context=context)


def _meeting_record(
    meeting: Meeting,
    anchor: str,
    text: str,
    kind: Kind,
    meta: dict[str, str],
    filters: dict[str, list[str]],
    use_directory_urls: bool,
    subject: str = "",
    *,
    title: str,
) -> Record:
    """A decision or action item: a record of its own, found by its text, that links to its paragraph; its
    text is led by its subject, when it has one (``Vote on the new charter: Approved``)."""
    return Record(
        search_url(meeting.page_path, use_directory_urls, anchor),
        f"{subject}: {plain_text(text)}" if subject else plain_text(text),
        Fields(
            title=title,
            kind=kind,
            date=meeting.date.isoformat(),
            meta=meta,
            filters={"series": [meeting.series], "year": [str(meeting.date.year)], **filters},
        ),
    )
