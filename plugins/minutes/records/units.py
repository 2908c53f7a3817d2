"""What the classifier reads of a meeting: its units, and what opens each of them.

A unit is a list item's own lines (not its nested items) or a sentence of a paragraph (``units_of``),
each with the line where it starts. A unit may open with a prefix that says who speaks or what the line
is (``prefix_of``: ``[name=Carol]``, ``**Sarah**``, ``(JRG)``, ``JRG:``, ``Plan:``), and a label before a
colon says what it makes of the rest (``label_kind``: a decision, an action, a question, a plan, a role,
a topic). The shapes of a unit's text that make it no record, or a list's title, are read here too
(``title_only``, ``header``, ``lead_in_only``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..people.names import is_abbreviation
from ..reading.blocks import TEXT, Document, Item
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import (
    ABBREVIATIONS,
    ACTION_LABELS,
    ANSWER_LABELS,
    COMMON_WORDS,
    DECISION_WORDS,
    GROUP_OWNERS,
    NOT_DECIDED,
    NOT_OWNERS,
    PLAN_LABELS,
    QUESTION_LABELS,
    SECTION_WORDS,
    TASK_ROLE_LABELS,
    TOPIC_LABELS,
    is_action_heading,
    is_decision_heading,
    words_of,
)
from .cues import Sentence

Unit = tuple[int, str, Item | None]  # (line where it starts, Markdown, the list item it is, if one)

LEAD_WORDS = 6  # a lead-in of a list is short: "Consensus from meeting:", "Still to-do from previous months:"


@dataclass(frozen=True)
class Prefix:
    """What opens a unit: who speaks, what label it has, and the rest of its text."""

    who: str = ""  # the speaker or reporter a prefix names: "JRG", "Sarah", "CHL/JL"
    label: str = ""  # a folded label before a colon: "consensus", "todo", "plan", "answer"
    body: str = ""  # the text after prefixes, as written
    agenda: bool = False  # "**Name** (5m): topic", "(WV) topic": an agenda item's opening


# -- the units ----------------------------------------------------------------------------------------------

_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\S")  # a list item's first line, inside a run of lines
_QUOTE_MARKS = re.compile(r"^\s*(?:>\s*)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z@\"“(\[*_`])")


def units_of(document: Document, only: Sequence[bool] | None = None) -> list[Unit]:
    """``(line, Markdown, item)`` of every list item's own lines and every paragraph's sentences (of the lines
    ``only`` marks, if given)."""
    lines, kinds = document.lines, document.kinds
    consumed = [False] * len(lines)
    units: list[Unit] = []
    verbatim = document.verbatim
    for index in range(len(lines)):
        if consumed[index] or verbatim[index] or (only is not None and not only[index]):
            continue
        item = document.items.get(index)
        if item is not None:
            end = _item_end(document, item)
            for covered in range(index, end):
                consumed[covered] = True
            rest = [line.strip() for line in lines[index + 1 : end]]
            text = "\n".join([item.text.strip(), *rest]).strip()
            if text:
                units.append((index, text, item))
            continue
        if kinds[index] != TEXT or not lines[index].strip():
            continue
        end = index + 1
        while end < len(lines) and kinds[end] == TEXT and lines[end].strip() and end not in document.items:
            end += 1
        for covered in range(index, end):
            consumed[covered] = True
        for start, stop in _runs(lines, index, end):
            units.extend((line, sentence, None) for line, sentence in _sentences(lines, start, stop))
    return units


def _item_end(document: Document, item: Item) -> int:
    """The line after an item's own lines: its text lines up to its first nested item (a quote only in one)."""
    lines, kinds, quoted = document.lines, document.kinds, document.quoted
    index = item.index
    children = document.children(item)
    stop = children[0].index if children else item.end
    end = index + 1
    while end < stop and kinds[end] == TEXT and lines[end].strip() and (end not in quoted or index in quoted):
        end += 1
    return end


