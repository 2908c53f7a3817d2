"""Decisions in a meeting's notes, with zero configuration.

Three conventions, as notes write them:

- a section headed by decision words alone, at any level and in any
  combination: ``### Conclusion/Resolution``, ``#### Consensus/Resolution:``,
  ``## Decisions``, ``### Outcome``. A section that lists its outcomes holds
  one decision per bullet (a bullet that only gives a task, ``ABC to look
  into it``, ``Stage 3 reviewers: X, Y``: ``task_only``, is an action item, not
  a decision; ``records.classify`` reads it), and one per paragraph around them; a section
  of paragraphs alone is one decision;
- a line or bullet that starts with a decision word and a colon:
  ``Decision:``, ``RESOLVED:``, ``Agreed:``, ``- conclusion: ...`` in a
  nested bullet, ``**Conclusion**:``;
- an admonition ``!!! decision``.

A heading that asks for a decision (``### Need decision``), summarises a
speaker (``### Summary of key points``) or merely holds the word
(``## Decision boundary``) is not one. Each decision keeps the agenda item it
sits under: the nearest enclosing heading that is not the meeting's date, a
person or a generic section word, or, in a nested bullet, its parent bullet.
Its text is the line as written, label included (``Decision: release in May``).
Decisions that no label announces are the classifier's (``records.classify``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import DecisionKind
from ..people.headings import clean_heading_name
from ..reading.blocks import Document, indent_of
from ..reading.dates import date_in_heading
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import PROPOSAL_KINDS, SECTION_WORDS, is_decision_heading
from .cues import Sentence, folded, owners_written

_WORD = re.compile(r"[^\W\d_]+")
_LINE = re.compile(
    r"^(?P<lead>\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?)"
    r"(?P<open>\*\*|__|\*|_)?(?P<word>decisions?|resolved|resolutions?|conclusions?|consensus|agreed|agreements?"
    r"|outcomes?|decided)(?P<colon1>\s*:)?(?P=open)?(?(colon1)|\s*:)[ \t]*(?P<text>.*)$",
    re.IGNORECASE,
)
_ADMONITION = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s*decision\b(?:[^\n\"]*)(?:\"(?P<title>[^\"]*)\")?\s*$")
# "Decision: TBD", "Outcome: ?": a placeholder is no decision.
_PLACEHOLDER = re.compile(r"^\W*(?:tbd|tba|todo|pending|none|n/?a|nothing|-+|\?+|\.+)?\W*$", re.IGNORECASE)
# Accepting or rejecting an enhancement proposal is a decision however it is written: "approved SLEP06".
_KINDS = "|".join(PROPOSAL_KINDS)
_PROPOSAL = re.compile(
    rf"\b(?:approved|accepted|adopted|ratified|rejected)\s+(?:the\s+)?(?:(?:{_KINDS})[\s-]?\d+|proposal\b)"
    rf"|\b(?:{_KINDS})[\s-]?\d+\s+(?:is\s+|was\s+|has\s+been\s+)?(?:approved|accepted|adopted|ratified|rejected)\b",
    re.IGNORECASE,
)


_PROPOSAL_VERBS = ("approved", "accepted", "adopted", "ratified", "rejected")


def _may_decide_proposal(line: str) -> bool:
    """A cheap test before ``_PROPOSAL``, whose alternatives would otherwise be tried at every position.

    Substring tests: a case-insensitive regex alternation is several times slower on long transcript lines.
    """
    lowered = line.lower()
    return any(verb in lowered for verb in _PROPOSAL_VERBS)


@dataclass(frozen=True)
class FoundDecision:
    """A decision as one meeting's lines hold it."""

    index: int  # line of the heading, bullet or line that holds it (0-based in the meeting)
    text: str  # Markdown
    topic: str  # agenda item or heading it sits under, "" if none
    kind: DecisionKind
    anchor_index: int  # the line that gets the anchor
    cue: str = "section"  # why it was taken: "section", "label", "marker", "proposal", or a classifier's cue
    confidence: float = 1.0


