"""Speaker turns in transcripts: ``WH: I object to ...``.

Standards bodies keep verbatim notes where each paragraph opens with the
speaker's abbreviation, defined by the meeting's attendee table (``| Waldemar
Horwat | WH | Google |``) or by the people file. A turn runs until the next
turn, heading or thematic break, and is an entry of that speaker.

Only abbreviations (and full names) known to stand for a person open a turn:
``TODO:``, ``PR:`` or ``API:`` are not people, and an unknown capitalised
prefix seen again and again is returned as a candidate, so that the archive
can look it up in the other meetings' tables.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..reading.blocks import BREAK, HEADING, ITEM, TEXT, Document
from ..slugs import fold
from .names import is_abbreviation

_TURN = re.compile(
    r"^(?P<lead> {0,3}(?:[-*+] +)?(?:\*\*|__)?)(?P<who>[^\s:*_`\[\]()<>#|][^:*_`\[\]()<>#|\n]{0,39}?)"
    r"(?P<after>(?:\*\*|__)?\s*:(?:\*\*|__)?)[ \t]+\S"
)
# An unknown capitalised prefix needs to recur this often in one meeting to be worth looking up.
_CANDIDATE_TURNS = 2


@dataclass(frozen=True)
class Turn:
    index: int  # 0-based line index where the turn starts
    end: int  # one past its last line
    who: str  # the prefix as written: "WH", "Waldemar Horwat"
    name: str  # the person it stands for, as the note or people file names them
    text: str  # the turn's Markdown, prefix removed
    start: int  # column where ``who`` starts on the first line


@dataclass(frozen=True)
class Turns:
    turns: tuple[Turn, ...]
    unknown: frozenset[str]  # capitalised prefixes used like abbreviations that nothing defines


def speaker_turns(
    document: Document,
    abbreviations: Mapping[str, str],
    names: frozenset[str] = frozenset(),
) -> Turns:
    """The turns of ``lines``.

    ``abbreviations`` maps an abbreviation to the name it stands for (the
    meeting's table first, then the people file); ``names`` holds folded full
    names of the meeting's attendees, which may open a turn too
    (``Waldemar Horwat: ...``).
    """
    lines, kinds = document.lines, document.kinds
    starts: list[tuple[int, str, str, int]] = []
    unknown: Counter[str] = Counter()
    for index, line in enumerate(lines):
        if kinds[index] not in (TEXT, ITEM):
            continue  # code, a heading, a table row ("| WH: ... |"): no turn
        match = _TURN.match(line)
        if not match:
            continue
        who = match.group("who").strip()
        if who in abbreviations:
            starts.append((index, who, abbreviations[who], match.start("who")))
        elif len(who.split()) >= 2 and fold(who) in names:
            starts.append((index, who, who, match.start("who")))
        elif is_abbreviation(who):
            unknown[who] += 1
    turns = []
    for position, (index, who, name, column) in enumerate(starts):
        limit = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        end = index + 1
        while end < limit and kinds[end] not in (HEADING, BREAK):
            end += 1
        while end > index + 1 and not lines[end - 1].strip():
            end -= 1
        first = _TURN.match(lines[index])
        assert first is not None
        rest = lines[index][first.end("after") :].strip()
        text = "\n".join([rest, *lines[index + 1 : end]]).strip("\n")
        turns.append(Turn(index, end, who, name, text, column))
    # In a transcript every unknown prefix is worth looking up; elsewhere only one used like a speaker's, again.
    least = 1 if turns else _CANDIDATE_TURNS
    return Turns(tuple(turns), frozenset(who for who, count in unknown.items() if count >= least))
