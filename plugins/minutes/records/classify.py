"""Decisions and action items as people really write them: the classifier of a meeting's lines.

A few conventions label their records, and ``decisions`` and ``actions`` read them: a Decision section,
``Decision:`` and ``ACTION:`` lines, ``!!! decision``, an Action items list, a ``todo:`` label over a
list. Most outcomes and tasks are plain bullets and sentences, and this module finds them from general
minute-writing conventions. Every unit of a meeting is read, a list item (its own lines, not its nested
items) or a sentence of a paragraph, with two things:

- what its words say (``records.cues``): agreement ("No objections from those present", "consensus
  that ..."), a deferral or agenda outcome ("Deferred to next meeting", "take it back to GitHub"), a
  commitment ("we will ...", "let's ...", "the plan is to ..."), an assignment ("Alice will ...", "Bob
  to open an issue"), a request ("please review #123", "cc @bob"), a task ("need to ...", "next step"),
  an imperative ("Run the job weekly"); and what makes it no outcome: a question, a hedge or one
  person's view, a status report, personal logistics, a ``+1`` alone;
- where it sits (``reading.blocks``): the section it is in (a decision or action section, announcements,
  an agenda), the item it is nested in (a question, whose plain answers are outcomes; a label line
  that heads a list, ``Consensus from meeting:``, whose every bullet is one; an agenda item, ``- [x] JRG:
  topic?``, whose nested bullets hold the outcomes, the box alone making no task), and who speaks (a
  prefix ``JRG:``, ``(CHL)``, ``**Sarah**``, ``[name=Carol]``).

A unit may be both a decision and an action item ("We will continue with pyrefly and add a note to the
contributing guide"). Each verdict keeps its cue and a confidence; what the note labels itself is
*explicit* (confidence 0.9 and more), what its words suggest less so, and nothing under ``THRESHOLD`` is
kept. In a transcript (a meeting made mostly of speaker turns) plain speech is never an outcome: only
its conclusion and summary sections, its action lists and its explicit markers are read.

Owners are the people the line names (names, handles, abbreviations, ``<- Mike``, ``@**Name**``); else
the speaker of the line when the line is theirs ("I will", "TH: will revisit", "JRG: To check"); else
the person whose section or name tag holds it; else, when the line names nobody, the person of the
item it is nested in (``(CHL/JL) Voting for CEP 3`` -> its bullets). Requests to the readers have no
owner but the people they name.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..model import EXPLICIT_CUES
from ..people.names import is_abbreviation
from ..people.owners import owners_in
from ..reading.blocks import ITEM, TEXT, Document, Item
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import (
    ACTION_HEADING_WORDS,
    AGENDA_SECTIONS,
    ANSWER_LABELS,
    COMMON_WORDS,
    DECISION_WORDS,
    GROUP_OWNERS,
    HEDGE_LEADS,
    NOT_OWNERS,
    REPORT_SECTIONS,
    SECTION_WORDS,
    TASK_ROLE_LABELS,
    TASK_VERBS,
    is_action_heading,
    is_decision_heading,
    words_of,
)
from .actions import DONE, FoundAction, actions_in
from .cues import Sentence, owners_written, quick_fold
from .decisions import FoundDecision, decisions_in, topic_of

Kind = Literal["decision", "action"]

THRESHOLD = 0.5  # below this confidence, a verdict is dropped
MODEL_FILE = Path(__file__).with_name("classifier.json")  # weights of the learned model
# Which classifier reads the units: "rules" (the cues and places above) or "model" (the learned weights over
# them). A training run collects the features of each unit into ``FEATURES``.
CLASSIFIER: Literal["rules", "model"] = "rules"
FEATURES: list[tuple[Document, list[tuple[int, dict[str, float], float, float]]]] | None = None
EXPLICIT = 0.9  # at and above: the note labels the record itself (a section, a label, a marker)


# A prefix that says who speaks or what the line is: "[name=Carol]", "**Sarah**", "(JRG)", "JRG:", "Plan:".
_NAME_TAG = re.compile(r"^\[name=\s*(?P<who>[^\]\n]+?)\s*\]\s*:?\s*", re.IGNORECASE)
_BOLD = re.compile(r"^(?:\*\*|__)(?P<who>[^*_\n]{1,60}?)(?:\*\*|__)\s*(?P<rest>.*)$")
_PAREN = re.compile(r"^\((?P<who>[A-Z][^\W\d_]{1,11}(?:\s*[/,&]\s*[A-Z][^\W\d_]{1,11})*)\)\s*:?\s*")
_COLON = re.compile(r"^(?P<head>[^:\n]{1,60}?)\s*:(?!//)\s*(?P<rest>.*)$")
_TIMEBOX = re.compile(r"\s*\((?:~|<|>)?\s*\d+\s*(?:m|min|mins|minutes)\)\s*", re.IGNORECASE)
_EMOJI = re.compile(r"^(?::[a-z_+-]+:\s*)+")
_QUOTE_MARKS = re.compile(r"^\s*(?:>\s*)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z@\"“(\[*_`])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.", "dr.", "mr.", "ms.", "mrs.", "approx.", "no.", "st.")
_STRUCK = re.compile(r"^\s*~~.+~~\W*$")
_PLACEHOLDER = re.compile(r"^\W*(?:tbd|tba|todo|pending|none|n/?a|nothing|-+|\?+|\.+)?\W*$", re.IGNORECASE)

# Labels before a colon, by what they make of the rest of the line.
# ("AI:" is an action label in upper case only, which ``actions`` reads: "ai:" may be about AI.)
_ACTION_LABELS = frozenset({"note to self", "task", "tasks", "to do", "todo", "todos", "to-do"})
_QUESTION_LABELS = frozenset({"q", "question", "questions", "open question", "ask", "asks"})
_PLAN_LABELS = frozenset({"plan", "the plan", "proposal plan", "plan of record"})
_TOPIC_LABELS = frozenset(
    {
        "status",
        "current status",
        "update",
        "updates",
        "note",
        "notes",
        "fyi",
        "context",
        "example",
        "background",
        "origin",
        "restrictions",
        "exclusions",
        "problem",
        "concern",
        "concerns",
        "argument",
        "options",
        "option",
        "goal",
        "goals",
        "idea",
        "ideas",
        "link",
        "links",
        "issue",
        "pr",
        "related",
        "see",
        "cc",
        "docs",
        "side note",
        "heads-up",
        "heads up",
        "reminder",
        "demo",
        "slides",
        "summary",
        "recap",
        "motivation",
        "request",
    }
)
_PREVIOUS = frozenset({"previous", "last", "from", "meeting", "meetings", "review", "week", "weeks", "s", "the", "of"})
# What the group itself does next, when a line says "Will ..." with no one before it: "Will continue async".
_PROCESS_VERBS = (
    "continue",
    "discuss",
    "revisit",
    "document",
    "defer",
    "keep",
    "wait",
    "proceed",
    "stick",
    "postpone",
    "go",
    "move",
    "use",
    "adopt",
    "switch",
    "start",
    "stop",
    "meet",
    "hold",
    "skip",
    "cancel",
    "push",
    "resume",
    "vote",
)
_SUMMARY = frozenset({"summary", "summaries", "key", "points", "takeaways", "recap", "wrap"})


@dataclass(frozen=True)
class Verdict:
    """What a unit of a meeting's lines records: one decision or one action item, and why."""

    kind: Kind
    index: int  # line where its sentence or item starts (0-based in the meeting)
    text: str  # Markdown, label prefix kept
    cue: str  # why it was taken: "section", "label", "agreement", "assignment", ...
    confidence: float
    owners: tuple[str, ...] = ()  # as written (actions)
    done: bool = False  # checked, struck through or marked done (actions)
    topic: str = ""  # the item it is nested in, when that is its agenda item (decisions)


