"""The index: every meeting of an archive, resolved and cross-referenced.

Takes the parsed notes and derives, in one step, everything the pages need:
unique page paths, series, people (names resolved across spellings), who
attended what, every person's entries, previous/next meeting of a series, the
records of the meetings joined across them (``records.join``), and each
person's and meeting's records, so that no page derives them again.

Most of that work reads one note's meetings at a time, once people are
resolved; ``noteindex`` keeps it from one build to the next (with the people
and each series' action items), so that a rebuild reads again only the notes
that changed, and the rest is merging.
"""

from __future__ import annotations

import gc
import posixpath
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

from .findings import Finding
from .model import ActionItem, Decision, Meeting, ParsedNote, Person, PersonEntry, Reference, Series, Topic
from .noteindex import (
    KeptIndex,
    MeetingIndex,
    PlacedNote,
    kept_or_followed,
    kept_or_indexed,
    kept_or_resolved,
    placed_notes,
)
from .paths import MEETINGS_DIR, RESERVED_PATHS, is_reserved
from .people.new_names import new_name_findings
from .people.resolve import Resolution
from .people.review import PeopleReview, review_people
from .people.spellings import Node, label_node
from .reading.accounting import Accounting, account
from .reading.series import series_label
from .records.join import ARCHIVE_RECORDS, JoinedMeeting, RecordOptions, Records, join_records, latest_date
from .slugs import Taken, fold, unique


@dataclass(frozen=True)
class Archive:
    meetings: tuple[Meeting, ...]  # oldest first
    series: dict[str, Series]
    people: tuple[Person, ...]
    attendance: dict[str, tuple[str, ...]]  # person id -> meeting ids, oldest first
    attendees: dict[str, tuple[str, ...]]  # meeting id -> person ids
    entries: tuple[PersonEntry, ...]  # oldest first
    logs: dict[str, tuple[str, ...]]  # running log source path -> meeting ids, in file order
    previous: dict[str, str]  # meeting id -> previous meeting id in its series
    next: dict[str, str]
    findings: tuple[Finding, ...]
    # meeting id -> person id -> how the note names them there ("attendee", "heading", "owner", ...)
    roles: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # meeting id -> person id -> how the note says they attended: "excused", "joined at 16:23 UTC", "proposed by Ada"
    statuses: dict[str, dict[str, str]] = field(default_factory=dict)
    names: dict[Node, str] = field(default_factory=dict)  # name node (``people.spellings.Node``) -> person id
    # What the meetings decided, owe, discuss and cite (``records.join``).
    decisions: tuple[Decision, ...] = ()  # oldest meeting first
    actions: tuple[ActionItem, ...] = ()  # by first appearance, oldest first
    topics: tuple[Topic, ...] = ()  # by name
    references: tuple[Reference, ...] = ()  # by repository and number
    meeting_topics: dict[str, tuple[str, ...]] = field(default_factory=dict)  # meeting id -> topic ids
    # The same, by person and by meeting.
    entries_of: dict[str, tuple[PersonEntry, ...]] = field(default_factory=dict)  # person id -> entries, oldest first
    decisions_of_meeting: dict[str, tuple[Decision, ...]] = field(default_factory=dict)
    decisions_of_person: dict[str, tuple[Decision, ...]] = field(default_factory=dict)
    # meeting id -> (action item, its anchor in that meeting), for every meeting that lists the item
    actions_of_meeting: dict[str, tuple[tuple[ActionItem, str], ...]] = field(default_factory=dict)
    actions_of_person: dict[str, tuple[ActionItem, ...]] = field(default_factory=dict)  # owned, open first
    topics_of_person: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)  # (topic id, count)
    accounting: Accounting = field(default_factory=lambda: Accounting(0, 0, 0, ()))  # every note file read
    # Companion pages (a meeting's summary.md, toc.md, README.md): companion id -> the meetings it belongs to,
    # and meeting id -> its companions. A companion is in ``meetings`` (it has a page) with ``companion`` set.
    companion_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    companions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    people_review: PeopleReview = field(default_factory=lambda: PeopleReview(()))  # likely junk and duplicates
    # Records read from the text below the confidence the site shows (``records.review``): listed by
    # ``minutes check`` and ``minutes.json``, and on the record pages only when their filter asks.
    candidate_decisions: tuple[Decision, ...] = ()
    candidate_actions: tuple[ActionItem, ...] = ()

    def find_person(self, label: str) -> str | None:
        """The person a spelling stands for: ``Olivier``, ``olivier``, ``@ogrisel``, ``WH``; None if nobody."""
        return self.names.get(label_node(label.strip()))

    def meeting(self, meeting_id: str) -> Meeting:
        return self._meetings_by_id[meeting_id]

    def person(self, person_id: str) -> Person:
        return self._people_by_id[person_id]

    def topic(self, topic_id: str) -> Topic:
        return self._topics_by_id[topic_id]

    # Lookups by id, made on first use: a frozen dataclass without slots keeps them in its ``__dict__``.
    @cached_property
    def _meetings_by_id(self) -> dict[str, Meeting]:
        return {meeting.id: meeting for meeting in self.meetings}

    @cached_property
    def _people_by_id(self) -> dict[str, Person]:
        return {person.id: person for person in self.people}

    @cached_property
    def _topics_by_id(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.topics}


