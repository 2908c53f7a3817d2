"""Who said what in one meeting: entries per person, mentions of people, and anchors.

Each source of attribution has its own parser: ``attendees`` (lists and
tables), ``speakers`` (transcript turns), ``person_headings``, ``name_tags``
and ``owners`` (action-item owners and ``leader:`` lines). This module runs
them over a meeting's lines in that order, because each may use what the
earlier ones found: a table defines the abbreviations that open turns, and
a meeting with turns is a transcript, whose headings are agenda items rather
than people. It turns what they find into ``Entry`` and ``Mention`` objects
and adds an anchor at each entry so that a person page can link to the
paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..model import Entry, Mention, MentionKind
from ..reading.blocks import Document
from ..reading.dates import date_in_heading
from ..reading.inline import plain_text
from ..slugs import Taken, fold, slugify, unique
from ..vocabulary import SECTION_WORDS, is_action_heading
from .attendees import Attendance, attendees
from .headings import person_headings
from .name_tags import NAME_TAG, NameTag, name_tags
from .names import parse_person
from .owners import owners_in, role_line
from .speakers import Turn, speaker_turns

_ACTION_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:action(?:\s+items?)?|todo|ai)(?:\*\*|__)?\s*:", re.I)
_LEAD = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?")
# A leader line this close to the top of its section leads the whole section.
_LEADER_REACH = 3


@dataclass(frozen=True)
class Attribution:
    entries: tuple[Entry, ...]
    named: tuple[str, ...]  # every name of a person present, in order of appearance, entries or not
    lines: tuple[str, ...]  # the meeting's lines with anchors added
    mentions: tuple[Mention, ...] = ()
    unknown_speakers: frozenset[str] = field(default_factory=frozenset)
    uncorroborated: frozenset[str] = field(default_factory=frozenset)  # name headings left as sections


def attribute(
    document: Document,
    known: frozenset[str] = frozenset(),
    not_people: frozenset[str] = SECTION_WORDS,
    abbreviations: Mapping[str, str] | None = None,
) -> Attribution:
    """Find the entries and mentions of one meeting's ``document``.

    ``known`` holds folded names known to be people (the people file);
    ``abbreviations`` maps abbreviations the people file defines to names.
    """
    lines, first_line, headings = document.lines, document.first_line, document.headings
    out = list(lines)
    entries: list[Entry] = []
    mentions: list[Mention] = []
    anchors: set[str] = Taken()

    listed = attendees(document, not_people)
    table = dict(abbreviations or {})
    mentions.extend(_attendee_mentions(listed, first_line, table))
    full_names = {fold(m.name) for m in mentions if m.name and len(m.name.split()) >= 2}
    known = known | {fold(m.name) for m in mentions if m.name} | {name.split()[0] for name in full_names}

    found_turns = speaker_turns(document, table, frozenset(full_names))
    transcript = bool(found_turns.turns)

    owners = _owners(document)
    tags = name_tags(document)
    seen = {fold(m.name) for m in owners if m.name} | {fold(name) for tag in tags for name in tag.names}
    found_headings = person_headings(headings, known, not_people, frozenset(seen))
    people = found_headings.names

    def section(index: int) -> str:
        """The agenda item or section that line ``index`` sits under: the nearest heading that is no person's."""
        for heading in reversed(document.ancestors(index)):
            if heading.index != index and heading.index not in people and not date_in_heading(heading.text):
                return plain_text(heading.text, 120)
        return ""

    marks = _Marks(document, out, entries, mentions, anchors, section)
    for position, heading in enumerate(headings):
        name = people.get(heading.index)
        if name is None or heading.index in listed.headings or (transcript and fold(name) not in known):
            continue
        marks.heading(position, name)
    for tag in tags:
        marks.name_tag(tag, not_people)
    spoken: set[str] = set()
    for turn in found_turns.turns:
        marks.turn(turn, first=turn.name not in spoken)
        spoken.add(turn.name)

    entries.extend(_leaders(document, out, entries, mentions, anchors, section))
    mentions.extend(owners)

    entries.sort(key=lambda entry: entry.line)
    mentions.sort(key=lambda mention: mention.line)
    named = tuple(dict.fromkeys(m.label for m in mentions if m.present and m.label))
    return Attribution(
        tuple(entries), named, tuple(out), tuple(mentions), found_turns.unknown, found_headings.uncorroborated
    )


def _attendee_mentions(listed: Attendance, first_line: int, table: dict[str, str]) -> list[Mention]:
    """A mention of each person the meeting lists; their abbreviations join ``table`` (the meeting's own table
    wins over the people file)."""
    mentions = []
    for item in listed.attendees:
        person = item.person
        mentions.append(
            Mention(
                person.name,
                first_line + item.index,
                "attendee" if item.present and not person.absent else "absent",
                person.handle,
                person.abbreviation,
                person.affiliation,
                person.role,
                person.status,
            )
        )
        if person.abbreviation and person.name:
            table[person.abbreviation] = person.name
    return mentions