@dataclass(frozen=True)
class Outcomes:
    """A meeting's decisions and action items, each with its cue and confidence, in the order of lines."""

    decisions: tuple[FoundDecision, ...]
    actions: tuple[FoundAction, ...]


@dataclass(frozen=True)
class _Prefix:
    who: str = ""  # the speaker or reporter a prefix names: "JRG", "Sarah", "CHL/JL"
    label: str = ""  # a folded label before a colon: "consensus", "todo", "plan", "answer"
    body: str = ""  # the text after prefixes, as written
    agenda: bool = False  # "**Name** (5m): topic", "(WV) topic": an agenda item's opening


@dataclass
class _Context:
    document: Document
    sections: list[str]  # per line: the kind of section it sits in ("decision", "action", "report", ...)
    person_at: Sequence[str | None]
    speech: frozenset[int]  # lines that open a speaker's turn
    transcript: bool
    verdicts: dict[int, tuple[bool, bool]] = field(default_factory=dict)  # item line -> (decision, action)
    prefixes: dict[int, _Prefix] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)  # item line -> what it announces of its nested list
    leads: dict[int, str] = field(default_factory=dict)  # top item line -> what the paragraph above its list says
    known: frozenset[str] = frozenset()  # folded names, handles and abbreviations of the meeting's people
    listed: bool = False  # whether the meeting lists its attendees
    siblings: dict[int, list[Item]] = field(default_factory=dict)  # parent item line (-1: top) -> its items
    position: dict[int, int] = field(default_factory=dict)  # item line -> its position among its siblings
    sentences: dict[str, Sentence] = field(default_factory=dict)  # Markdown -> its cues, read once
    model: Model | None = None  # the learned model, when the classifier uses it (``CLASSIFIER``)
    features: list[tuple[int, dict[str, float], float, float]] | None = None  # (line, features, rules' scores)
    trace: list[tuple[int, str, float, str, float]] | None = None  # (line, decision cue, score, action cue, score)


def outcomes_in(
    document: Document,
    people_lines: frozenset[int] = frozenset(),
    person_at: Sequence[str | None] = (),
    speech: frozenset[int] = frozenset(),
    known: frozenset[str] = frozenset(),
    listed: bool = False,
) -> Outcomes:
    """Every decision and action item of a meeting: the ones its note labels, and the ones its words say.

    ``people_lines`` are headings that name a person; ``person_at`` gives per line the person whose
    section or name tag holds it; ``speech`` the lines that open a speaker's turn; ``known`` the folded
    names, handles and abbreviations of the meeting's people (its attendee table, its speakers); ``listed``
    whether it lists its attendees.
    """
    explicit_decisions = decisions_in(document, people_lines, known)
    explicit_actions = actions_in(document, person_at)
    context = _Context(
        document,
        _section_kinds(document),
        person_at,
        speech,
        transcript=_is_transcript(document, speech),
        known=known,
        listed=listed,
        model=_model() if CLASSIFIER == "model" else None,
    )
    if FEATURES is not None:
        context.features = []
        FEATURES.append((document, context.features))
    for found_item in sorted(document.items.values(), key=lambda each: each.index):
        siblings = context.siblings.setdefault(found_item.parent, [])
        context.position[found_item.index] = len(siblings)
        siblings.append(found_item)
    decided = {found.index for found in explicit_decisions}
    decided |= {found.anchor_index for found in explicit_decisions}
    in_decision_heading = _covered_by_headings(document, explicit_decisions)
    owed = {found.index for found in explicit_actions}
    taken_by_actions = _covered_by_actions(document, explicit_actions)
    decisions = list(explicit_decisions)
    actions = [_with_owners(context, found) for found in explicit_actions]
    for verdict in classify(context):
        if verdict.kind == "decision":
            if verdict.index in decided or in_decision_heading[verdict.index] or taken_by_actions[verdict.index]:
                continue
            if context.sections[verdict.index] == "decision":
                continue  # a decision section's outcomes are its bullets, which ``decisions`` gives
            decided.add(verdict.index)
            decisions.append(
                FoundDecision(
                    verdict.index,
                    verdict.text,
                    verdict.topic or topic_of(document, verdict.index, people_lines),
                    "heading" if verdict.cue == "section" else "sentence",
                    verdict.index,
                    verdict.cue,
                    verdict.confidence,
                )
            )
        else:
            if verdict.index in owed or taken_by_actions[verdict.index]:
                continue
            owed.add(verdict.index)
            actions.append(
                FoundAction(
                    verdict.index,
                    verdict.text,
                    verdict.owners,
                    verdict.done,
                    "sentence",
                    verdict.cue,
                    verdict.confidence,
                )
            )
    decisions.sort(key=lambda found: found.index)
    actions.sort(key=lambda found: found.index)
    return Outcomes(tuple(decisions), tuple(actions))


