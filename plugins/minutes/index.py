"""The index: every meeting of an archive, resolved and cross-referenced.

Takes the parsed notes and derives, in one step, everything the pages need:
unique page paths, series, people (names resolved across spellings), who
attended what, every person's entries, previous/next meeting of a series, the
records of the meetings joined across them (``records.join``), and each
person's and meeting's records, so that no page derives them again.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from .findings import Finding
from .model import ActionItem, Decision, Meeting, ParsedNote, Person, PersonEntry, Reference, Series, Topic
from .paths import MEETINGS_DIR, RESERVED_PATHS, is_reserved
from .people.new_names import new_name_findings
from .people.resolve import Node, Resolution, label_node, resolve_people
from .people.review import PeopleReview, review_people
from .reading.accounting import Accounting, account
from .reading.series import series_label
from .records.join import ARCHIVE_RECORDS, RecordOptions, Records, join_records
from .slugs import fold, unique


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
    names: dict[Node, str] = field(default_factory=dict)  # name node (``people.resolve.Node``) -> person id
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
    return {key: Series(key, series_label(name, titles[key])) for key, name in names.items()}


def build_index(
    notes: Iterable[ParsedNote],
    people_file: Iterable[Person] = (),
    findings: Iterable[Finding] = (),
    records: RecordOptions | None = None,
) -> Archive:
    """Resolve and cross-reference the meetings of ``notes``.

    ``findings`` come from outside the notes (the people file, checks across
    notes); ``records`` says what a bare ``#123`` refers to and holds the
    topics file.
    """
    notes = sorted(notes, key=lambda note: note.path)
    findings = [*findings, *(finding for note in notes for finding in note.findings)]
    meetings = _unique_paths([meeting for note in notes for meeting in note.meetings if not meeting.draft])
    logs = {
        note.path: tuple(m.id for m in meetings if m.source == note.path)
        for note in notes
        if note.meetings
        and (note.running_log or note.meetings[0].page_path != note.path)
        and not is_reserved(note.path)
    }
    meetings.sort(key=lambda meeting: (meeting.date, meeting.series, meeting.id))
    meetings, companion_of = _companions(meetings)
    companions: dict[str, list[str]] = defaultdict(list)
    for companion, of in companion_of.items():
        for meeting_id in of:
            companions[meeting_id].append(companion)

    series = _series(meetings)

    declared = list(people_file)
    resolution = resolve_people(meetings, declared)
    findings.extend(resolution.findings)
    declared_ids = [resolution.nodes.get(label_node(p.name), "") for p in declared]
    findings.extend(new_name_findings(meetings, resolution.people, resolution.nodes, declared_ids))
    present = _attendance(meetings, resolution)
    previous, following = _neighbours(meetings)
    joined = join_records(meetings, lambda label: resolution.lookup(label) if label else None, records)
    findings.extend(joined.findings)
    return Archive(
        meetings=tuple(meetings),
        series=series,
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
        companions={meeting_id: tuple(found) for meeting_id, found in companions.items()},
        people_review=review_people(meetings, resolution.people, resolution.nodes, declared_ids),
    )


@dataclass
class _Present:
    """Who each meeting names, and how: its attendees, their entries, roles and statuses."""

    attendees: dict[str, tuple[str, ...]] = field(default_factory=dict)  # meeting id -> person ids
    attendance: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # person id -> meeting ids
    entries: list[PersonEntry] = field(default_factory=list)
    roles: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    statuses: dict[str, dict[str, str]] = field(default_factory=dict)


def _attendance(meetings: list[Meeting], resolution: Resolution) -> _Present:
    """Each meeting's people, resolved: who attended, who reported what, how the note names them."""
    present = _Present()
    for meeting in meetings:
        if meeting.companion:
            continue  # a summary names people without their attending anything more
        kinds: dict[str, list[str]] = defaultdict(list)
        said: dict[str, list[str]] = defaultdict(list)
        for mention in meeting.mentions:
            person_id = resolution.person_of(mention)
            if person_id is not None and mention.kind not in kinds[person_id]:
                kinds[person_id].append(mention.kind)
            if person_id is not None and mention.status and mention.status not in said[person_id]:
                said[person_id].append(mention.status)
        # in this meeting, a first name is whom its handle there makes it ("Priya @pnair" and "### Priya")
        here = {m.name: resolution.person_of(m) for m in sorted(meeting.mentions, key=lambda m: bool(m.handle))}
        for name in meeting.attendees:  # names of meetings made without mentions
            person_id = here.get(name) or resolution.by_name.get(name) or resolution.lookup(name)
            if person_id is not None and person_id not in kinds:
                kinds[person_id].append("attendee")
        for entry in meeting.entries:
            person_id = here.get(entry.name) or resolution.by_name.get(entry.name) or resolution.lookup(entry.name)
            if person_id is not None:
                present.entries.append(PersonEntry(person_id, meeting.id, entry))
                if entry.source not in kinds[person_id]:
                    kinds[person_id].append(entry.source)
        present.roles[meeting.id] = {person_id: tuple(found) for person_id, found in kinds.items() if found}
        present.statuses[meeting.id] = {person_id: ", ".join(found) for person_id, found in said.items()}
        # Listed as absent and nowhere as present: their update, sent ahead, does not make them attend.
        ids = tuple(
            person_id
            for person_id, found in kinds.items()
            if any(kind != "absent" for kind in found) and ("absent" not in found or "attendee" in found)
        )
        present.attendees[meeting.id] = ids
        for person_id in ids:
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
    for meeting in meetings:
        if not meeting.companion:
            result.append(meeting)
            continue
        folder = posixpath.dirname(meeting.source)
        beside = [
            other
            for other in meetings
            if not other.companion
            and (posixpath.dirname(other.source) == folder or other.source.startswith(folder + "/"))
        ]
        if not beside:
            result.append(replace(meeting, companion=False))
            continue
        first, last = min(other.date for other in beside), max(other.end_date or other.date for other in beside)
        found[meeting.id] = tuple(other.id for other in beside)
        result.append(replace(meeting, date=first, end_date=last if last > first else None, precision="day"))
    result.sort(key=lambda meeting: (meeting.date, meeting.series, meeting.id))
    return result, found


def _unique_paths(meetings: list[Meeting]) -> list[Meeting]:
    """Give every meeting its own page path and id; the earlier source keeps the plain one."""
    taken_stems = {path.removesuffix(".md") for path in RESERVED_PATHS}
    taken_ids: set[str] = set()
    result = []
    # Single-meeting notes keep the address of their file; sections of logs yield to them.
    for meeting in sorted(meetings, key=lambda m: (m.page_path != m.source, m.source, m.source_line)):
        folder, name = posixpath.split(meeting.page_path)
        stem = name[: -len(".md")]
        if is_reserved(meeting.page_path):
            folder = posixpath.join(MEETINGS_DIR, folder)
        path_stem = unique(posixpath.join(folder, stem), taken_stems)
        page_path = path_stem + ".md"
        slug = posixpath.basename(path_stem)
        # the parser's id, unless the page had to be renamed (it may name the meeting by date, not page)
        meeting_id = unique(meeting.id if slug == meeting.slug else f"{meeting.series}/{slug}", taken_ids)
        result.append(replace(meeting, page_path=page_path, slug=slug, id=meeting_id))
    return result