def _series(meetings: Iterable[Meeting]) -> dict[str, Series]:
    """Every series, labelled as its meetings' titles call it when they agree (``reading.series.series_label``);
    its id, and so its address, stays its folder's."""
    names: dict[str, str] = {}
    titles: dict[str, list[str]] = defaultdict(list)
    for meeting in meetings:
        names.setdefault(meeting.series, meeting.series_name or meeting.series)
        if not meeting.companion:
            titles[meeting.series].append(meeting.title)
    return {key: Series(key, _label(name, tuple(titles[key]))) for key, name in names.items()}


@lru_cache(maxsize=256)
def _label(name: str, titles: tuple[str, ...]) -> str:
    """``series_label``, once a process for the same titles: ``mkdocs serve`` asks again after each edit."""
    return series_label(name, titles)


def build_index(
    notes: Iterable[ParsedNote],
    people_file: Iterable[Person] = (),
    findings: Iterable[Finding] = (),
    records: RecordOptions | None = None,
    kept: KeptIndex | None = None,
) -> Archive:
    """Resolve and cross-reference the meetings of ``notes``.

    ``findings`` come from outside the notes (the people file, checks across
    notes); ``records`` says what a bare ``#123`` refers to and holds the
    topics file. ``kept`` keeps each note's part of the work from one build to
    the next (``noteindex``): only the notes that changed are read again.
    """
    with _collector_paused():
        return _index(notes, people_file, findings, records or RecordOptions(), kept)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the index runs: it makes (and reads from the index cache) hundreds
    of thousands of small objects, none in a cycle, and each collection they set off walks the whole parsed
    archive again (half of the index's time on 5,000 meetings)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _index(
    notes: Iterable[ParsedNote],
    people_file: Iterable[Person],
    findings: Iterable[Finding],
    records: RecordOptions,
    kept: KeptIndex | None,
) -> Archive:
    """``build_index``: meetings placed, people resolved, each note's part kept or made, then merged."""
    notes = sorted(notes, key=lambda note: note.path)
    findings = [*findings, *(finding for note in notes for finding in note.findings)]
    meetings, origin = _published(notes)
    logs = _logs(notes, meetings)
    meetings.sort(key=lambda meeting: (meeting.date, meeting.series, meeting.id))
    meetings, companion_of = _companions(meetings)
    declared = list(people_file)
    placed = placed_notes(meetings, origin, records.default_repository, kept)
    resolution = kept_or_resolved(meetings, placed, declared, kept)
    findings.extend(resolution.findings)
    declared_ids = [resolution.nodes.get(label_node(p.name), "") for p in declared]
    parts, made = _parts(placed, resolution, records.default_repository, kept)
    named = {meeting_id: part.named for meeting_id, part in parts.items()}
    findings.extend(new_name_findings(meetings, named, resolution.people, declared_ids))
    present = _attendance(meetings, parts)
    previous, following = _neighbours(meetings)
    joined_meetings = {key: part.joined for key, part in parts.items()}
    followed = _followed(meetings, joined_meetings, made, records.stale_after, kept)
    joined = join_records(meetings, joined_meetings, records, followed)
    findings.extend(joined.findings)
    return Archive(
        meetings=tuple(meetings),
        series=_series(meetings),
        people=resolution.people,
        attendance={person.id: tuple(present.attendance.get(person.id, ())) for person in resolution.people},
        attendees=present.attendees,
        entries=tuple(present.entries),
        logs=logs,
        previous=previous,
        next=following,
        findings=tuple(findings),
        roles=present.roles,
        statuses={meeting_id: found for meeting_id, found in present.statuses.items() if found},
        names=resolution.nodes,
        **{name: getattr(joined, name) for name in ARCHIVE_RECORDS},
        **_records_by_owner(joined, present.entries, meetings),
        accounting=account(notes),
        companion_of=companion_of,
        companions=_companion_pages(companion_of),
        people_review=review_people(
            meetings, {key: part.seen for key, part in parts.items()}, resolution.people, declared_ids
        ),
    )