def classify(context: _Context) -> list[Verdict]:
    """The verdicts of every unit of ``context``'s meeting, in the order of lines (both kinds may share one)."""
    document = context.document
    verdicts: list[Verdict] = []
    # In a transcript only its conclusion, summary and action sections hold records: its speech is not read.
    only = [kind in _TRANSCRIPT_SECTIONS for kind in context.sections] if context.transcript else None
    units = _units(document, only)
    lead_lines: set[int] = set()
    for index, text, item in units:
        if item is None and text.rstrip().endswith(":") and len(plain_text(text).split()) <= _LEAD_WORDS:
            last = index
            while last + 1 < len(document.lines) and document.kinds[last + 1] == TEXT and document.lines[last + 1]:
                last += 1
            following = document.list_after(last)
            kind = _lead_kind(context, plain_text(text).strip()) if following else ""
            if kind:
                lead_lines.add(index)
                for listed in following:
                    context.leads[listed.index] = kind
    for index, text, item in units:
        if index in lead_lines:
            continue  # "Still to-do from previous months:": the items of its list are the records
        prefix = _prefix(text)
        if item is not None:
            context.prefixes[index] = prefix
        found = _judge(context, index, text, item, prefix)
        if item is not None:
            context.verdicts[index] = (
                any(v.kind == "decision" for v in found),
                any(v.kind == "action" for v in found),
            )
        verdicts.extend(found)
    return verdicts


# -- the units of a meeting ---------------------------------------------------------------------------


def _units(document: Document, only: Sequence[bool] | None = None) -> list[tuple[int, str, Item | None]]:
    """``(line, Markdown, item)`` of every list item's own lines and every paragraph's sentences (of the lines
    ``only`` marks, if given)."""
    lines, kinds = document.lines, document.kinds
    consumed = [False] * len(lines)
    units: list[tuple[int, str, Item | None]] = []
    verbatim = document.verbatim
    for index in range(len(lines)):
        if consumed[index] or verbatim[index] or (only is not None and not only[index]):
            continue
        item = document.items.get(index)
        if item is not None:
            children = document.children(item)
            stop = children[0].index if children else item.end
            end = index + 1
            quoted = document.quoted
            while end < stop and kinds[end] == TEXT and lines[end].strip() and (end not in quoted or index in quoted):
                end += 1
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
        units.extend((line, sentence, None) for line, sentence in _sentences(lines, index, end))
    return units


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
        if before.lower().endswith(_ABBREVIATIONS) or len(before) < 3:
            continue
        found.append((begin, before))
        begin = match.end()
    found.append((begin, text[begin:].strip()))
    return [(start + bisect.bisect_right(offsets, offset) - 1, sentence) for offset, sentence in found if sentence]


# -- prefixes, sections, transcripts ----------------------------------------------------------------------


def _prefix(text: str) -> _Prefix:
    """Who speaks and what label opens the unit: ``[name=Sarah] I will``, ``(JRG) Note to self: check``."""
    rest = _EMOJI.sub("", text.split("\n", 1)[0].strip())
    tail = text.split("\n", 1)[1] if "\n" in text else ""
    who, label, agenda = "", "", False
    for _ in range(3):
        tag = _NAME_TAG.match(rest)
        if tag and not who:
            who, rest = tag.group("who"), rest[tag.end() :]
            continue
        paren = _PAREN.match(rest)
        if paren and not who:
            who, rest = paren.group("who"), rest[paren.end() :]
            agenda = True
            continue
        bold = _BOLD.match(rest)
        if bold:
            inner = bold.group("who").strip()
            inner_clean = _TIMEBOX.sub(" ", inner).strip(" :")
            after = bold.group("rest")
            timebox = bool(_TIMEBOX.search(inner) or _TIMEBOX.match(after))
            after = _TIMEBOX.sub(" ", after, count=1).lstrip(" :")
            kind = _label_kind(fold(inner_clean))
            if kind:
                if not label:
                    label = fold(inner_clean)
                rest = after
                continue
            if not who and _looks_like_person(inner_clean):
                who, rest, agenda = inner_clean, after, agenda or timebox
                continue
            break
        colon = _COLON.match(rest)
        if colon and not re.search(r"[\[(`#]", colon.group("head")):
            head = colon.group("head").strip().strip("*_[] ")
            head_clean = _TIMEBOX.sub(" ", head).strip()
            folded_head = fold(head_clean)
            kind = _label_kind(folded_head)
            if kind and not label:
                label, rest = folded_head, colon.group("rest")
                continue
            if not who and _looks_like_person(head_clean):
                who, rest = head_clean, colon.group("rest")
                agenda = agenda or bool(_TIMEBOX.search(head))
                continue
            if not label and len(head_clean.split()) <= 4 and "//" not in head and colon.group("rest").strip():
                label, rest = folded_head, colon.group("rest")  # "LONG TERM: investigate ...": a title
                continue
        break
    body = rest.strip()
    if tail:
        body = f"{body}\n{tail}"
    return _Prefix(who.strip(), label, body, agenda)


_NOT_DECIDED = frozenset({"need", "needs", "needed", "pending", "open", "no", "without", "todo", "awaiting", "wanted"})


@lru_cache(maxsize=4096)
def _label_kind(label: str) -> str:
    """What a label before a colon makes of its line: "decision", "action", "question", "plan", "role", "topic"."""
    if not label or len(label) > 40:
        return ""
    words = words_of(label)
    if is_decision_heading(label) or label in ANSWER_LABELS or label in ("general feeling", "general sense"):
        return "decision"
    if len(words) <= 4 and set(words) & DECISION_WORDS and not set(words) & _NOT_DECIDED:
        return "decision"  # "Consensus from meeting", "Final decision of the group"
    if is_action_heading(label) or label in _ACTION_LABELS:
        return "action"
    if label in _QUESTION_LABELS:
        return "question"
    if label in _PLAN_LABELS:
        return "plan"
    if label in TASK_ROLE_LABELS or label.endswith(" reviewers"):
        return "role"
    if label in _TOPIC_LABELS:
        return "topic"
    return ""


def _looks_like_person(text: str) -> bool:
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


@lru_cache(maxsize=4096)
def _heading_kind(text: str) -> str:
    plain = plain_text(text).strip()
    words = words_of(plain)
    if not words:
        return ""
    if is_decision_heading(plain):
        return "decision"
    if is_action_heading(plain) or (
        "action" in words and all(w in ACTION_HEADING_WORDS or w in _PREVIOUS for w in words)
    ):
        return "action"
    if plain.rstrip("*_ ").endswith("?") or re.match(r"(?i)^q\s*[:.]", plain):
        return "question"
    if any(word in ("deferred", "postponed") for word in words):
        return "deferred"
    if set(words) & _SUMMARY and len(words) <= 6:
        return "summary"
    if set(words) & REPORT_SECTIONS:
        return "report"
    if set(words) & AGENDA_SECTIONS:
        return "agenda"
    return "other"


