"""Every page the plugin adds to a site, in one call: the core's last step before MkDocs renders."""

from __future__ import annotations

from ..index import Archive
from .pages import PageSpec, archive_page, home_page, log_page, meeting_page, people_index
from .person_pages import person_pages
from .record_pages import record_pages


def build_pages(archive: Archive) -> list[PageSpec]:
    """Meetings, running logs, people, decisions, action items, topics, references, archive and home."""
    pages: list[PageSpec] = [meeting_page(meeting, archive) for meeting in archive.meetings]
    pages.extend(log_page(source, ids, archive) for source, ids in archive.logs.items())
    for person in archive.people:
        pages.extend(person_pages(person, archive))
    pages.append(people_index(archive))
    pages.append(people_index(archive, "name"))
    pages.extend(record_pages(archive))
    pages.append(archive_page(archive))
    pages.append(home_page(archive))
    return pages