def _published(notes: list[ParsedNote]) -> tuple[list[Meeting], dict[str, tuple[str, int]]]:
    """The meetings of ``notes`` that are not drafts, each with its own page path and id (``_unique_paths``),
    and where each comes from: meeting id -> (note path, position among the note's meetings)."""
    found = [(note.path, position, meeting) for note in notes for position, meeting in enumerate(note.meetings)]
    found = [(path, position, meeting) for path, position, meeting in found if not meeting.draft]
    placed = _unique_paths([meeting for _, _, meeting in found])
    origin = {meeting.id: found[index][:2] for index, meeting in placed}
    return [meeting for _, meeting in placed], origin


def _logs(notes: list[ParsedNote], meetings: list[Meeting]) -> dict[str, tuple[str, ...]]:
    """Running logs (and notes of a page path of their own): source path -> its meetings' ids, in file order."""
    of_source: dict[str, list[str]] = defaultdict(list)
    for meeting in meetings:
        of_source[meeting.source].append(meeting.id)
    return {
        note.path: tuple(of_source.get(note.path, ()))
        for note in notes
        if note.meetings
        and (note.running_log or note.meetings[0].page_path != note.path)
        and not is_reserved(note.path)
    }


def _parts(
    placed: list[PlacedNote], resolution: Resolution, default_repository: str, kept: KeptIndex | None
) -> tuple[dict[str, MeetingIndex], dict[str, str]]:
    """What the index makes of each meeting on its own, note by note, kept or made again (``noteindex``); and
    what the part of each meeting's note was made of. Both by meeting id."""
    parts: dict[str, MeetingIndex] = {}
    made: dict[str, str] = {}
    for note in placed:
        part = kept_or_indexed(note, resolution, default_repository, kept)
        parts.update(part.meetings)
        made.update((meeting_id, part.made) for meeting_id in part.meetings)
    return parts, made


def _followed(
    meetings: list[Meeting],
    joined: dict[str, JoinedMeeting],
    made: dict[str, str],
    stale_after: int,
    kept: KeptIndex | None,
) -> list[ActionItem]:
    """The action items of every series (each kept, or followed again if a note of the series changed), in the
    order of their first meetings."""
    by_series: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_series[meeting.series].append(meeting)
    latest = latest_date(meetings)
    items = [
        item
        for series in by_series.values()
        for item in kept_or_followed(series, joined, made, stale_after, latest, kept)
    ]
    position = {meeting.id: index for index, meeting in enumerate(meetings)}
    return sorted(items, key=lambda item: position[item.meeting])


@dataclass
class _Present:
    """Who each meeting names, and how: its attendees, their entries, roles and statuses."""

    attendees: dict[str, tuple[str, ...]] = field(default_factory=dict)  # meeting id -> person ids
    attendance: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # person id -> meeting ids
    entries: list[PersonEntry] = field(default_factory=list)
    roles: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    statuses: dict[str, dict[str, str]] = field(default_factory=dict)


def _attendance(meetings: list[Meeting], parts: dict[str, MeetingIndex]) -> _Present:
    """Each meeting's people (``people.presence``), gathered: who attended what, who reported what."""
    present = _Present()
    for meeting in meetings:
        presence = parts[meeting.id].presence
        if presence is None:
            continue  # a summary names people without their attending anything more
        for person_id, position in presence.entries:
            present.entries.append(PersonEntry(person_id, meeting.id, meeting.entries[position]))
        present.roles[meeting.id] = presence.roles
        present.statuses[meeting.id] = presence.statuses
        present.attendees[meeting.id] = presence.attendees
        for person_id in presence.attendees:
            present.attendance[person_id].append(meeting.id)
    return present


def _neighbours(meetings: list[Meeting]) -> tuple[dict[str, str], dict[str, str]]:
    """The previous and the next meeting of each meeting in its series (companions have none)."""
    previous: dict[str, str] = {}
    following: dict[str, str] = {}
    last_of_series: dict[str, str] = {}
    for meeting in meetings:
        if meeting.companion:
            continue
        before = last_of_series.get(meeting.series)
        if before is not None:
            previous[meeting.id] = before
            following[before] = meeting.id
        last_of_series[meeting.series] = meeting.id
    return previous, following