def _section_kinds(document: Document) -> list[str]:
    """Per line, the kind of the innermost section that says something about it ("" outside any heading)."""
    kinds = [""] * len(document.lines)
    for position, heading in enumerate(document.headings):
        kind = _heading_kind(heading.text)
        end = document.section_end(position)
        for index in range(heading.index + 1, end):
            if kind != "other" or not kinds[index]:
                kinds[index] = kind
    return kinds


def _is_transcript(document: Document, speech: frozenset[int]) -> bool:
    """Whether the meeting is made mostly of speaker turns: most of its prose lines open one or go on one."""
    if len(speech) < 10:
        return False
    prose = sum(
        1 for index, kind in enumerate(document.kinds) if kind in (TEXT, ITEM) and document.lines[index].strip()
    )
    turns_in_paragraphs = sum(1 for index in speech if index not in document.items)
    return prose > 0 and turns_in_paragraphs * 2 >= len(speech) and len(speech) * 3 >= prose


def _covered_by_headings(document: Document, found: Sequence[FoundDecision]) -> list[bool]:
    """Lines inside a decision section taken whole (its body one decision), which no sentence of it may take."""
    covered = [False] * len(document.lines)
    for decision in found:
        if decision.kind != "heading":
            continue
        heading = document.heading_at(decision.index)
        if heading is None:
            continue
        end = document.section_end(document.headings.index(heading))
        for index in range(decision.index, end):
            covered[index] = True
    return covered


def _covered_by_actions(document: Document, found: Sequence[FoundAction]) -> list[bool]:
    """Lines of the action items that labels and sections give, nested lines included."""
    covered = [False] * len(document.lines)
    for action in found:
        item = document.items.get(action.index)
        end = item.end if item is not None else action.index + 1
        for index in range(action.index, end):
            covered[index] = True
    return covered


# -- the verdict of one unit ---------------------------------------------------------------------------


