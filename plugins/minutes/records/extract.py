"""The records of one meeting, as its note writes them: decisions, action items, topics, references.

Runs at parse time on the meeting's part of the note's one reading (``reading.blocks``), after the
people parsers (their entries tell whose section a line is in and who leads an agenda item), and
anchors every decision and action item in the meeting's lines, so that each has a permalink. Names stay
as written: the index resolves them once every note is parsed (``records.join``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import Entry, MeetingRecords, NotedAction, NotedDecision, NotedReference, NotedTopic
from ..reading.blocks import Document
from ..reading.inline import plain_text
from ..vocabulary import PROPOSAL_KINDS
from .actions import FoundAction
from .anchors import Anchors
from .classify import outcomes_in
from .decisions import FoundDecision
from .references import references_in
from .subjects import subject_of
from .topics import MAX_EXCERPT, KeywordMatcher, agenda_headings

# Enhancement proposals are topics wherever they are named: "SLEP06", "SLEP 6", "PEP-703".
_PROPOSAL = re.compile(r"(?<![\w-])(?P<kind>" + "|".join(PROPOSAL_KINDS) + r")[ -]?0*(?P<number>\d{1,5})(?!\w)")
_PROPOSAL_HINT = re.compile("|".join(PROPOSAL_KINDS))


def meeting_records(
    document: Document,
    entries: Sequence[Entry],
    lines: Sequence[str],
    heading_id: Callable[[str], str],
    matcher: KeywordMatcher,
    known: frozenset[str] = frozenset(),
    listed: bool = False,
) -> tuple[MeetingRecords, list[str]]:
    """The records of one meeting's ``document``, and its ``lines`` (as edited so far) with their anchors.

    ``known`` holds the folded names, handles and abbreviations of the people the meeting names (its
    attendee table, its speakers), by which an action item's owner is told from a word; ``listed`` whether
    the meeting lists its attendees (then only they own tasks by a lower-case name).
    """
    voices = _voices(document, entries)
    anchors = Anchors(document, heading_id, lines)
    found = outcomes_in(document, voices.people_lines, voices.person_at, voices.speech, known, listed)
    decisions = [_decision(document, decision, anchors, voices) for decision in found.decisions]
    actions = [_action(document, action, anchors, voices) for action in found.actions]
    topics = _topics(document, voices, heading_id, matcher)
    references = _references(document, anchors, heading_id, voices)
    return MeetingRecords(tuple(decisions), tuple(actions), tuple(references), tuple(topics)), anchors.lines


@dataclass(frozen=True)
class _Voices:
    """Who holds each line of a meeting (0-based): the person whose section or name tag it is in, the leaders
    of its agenda item, the headings that name a person, the lines that open a speaker's turn."""

    first: int  # the meeting's first line in its note
    people_lines: frozenset[int]
    person_at: list[str | None]
    leaders_at: list[tuple[str, ...]]
    speech: frozenset[int]

    def who(self, index: int) -> str:
        return (self.person_at[index] or "") if 0 <= index < len(self.person_at) else ""


def _voices(document: Document, entries: Sequence[Entry]) -> _Voices:
    """The people of each line, from the people parsers' entries."""
    first, total = document.first_line, len(document.lines)
    person_at: list[str | None] = [None] * total
    leaders_at: list[tuple[str, ...]] = [()] * total
    positions = {heading.index: position for position, heading in enumerate(document.headings)}
    for entry in entries:
        index = entry.line - first
        if not 0 <= index < total:
            continue
        if entry.source == "leader":
            # "Presenter: Ben Allen (BAN)" leads the agenda item it opens: its decisions involve them.
            position = document.heading_above(index)
            if position >= 0:
                for covered in range(document.headings[position].index, document.section_end(position)):
                    leaders_at[covered] = (*leaders_at[covered], entry.name)
        elif entry.source in ("heading", "name-tag"):
            if index in positions:
                end = document.section_end(positions[index])
            else:
                end = document.items[index].end if index in document.items else index + 1
            for covered in range(index, end):
                person_at[covered] = person_at[covered] or entry.name
    return _Voices(
        first,
        frozenset(e.line - first for e in entries if e.source == "heading" and 0 <= e.line - first < total),
        person_at,
        leaders_at,
        frozenset(entry.line - first for entry in entries if entry.source == "speaker"),
    )


