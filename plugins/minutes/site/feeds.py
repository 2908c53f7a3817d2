"""Atom feeds of the newest meetings (of the archive and of each series) and decisions; no MkDocs here.

A feed reader resolves nothing: every link in a feed is absolute, made from the site's ``site_url``, and
without one there is no feed (``atom_feeds`` returns none, and the plugin says so once).

The archive's two feeds sit at the site root (``meetings.xml``, ``decisions.xml``), where the pages'
``<link rel="alternate">`` point: Material for MkDocs fetches ``sitemap.xml`` beside every such link (for
its language selector), and at the root that is the site's own sitemap, while beside ``feeds/x.xml`` it
would be a request for ``feeds/sitemap.xml`` that fails on every page. The feeds of each series
(``feeds/<series>.xml``, with the series' calendar ``feeds/<series>.ics`` beside it) are linked from the archive
page only. Every person and every topic has a feed of its new entries (``person-<id>.xml``: reports, decisions,
action items; ``topic-<id>.xml``: meetings and decisions), at the root too, as their pages link them in their head.
"""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..index import Archive
from ..model import Meeting, Person, Topic
from ..paths import (
    CALENDAR,
    DECISIONS_FEED,
    MEETINGS_FEED,
    page_url,
    person_feed,
    series_calendar,
    series_feed,
    site_base,
    topic_feed,
)
from ..reading.inline import plain_text
from .calendar import ics_calendar
from .words import Words

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50
Link = Callable[[str, str], str]  # (page path, anchor) -> absolute URL


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    url: str
    date: dt.date
    summary: str


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative: "meetings.xml", "feeds/tsc.xml"
    title: str
    entries: tuple[FeedEntry, ...]


def _atom(feed: Feed, base: str, site_name: str) -> str:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(root, f"{{{ATOM}}}title").text = feed.title
    ET.SubElement(root, f"{{{ATOM}}}id").text = base + feed.path
    ET.SubElement(root, f"{{{ATOM}}}link", href=base + feed.path, rel="self", type="application/atom+xml")
    ET.SubElement(root, f"{{{ATOM}}}link", href=base, rel="alternate", type="text/html")
    newest = max((entry.date for entry in feed.entries), default=dt.date(1970, 1, 1))
    ET.SubElement(root, f"{{{ATOM}}}updated").text = f"{newest.isoformat()}T00:00:00Z"
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = site_name
    for item in feed.entries:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = item.id
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item.title
        ET.SubElement(entry, f"{{{ATOM}}}link", href=item.url, rel="alternate", type="text/html")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{item.date.isoformat()}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = item.summary
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def feeds(archive: Archive, site_name: str, base: str, url: Callable[[str, str], str], words: Words) -> list[Feed]:
    """The archive's feeds: its meetings, its decisions, each series' meetings; ``base`` is absolute."""

    def absolute(path: str, anchor: str = "") -> str:
        return base + url(path, anchor)

    def meeting_entries(meetings: Sequence[Meeting]) -> tuple[FeedEntry, ...]:
        return tuple(
            FeedEntry(
                absolute(meeting.page_path),
                words.meeting(meeting),
                absolute(meeting.page_path),
                meeting.date,
                f"{archive.series[meeting.series].name}: {plain_text(meeting.content, 300)}",
            )
            for meeting in reversed(meetings[-FEED_ENTRIES:])
        )

    newest = sorted(archive.decisions, key=lambda d: (archive.meeting(d.meeting).date, d.line), reverse=True)
    decisions = []
    for decision in newest[:FEED_ENTRIES]:
        meeting = archive.meeting(decision.meeting)
        link = absolute(meeting.page_path, decision.anchor)
        about = f", on {decision.topic}" if decision.topic else ""
        decisions.append(
            FeedEntry(link, plain_text(decision.text, 120), link, meeting.date, words.meeting(meeting) + about)
        )
    result = []
    for title, path, series in feed_links(archive, site_name, words):
        if path == DECISIONS_FEED:
            result.append(Feed(path, title, tuple(decisions)))
        else:
            meetings = [meeting for meeting in archive.meetings if series in ("", meeting.series)]
            result.append(Feed(path, title, meeting_entries(meetings)))
    result += [person_entries(archive, person, site_name, absolute, words) for person in archive.people]
    result += [topic_entries(archive, topic, site_name, absolute, words) for topic in archive.topics]
    return result


def _newest(entries: list[FeedEntry]) -> tuple[FeedEntry, ...]:
    """The newest entries, once each (by id), at most ``FEED_ENTRIES``."""
    unique = {entry.id: entry for entry in sorted(entries, key=lambda entry: entry.date)}
    return tuple(sorted(unique.values(), key=lambda entry: entry.date, reverse=True)[:FEED_ENTRIES])