def _judge(context: _Context, index: int, text: str, item: Item | None, prefix: _Prefix) -> list[Verdict]:
    section = context.sections[index]
    label_kind = _label_kind(prefix.label)
    if context.transcript and section not in ("decision", "summary", "action") and label_kind not in _MARKED:
        return []  # in a transcript plain speech is never an outcome
    if _title_only(prefix.body):
        return []  # "[Stabilize `!` #65355](...) @bob": a title
    sentence = _sentence(context, prefix.body)
    if not sentence.words or sentence.plus_one or sentence.meta:
        return []
    if label_kind and _PLACEHOLDER.match(sentence.raw):
        return []  # "Decision: TBD"
    if _ASIDE.fullmatch(sentence.raw) and not (sentence.deferral or sentence.agreement):
        return []  # "(silent writing exercise while people arrive)": an aside; "(postponed)" is no aside
    children = _visual_children(context, item) if item is not None else []
    if children and _lead_in_only(prefix, text):
        return []  # "- Consensus from meeting:", "- next step:": the bullets under it are the outcomes
    header = bool(children) and _header(prefix.body)  # "- Accepted MCPs", "- [ ] Public calendar": a title
    if children and "(" in prefix.body:
        # "- Pending FCP requests (check your boxes!)": a list's title and a note about it
        bare = _sentence(context, re.sub(r"\([^()]*\)", " ", prefix.body))
        sentence = bare if bare.words else sentence

    parent = _parent(context, index, item)
    parent_prefix = context.prefixes.get(parent.index) if parent is not None else None
    parent_sentence = _sentence(context, parent_prefix.body) if parent_prefix is not None else None
    parent_verdict = context.verdicts.get(parent.index, (False, False)) if parent is not None else (False, False)
    lead_in = _lead_in(context, item, parent, parent_prefix, parent_sentence)
    if not (
        lead_in
        or label_kind
        or section in ("decision", "action", "deferred")
        or _may_record(sentence)
        or (parent_sentence is not None and "?" in parent_sentence.text)
        or _after_question(context, index, item)
        or section == "question"
    ):
        return []  # no cue and no place that could make it a record: the common case, read no further
    question_above = _under_question(context, index, item, parent, parent_prefix, parent_sentence, section)
    agenda_item = (
        item is not None
        and bool(children)
        and (parent is None or prefix.agenda or (bool(prefix.who) and item.task is not None))
        and section not in ("action", "decision")
        and (len(sentence.words) <= 12 or sentence.question)
        and not sentence.first_person
    )
    boxed = item is not None and item.task is not None
    speaker = bool(prefix.who)

    decision, decision_cue = 0.0, ""
    action, action_cue = 0.0, ""

    def propose(kind: Kind, confidence: float, cue: str) -> None:
        nonlocal decision, decision_cue, action, action_cue
        if kind == "decision" and confidence > decision:
            decision, decision_cue = confidence, cue
        if kind == "action" and confidence > action:
            action, action_cue = confidence, cue

    # What the label or the list's lead-in says.
    if label_kind == "decision":
        propose("decision", 0.95, "label")
    elif label_kind == "action":
        propose("action", 0.95, "label")
    elif label_kind == "role" and (owners_in(prefix.body) or _names_listed(prefix.body)):
        propose("action", 0.85, "assignment")
    if lead_in == "decision":
        propose("decision", 0.9, "outcome-list")
    elif lead_in == "action":
        propose("action", 0.9, "outcome-list")
    elif lead_in == "commitment":
        propose("decision", 0.85, "outcome-list")
    if section == "deferred" and item is not None:
        propose("decision", 0.7, "deferral")

    # What the words say.
    if sentence.agreement:
        propose("decision", 0.8, "agreement")
    if sentence.deferral:
        propose("decision", 0.75, "deferral")
    strength = sentence.commitment_strength
    if sentence.commitment:
        confidence = 0.7 if strength == 1 else 0.55 if strength else 0.4
        if speaker and not question_above:
            confidence = min(confidence, 0.45)  # "Josh: we don't want ...": one person's view
        propose("decision", confidence, "commitment")
        if (_task_after(sentence, sentence.commitment) and not _decides(sentence, sentence.commitment)) or _task_clause(
            sentence, sentence.commitment
        ):
            confidence = 0.7 if strength == 1 else 0.55 if strength else 0.45
            propose("action", min(confidence, 0.45) if speaker else confidence, "commitment")
    if sentence.bare_will:
        if speaker or _person(context, index):
            propose("action", 0.8, "commitment")  # "CHL: Will talk to the team", "JRG: To check governance"
        elif re.match(r"will\s+[\"'“]?(?:" + "|".join(_PROCESS_VERBS) + r")\b", sentence.text):
            propose("decision", 0.6, "commitment")  # "Will continue the discussion async"
    if label_kind == "plan" and not sentence.assignment[0]:
        propose("decision", 0.6, "commitment")  # "Plan: drop that combo"; "Plan: Mike will look" is Mike's task
    if sentence.answered and not _INFO.match(_last_question(sentence.text)):
        propose("decision", 0.75, "answer")  # "Will it be an alias to `!`? Presumably yes."
    # "**Sarah** thinks we should convert this into an issue :+1:": a view that the others endorse (a thumbs-up
    # ends it) is the group's, whoever voiced it and however it was hedged.
    endorsed = bool(re.search(r"(?:\+1|:\+1:|👍)\W*$", prefix.body)) and decision_cue == "commitment"
    if question_above == "sibling" and not sentence.question:
        if sentence.answer_word:
            propose("decision", 0.6, "answer")  # "* Can we check for free variables?" then "* Not quite:"
    elif question_above == "info" and not sentence.question:
        propose("decision", 0.45 if sentence.answer_word else 0.4, "answer")
    elif question_above and not sentence.question and (sentence.words[0] in ("see", "cf") or label_kind == "topic"):
        pass  # "See the thread at ...", "Related: ...": pointers, not answers
    elif question_above and not sentence.question:
        if sentence.answer_word or label_kind == "decision" or _sentence(context, text).answer_word:
            propose("decision", 0.8, "answer")
        elif question_above == "first":
            propose("decision", 0.5 if speaker and section == "question" else 0.6, "answer")
        else:
            propose("decision", 0.45, "answer")

    who, verb = sentence.assignment
    if who:
        weak = verb in ("should", "might take", "may take", "can help", "would like to", "must")
        propose("action", 0.65 if weak else 0.85, "assignment")
    if sentence.first_person:
        propose("action", 0.8 if speaker or _person(context, index) else 0.6, "commitment")
    written = owners_written(prefix.body)
    if written:
        propose("action", 0.75, "request" if sentence.request else "assignment")
    if sentence.request:
        propose("action", 0.55 if sentence.request in ("take a look", "have a look", "reminder") else 0.7, "request")
    if sentence.task in ("(action)", "[to do]", "[todo]", "to do:") or prefix.label in ("to do", "todo"):
        propose("action", 0.95, "marker")  # "Bump the minimum version (ACTION)", "[TO DO]: write the entry"
    if sentence.task:
        confidence = 0.6 if sentence.task in ("need to", "needs to") else 0.8
        if speaker and confidence < 0.8 and not (parent_verdict[0] or parent_verdict[1]):
            confidence = 0.45  # "(TO) Need to make clear ...": one person's view of what is needed
        propose("action", confidence, "task")
    outcome_context = (
        lead_in in ("decision", "action", "commitment")
        or parent_verdict[0]
        or parent_verdict[1]
        or section == "decision"
        or (question_above not in ("", "sibling"))
        or boxed
        or (parent_prefix is not None and parent_prefix.agenda)
    )
    # "Decision: drop Python 3.8", "## Decisions - Adopt the schedule": decided, not a task; a bullet nested
    # under a decision ("- Run the job on Mondays") is the task that follows from it.
    decided_by_label = decision_cue in ("label", "section", "deferral") or (section == "decision" and parent is None)
    if (
        sentence.imperative
        and (outcome_context or (not sentence.ambiguous_verb and len(sentence.words) > 1))
        and not decided_by_label
    ):
        if (
            lead_in in ("decision", "action", "commitment")
            or parent_verdict[0]
            or parent_verdict[1]
            or section == "decision"
        ):
            confidence = 0.8
        elif question_above and question_above != "sibling":
            confidence = 0.7
        elif item is None:
            confidence = 0.45
        elif item.depth == 0 and section in ("agenda", "report", "question"):
            # a topic of the agenda, unless it names who does it: "- [x] Book the room (Jaime)"
            confidence = 0.65 if re.search(r"\([^()]+\)\s*$", prefix.body) and owners_in(prefix.body) else 0.2
        else:
            confidence = 0.65
        if speaker:
            confidence = min(confidence, 0.35)  # "MRB: Follow a deprecation cycle": one person's advice
        if label_kind == "topic":
            confidence = min(confidence, 0.3)  # "concern: call sites ...": a description
        if boxed:
            confidence += 0.1
        propose("action", confidence, "imperative")

    # What makes it no outcome.
    explicit_decision = decision_cue in EXPLICIT_CUES
    explicit_action = action_cue in EXPLICIT_CUES
    if sentence.question and not sentence.answered:
        if not explicit_decision:
            decision = 0.0
        if not explicit_action and not (written and not sentence.request):
            action = 0.0
    if lead_in == "hedge":
        decision -= 0.3
        action -= 0.3
    if sentence.hedge and not explicit_decision:
        if decision_cue == "agreement":
            decision -= 0.1 if sentence.opinion else 0.35  # "it seems the consensus is"; "maybe a consensus"
        else:
            decision -= 0.2
    if sentence.hedge and not explicit_action and action_cue not in ("assignment",):
        action -= 0.2
    if sentence.conditional:  # "but if there is a strong argument", "If you see a PR ..., please tell us"
        decision -= 0.3 if explicit_decision else 0.5
        action -= 0.3 if explicit_action else 0.5
    if sentence.status_start:
        if not explicit_decision:
            decision -= 0.2
        if not explicit_action:
            action -= 0.3
    if section == "report":
        if not explicit_decision:
            decision -= 0.1 if decision_cue == "agreement" else 0.25
        if not explicit_action and action_cue != "request":
            action -= 0.2
    if sentence.logistics and not sentence.first_person:
        action = 0.0
    if endorsed and not sentence.question:
        decision = max(decision, 0.6)
        if action_cue == "commitment":
            action = max(action, 0.6)
    if header and not (who or sentence.imperative or sentence.commitment):
        decision = min(decision, 0.0) if not explicit_decision else decision
        action = min(action, 0.0) if not explicit_action else action
    if (
        agenda_item
        and not explicit_action
        and not (action_cue == "assignment" and _known(context, who))
        and not (action_cue == "request" and sentence.request not in ("take a look", "have a look", "reminder to"))
    ):
        action = 0.0  # "- [ ] (WV) Announce GSOC ideas" opens an agenda item; its bullets hold the outcomes
    if agenda_item and not explicit_decision and decision_cue == "answer":
        decision = 0.0
    if _STRUCK.match(text) and not explicit_action:
        action = min(action, 0.45)  # a task struck through in the notes was done before: reported, not owed

    if context.trace is not None:
        context.trace.append((index, decision_cue, round(decision, 2), action_cue, round(action, 2)))
    if context.model is not None or context.features is not None:
        features = _features(
            sentence,
            decision,
            decision_cue,
            action,
            action_cue,
            section=section,
            lead_in=lead_in,
            question_above=question_above,
            label_kind=label_kind,
            item=item,
            speaker=speaker,
            parent_verdict=parent_verdict,
            agenda_item=agenda_item,
            header=header,
            has_children=bool(children),
            known_who=_known(context, who),
        )
        if context.features is not None:
            context.features.append((index, features, decision, action))
        if context.model is not None:
            # The learned model weighs what the rules read; what the note labels itself stays as the rules say.
            if not explicit_decision:
                decision = context.model.probability("decision", features)
                decision_cue = decision_cue or "model"
            if not explicit_action:
                action = context.model.probability("action", features)
                action_cue = action_cue or "model"
    found: list[Verdict] = []
    if decision >= THRESHOLD - 1e-9:
        topic = ""
        if parent is not None and parent_prefix is not None and not lead_in:
            topic = plain_text(parent_prefix.body or parent.text, 120).rstrip(":")
        found.append(Verdict("decision", index, _text(text), decision_cue, round(min(decision, 1.0), 2), topic=topic))
    if action >= THRESHOLD - 1e-9:
        owners = _owners(context, index, prefix, sentence, parent, action_cue, who)
        done = (item is not None and item.task == "x") or bool(DONE.search(text.split("\n", 1)[0].strip()))
        found.append(
            Verdict("action", index, _text(text), action_cue, round(min(action, 1.0), 2), owners=owners, done=done)
        )
    return found


