"""The plain data model of an archive of minutes.

Frozen dataclasses and nothing else: no MkDocs, no I/O. The parser makes
``Meeting`` objects (with the raw names it found); the index resolves names
into ``Person`` objects and derives everything else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from .findings import Finding

# Where an entry's text comes from: a person's heading, a HackMD name tag, a speaker's turn, a leader line.
EntrySource = Literal["heading", "name-tag", "speaker", "leader"]
# How a note names a person: in an attendee list (or as absent from it), a heading, a name tag, a turn, an owner...
# How a decision is written: a decision section, a "Decision:" line, an admonition, a proposal approved, or a
# sentence whose words and place say it (``records.classify``).
DecisionKind = Literal["heading", "line", "admonition", "proposal", "sentence"]
# Where an action item stands: done (checked, struck through, marked done in a later meeting), open, or
# stale (open for longer than the site's ``stale_after`` days).
ActionStatus = Literal["open", "done", "stale"]
# Cues of records that the note labels itself (a section, a label, a marker): the "explicit" ones.
EXPLICIT_CUES = frozenset({"section", "label", "marker", "proposal", "outcome-list"})
MentionKind = Literal["attendee", "absent", "heading", "name-tag", "speaker", "owner", "leader", "front-matter"]


@dataclass(frozen=True)
class Entry:
    """Text attributed to one person in one meeting, as written in the note."""

    name: str  # the name as written: "Jérémie", "[name=Olivier]" gives "Olivier"
    text: str  # Markdown
    line: int  # 1-based line in the source file
    anchor: str  # id of the paragraph in the meeting page
    source: EntrySource = "heading"
    section: str = ""  # the agenda item or section it sits under, as plain text ("" at the top of the notes)


@dataclass(frozen=True)
class Mention:
    """A person named in a meeting, with what the note says about them: the raw material of name resolution."""

    name: str  # as written, without "@"; "" when the note gives only a handle or an abbreviation
    line: int  # 1-based line in the source file
    kind: MentionKind
    handle: str = ""  # GitHub handle, without "@"
    abbreviation: str = ""  # "WH", as defined by an attendee table
    affiliation: str = ""
    role: str = ""  # what the list says besides: "TSC", "guest"
    status: str = ""  # what the note says of their attendance: "excused", "joined at 16:23 UTC", "proposed by Ada"

    @property
    def label(self) -> str:
        """The spelling that stands for the person in this mention: name, else @handle, else abbreviation."""
        return self.name or (f"@{self.handle}" if self.handle else self.abbreviation)

    @property
    def present(self) -> bool:
        return self.kind != "absent"


# Where a topic of a meeting comes from: a keyword of the topics file, an agenda heading, a proposal, a repository.
TopicVia = Literal["tag", "keyword", "agenda", "repository", "proposal"]


@dataclass(frozen=True)
class NotedDecision:
    """A decision as one meeting's note writes it, before names are resolved to people."""

    line: int  # 1-based line in the source file where it starts
    text: str  # Markdown, as written
    topic: str  # the agenda item or heading it sits under, "" if none
    kind: DecisionKind
    anchor: str  # id of its paragraph in the meeting page
    people: tuple[str, ...] = ()  # as written: whose section holds it, who leads its agenda item
    cue: str = "section"  # why it was taken: "section", "label", "agreement", "deferral", "answer", ...
    confidence: float = 1.0  # how sure the classifier is, 0.5 to 1; 0.9 and more when the note labels it
    subject: str = ""  # what it answers when its own words do not say: "Vote on the new charter" for "Approved"


@dataclass(frozen=True)
class NotedAction:
    """An action item as one meeting's note writes it."""

    line: int
    text: str  # Markdown, without list marker, task box or label
    owners: tuple[str, ...]  # as written; the person whose section holds it when the item names nobody
    done: bool
    anchor: str
    kind: str = "section"  # section | label | action | sentence
    cue: str = "section"  # why it was taken: "section", "label", "marker", "assignment", "request", ...
    confidence: float = 1.0
    subject: str = ""  # what it answers when its own words do not say: the question above "Will do"