def _runs(lines: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph's runs of lines, cut before each line that starts like a bullet: ``Switching the email``
    then ``* @a is on it.`` renders as one paragraph (a list cannot interrupt one), but says two things."""
    cuts = [start, *(index for index in range(start + 1, end) if _MARKER.match(lines[index])), end]
    return [(one, other) for one, other in itertools.pairwise(cuts) if one < other]


def _sentences(lines: Sequence[str], start: int, end: int) -> list[tuple[int, str]]:
    """The sentences of the paragraph ``lines[start:end]``, each with the line where it starts."""
    rows = [_QUOTE_MARKS.sub("", line).strip() for line in lines[start:end]]
    text = "\n".join(rows)
    if not any(mark in text for mark in ".!?"):
        return [(start, text)]
    offsets = [0]
    for row in rows[:-1]:
        offsets.append(offsets[-1] + len(row) + 1)
    found: list[tuple[int, str]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[begin : match.start()].rstrip()
        if before.lower().endswith(ABBREVIATIONS) or len(before) < 3:
            continue
        found.append((begin, before))
        begin = match.end()
    found.append((begin, text[begin:].strip()))
    return [(start + bisect.bisect_right(offsets, offset) - 1, sentence) for offset, sentence in found if sentence]


# -- prefixes and labels -----------------------------------------------------------------------------------

# A prefix that says who speaks or what the line is: "[name=Carol]", "**Sarah**", "(JRG)", "JRG:", "Plan:".
_NAME_TAG = re.compile(r"^\[name=\s*(?P<who>[^\]\n]+?)\s*\]\s*:?\s*", re.IGNORECASE)
_BOLD = re.compile(r"^(?:\*\*|__)(?P<who>[^*_\n]{1,60}?)(?:\*\*|__)\s*(?P<rest>.*)$")
_PAREN = re.compile(r"^\((?P<who>[A-Z][^\W\d_]{1,11}(?:\s*[/,&]\s*[A-Z][^\W\d_]{1,11})*)\)\s*:?\s*")
_COLON = re.compile(r"^(?P<head>[^:\n]{1,60}?)\s*:(?!//)\s*(?P<rest>.*)$")
# An agenda item's timebox, "(10 min)", and the emoji codes a line may open with, ":tada:".
_TIMEBOX = re.compile(r"\s*\((?:~|<|>)?\s*\d+\s*(?:m|min|mins|minutes)\)\s*", re.IGNORECASE)
_EMOJI = re.compile(r"^(?::[a-z_+-]+:\s*)+")


@dataclass(slots=True)
class _Opening:
    """A unit's first line as its prefixes are taken off it, one at a time."""

    rest: str
    who: str = ""
    label: str = ""
    agenda: bool = False


def prefix_of(text: str) -> Prefix:
    """Who speaks and what label opens the unit: ``[name=Sarah] I will``, ``(JRG) Note to self: check``."""
    opening = _Opening(_EMOJI.sub("", text.split("\n", 1)[0].strip()))
    tail = text.split("\n", 1)[1] if "\n" in text else ""
    for _ in range(3):
        if not _take_prefix(opening):
            break
    body = opening.rest.strip()
    if tail:
        body = f"{body}\n{tail}"
    return Prefix(opening.who.strip(), opening.label, body, opening.agenda)


def _take_prefix(opening: _Opening) -> bool:
    """Take one prefix off ``opening`` (a name tag, a speaker in brackets, in bold, or before a colon, or a
    label); whether there was one."""
    rest = opening.rest
    tag = _NAME_TAG.match(rest)
    if tag and not opening.who:
        opening.who, opening.rest = tag.group("who"), rest[tag.end() :]
        return True
    paren = _PAREN.match(rest)
    if paren and not opening.who:
        opening.who, opening.rest = paren.group("who"), rest[paren.end() :]
        opening.agenda = True
        return True
    bold = _BOLD.match(rest)
    if bold:
        return _take_bold(opening, bold)
    colon = _COLON.match(rest)
    if colon and not re.search(r"[\[(`#]", colon.group("head")):
        return _take_colon(opening, colon)
    return False


def _take_bold(opening: _Opening, bold: re.Match[str]) -> bool:
    """``**Decision**: ...`` (a label), ``**Sarah** (5m) ...`` (a speaker, an agenda item if timed)."""
    inner = bold.group("who").strip()
    inner_clean = _TIMEBOX.sub(" ", inner).strip(" :")
    after = bold.group("rest")
    timebox = bool(_TIMEBOX.search(inner) or _TIMEBOX.match(after))
    after = _TIMEBOX.sub(" ", after, count=1).lstrip(" :")
    if label_kind(fold(inner_clean)):
        if not opening.label:
            opening.label = fold(inner_clean)
        opening.rest = after
        return True
    if not opening.who and looks_like_person(inner_clean):
        opening.who, opening.rest, opening.agenda = inner_clean, after, opening.agenda or timebox
        return True
    return False


def _take_colon(opening: _Opening, colon: re.Match[str]) -> bool:
    """``Decision: ...`` (a label), ``JRG: ...`` (a speaker), ``LONG TERM: investigate ...`` (a title)."""
    head = colon.group("head").strip().strip("*_[] ")
    head_clean = _TIMEBOX.sub(" ", head).strip()
    folded_head = fold(head_clean)
    if label_kind(folded_head) and not opening.label:
        opening.label, opening.rest = folded_head, colon.group("rest")
        return True
    if not opening.who and looks_like_person(head_clean):
        opening.who, opening.rest = head_clean, colon.group("rest")
        opening.agenda = opening.agenda or bool(_TIMEBOX.search(head))
        return True
    if not opening.label and len(head_clean.split()) <= 4 and "//" not in head and colon.group("rest").strip():
        opening.label, opening.rest = folded_head, colon.group("rest")  # "LONG TERM: investigate ...": a title
        return True
    return False


@lru_cache(maxsize=4096)
def label_kind(label: str) -> str:
    """What a label before a colon makes of its line: "decision", "action", "question", "plan", "role", "topic"."""
    if not label or len(label) > 40:
        return ""
    words = words_of(label)
    if is_decision_heading(label) or label in ANSWER_LABELS or label in ("general feeling", "general sense"):
        return "decision"
    if len(words) <= 4 and set(words) & DECISION_WORDS and not set(words) & NOT_DECIDED:
        return "decision"  # "Consensus from meeting", "Final decision of the group"
    if is_action_heading(label) or label in ACTION_LABELS:
        return "action"
    if label in QUESTION_LABELS:
        return "question"
    if label in PLAN_LABELS:
        return "plan"
    if label in TASK_ROLE_LABELS or label.endswith(" reviewers"):
        return "role"
    if label in TOPIC_LABELS:
        return "topic"
    return ""


def looks_like_person(text: str) -> bool:
    """Whether a prefix names a speaker: ``JRG``, ``JRG/MRB/HV``, ``Felix``, ``Josh Triplett``, ``@bob``."""
    if not text or len(text) > 40:
        return False
    parts = [part.strip() for part in re.split(r"\s*[/,&]\s*|\s+and\s+", text) if part.strip()]
    for part in parts:
        if part.startswith("@") and len(part) > 1:
            continue
        if is_abbreviation(part) or re.fullmatch(r"[A-Z][A-Za-z]{0,2}[A-Z]", part):
            continue  # "JRG", "MvN"
        words = part.split()
        if not 1 <= len(words) <= 3:
            return False
        for word in words:
            folded_word = fold(word).strip(".")
            if folded_word in NOT_OWNERS or folded_word in COMMON_WORDS or folded_word in SECTION_WORDS:
                return False
            if folded_word in GROUP_OWNERS or not re.fullmatch(r"[\w.'’-]+", word):
                return False
        if not words[0][:1].isupper() and not (len(words) == 1 and len(part) >= 3 and part.isalpha()):
            return False
    return True


# -- shapes of a unit's text -------------------------------------------------------------------------------

# Links, references and handles, which say what a unit is about rather than what is said of it.
_LINK_OR_REF = re.compile(
    r"!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>|https?://\S+|(?:[\w.-]+/[\w.-]+)?#\d+|@_?\*\*[^*\n]+\*\*|@[\w-]+"
)
_STRUCK_OR_MARKS = re.compile(r"~~[^~]*~~|[\W_]+")


def title_only(body: str) -> bool:
    """Whether a unit is nothing but links, references and handles: ``[Stabilize ! #65355](...) @bob``."""
    if "[" not in body and "http" not in body and "#" not in body and "@" not in body:
        return False
    rest = _LINK_OR_REF.sub(" ", body)
    rest = _STRUCK_OR_MARKS.sub(" ", rest)
    return len(rest.split()) < 2


_QUOTED_TITLE = re.compile(r'^\s*[*_]*["“][^"”\n]{3,200}["”][*_]*\s*(?=\[|\(|<|https?://|#\d|$)')


def quoted_title(text: str) -> bool:
    """Whether a unit is a quoted title and its links: ``"MCP: Raise UEFI targets to tier 2" [#555](...)``, as
    triage agendas list what they will look at; what follows the title, if anything, is only links."""
    first = text.split("\n", 1)[0]
    match = _QUOTED_TITLE.match(first)
    return match is not None and title_only(first[match.end() :] or "#0")


def header(body: str) -> bool:
    """A title of three words at most, outside brackets and links: ``Accepted MCPs``, ``Website (and blog?)``."""
    rest = _LINK_OR_REF.sub(" ", re.sub(r"\([^()]*\)", " ", body))
    words = re.findall(r"[^\W_]+", rest)
    return len(words) <= 3 and not rest.strip().endswith("?")


def lead_in_only(prefix: Prefix, text: str) -> bool:
    """A short line that heads the list under it: ``Consensus from meeting:``, ``next step:``, ``Plan:``."""
    first = plain_text(text.split("\n", 1)[0]).strip()
    if not first.endswith(":"):
        return bool(prefix.label) and not prefix.body.strip()
    return len(first.split()) <= LEAD_WORDS or not prefix.body.strip()


def may_record(sentence: Sentence) -> bool:
    """Whether a unit's words hold any cue that can make a record (cheap tests first)."""
    text = sentence.text
    return bool(
        sentence.imperative
        or sentence.answer_word
        or sentence.bare_will
        or text.startswith("@")
        or "<-" in text
        or sentence.commitment
        or sentence.agreement
        or sentence.deferral
        or sentence.request
        or sentence.task
        or ("?" in text and sentence.answered)
        or sentence.first_person
        or sentence.volunteer
        or sentence.assignment[0]
        or text.endswith(("+1", ":+1:", "👍"))  # "Sam thinks we should ... :+1:": a view the others endorse
    )
