"""The pages of the site, as Markdown plus template data; no MkDocs here.

Every generated page is a ``PageSpec``: where it goes, its title, the
template that frames it and the Markdown body that MkDocs renders (so search,
the table of contents and permalinks work as on any page). Links between
pages are written as relative ``.md`` links, which MkDocs checks and rewrites.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..index import Archive
from ..model import Meeting, Person, PersonEntry
from ..paths import ARCHIVE, HOME, PEOPLE, PEOPLE_BY_NAME, person_path
from ..slugs import fold
from .charts import monthly_bars

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
HOME_MEETINGS = 15


@dataclass(frozen=True)
class PageSpec:
    path: str  # where the page goes, relative to the docs folder: "people/olivier.md"
    title: str
    template: str  # "minutes/person.html"
    markdown: str
    in_nav: bool = False
    edit_path: str | None = None  # the note to edit, relative to the docs folder
    context: dict[str, Any] = field(default_factory=dict)


def relative(from_path: str, to_path: str) -> str:
    """A relative link from one page's Markdown file to another's."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def format_day(date: dt.date) -> str:
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def format_range(start: dt.date, end: dt.date | None) -> str:
    if end is None or end == start:
        return format_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {MONTH_NAMES[start.month - 1]} – {format_day(end)}"
    return f"{format_day(start)} – {format_day(end)}"


def meeting_label(meeting: Meeting) -> str:
    """The meeting's title with its date, unless the title holds it already."""
    when = format_range(meeting.date, meeting.end_date)
    if re.search(r"\d{4}|\b\d{1,2}(st|nd|rd|th)?\b", meeting.title):
        return meeting.title
    return f"{meeting.title}, {when}"


def counted(number: int, singular: str, plural: str = "") -> str:
    """``1 decision``, ``2 decisions``, ``3 people``."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>])")


def md_text(text: str) -> str:
    """Plain text made safe to place in generated Markdown."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\\&lt;", "&lt;").replace("\\&gt;", "&gt;")


def md_link(text: str, from_path: str, to_path: str, anchor: str = "") -> str:
    target = relative(from_path, to_path) + (f"#{anchor}" if anchor else "")
    return f"[{md_text(text)}](<{target}>)"


def _meeting_line(meeting: Meeting, archive: Archive, from_path: str) -> str:
    series = archive.series[meeting.series].name
    return f"- {md_link(meeting_label(meeting), from_path, meeting.page_path)} · {md_text(series)}"


def meeting_page(meeting: Meeting, archive: Archive, records: dict[str, Any] | None = None) -> PageSpec:
    """The meeting's notes; ``records`` (its decisions, action items, topics) go to the template."""
    path = meeting.page_path

    def neighbour(meeting_id: str | None) -> dict[str, str] | None:
        if meeting_id is None:
            return None
        other = archive.meeting(meeting_id)
        return {"path": other.page_path, "title": meeting_label(other)}

    attendees = [
        {"name": archive.person(person_id).name, "path": person_path(person_id)}
        for person_id in archive.attendees.get(meeting.id, ())
    ]
    context = {
        "kind": "meeting",
        "title": meeting.title,
        "when": format_range(meeting.date, meeting.end_date),
        "date": meeting.date.isoformat(),
        "end_date": meeting.end_date.isoformat() if meeting.end_date else None,
        "series": archive.series[meeting.series].name,
        "location": meeting.location,
        "tags": list(meeting.tags),
        "attendees": attendees,
        "previous": neighbour(archive.previous.get(meeting.id)),
        "next": neighbour(archive.next.get(meeting.id)),
        "source": meeting.source,
        "source_line": meeting.source_line,
        "extra": meeting.extra,
        **(records or {}),
    }
    content = without_title_heading(meeting.content, meeting.title)
    return PageSpec(path, meeting_label(meeting), "minutes/meeting.html", content, False, meeting.source, context)


_H1 = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")


def without_title_heading(content: str, title: str) -> str:
    """The notes without a first ``# Title`` that says what the page header says already.

    The line is blanked, not removed, so that the page's lines stay those of the note.
    """
    lines = content.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return content
    match = _H1.match(lines[first])
    if match is None or fold(match.group(1)) != fold(title):
        return content
    lines[first] = ""
    return "\n".join(lines)


