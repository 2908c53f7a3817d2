"""Every page the plugin adds to a site, in one call: the core's last step before MkDocs renders."""

from __future__ import annotations

from ..index import Archive
from ..paths import person_path
from .pages import PageSpec, archive_page, home_page, log_page, meeting_page, people_index, person_page
from .record_pages import home_records, meeting_records, person_records, record_pages


def build_pages(archive: Archive, site_name: str = "Minutes") -> list[PageSpec]:
    """Meetings, running logs, people, decisions, action items, topics, references, archive and home."""
    pages: list[PageSpec] = []
    pages.extend(meeting_page(meeting, archive, meeting_records(archive, meeting.id)) for meeting in archive.meetings)
    pages.extend(log_page(source, ids, archive) for source, ids in archive.logs.items())
    pages.extend(
        person_page(
            person,
            archive,
            list(archive.entries_of.get(person.id, ())),
            person_records(archive, person.id, person_path(person.id)),
        )
        for person in archive.people
    )
    pages.append(people_index(archive))
    pages.append(people_index(archive, "name"))
    pages.extend(record_pages(archive))
    pages.append(archive_page(archive))
    pages.append(home_page(archive, site_name, home_records(archive)))
    return pages