@dataclass(frozen=True)
class NotedReference:
    """An issue, pull request or repository one line of a meeting mentions."""

    line: int
    repo: str  # "owner/repo" as written; "" for a bare "#123", whose repository the index decides
    number: int  # 0 for a repository without an issue
    kind: str  # issues | pull | discussions | "" (unknown, or a repository)
    text: str  # the line, as plain text
    who: str = ""  # the person whose section holds the line, as written
    title: str = ""  # what the note calls it: the link's text, or a quoted title before the link
    anchor: str = ""  # where the meeting page lands nearest the line: its paragraph's anchor, else its section's


@dataclass(frozen=True)
class NotedTopic:
    """Evidence that a meeting touches a topic: a keyword, an agenda heading, a proposal."""

    name: str  # the topic's name as this meeting spells it
    via: TopicVia
    line: int
    excerpt: str  # plain text
    anchor: str = ""  # the paragraph or heading to land on
    who: str = ""  # the person whose section holds it, as written
    key: str = ""  # what makes two agenda headings one item ("" for the others: the name decides)


@dataclass(frozen=True)
class MeetingRecords:
    """What one meeting's note decides, owes, discusses and cites, as written."""

    decisions: tuple[NotedDecision, ...] = ()
    actions: tuple[NotedAction, ...] = ()
    references: tuple[NotedReference, ...] = ()
    topics: tuple[NotedTopic, ...] = ()


@dataclass(frozen=True)
class Meeting:
    """One meeting: a whole note, or one dated section of a running log."""

    id: str  # "sklearn-team/2022-02-08": series and slug, unique in the archive
    slug: str  # "2022-02-08", the page name inside its folder
    series: str  # series id: "sklearn-team"
    series_name: str  # the series as notes name it: "Sklearn team", or front matter's "series:"
    date: dt.date
    end_date: dt.date | None
    title: str  # as the note gives it; "" when it gives none (the templates say "<series> meeting")
    source: str  # the note's path relative to the docs folder
    source_line: int  # first line of the meeting in the source file (1-based)
    end_line: int  # last line of the meeting in the source file
    content: str  # the meeting's Markdown, anchors added
    page_path: str  # where the meeting page is generated: "sklearn-team/2022-02-08.md"
    attendees: tuple[str, ...] = ()  # names as written
    tags: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    mentions: tuple[Mention, ...] = ()  # every person named, and how, in order of lines
    location: str = ""
    draft: bool = False
    records: MeetingRecords = field(default_factory=MeetingRecords)
    precision: Literal["day", "month"] = "day"  # "month": dated to a month (or months), from date to end_date
    companion: bool = False  # a page of the meetings of its folder (their summary, toc, README), not a meeting
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # front matter's other keys

    @property
    def days(self) -> int:
        return (self.end_date - self.date).days + 1 if self.end_date else 1


@dataclass(frozen=True)
class Series:
    id: str
    name: str


@dataclass(frozen=True)
class Person:
    id: str  # slug, unique in the archive
    name: str
    aliases: tuple[str, ...] = ()  # every other spelling seen
    handles: tuple[str, ...] = ()
    affiliation: str = ""
    abbreviations: tuple[str, ...] = ()
    avatar: str = ""  # URL of a picture, from the people file


@dataclass(frozen=True)
class PersonEntry:
    """An entry resolved to its person and meeting."""

    person: str  # person id
    meeting: str  # meeting id
    entry: Entry