def decisions_in(
    document: Document, people_lines: frozenset[int] = frozenset(), known: frozenset[str] = frozenset()
) -> list[FoundDecision]:
    """Every decision that a meeting's note labels, in the order of its lines.

    ``people_lines`` are the lines of headings that name a person: such a
    heading is never a decision's agenda item. ``known`` holds the folded
    names and abbreviations of the meeting's people, by which a conclusion's
    task (``ABC to look into it``) is told from an outcome.
    """
    found: list[FoundDecision] = []
    covered = [False] * len(document.lines)
    for position, heading in enumerate(document.headings):
        if not is_decision_heading(heading.text):
            continue
        end = document.section_end(position)
        if any(covered[heading.index : end]):
            continue  # inside a decision section already taken whole
        for index in range(heading.index, end):
            covered[index] = True
        topic = topic_of(document, heading.index, people_lines)
        found.extend(_section_decisions(document, position, end, topic, known))
    for index, line in enumerate(document.lines):
        if covered[index] or document.verbatim[index]:
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            found.extend(_admonition(document, index, admonition, covered, people_lines))
            continue
        match = _LINE.match(line)
        if match:
            found.extend(_labelled_line(document, index, match, covered, people_lines))
            continue
        if _may_decide_proposal(line) and _PROPOSAL.search(line) and document.heading_at(index) is None:
            text = document.block(index, index + 1)
            text = re.sub(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+", "", text)
            found.append(
                FoundDecision(index, text, topic_of(document, index, people_lines), "proposal", index, "proposal", 0.9)
            )
    found.sort(key=lambda decision: decision.index)
    return found


def _admonition(
    document: Document, index: int, admonition: re.Match[str], covered: list[bool], people_lines: frozenset[int]
) -> list[FoundDecision]:
    """``!!! decision "Title"`` and its indented body, which it covers: one decision, unless it is empty."""
    end = index + 1
    width = indent_of(admonition.group("indent"))
    while end < len(document.lines) and (not document.lines[end].strip() or indent_of(document.lines[end]) > width):
        end += 1
    body = document.block(index + 1, end)
    first = next((i for i in range(index + 1, end) if document.lines[i].strip()), None)
    for covered_index in range(index, end):
        covered[covered_index] = True
    title = admonition.group("title") or ""
    if body.strip() and first is not None:
        topic = title or topic_of(document, index, people_lines)
        return [FoundDecision(index, body, topic, "admonition", first, "marker")]
    return []


def _labelled_line(
    document: Document, index: int, match: re.Match[str], covered: list[bool], people_lines: frozenset[int]
) -> list[FoundDecision]:
    """``Decision: release in May``, ``- conclusion: Alice joins`` (with the item's nested lines, which it
    covers): one decision, unless it is a placeholder."""
    item = document.items.get(index)
    rest = match.group("text").strip()
    rest = re.sub(r"^(?:\*\*|__)\s*", "", rest)
    if _PLACEHOLDER.match(plain_text(rest)):
        return []  # "Decision: TBD"; "- consensus:" over a list, whose every bullet is one (``classify``)
    # The line as written, its label kept: "Decision: release in May", "- conclusion: Alice joins".
    text = document.lines[index][match.end("lead") :].strip()
    if item is not None and item.end > index + 1:
        text = f"{text}\n{document.block(index + 1, item.end)}".strip()
        for covered_index in range(index, item.end):
            covered[covered_index] = True
    return [FoundDecision(index, text, topic_of(document, index, people_lines), "line", index, "label")]


def _section_decisions(
    document: Document, position: int, end: int, topic: str, known: frozenset[str]
) -> list[FoundDecision]:
    """A decision section's outcomes: one per top-level bullet and per paragraph beside them, or the whole
    body as one decision when it has no list."""
    heading = document.headings[position]
    body_start = heading.index + 1
    top = document.top_items(body_start, end)
    if not top:
        body = document.block(body_start, end)
        if _PLACEHOLDER.match(plain_text(body)):
            return []
        return [FoundDecision(heading.index, body, topic, "heading", heading.index)]
    found = []
    in_items = [False] * (end - body_start)
    for item in top:
        for index in range(item.index, min(item.end, end)):
            in_items[index - body_start] = True
        text = document.item_text(item)
        if _PLACEHOLDER.match(plain_text(text)) or task_only(text, known):
            continue  # "- ABC to look into it": a task of the conclusion, which the classifier reads
        found.append(FoundDecision(item.index, text, topic, "heading", item.index))
    index = body_start
    while index < end:
        if in_items[index - body_start] or not document.is_text(index) or document.heading_at(index) is not None:
            index += 1
            continue
        start = index
        while index < end and not in_items[index - body_start] and document.lines[index].strip():
            index += 1
        text = document.block(start, index)
        if not _PLACEHOLDER.match(plain_text(text)) and not task_only(text, known):
            found.append(FoundDecision(start, text, topic, "heading", start))
    return found


def topic_of(document: Document, index: int, people_lines: frozenset[int]) -> str:
    """The agenda item a decision at line ``index`` sits under."""
    parent = document.parent_item(index)
    if parent is not None:
        text = plain_text(parent.text, 120).rstrip(":")
        if text and fold(text) not in SECTION_WORDS and not _LINE.match(parent.text):
            return text
    for heading in reversed(document.ancestors(index)):
        if heading.index == index or heading.index in people_lines:
            continue
        name = clean_heading_name(heading.text)
        if not name or is_decision_heading(name) or date_in_heading(name):
            continue
        if all(fold(word) in SECTION_WORDS for word in _WORD.findall(name)):
            continue
        return plain_text(name, 120)
    return ""


_ROLE_LABEL = re.compile(
    r"^(?:stage\s+\d(?:\.\d)?\s+)?(?:reviewers?|editors?|owners?|assignees?|volunteers?|champions?)\s*:"
)


def task_only(text: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether an outcome bullet only gives a task: ``ABC to look into it``, ``Stage 3 reviewers: X, Y``,
    ``please review #123``; not when it also says what was agreed or deferred. ``known``: the folded names and
    abbreviations of the meeting's people."""
    sentence = Sentence(folded(text), plain_text(text), known)
    if sentence.agreement or sentence.deferral:
        return False
    if _ROLE_LABEL.match(sentence.text):
        return True
    who, _ = sentence.assignment
    return bool(who) or sentence.first_person or bool(sentence.request) or bool(owners_written(text))