def _features(
    sentence: Sentence,
    decision: float,
    decision_cue: str,
    action: float,
    action_cue: str,
    *,
    section: str,
    lead_in: str,
    question_above: str,
    label_kind: str,
    item: Item | None,
    speaker: bool,
    parent_verdict: tuple[bool, bool],
    agenda_item: bool,
    header: bool,
    has_children: bool,
    known_who: bool,
) -> dict[str, float]:
    """What the learned model reads of a unit: the rules' verdicts and cues, its place, and its first words."""
    words = sentence.words
    who, verb = sentence.assignment
    flags = {
        f"rule-decision:{decision_cue or 'none'}": 1.0,
        f"rule-action:{action_cue or 'none'}": 1.0,
        "rule-decision": max(min(decision, 1.0), -1.0),
        "rule-action": max(min(action, 1.0), -1.0),
        f"section:{section or 'none'}": 1.0,
        f"lead:{lead_in or 'none'}": 1.0,
        f"question-above:{question_above or 'none'}": 1.0,
        f"label:{label_kind or 'none'}": 1.0,
        f"depth:{min(item.depth, 3) if item is not None else 'paragraph'}": 1.0,
        f"box:{item.task if item is not None and item.task is not None else 'none'}": 1.0,
        f"words:{min(len(words) // 5, 6)}": 1.0,
        f"first:{words[0] if words else ''}": 1.0,
        f"first-two:{' '.join(words[:2])}": 1.0,
    }
    for name, value in (
        ("question", sentence.question),
        ("answered", sentence.answered),
        ("answer-word", sentence.answer_word),
        ("hedge", bool(sentence.hedge)),
        ("opinion", sentence.opinion),
        ("conditional", sentence.conditional),
        ("status-start", sentence.status_start),
        ("status", bool(sentence.status)),
        ("logistics", sentence.logistics),
        ("imperative", bool(sentence.imperative)),
        ("ambiguous-verb", sentence.ambiguous_verb),
        ("first-person", sentence.first_person),
        ("bare-will", sentence.bare_will),
        ("request", bool(sentence.request)),
        ("task", bool(sentence.task)),
        ("agreement", bool(sentence.agreement)),
        ("deferral", bool(sentence.deferral)),
        ("commitment", bool(sentence.commitment)),
        ("firm-commitment", sentence.commitment_strength == 1),
        ("assignment", bool(who)),
        (f"assignment-verb:{verb}", bool(who)),
        ("known-owner", known_who),
        ("speaker", speaker),
        ("agenda-item", agenda_item),
        ("header", header),
        ("has-children", has_children),
        ("parent-decision", parent_verdict[0]),
        ("parent-action", parent_verdict[1]),
    ):
        if value:
            flags[name] = 1.0
    return flags


@dataclass(frozen=True)
class Model:
    """A logistic regression per kind over ``_features``, trained on the hand labels of the development
    archives (``benchmarks/train.py``) and shipped as a small JSON file of weights: no dependency to run it."""

    weights: dict[str, dict[str, float]]  # kind -> feature -> weight; "" is the bias

    def probability(self, kind: str, features: dict[str, float]) -> float:
        weights = self.weights.get(kind, {})
        score = weights.get("", 0.0) + sum(weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Model | None:
        """The model of ``path``, or None when there is none."""
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({kind: {str(k): float(v) for k, v in weights.items()} for kind, weights in data["weights"].items()})


def _parent(context: _Context, index: int, item: Item | None) -> Item | None:
    """The item a unit is nested in; for an item that the reader keeps at its list's level although it is
    indented under the one before (as after code in an item), that one."""
    document = context.document
    parent = document.parent_item(index)
    if item is None:
        return parent
    position = context.position.get(index, 0)
    siblings = context.siblings.get(item.parent, [])
    heading = document.heading_above(index)
    for before in reversed(siblings[:position]):
        if document.heading_above(before.index) != heading:
            break  # another section's list
        if before.indent < item.indent:
            return before
    return parent


def _visual_children(context: _Context, item: Item) -> list[Item]:
    """An item's nested items, or, when the reader nests none, the later siblings indented under it."""
    children = context.document.children(item)
    if children:
        return children
    siblings = context.siblings.get(item.parent, [])
    found = []
    for after in siblings[context.position.get(item.index, 0) + 1 :]:
        if after.indent <= item.indent:
            break
        found.append(after)
    return found


def _known(context: _Context, who: str) -> bool:
    """Whether a subject is one of the meeting's people (or a handle)."""
    return bool(who) and (who.startswith("@") or fold(who) in context.known or fold(who.split()[0]) in context.known)


_ASIDE = re.compile(r"\s*\([^()]*\)\s*")
_STRUCK_OR_MARKS = re.compile(r"~~[^~]*~~|[\W_]+")
_MARKED = frozenset({"decision", "action"})  # labels that make a line a record even in a transcript
_TRANSCRIPT_SECTIONS = frozenset({"decision", "summary", "action"})  # what a transcript's records sit in
_MARKUP = re.compile(r"[\[*_`<>~#!{\\|]|^\s*(?:[-*+]|\d+[.)])\s", re.MULTILINE)


@lru_cache(maxsize=1)
def _model() -> Model | None:
    return Model.load()


def _after_question(context: _Context, index: int, item: Item | None) -> bool:
    """Whether the item before this one, at its level, asks something (cheap: a question mark)."""
    if item is None:
        return False
    position = context.position.get(index, 0)
    if position == 0:
        return False
    before = context.prefixes.get(context.siblings[item.parent][position - 1].index)
    return before is not None and "?" in before.body


def _may_record(sentence: Sentence) -> bool:
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
        or sentence.assignment[0]
    )