def _entry(link: str, line: int, title: str, meeting: Meeting, summary: str) -> FeedEntry:
    """An entry of a person's or a topic's feed: its id the paragraph's address, or the line's without one."""
    identifier = link if "#" in link else f"{link}#line-{line}"
    return FeedEntry(identifier, title, link, meeting.date, summary)


def person_entries(archive: Archive, person: Person, site_name: str, absolute: Link, words: Words) -> Feed:
    """A person's feed: what they reported, the decisions they took part in, the action items they own."""
    entries = []
    for item in archive.entries_of.get(person.id, ()):
        meeting = archive.meeting(item.meeting)
        link = absolute(meeting.page_path, item.entry.anchor)
        title = words.report_title(person.name, meeting)
        entries.append(_entry(link, item.entry.line, title, meeting, plain_text(item.entry.text, 300)))
    for decision in archive.decisions_of_person.get(person.id, ()):
        meeting = archive.meeting(decision.meeting)
        link = absolute(meeting.page_path, decision.anchor)
        title = words.record_title("decision", plain_text(decision.text, 120))
        entries.append(_entry(link, decision.line, title, meeting, words.meeting(meeting)))
    for action in archive.actions_of_person.get(person.id, ()):
        meeting = archive.meeting(action.meeting)
        link = absolute(meeting.page_path, action.anchor)
        title = words.record_title("action", plain_text(action.text, 120), action.status)
        entries.append(_entry(link, action.line, title, meeting, words.meeting(meeting)))
    return Feed(person_feed(person.id), words.feed_title("person", site_name, person.name), _newest(entries))


def topic_entries(archive: Archive, topic: Topic, site_name: str, absolute: Link, words: Words) -> Feed:
    """A topic's feed: the meetings that touched it, with their excerpt, and its decisions."""
    entries = []
    for mention in topic.mentions:
        meeting = archive.meeting(mention.meeting)
        link = absolute(meeting.page_path, mention.anchor)
        entries.append(_entry(link, mention.line, words.meeting(meeting), meeting, mention.excerpt))
    for decision in archive.decisions:
        if topic.id in decision.topics:
            meeting = archive.meeting(decision.meeting)
            link = absolute(meeting.page_path, decision.anchor)
            title = words.record_title("decision", plain_text(decision.text, 120))
            entries.append(_entry(link, decision.line, title, meeting, words.meeting(meeting)))
    return Feed(topic_feed(topic.id), words.feed_title("topic", site_name, topic.name), _newest(entries))


def atom_feeds(
    archive: Archive, site_name: str, site_url: str, url: Callable[[str, str], str], words: Words | None = None
) -> dict[str, str]:
    """``{path: Atom XML}`` of every feed; none without ``site_url``. ``url(page_path, anchor)`` is site-relative."""
    base = site_base(site_url)
    if not base:
        return {}
    found = feeds(archive, site_name, base, url, words or Words())
    return {feed.path: _atom(feed, base, site_name) for feed in found}


def feed_links(archive: Archive, site_name: str, words: Words) -> list[tuple[str, str, str]]:
    """``(title, site-relative path, series id or "")`` of every feed, for the pages that list them."""
    links = [
        (words.feed_title("meetings", site_name), MEETINGS_FEED, ""),
        (words.feed_title("decisions", site_name), DECISIONS_FEED, ""),
    ]
    for series in sorted(archive.series.values(), key=lambda series: series.id):
        links.append((words.feed_title("series", site_name, series.name), series_feed(series.id), series.id))
    return links


def write_feeds(
    archive: Archive,
    site_dir: str,
    site_name: str,
    site_url: str,
    use_directory_urls: bool = True,
    *,
    feeds: bool = True,
    calendar: bool = True,
    words: Words | None = None,
) -> list[str] | None:
    """Write the Atom feeds and ``meetings.ics`` into ``site_dir``: the paths written, None without ``site_url``."""
    if not (feeds or calendar):
        return []
    if not site_base(site_url):
        return None

    def url(path: str, anchor: str = "") -> str:
        return page_url(path, use_directory_urls) + (f"#{anchor}" if anchor else "")

    words = words or Words()
    files = atom_feeds(archive, site_name, site_url, url, words) if feeds else {}
    if calendar:
        files[CALENDAR] = ics_calendar(archive, site_name, site_url, url, words=words) or ""
        for series in archive.series:
            files[series_calendar(series)] = ics_calendar(archive, site_name, site_url, url, series, words) or ""
    for path, text in files.items():
        target = os.path.join(site_dir, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as handle:  # the calendar's lines end in CRLF
            handle.write(text)
    return sorted(files)
