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

from .findings import Finding
from .model import ActionItem, Decision, Meeting, ParsedNote, Person, PersonEntry, Reference, Series, Topic
from .paths import MEETINGS_DIR, RESERVED_PATHS, is_reserved
from .people.resolve import label_node, resolve_people
from .people.review import PeopleReview, review_people
from .reading.accounting import Accounting, account
from .records.join import ARCHIVE_RECORDS, RecordOptions, join_records
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
    names: dict[str, str] = field(default_factory=dict)  # name node ("n:olivier", "h:ogrisel") -> person id
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

    def find_person(self, label: str) -> str | None:
        """The person a spelling stands for: ``Olivier``, ``olivier``, ``@ogrisel``, ``WH``; None if nobody."""
        return self.names.get(label_node(label.strip()))

    def meeting(self, meeting_id: str) -> Meeting:
        return self._meetings_by_id[meeting_id]

    def person(self, person_id: str) -> Person:
        return self._people_by_id[person_id]

    def topic(self, topic_id: str) -> Topic:
        cached: dict[str, Topic] | None = self.__dict__.get("_topics")
        if cached is None:
            cached = {topic.id: topic for topic in self.topics}
            object.__setattr__(self, "_topics", cached)
        return cached[topic_id]

    @property
    def _meetings_by_id(self) -> dict[str, Meeting]:
        cached: dict[str, Meeting] | None = self.__dict__.get("_by_id")
        if cached is None:
            cached = {meeting.id: meeting for meeting in self.meetings}
            object.__setattr__(self, "_by_id", cached)
        return cached

    @property
    def _people_by_id(self) -> dict[str, Person]:
        cached: dict[str, Person] | None = self.__dict__.get("_people")
        if cached is None:
            cached = {person.id: person for person in self.people}
            object.__setattr__(self, "_people", cached)
        return cached


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

    series: dict[str, Series] = {}
    for meeting in meetings:
        series.setdefault(meeting.series, Series(meeting.series, meeting.series_name or meeting.series))

    declared = list(people_file)
    resolution = resolve_people(meetings, declared)
    findings.extend(resolution.findings)
    attendees: dict[str, tuple[str, ...]] = {}
    attendance: dict[str, list[str]] = defaultdict(list)
    entries: list[PersonEntry] = []
    roles: dict[str, dict[str, tuple[str, ...]]] = {}
    statuses: dict[str, dict[str, str]] = {}
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
        for name in meeting.attendees:  # names of meetings made without mentions
            person_id = resolution.by_name.get(name) or resolution.lookup(name)
            if person_id is not None and person_id not in kinds:
                kinds[person_id].append("attendee")
        for entry in meeting.entries:
            person_id = resolution.by_name.get(entry.name) or resolution.lookup(entry.name)
            if person_id is not None:
                entries.append(PersonEntry(person_id, meeting.id, entry))
                if entry.source not in kinds[person_id]:
                    kinds[person_id].append(entry.source)
        roles[meeting.id] = {person_id: tuple(found) for person_id, found in kinds.items() if found}
        statuses[meeting.id] = {person_id: ", ".join(found) for person_id, found in said.items()}
        # Listed as absent and nowhere as present: their update, sent ahead, does not make them attend.
        ids = tuple(
            person_id
            for person_id, found in kinds.items()
            if any(kind != "absent" for kind in found) and ("absent" not in found or "attendee" in found)
        )
        attendees[meeting.id] = ids
        for person_id in ids:
            attendance[person_id].append(meeting.id)

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

    joined = join_records(meetings, lambda label: resolution.lookup(label) if label else None, records)
    findings.extend(joined.findings)
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

    return Archive(
        meetings=tuple(meetings),
        series=series,
        people=resolution.people,
        attendance={person.id: tuple(attendance.get(person.id, ())) for person in resolution.people},
        attendees=attendees,
        entries=tuple(entries),
        logs=logs,
        previous=previous,
        next=following,
        findings=tuple(findings),
        roles=roles,
        statuses={meeting_id: found for meeting_id, found in statuses.items() if found},
        names=resolution.nodes,
        **{name: getattr(joined, name) for name in ARCHIVE_RECORDS},
        entries_of={person: tuple(items) for person, items in entries_of.items()},
        decisions_of_meeting={meeting: tuple(items) for meeting, items in decisions_of_meeting.items()},
        decisions_of_person={p: tuple(sorted(items, key=newest_first)) for p, items in decisions_of_person.items()},
        actions_of_meeting={meeting: tuple(items) for meeting, items in actions_of_meeting.items()},
        actions_of_person={p: tuple(sorted(items, key=open_first)) for p, items in actions_of_person.items()},
        topics_of_person={
            p: tuple(sorted(items, key=lambda pair: (-pair[1], fold(names[pair[0]]))))
            for p, items in topics_of_person.items()
        },
        accounting=account(notes),
        companion_of=companion_of,
        companions={meeting_id: tuple(found) for meeting_id, found in companions.items()},
        people_review=review_people(
            meetings,
            resolution.people,
            resolution.nodes,
            [resolution.nodes.get(label_node(p.name), "") for p in declared],
        ),
    )


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