@dataclass(frozen=True)
class Decision:
    """A decision of one meeting, with a permalink to its paragraph."""

    id: str  # "tc39/2024-02-06#decision-intl-era-monthcode": meeting id and anchor
    meeting: str  # meeting id
    text: str  # Markdown, as written
    topic: str  # the agenda item or heading it sits under, "" if none
    line: int  # 1-based line in the source file
    anchor: str  # id of the paragraph in the meeting page
    kind: DecisionKind = "heading"
    people: tuple[str, ...] = ()  # person ids: named in it, or whose section holds it
    topics: tuple[str, ...] = ()  # topic ids
    cue: str = "section"  # why it was taken (``NotedDecision.cue``)
    confidence: float = 1.0
    subject: str = ""  # the agenda item, vote or question it answers, when its own words do not say
    candidate: bool = False  # read from the text below the confidence the site shows: a person confirms it

    @property
    def explicit(self) -> bool:
        """Whether the note labels it a decision (a section, a label, a marker), not only its words."""
        return self.cue in EXPLICIT_CUES


@dataclass(frozen=True)
class ActionItem:
    """An action item, followed across the meetings of its series until it is done."""

    id: str  # meeting id and anchor of its first appearance
    meeting: str  # meeting id of its first appearance
    text: str  # Markdown, as first written
    line: int
    anchor: str
    owners: tuple[str, ...] = ()  # person ids
    names: tuple[str, ...] = ()  # owners as written that are nobody known
    status: ActionStatus = "open"
    appearances: tuple[tuple[str, str], ...] = ()  # (meeting id, anchor) of every meeting that lists it
    done_in: str = ""  # meeting id where it was marked done
    open_for: int = 0  # meetings of its series since it first appeared, while it is open (or stale)
    age: int = 0  # days from its first meeting to the archive's latest one, while it is open (or stale)
    cue: str = "section"  # why it was taken (``NotedAction.cue``)
    confidence: float = 1.0
    subject: str = ""  # the agenda item or question it answers, when its own words do not say
    candidate: bool = False  # read from the text below the confidence the site shows: a person confirms it

    @property
    def explicit(self) -> bool:
        """Whether the note labels it an action item (a section, a label, a marker), not only its words."""
        return self.cue in EXPLICIT_CUES

    @property
    def pending(self) -> bool:
        """Whether it is still owed: open or stale."""
        return self.status != "done"


@dataclass(frozen=True)
class TopicMention:
    meeting: str  # meeting id
    line: int  # 1-based line in the source file; the meeting's first line for a tag
    excerpt: str  # plain text
    anchor: str = ""  # the paragraph to land on, when it has one
    via: TopicVia = "keyword"


@dataclass(frozen=True)
class Topic:
    id: str  # slug, unique in the archive
    name: str
    sources: tuple[str, ...]  # tag | file | agenda | repository
    meetings: tuple[str, ...]  # meeting ids, oldest first
    mentions: tuple[TopicMention, ...] = ()
    people: tuple[tuple[str, int], ...] = ()  # (person id, how often), most involved first
    spellings: tuple[str, ...] = ()  # the other spellings merged into it ("XYZ402", "org/xyz402"), most common first


@dataclass(frozen=True)
class ReferenceMention:
    meeting: str
    line: int
    text: str  # the line, as plain text
    anchor: str = ""
    title: str = ""  # the title this line gives the link, if any


@dataclass(frozen=True)
class Reference:
    """A GitHub issue or pull request, and every meeting that mentions it."""

    id: str  # "scikit-learn/scikit-learn#22401"
    repo: str  # "scikit-learn/scikit-learn"
    number: int
    url: str
    mentions: tuple[ReferenceMention, ...] = ()
    title: str = ""  # the title the notes give it most often ("" when they give none)

    @property
    def meetings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(mention.meeting for mention in self.mentions))


@dataclass(frozen=True)
class ParsedNote:
    """One note file parsed: its meetings (none when it was skipped, and ``skipped`` says why) and findings."""

    path: str
    meetings: tuple[Meeting, ...]
    findings: tuple[Finding, ...]
    running_log: bool = False
    unknown_speakers: frozenset[str] = frozenset()  # capitalised prefixes used like speakers, undefined here
    uncorroborated: frozenset[str] = frozenset()  # folded names of name headings that nothing here shows to be people
    skipped: str = ""  # "empty", "no date", "binary file", "parse error"...