def _records_by_owner(joined: Records, entries: list[PersonEntry], meetings: list[Meeting]) -> dict[str, Any]:
    """Each person's entries, decisions, action items (open first) and topics (most first), and each meeting's
    decisions and action items: the ``Archive`` fields of the same names."""
    entries_of: dict[str, list[PersonEntry]] = defaultdict(list)
    for item in entries:
        entries_of[item.person].append(item)
    decisions_of_meeting: dict[str, list[Decision]] = defaultdict(list)
    decisions_of_person: dict[str, list[Decision]] = defaultdict(list)
    for decision in joined.decisions:
        decisions_of_meeting[decision.meeting].append(decision)
        for person_id in decision.people:
            decisions_of_person[person_id].append(decision)
    actions_of_meeting: dict[str, list[tuple[ActionItem, str]]] = defaultdict(list)
    actions_of_person: dict[str, list[ActionItem]] = defaultdict(list)
    for action in joined.actions:
        for meeting_id, anchor in action.appearances:
            actions_of_meeting[meeting_id].append((action, anchor))
        for person_id in action.owners:
            actions_of_person[person_id].append(action)
    dates = {meeting.id: meeting.date for meeting in meetings}
    topics_of_person: dict[str, list[tuple[str, int]]] = defaultdict(list)
    names = {topic.id: topic.name for topic in joined.topics}
    for topic in joined.topics:
        for person_id, count in topic.people:
            topics_of_person[person_id].append((topic.id, count))

    def newest_first(decision: Decision) -> tuple[int, int]:
        return (-dates[decision.meeting].toordinal(), decision.line)

    def most_first(pair: tuple[str, int]) -> tuple[int, str]:
        return (-pair[1], fold(names[pair[0]]))

    def open_first(action: ActionItem) -> tuple[bool, int, int]:
        return (not action.pending, -dates[action.meeting].toordinal(), action.line)

    return {
        "entries_of": {person: tuple(items) for person, items in entries_of.items()},
        "decisions_of_meeting": {meeting: tuple(items) for meeting, items in decisions_of_meeting.items()},
        "decisions_of_person": {p: tuple(sorted(items, key=newest_first)) for p, items in decisions_of_person.items()},
        "actions_of_meeting": {meeting: tuple(items) for meeting, items in actions_of_meeting.items()},
        "actions_of_person": {p: tuple(sorted(items, key=open_first)) for p, items in actions_of_person.items()},
        "topics_of_person": {p: tuple(sorted(items, key=most_first)) for p, items in topics_of_person.items()},
    }


def _companions(meetings: list[Meeting]) -> tuple[list[Meeting], dict[str, tuple[str, ...]]]:
    """Companion notes joined to the meetings of their folder, dated by them; one without any is a meeting."""
    found: dict[str, tuple[str, ...]] = {}
    result = []
    in_folder = _in_folders(meetings) if any(meeting.companion for meeting in meetings) else {}
    for meeting in meetings:
        if not meeting.companion:
            result.append(meeting)
            continue
        beside = in_folder.get(posixpath.dirname(meeting.source), [])
        if not beside:
            result.append(replace(meeting, companion=False))
            continue
        first, last = min(other.date for other in beside), max(other.end_date or other.date for other in beside)
        found[meeting.id] = tuple(other.id for other in beside)
        result.append(replace(meeting, date=first, end_date=last if last > first else None, precision="day"))
    result.sort(key=lambda meeting: (meeting.date, meeting.series, meeting.id))
    return result, found


def _in_folders(meetings: list[Meeting]) -> dict[str, list[Meeting]]:
    """Folder -> the meetings (not companions) in it or in a folder inside it, in order; the docs folder's
    own ("") holds only the meetings of its own files."""
    found: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        if meeting.companion:
            continue
        folder = posixpath.dirname(meeting.source)
        found[folder].append(meeting)
        while "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            found[folder].append(meeting)
    return found


def _companion_pages(companion_of: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Meeting id -> its companions: ``Archive.companion_of`` the other way round."""
    companions: dict[str, list[str]] = defaultdict(list)
    for companion, of in companion_of.items():
        for meeting_id in of:
            companions[meeting_id].append(companion)
    return {meeting_id: tuple(found) for meeting_id, found in companions.items()}


def _unique_paths(meetings: list[Meeting]) -> list[tuple[int, Meeting]]:
    """Give every meeting its own page path and id; the earlier source keeps the plain one.

    Each comes with its position in ``meetings``, in the order the paths were given.
    """
    taken_stems = Taken(path.removesuffix(".md") for path in RESERVED_PATHS)
    taken_ids = Taken()
    result = []
    # Single-meeting notes keep the address of their file; sections of logs yield to them.
    order = sorted(
        range(len(meetings)),
        key=lambda i: (meetings[i].page_path != meetings[i].source, meetings[i].source, meetings[i].source_line),
    )
    for position in order:
        meeting = meetings[position]
        folder, name = posixpath.split(meeting.page_path)
        stem = name[: -len(".md")]
        if is_reserved(meeting.page_path):
            folder = posixpath.join(MEETINGS_DIR, folder)
        path_stem = unique(posixpath.join(folder, stem), taken_stems)
        page_path = path_stem + ".md"
        slug = posixpath.basename(path_stem)
        # the parser's id, unless the page had to be renamed (it may name the meeting by date, not page)
        meeting_id = unique(meeting.id if slug == meeting.slug else f"{meeting.series}/{slug}", taken_ids)
        if (page_path, slug, meeting_id) != (meeting.page_path, meeting.slug, meeting.id):
            meeting = replace(meeting, page_path=page_path, slug=slug, id=meeting_id)
        result.append((position, meeting))
    return result