def _decision(document: Document, item: FoundDecision, anchors: Anchors, voices: _Voices) -> NotedDecision:
    """A decision anchored in its meeting, with the people involved (its section's, its agenda item's leaders)."""
    line, anchor, subject = _placed("decision", document, item.index, item.anchor_index, item.text, anchors, voices)
    involved = (voices.person_at[item.index], *voices.leaders_at[item.index])
    people = tuple(dict.fromkeys(name for name in involved if name))
    return NotedDecision(line, item.text, item.topic, item.kind, anchor, people, item.cue, item.confidence, subject)


def _action(document: Document, item: FoundAction, anchors: Anchors, voices: _Voices) -> NotedAction:
    """An action item anchored in its meeting."""
    line, anchor, subject = _placed("action", document, item.index, item.index, item.text, anchors, voices)
    return NotedAction(line, item.text, item.owners, item.done, anchor, item.kind, item.cue, item.confidence, subject)


def _placed(
    kind: Literal["decision", "action"],
    document: Document,
    index: int,
    anchor_index: int,
    text: str,
    anchors: Anchors,
    voices: _Voices,
) -> tuple[int, str, str]:
    """Where a decision or action item at line ``index`` of the meeting stands: its line in the note, the anchor
    its paragraph (at ``anchor_index``) gets, and what it answers when its own words do not say."""
    anchor = anchors.mark(anchor_index, kind, plain_text(text, 60), f"minutes-{kind}")
    return voices.first + index, anchor, subject_of(document, index, text, voices.people_lines, kind)


def _topics(
    document: Document, voices: _Voices, heading_id: Callable[[str], str], matcher: KeywordMatcher
) -> list[NotedTopic]:
    """The topics a meeting touches: its agenda headings, the topics file's keywords, enhancement proposals."""
    first = voices.first
    topics = []
    for agenda in agenda_headings(document, voices.people_lines):
        heading = document.heading_at(agenda.index)
        anchor = heading_id(heading.text) if heading is not None else ""  # the id the site's toc gives it
        who = voices.who(agenda.index)
        topics.append(NotedTopic(agenda.name, "agenda", first + agenda.index, agenda.excerpt, anchor, who, agenda.key))
    topics += [
        NotedTopic(matcher.rules[hit.rule].name, "keyword", first + hit.index, hit.excerpt, "", voices.who(hit.index))
        for hit in matcher.hits(document)
    ]
    for index, line in enumerate(document.lines):
        if document.verbatim[index] or not _PROPOSAL_HINT.search(line):
            continue
        for match in _PROPOSAL.finditer(line):
            name = f"{match.group('kind')} {int(match.group('number'))}"
            excerpt = plain_text(line, MAX_EXCERPT)
            topics.append(NotedTopic(name, "proposal", first + index, excerpt, "", voices.who(index)))
    return topics


def _references(
    document: Document, anchors: Anchors, heading_id: Callable[[str], str], voices: _Voices
) -> list[NotedReference]:
    """The issues and pull requests a meeting cites, each with where a link to it lands."""
    return [
        NotedReference(
            voices.first + found.index,
            found.repo,
            found.number,
            found.kind,
            plain_text(document.lines[found.index], MAX_EXCERPT),
            voices.who(found.index),
            found.title,
            _nearest_anchor(document, anchors.lines, heading_id, found.index),
        )
        for found in references_in(document)
    ]


_LINE_ID = re.compile(r'\bid="([^"]+)"')


def _nearest_anchor(document: Document, lines: Sequence[str], heading_id: Callable[[str], str], index: int) -> str:
    """Where a link to line ``index`` lands: the anchor the line holds already (a decision, an action item, a
    person's name), else the heading of its section (not the page's title, which the page header replaces)."""
    held = _LINE_ID.search(lines[index]) if 0 <= index < len(lines) else None
    if held:
        return held.group(1)
    position = document.heading_above(index)
    if position < 0 or document.headings[position].level == 1:
        return ""
    return heading_id(document.headings[position].text)