def _sentence(context: _Context, markdown: str) -> Sentence:
    """The cues of ``markdown``, read once per meeting (a parent's are asked again by each of its bullets)."""
    found = context.sentences.get(markdown)
    if found is None:
        # Most units hold no markup at all: their plain text is their text.
        plain = plain_text(markdown) if _MARKUP.search(markdown) else " ".join(markdown.split())
        found = Sentence(quick_fold(plain.replace("’", "'").replace("‘", "'")), plain, context.known, context.listed)
        context.sentences[markdown] = found
    return found


_LINK_OR_REF = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>|https?://\S+|(?:[\w.-]+/[\w.-]+)?#\d+|@[\w-]+")


def _title_only(body: str) -> bool:
    """Whether a unit is nothing but links, references and handles: ``[Stabilize ! #65355](...) @bob``."""
    if "[" not in body and "http" not in body and "#" not in body:
        return False
    rest = _LINK_OR_REF.sub(" ", body)
    rest = _STRUCK_OR_MARKS.sub(" ", rest)
    return len(rest.split()) < 2


def _header(body: str) -> bool:
    """A title of three words at most, outside brackets and links: ``Accepted MCPs``, ``Website (and blog?)``."""
    rest = _LINK_OR_REF.sub(" ", re.sub(r"\([^()]*\)", " ", body))
    words = re.findall(r"[^\W_]+", rest)
    return len(words) <= 3 and not rest.strip().endswith("?")


_LEAD_WORDS = 6  # a lead-in of a list is short: "Consensus from meeting:", "Still to-do from previous months:"


def _lead_in_only(prefix: _Prefix, text: str) -> bool:
    """A short line that heads the list under it: ``Consensus from meeting:``, ``next step:``, ``Plan:``."""
    first = plain_text(text.split("\n", 1)[0]).strip()
    if not first.endswith(":"):
        return bool(prefix.label) and not prefix.body.strip()
    return len(first.split()) <= _LEAD_WORDS or not prefix.body.strip()


def _text(text: str) -> str:
    return text.strip()


def _task_after(sentence: Sentence, phrase: str) -> bool:
    """Whether a task verb follows a commitment: ``we will add ...``, ``let's run a poll``."""
    position = sentence.text.find(phrase)
    if position < 0:
        return False
    after = Sentence(sentence.text[position + len(phrase) :].strip())
    return bool(after.imperative)


_THEN_TASK = re.compile(
    r"(?:,|;|\band|\bbut|\bthen)\s+(?:then\s+|also\s+)?(?:we\s+)?(?:will\s+|'ll\s+)?(?:also\s+)?([\w-]+)"
)


def _task_clause(sentence: Sentence, phrase: str) -> bool:
    """Whether a commitment goes on with a task in a clause of its own: ``We will continue with pyrefly but will
    add a note to the contributing guide`` (settled, and a task); not ``we will keep X and use Y``."""
    position = sentence.text.find(phrase)
    if position < 0 or (
        " and " not in sentence.text and " but " not in sentence.text and " then " not in sentence.text
    ):
        return False
    for match in _THEN_TASK.finditer(sentence.text, position + len(phrase)):
        verb = match.group(1)
        if verb in TASK_VERBS and verb not in _DECIDING_VERBS and verb not in ("think", "try"):
            return True
    return False


# Verbs that, after "we will" or "let's", say what the group settles on rather than a task to do.
_DECIDING_VERBS = frozenset(
    re.findall(
        r"\w+",
        "drop keep use adopt stick continue stay allow require support permit accept reject prefer default switch"
        " deprecate remove",
    )
)


def _decides(sentence: Sentence, phrase: str) -> bool:
    """Whether a commitment settles something (``We will drop Python 3.9``) rather than gives a task."""
    position = sentence.text.find(phrase)
    after = sentence.text[position + len(phrase) :].split()
    return bool(after) and after[0] in _DECIDING_VERBS


def _names_listed(text: str) -> bool:
    parts = [part.strip() for part in re.split(r"\s*[,;&]\s*|\s+and\s+", plain_text(text)) if part.strip()]
    return bool(parts) and all(_looks_like_person(part) for part in parts)


def _lead_in(
    context: _Context,
    item: Item | None,
    parent: Item | None,
    parent_prefix: _Prefix | None,
    parent_sentence: Sentence | None,
) -> str:
    """What the line heading this unit's list announces: "decision" (``Consensus from meeting:``), "action"
    (``Still to-do from previous months:``), "commitment" (``Seems like we should:``), "hedge" (``One
    possibility:``, ``Niko's thought:``), or "". The line is the item it is nested in, or the paragraph
    right above its list."""
    if item is None:
        return ""
    if parent is None:
        return context.leads.get(item.index, "")
    if parent_prefix is None or parent_sentence is None:
        return ""
    if parent.index not in context.labels:
        raw = plain_text(parent.text).strip()
        label_kind = _label_kind(parent_prefix.label)
        lead = (raw.endswith(":") and len(raw.split()) <= _LEAD_WORDS) or (
            bool(label_kind) and not parent_prefix.body.strip()
        )
        context.labels[parent.index] = _lead_kind(context, raw, label_kind) if lead else ""
    return context.labels[parent.index]


def _lead_kind(context: _Context, raw: str, label_kind: str = "") -> str:
    """What a lead-in line (``Consensus from meeting:``, ``Seems like we should:``) says of the list it heads."""
    lead = fold(raw.rstrip(":"))
    sentence = _sentence(context, raw.rstrip(":"))
    words = set(sentence.words)
    if label_kind == "decision" or sentence.agreement or _label_kind(lead) == "decision":
        return "decision"
    if label_kind == "action" or is_action_heading(lead) or {"to-do", "todo", "todos"} & words:
        return "action"
    if sentence.commitment and sentence.commitment_strength > 0:
        return "commitment"
    if set(words_of(lead)) & HEDGE_LEADS or (sentence.hedge and not sentence.opinion):
        return "hedge"
    return ""