def log_page(source: str, meeting_ids: tuple[str, ...], archive: Archive) -> PageSpec:
    """The page at a running log's own address: its meetings, so old links still land."""
    meetings = [archive.meeting(meeting_id) for meeting_id in meeting_ids]
    title = posixpath.splitext(posixpath.basename(source))[0]
    series = archive.series[meetings[0].series].name if meetings else ""
    lines = [
        f"# {md_text(series)}: {md_text(title)}",
        "",
        "Meetings in this note, as written (newest first in most logs):",
        "",
    ]
    lines += [_meeting_line(meeting, archive, source) for meeting in meetings]
    return PageSpec(
        source, f"{series}: {title}", "minutes/index.html", "\n".join(lines) + "\n", False, source, {"kind": "log"}
    )


# How a person page introduces an entry, by where the entry came from.
ENTRY_LINKS = {
    "heading": "Their section of the notes",
    "name-tag": "Signed in the notes",
    "speaker": "Said in the meeting",
    "leader": "Led this session",
}


def person_page(
    person: Person, archive: Archive, entries: list[PersonEntry] | None = None, records: Sequence[str] = ()
) -> PageSpec:
    """Who the person is, how often they came, then every entry, newest meeting first.

    ``entries`` (the person's, oldest first) saves scanning the archive once per person; ``records``
    are the Markdown lines of their action items, decisions and topics.
    """
    path = person_path(person.id)
    attended = [archive.meeting(meeting_id) for meeting_id in archive.attendance.get(person.id, ())]
    if entries is None:
        entries = [entry for entry in archive.entries if entry.person == person.id]
    by_meeting: dict[str, list[PersonEntry]] = defaultdict(list)
    for item in entries:
        by_meeting[item.meeting].append(item)
    lines: list[str] = []
    if entries:
        lines += ["## Reports", ""]
        for meeting_id in sorted(by_meeting, key=lambda m: archive.meeting(m).date, reverse=True):
            meeting = archive.meeting(meeting_id)
            lines += [
                f"### {md_text(meeting_label(meeting))} {{#{meeting_id.replace('/', '-')}}}",
                "",
                f"{md_link(archive.series[meeting.series].name, path, meeting.page_path)}",
                "",
            ]
            block: list[str] = []
            for item in by_meeting[meeting_id]:
                label = ENTRY_LINKS.get(item.entry.source, "In the notes")
                block += [
                    f"*{md_link(label, path, meeting.page_path, item.entry.anchor)}*",
                    "",
                    rebase_links(item.entry.text, meeting.page_path, path),
                    "",
                ]
            lines += _unsearched(block)
    silent = [meeting for meeting in attended if meeting.id not in by_meeting]
    if silent:
        lines += ["## Also attended", ""]
        for meeting in reversed(silent):
            roles = [
                ROLE_NOTES[role] for role in archive.roles.get(meeting.id, {}).get(person.id, ()) if role in ROLE_NOTES
            ]
            note = f" ({', '.join(dict.fromkeys(roles))})" if roles else ""
            lines.append(_meeting_line(meeting, archive, path) + note)
        lines.append("")
    lines += records
    handles = [{"handle": handle, "url": f"https://github.com/{handle}"} for handle in person.handles]
    context = {
        "kind": "person",
        "name": person.name,
        "aliases": list(person.aliases),
        "handles": handles,
        "abbreviations": list(person.abbreviations),
        "affiliation": person.affiliation,
        "avatar": person.avatar,
        "count": len(attended),
        "entries": len(entries),
        "first": _dated_link(attended[0]) if attended else None,
        "last": _dated_link(attended[-1]) if attended else None,
        "chart": monthly_bars((m.date for m in attended), f"Meetings of {person.name} per month"),
    }
    return PageSpec(path, person.name, "minutes/person.html", "\n".join(lines) + "\n", False, None, context)


_DIV = re.compile(r"</?div\b", re.IGNORECASE)


def _unsearched(block: list[str]) -> list[str]:
    """Entries kept out of the search index: search finds them once, on their meeting's page.

    Material's search skips an element marked ``data-search-exclude``; a block that holds a ``div`` of
    its own is left unwrapped rather than risk unbalancing it.
    """
    if any(_DIV.search(line) for line in block):
        return block
    return ['<div class="minutes-entries" data-search-exclude markdown="1">', "", *block, "</div>", ""]


# What the "Also attended" list says of how a silent attendee appears in a meeting.
ROLE_NOTES = {"owner": "owns an action item", "leader": "leads a session", "front-matter": "listed in front matter"}


def _dated_link(meeting: Meeting) -> dict[str, str]:
    return {"path": meeting.page_path, "title": meeting_label(meeting), "date": meeting.date.isoformat()}


PEOPLE_PAGES = {"activity": PEOPLE, "name": PEOPLE_BY_NAME}


