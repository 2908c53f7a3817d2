"""The records of one meeting, as its note writes them: decisions, action items, topics, references.

Runs at parse time on the meeting's part of the note's one reading (``reading.blocks``), after the
people parsers (their entries tell whose section a line is in and who leads an agenda item), and
anchors every decision and action item in the meeting's lines, so that each has a permalink. Names stay
as written: the index resolves them once every note is parsed (``records.join``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import Entry, MeetingRecords, NotedAction, NotedDecision, NotedReference, NotedTopic
from ..reading.blocks import Document
from ..reading.inline import plain_text
from ..vocabulary import PROPOSAL_KINDS
from .anchors import Anchors
from .classify import outcomes_in
from .references import references_in
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
    first = document.first_line
    total = len(document.lines)
    people_lines = frozenset(
        entry.line - first for entry in entries if entry.source == "heading" and 0 <= entry.line - first < total
    )
    person_at: list[str | None] = [None] * total
    leaders_at: list[tuple[str, ...]] = [()] * total
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
            continue
        if entry.source not in ("heading", "name-tag"):
            continue
        heading = document.heading_at(index)
        if heading is not None:
            end = document.section_end(document.headings.index(heading))
        elif index in document.items:
            end = document.items[index].end
        else:
            end = index + 1
        for covered in range(index, end):
            person_at[covered] = person_at[covered] or entry.name

    anchors = Anchors(document, heading_id, lines)
    speech = frozenset(entry.line - first for entry in entries if entry.source == "speaker")
    found_records = outcomes_in(document, people_lines, person_at, speech, known, listed)
    decisions = []
    for found in found_records.decisions:
        anchor = anchors.mark(found.anchor_index, "decision", plain_text(found.text, 60), "minutes-decision")
        involved = tuple(dict.fromkeys(name for name in (person_at[found.index], *leaders_at[found.index]) if name))
        decisions.append(
            NotedDecision(
                first + found.index,
                found.text,
                found.topic,
                found.kind,
                anchor,
                involved,
                found.cue,
                found.confidence,
            )
        )
    actions = []
    for action in found_records.actions:
        anchor = anchors.mark(action.index, "action", plain_text(action.text, 60), "minutes-action")
        actions.append(
            NotedAction(
                first + action.index,
                action.text,
                action.owners,
                action.done,
                anchor,
                action.kind,
                action.cue,
                action.confidence,
            )
        )

    def who(index: int) -> str:
        return (person_at[index] or "") if 0 <= index < total else ""

    topics = []
    for agenda in agenda_headings(document, people_lines):
        heading = document.heading_at(agenda.index)
        anchor = heading_id(heading.text) if heading is not None else ""  # the id the site's toc gives it
        topics.append(
            NotedTopic(
                agenda.name, "agenda", first + agenda.index, agenda.excerpt, anchor, who(agenda.index), agenda.key
            )
        )
    topics += [
        NotedTopic(matcher.rules[hit.rule].name, "keyword", first + hit.index, hit.excerpt, "", who(hit.index))
        for hit in matcher.hits(document)
    ]
    for index, line in enumerate(document.lines):
        if document.verbatim[index] or not _PROPOSAL_HINT.search(line):
            continue
        for match in _PROPOSAL.finditer(line):
            name = f"{match.group('kind')} {int(match.group('number'))}"
            topics.append(NotedTopic(name, "proposal", first + index, plain_text(line, MAX_EXCERPT), "", who(index)))
    references = [
        NotedReference(
            first + found.index,
            found.repo,
            found.number,
            found.kind,
            plain_text(document.lines[found.index], MAX_EXCERPT),
            who(found.index),
            found.title,
            _nearest_anchor(document, anchors.lines, heading_id, found.index),
        )
        for found in references_in(document)
    ]
    return MeetingRecords(tuple(decisions), tuple(actions), tuple(references), tuple(topics)), anchors.lines


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