# A question that asks the meeting to decide, whose first plain answer is its outcome: "Do we need a CEP?",
# "Does this require an RFC?", "Can we roll out pre-commit now?"; not one that asks for facts ("Any use
# cases?", "Have we added it?", "Do we know anyone at NCSA?").
_INFO = re.compile(
    r"^(?:[\w/ ]{1,30}:\s*)?(?:(?:so|and|but|then|ok|also)\s+)?(?:question\s*:\s*|q\s*:\s*)?"
    r"(?:what|which|who|whom|whose|where|when|why|how|any|anyone|anybody|(?:is|are)\s+there\s+any|have|has|had"
    r"|did|was|were|(?:do|does)\s+(?:we|you|anyone|anybody|people)\s+know|does\s+anyone|do\s+people)\b"
)


def _under_question(
    context: _Context,
    index: int,
    item: Item | None,
    parent: Item | None,
    parent_prefix: _Prefix | None,
    parent_sentence: Sentence | None,
    section: str,
) -> str:
    """Whether the unit answers a question: "first" (the first bullet under a question that asks to decide),
    "later" (a later one), "info" (under a question that asks for facts), "sibling" (right after a
    question at its own level), or ""."""
    document = context.document
    if parent is not None and parent_sentence is not None and parent_prefix is not None:
        asks = (
            parent_sentence.question
            or _label_kind(parent_prefix.label) == "question"
            or ("?" in re.sub(r"\([^()]*\)", " ", parent_sentence.text) and not parent_sentence.answered)
        )
        if asks and not _title_only(parent_prefix.body) and not parent_sentence.answered:
            if _asks_facts(_last_question(parent_sentence.text)):
                return "info"
            siblings = _visual_children(context, parent)
            return "first" if siblings and siblings[0].index == index else "later"
    if item is not None:
        siblings = context.siblings.get(item.parent, [])
        position = context.position.get(index, -1)
        if position > 0:
            before = siblings[position - 1]
            above = context.prefixes.get(before.index)
            adjacent = all(not document.lines[line].strip() for line in range(before.end, index))
            if above is not None and adjacent and not document.children(before):
                asked = _sentence(context, above.body)
                if asked.question and not asked.answered:
                    return "sibling"
    if section == "question" and item is not None:
        position = document.heading_above(index)
        if position >= 0:
            heading = document.headings[position]
            first = next((i for i in range(heading.index + 1, len(document.lines)) if document.lines[i].strip()), None)
            if first == index:
                return "first"
    return ""


def _last_question(text: str) -> str:
    """The clause of ``text`` that asks: ``Context here; do we need X?`` -> ``do we need x``."""
    parts = re.split(r"(?<=[.!;])\s+", text.rsplit("?", 1)[0])
    return parts[-1].strip() if parts else text


def _asks_facts(question: str) -> bool:
    """Whether a question asks for facts (``Any use cases?``, ``SC21 activities?``) rather than for a decision
    (``Do we need a CEP?``, ``Archive old projects to conda-attic?``)."""
    if _INFO.match(question):
        return True
    if _DECIDING_START.match(question):
        return False
    first = question.split()[0] if question.split() else ""
    return first not in TASK_VERBS  # a title ("Transparency of decisions?"), unless it opens with a verb


_DECIDING_START = re.compile(
    r"^(?:[\w/ ]{1,30}:\s*)?(?:(?:so|and|but|then|ok|also)\s+)?(?:question\s*:\s*|q\s*:\s*)?"
    r"(?:should|shall|can|could|do|does|is|are|will|would|must|may|ok|okay)\b"
)


def _person(context: _Context, index: int) -> str:
    person_at = context.person_at
    return (person_at[index] or "") if index < len(person_at) else ""


def _owners(
    context: _Context,
    index: int,
    prefix: _Prefix,
    sentence: Sentence,
    parent: Item | None,
    cue: str,
    who: str,
) -> tuple[str, ...]:
    """The owners of an action item as written: named on the line, else its speaker, section or parent."""
    named = [*owners_in(prefix.body), *owners_written(prefix.body)]
    subject = sentence.subject
    if who and subject and fold(subject) not in GROUP_OWNERS and fold(subject.split()[-1]) not in GROUP_OWNERS:
        for part in _split(subject):  # "Olivier and Guillaume will pair on the docs"
            if not any(fold(part) == fold(name.lstrip("@")) for name in named):
                named.append(part)
    named = [name for name in named if fold(name.lstrip("@")) not in GROUP_OWNERS]
    if prefix.label and _label_kind(prefix.label) == "role":
        named = [*named, *_split(prefix.body)]
    speaker = [part for part in _split(prefix.who)] if prefix.who else []
    if named:
        if sentence.first_person and speaker:
            return tuple(dict.fromkeys([*speaker, *named]))
        return tuple(dict.fromkeys(named))
    if cue == "request" or sentence.request:
        return ()
    if speaker:
        return tuple(speaker)
    person = _person(context, index)
    if person:
        return (person,)
    ancestor = parent
    while ancestor is not None:
        above = context.prefixes.get(ancestor.index)
        if above is not None and above.who:
            return tuple(_split(above.who))
        ancestor = context.document.parent_item(ancestor.index)
    return ()


def _split(text: str) -> list[str]:
    return [part.strip().strip("*_") for part in re.split(r"\s*[/,;&]\s*|\s+and\s+", text) if part.strip()]


def _with_owners(context: _Context, found: FoundAction) -> FoundAction:
    """An explicit action item that names no owner gets its speaker's or parent's, as classified ones do."""
    if found.owners:
        return found
    document = context.document
    item = document.items.get(found.index)
    text = item.text if item is not None else document.lines[found.index]
    prefix = _prefix(text.strip())
    context.prefixes.setdefault(found.index, prefix)
    sentence = _sentence(context, prefix.body)
    parent = document.parent_item(found.index)
    owners = _owners(context, found.index, prefix, sentence, parent, found.cue, "")
    return replace(found, owners=owners) if owners else found


def explicit(cue: str) -> bool:
    """Whether a record with this cue is one the note labels itself (a section, a label, a marker)."""
    return cue in EXPLICIT_CUES