def people_index(archive: Archive, order: str = "activity") -> PageSpec:
    """Everyone, most active first (``people.md``) or by name (``people-by-name.md``)."""
    path = PEOPLE_PAGES[order]
    counts = {person.id: 0 for person in archive.people}
    for item in archive.entries:
        counts[item.person] += 1
    lines = [
        "| Person | Affiliation | Meetings | Reports | First seen | Last seen |",
        "| --- | --- | ---: | ---: | --- | --- |",
    ]
    if order == "activity":
        ranked = sorted(
            archive.people, key=lambda p: (-len(archive.attendance.get(p.id, ())), -counts[p.id], fold(p.name))
        )
    else:
        ranked = sorted(archive.people, key=lambda p: (fold(p.name), p.name))
    for person in ranked:
        attended = archive.attendance.get(person.id, ())
        first = archive.meeting(attended[0]).date.isoformat() if attended else ""
        last = archive.meeting(attended[-1]).date.isoformat() if attended else ""
        lines.append(
            f"| {md_link(person.name, path, person_path(person.id))} | {md_text(person.affiliation)} "
            f"| {len(attended)} | {counts[person.id]} | {first} | {last} |"
        )
    other = "name" if order == "activity" else "activity"
    sorted_by = "most active first" if order == "activity" else "by name"
    intro = (
        f"{len(archive.people)} people in {len(archive.meetings)} meetings, {sorted_by}; "
        f"sort {md_link('by ' + other, path, PEOPLE_PAGES[other])}."
    )
    return PageSpec(
        path,
        "People",
        "minutes/index.html",
        intro + "\n\n" + "\n".join(lines) + "\n",
        order == "activity",
        None,
        {"kind": "people", "order": order},
    )


def archive_page(archive: Archive) -> PageSpec:
    path = ARCHIVE
    by_series: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in archive.meetings:
        by_series[meeting.series].append(meeting)
    lines = [f"{len(archive.meetings)} meetings in {len(by_series)} series.", ""]
    for series_id in sorted(by_series, key=lambda s: archive.series[s].name.casefold()):
        meetings = by_series[series_id]
        lines += [f"## {md_text(archive.series[series_id].name)} {{#{series_id}}}", ""]
        year = month = None
        for meeting in reversed(meetings):
            if meeting.date.year != year:
                year, month = meeting.date.year, None
                lines += ["", f"### {year} {{#{series_id}-{year}}}", ""]
            if meeting.date.month != month:
                month = meeting.date.month
                lines += ["", f"**{MONTH_NAMES[month - 1]}**", ""]
            lines.append(f"- {md_link(meeting_label(meeting), path, meeting.page_path)}")
        lines.append("")
    return PageSpec(path, "Archive", "minutes/index.html", "\n".join(lines) + "\n", True, None, {"kind": "archive"})


def home_page(archive: Archive, site_name: str, records: Sequence[str] = ()) -> PageSpec:
    """Latest meetings, then ``records``: recent decisions and open action items."""
    path = HOME
    lines = [f"# {md_text(site_name)}", ""]
    if archive.meetings:
        first, last = archive.meetings[0].date, archive.meetings[-1].date
        lines += [
            f"{len(archive.meetings)} meetings from {format_day(first)} to {format_day(last)}, "
            f"{len(archive.people)} people. See the {md_link('archive', path, ARCHIVE)} "
            f"and {md_link('everyone', path, PEOPLE)}.",
            "",
            "## Latest meetings",
            "",
        ]
        lines += [_meeting_line(meeting, archive, path) for meeting in reversed(archive.meetings[-HOME_MEETINGS:])]
        lines += ["", *records]
    else:
        lines.append("No meetings yet: add a dated Markdown note to the docs folder.")
    return PageSpec(path, site_name, "minutes/index.html", "\n".join(lines) + "\n", True, None, {"kind": "home"})


_RELATIVE_LINK = re.compile(r"(\]\(\s*<?)(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^)>\s]+)")


def rebase_links(markdown: str, from_page: str, to_page: str) -> str:
    """Rewrite relative links of text moved from one page's folder to another's."""
    source_dir = posixpath.dirname(from_page)
    target_dir = posixpath.dirname(to_page) or "."
    if source_dir == posixpath.dirname(to_page):
        return markdown

    def rebase(match: re.Match[str]) -> str:
        moved = posixpath.relpath(posixpath.normpath(posixpath.join(source_dir, match.group(2))), target_dir)
        return match.group(1) + moved

    return _RELATIVE_LINK.sub(rebase, markdown)