@dataclass
class _Marks:
    """What attribution adds to a meeting: its entries and mentions, and the anchors it writes into its lines."""

    document: Document
    out: list[str]  # the meeting's lines, anchors added
    entries: list[Entry]
    mentions: list[Mention]
    anchors: set[str]
    section: Callable[[int], str]  # the agenda item a line sits under

    def heading(self, position: int, name: str) -> None:
        """A person's heading (``### Olivier``): an anchor on it, and its section as their entry."""
        lines, first_line = self.document.lines, self.document.first_line
        heading = self.document.headings[position]
        end = self.document.section_end(position)
        text = "\n".join(lines[heading.index + 1 : end]).strip("\n")
        anchor = unique(slugify(name, "person"), self.anchors)
        if "{#" not in lines[heading.index]:
            self.out[heading.index] = lines[heading.index].rstrip() + " {#" + anchor + "}"
        self.mentions.append(Mention(name, first_line + heading.index, "heading"))
        if text.strip():
            where = self.section(heading.index)
            self.entries.append(Entry(name, text, first_line + heading.index, anchor, "heading", where))

    def name_tag(self, tag: NameTag, not_people: frozenset[str]) -> None:
        """``[name=Min (not here)]``: the name, and how they attended; ``[name=myname]`` in a template is nobody."""
        signed = [signer for raw in tag.names if (signer := parse_person(raw, not_people, slot=True)) is not None]
        signed = [signer for signer in signed if signer.name or signer.handle]
        if not signed:
            return
        first_line = self.document.first_line
        anchor = unique(slugify(signed[0].label, "person"), self.anchors)
        line = self.out[tag.index]
        match = NAME_TAG.search(line)
        if match is not None:
            span = f'<span class="minutes-name" id="{anchor}">{_escape(match.group(1))}</span>'
            self.out[tag.index] = line[: match.start()] + span + line[match.end() :]
        for signer in signed:
            kind: MentionKind = "absent" if signer.absent else "name-tag"
            self.mentions.append(
                Mention(signer.name, first_line + tag.index, kind, signer.handle, status=signer.status)
            )
            if tag.text.strip():
                where = self.section(tag.index)
                self.entries.append(Entry(signer.label, tag.text, first_line + tag.index, anchor, "name-tag", where))

    def turn(self, turn: Turn, *, first: bool) -> None:
        """A transcript's turn: its speaker marked, its text their entry; a mention at their ``first`` turn."""
        first_line = self.document.first_line
        anchor = unique(slugify(turn.who, "turn"), self.anchors)
        line = self.out[turn.index]
        start = line.find(turn.who, turn.start)
        self.out[turn.index] = (
            f'{line[:start]}<span class="minutes-speaker" id="{anchor}">{_escape(turn.who)}</span>'
            f"{line[start + len(turn.who) :]}"
        )
        where = self.section(turn.index)
        self.entries.append(Entry(turn.name, turn.text, first_line + turn.index, anchor, "speaker", where))
        if first:
            abbreviation = turn.who if turn.who != turn.name else ""
            self.mentions.append(Mention(turn.name, first_line + turn.index, "speaker", abbreviation=abbreviation))


def _leaders(
    document: Document,
    out: list[str],
    entries: list[Entry],
    mentions: list[Mention],
    anchors: set[str],
    section: Callable[[int], str],
) -> list[Entry]:
    """Mentions for ``leader:`` / ``Presenter:`` / ``Scribe:`` lines; a leader near the top of a section
    that no one else is credited with gets the section as an entry."""
    lines, first_line, headings = document.lines, document.first_line, document.headings
    found: list[Entry] = []
    credited = {entry.line - first_line for entry in entries}
    for index, line in enumerate(lines):
        if ":" not in line or not document.is_text(index):
            continue
        role = role_line(line)
        if role is None:
            continue
        for person in role.people:
            kind: MentionKind = "leader" if role.leads else "attendee"
            mentions.append(
                Mention(person.name, first_line + index, kind, person.handle, person.abbreviation, person.affiliation)
            )
        position = document.heading_above(index)
        if not role.leads or position < 0 or headings[position].index == index:
            continue
        heading = headings[position]
        end = document.section_end(position)
        above = [text for text in lines[heading.index + 1 : index] if text.strip()]
        if len(above) >= _LEADER_REACH or any(heading.index <= line_index < end for line_index in credited):
            continue
        text = "\n".join(lines[heading.index + 1 : end]).strip("\n")
        names = [person.label for person in role.people]
        anchor = unique("leader-" + slugify(names[0], "person"), anchors)
        lead = _LEAD.match(out[index])
        cut = lead.end() if lead else 0
        out[index] = f'{out[index][:cut]}<span class="minutes-leader" id="{anchor}"></span>{out[index][cut:]}'
        found.extend(Entry(name, text, first_line + index, anchor, "leader", section(index)) for name in names)
    return found


def _owners(document: Document) -> list[Mention]:
    """Owners of action items: items of TODO / Next / Action items sections, task lists, ``ACTION:`` lines."""
    in_actions = [False] * len(document.lines)
    for position, heading in enumerate(document.headings):
        if is_action_heading(heading.text):
            for index in range(heading.index + 1, document.section_end(position)):
                in_actions[index] = True
    found = []
    for index, line in enumerate(document.lines):
        if not document.is_text(index):
            continue
        item = document.items.get(index)
        if (
            (in_actions[index] and item is not None)
            or (item is not None and item.task is not None)
            or _ACTION_LINE.match(line)
        ):
            for owner in owners_in(line):
                person = parse_person(owner)
                if person is not None:
                    found.append(
                        Mention(person.name, document.first_line + index, "owner", person.handle, person.abbreviation)
                    )
    return found


def front_matter_mentions(names: tuple[str, ...], line: int) -> tuple[Mention, ...]:
    """The attendees of front matter ``attendees:``, read as list items are (``Colin Ihrig @cjihrig``)."""
    found = []
    for name in names:
        person = parse_person(name)
        if person is not None:
            found.append(
                Mention(person.name, line, "front-matter", person.handle, person.abbreviation, person.affiliation)
            )
    return tuple(found)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
