"""Atom feeds of the newest meetings and the newest decisions (SPEC section 3); no MkDocs here.

A feed reader wants absolute links: they are made from the site's ``site_url``; without one the links
stay site-relative, which most readers resolve against the feed's own address.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..index import Archive
from ..paths import DECISIONS_FEED, MEETINGS_FEED
from ..reading.inline import plain_text
from .pages import meeting_label

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    url: str
    date: dt.date
    summary: str


def _atom(title: str, self_url: str, site_url: str, entries: Iterable[FeedEntry]) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    items = list(entries)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM}}}link", href=self_url, rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url or "./")
    newest = max((item.date for item in items), default=dt.date(1970, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{newest.isoformat()}T00:00:00Z"
    for item in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = item.id
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item.title
        ET.SubElement(entry, f"{{{ATOM}}}link", href=item.url)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{item.date.isoformat()}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = item.summary
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def atom_feeds(archive: Archive, site_name: str, site_url: str, url: Callable[[str, str], str]) -> dict[str, str]:
    """``{path: Atom XML}`` for the meetings and decisions feeds; ``url(page_path, anchor)`` is site-relative."""
    base = site_url.rstrip("/") + "/" if site_url else ""

    def absolute(path: str, anchor: str = "") -> str:
        return base + url(path, anchor)

    meetings = [
        FeedEntry(
            absolute(meeting.page_path),
            meeting_label(meeting),
            absolute(meeting.page_path),
            meeting.date,
            f"{archive.series[meeting.series].name}: {plain_text(meeting.content, 300)}",
        )
        for meeting in reversed(archive.meetings[-FEED_ENTRIES:])
    ]
    newest = sorted(archive.decisions, key=lambda d: (archive.meeting(d.meeting).date, d.line), reverse=True)
    decisions = []
    for decision in newest[:FEED_ENTRIES]:
        meeting = archive.meeting(decision.meeting)
        decisions.append(
            FeedEntry(
                absolute(meeting.page_path, decision.anchor),
                plain_text(decision.text, 120),
                absolute(meeting.page_path, decision.anchor),
                meeting.date,
                f"{meeting_label(meeting)}" + (f", on {decision.topic}" if decision.topic else ""),
            )
        )
    return {
        MEETINGS_FEED: _atom(f"{site_name}: meetings", base + MEETINGS_FEED, site_url, meetings),
        DECISIONS_FEED: _atom(f"{site_name}: decisions", base + DECISIONS_FEED, site_url, decisions),
    }
