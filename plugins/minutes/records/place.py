"""Where a unit of a meeting sits: the ``Context`` the classifier reads each unit in, and the ``Reading``
of a unit in its place that the rules judge.

It produces, per meeting, the kind of section each line is in (``section_kinds``: a decision or action
section, a report, an agenda, a question, ...) and whether the meeting is a transcript; and, per unit
(``read_unit``), the item it is nested in (``parent_of``, ``visual_children``), what the line heading its
list announces (``lead_in``: ``Consensus from meeting:``, ``Accepted MCPs``), the question it answers, if
any (``under_question``), and whether it opens an agenda item; or None for a unit that cannot be a record
(a title, a ``+1``, a lead-in whose bullets are the records, a line with no cue in no telling place).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..reading.blocks import ITEM, TEXT, Document, Item
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import (
    ACTION_HEADING_WORDS,
    AGENDA_SECTIONS,
    HEDGE_LEADS,
    OUTCOME_TITLE_WORDS,
    PREVIOUS_WORDS,
    REPORT_SECTIONS,
    SUMMARY_WORDS,
    TASK_VERBS,
    is_action_heading,
    is_decision_heading,
    words_of,
)
from .cues import Sentence, owners_written, quick_fold
from .units import (
    LEAD_WORDS,
    Prefix,
    Unit,
    header,
    label_kind,
    lead_in_only,
    looks_like_person,
    may_record,
    quoted_title,
    title_only,
)

TRANSCRIPT_SECTIONS = frozenset({"decision", "summary", "action"})  # what a transcript's records sit in

_ASIDE = re.compile(r"\s*\([^()]*\)\s*")
_NOTHING_NEW = re.compile(r"(?i)^\W*(?:no new|nothing new|none)\b.{0,60}?\b(?:this|last|the) (?:time|week|meeting)\W*$")
_PLACEHOLDER = re.compile(r"^\W*(?:tbd|tba|todo|pending|none|n/?a|nothing|-+|\?+|\.+)?\W*$", re.IGNORECASE)
_MARKUP = re.compile(r"[\[*_`<>~#!{\\|]|^\s*(?:[-*+]|\d+[.)])\s", re.MULTILINE)
# A question that asks for facts rather than for a decision: "Any use cases?", "Have we added it?", "Do we
# know anyone at NCSA?"; its answers are no outcomes.
INFO_QUESTION = re.compile(
    r"^(?:[\w/ ]{1,30}:\s*)?(?:(?:so|and|but|then|ok|also)\s+)?(?:question\s*:\s*|q\s*:\s*)?"
    r"(?:what|which|who|whom|whose|where|when|why|how|any|anyone|anybody|(?:is|are)\s+there\s+any|have|has|had"
    r"|did|was|were|(?:do|does)\s+(?:we|you|anyone|anybody|people)\s+know|does\s+anyone|do\s+people)\b"
)
# A question that asks the meeting to decide, whose first plain answer is its outcome: "Do we need a CEP?",
# "Does this require an RFC?", "Can we roll out pre-commit now?".
_DECIDING_START = re.compile(
    r"^(?:[\w/ ]{1,30}:\s*)?(?:(?:so|and|but|then|ok|also)\s+)?(?:question\s*:\s*|q\s*:\s*)?"
    r"(?:should|shall|can|could|do|does|is|are|will|would|must|may|ok|okay)\b"
)


@dataclass
class Context:
    """A meeting as the classifier reads it: its lines' places, and what was read of its units so far."""

    document: Document
    sections: list[str]  # per line: the kind of section it sits in ("decision", "action", "report", ...)
    person_at: Sequence[str | None]
    speech: frozenset[int]  # lines that open a speaker's turn
    transcript: bool
    verdicts: dict[int, tuple[bool, bool]] = field(default_factory=dict)  # item line -> (decision, action)
    prefixes: dict[int, Prefix] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)  # item line -> what it announces of its nested list
    leads: dict[int, str] = field(default_factory=dict)  # top item line -> what the paragraph above its list says
    known: frozenset[str] = frozenset()  # folded names, handles and abbreviations of the meeting's people
    listed: bool = False  # whether the meeting lists its attendees
    siblings: dict[int, list[Item]] = field(default_factory=dict)  # parent item line (-1: top) -> its items
    indented_under: dict[int, Item] = field(default_factory=dict)  # item line -> the sibling it is indented under
    position: dict[int, int] = field(default_factory=dict)  # item line -> its position among its siblings
    sentences: dict[str, Sentence] = field(default_factory=dict)  # Markdown -> its cues, read once
    reads_all: bool = False  # every unit read to its end, cue or not (a training run collects them all)
    in_turn: list[bool] = field(default_factory=list)  # per line: inside a speaker's turn ("Mara: ...")


def context_of(
    document: Document,
    person_at: Sequence[str | None],
    speech: frozenset[int],
    known: frozenset[str],
    listed: bool,
    reads_all: bool = False,
) -> Context:
    """The places of a meeting's lines and items, read once: sections, siblings, indents."""
    context = Context(
        document,
        section_kinds(document),
        person_at,
        speech,
        transcript=is_transcript(document, speech),
        known=known,
        listed=listed,
        reads_all=reads_all,
    )
    for found_item in sorted(document.items.values(), key=lambda each: each.index):
        siblings = context.siblings.setdefault(found_item.parent, [])
        context.position[found_item.index] = len(siblings)
        siblings.append(found_item)
    context.indented_under = _indented_under(document, context.siblings)
    context.in_turn = _in_turn(document, speech)
    return context


_TURN = re.compile(
    r"^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,3}[.)])\s+)?(?:\*\*|__)?(?P<who>[^:*_\n]{1,40}?)(?:\*\*|__)?\s*:\s+\S"
)


def _in_turn(document: Document, speech: frozenset[int]) -> list[bool]:
    """Per line, whether it is in a speaker's turn: a paragraph or list item whose first line opens one (a
    speaker the people parsers know, or a name before a colon: ``TC: ...``, ``- Mara: ...``)."""
    in_turn = [False] * len(document.lines)
    turn = False
    for index, kind in enumerate(document.kinds):
        line = document.lines[index]
        if kind not in (TEXT, ITEM) or not line.strip():
            turn = False
            continue
        if index in document.items or kind == ITEM or index == 0 or not document.lines[index - 1].strip():
            opened = _TURN.match(line)
            turn = index in speech or (opened is not None and looks_like_person(opened.group("who").strip()))
        in_turn[index] = turn
    return in_turn


def sentence_of(context: Context, markdown: str) -> Sentence:
    """The cues of ``markdown``, read once per meeting (a parent's are asked again by each of its bullets)."""
    found = context.sentences.get(markdown)
    if found is None:
        # Most units hold no markup at all: their plain text is their text.
        plain = plain_text(markdown) if _MARKUP.search(markdown) else " ".join(markdown.split())
        found = Sentence(quick_fold(plain.replace("’", "'").replace("‘", "'")), plain, context.known, context.listed)
        context.sentences[markdown] = found
    return found


def person(context: Context, index: int) -> str:
    """The person whose section or name tag holds a line, if any."""
    person_at = context.person_at
    return (person_at[index] or "") if index < len(person_at) else ""


# -- sections and transcripts ------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _heading_kind(text: str) -> str:
    plain = plain_text(text).strip()
    words = words_of(plain)
    if not words:
        return ""
    if is_decision_heading(plain):
        return "decision"
    if is_action_heading(plain) or (
        "action" in words and all(w in ACTION_HEADING_WORDS or w in PREVIOUS_WORDS for w in words)
    ):
        return "action"
    if plain.rstrip("*_ ").endswith("?") or re.match(r"(?i)^q\s*[:.]", plain):
        return "question"
    if any(word in ("deferred", "postponed") for word in words):
        return "deferred"
    if set(words) & SUMMARY_WORDS and len(words) <= 6:
        return "summary"
    if set(words) & REPORT_SECTIONS:
        return "report"
    if set(words) & AGENDA_SECTIONS:
        return "agenda"
    return "other"


def section_kinds(document: Document) -> list[str]:
    """Per line, the kind of the innermost section that says something about it ("" outside any heading)."""
    kinds = [""] * len(document.lines)
    for position, heading in enumerate(document.headings):
        kind = _heading_kind(heading.text)
        end = document.section_end(position)
        for index in range(heading.index + 1, end):
            if kind != "other" or not kinds[index]:
                kinds[index] = kind
    return kinds


def is_transcript(document: Document, speech: frozenset[int]) -> bool:
    """Whether the meeting is made mostly of speaker turns: most of its prose lines open one or go on one."""
    if len(speech) < 10:
        return False
    prose = sum(
        1 for index, kind in enumerate(document.kinds) if kind in (TEXT, ITEM) and document.lines[index].strip()
    )
    turns_in_paragraphs = sum(1 for index in speech if index not in document.items)
    return prose > 0 and turns_in_paragraphs * 2 >= len(speech) and len(speech) * 3 >= prose


def heading_words(context: Context, index: int) -> tuple[str, ...]:
    """The words of the heading that a unit sits under (the nearest one), for the learned model."""
    position = context.document.heading_above(index)
    if position < 0:
        return ()
    return tuple(words_of(plain_text(context.document.headings[position].text))[:6])


# -- parents and children ---------------------------------------------------------------------------------


def parent_of(context: Context, index: int, item: Item | None) -> Item | None:
    """The item a unit is nested in; for an item that the reader keeps at its list's level although it is
    indented under the one before (as after code in an item), that one (``_indented_under``)."""
    parent = context.document.parent_item(index)
    if item is None:
        return parent
    return context.indented_under.get(index) or parent


def _indented_under(document: Document, siblings: dict[int, list[Item]]) -> dict[int, Item]:
    """For each item, the nearest earlier sibling of its section indented less than it, if any: a stack of
    the siblings by indent, emptied at each new section, so that the whole note is read once."""
    under: dict[int, Item] = {}
    for group in siblings.values():
        stack: list[Item] = []
        heading = None
        for found in group:
            here = document.heading_above(found.index)
            if here != heading:
                stack, heading = [], here
            while stack and stack[-1].indent >= found.indent:
                stack.pop()
            if stack:
                under[found.index] = stack[-1]
            stack.append(found)
    return under


def visual_children(context: Context, item: Item) -> list[Item]:
    """An item's nested items, or, when the reader nests none, the later siblings indented under it."""
    children = context.document.children(item)
    if children:
        return children
    siblings = context.siblings.get(item.parent, [])
    found = []
    for position in range(context.position.get(item.index, 0) + 1, len(siblings)):  # no slice: one list, read once
        after = siblings[position]
        if after.indent <= item.indent:
            break
        found.append(after)
    return found


# -- lead-ins: what the line heading a list says of it ----------------------------------------------------


def lead_in_lines(context: Context, units: Sequence[Unit]) -> set[int]:
    """The short paragraphs that head the list right under them (``Still to-do from previous months:``),
    whose items are the records; what each says of its list goes to ``context.leads``."""
    document = context.document
    lead_lines: set[int] = set()
    for index, text, item in units:
        if item is None and text.rstrip().endswith(":") and len(plain_text(text).split()) <= LEAD_WORDS:
            last = index
            while last + 1 < len(document.lines) and document.kinds[last + 1] == TEXT and document.lines[last + 1]:
                last += 1
            following = document.list_after(last)
            kind = _lead_kind(context, plain_text(text).strip()) if following else ""
            if kind:
                lead_lines.add(index)
                for listed in following:
                    context.leads[listed.index] = kind
    return lead_lines


def lead_in(
    context: Context,
    item: Item | None,
    parent: Item | None,
    parent_prefix: Prefix | None,
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
        parent_label = label_kind(parent_prefix.label)
        lead = (
            (raw.endswith(":") and len(raw.split()) <= LEAD_WORDS)
            or (bool(parent_label) and not parent_prefix.body.strip())
            or _outcome_title(raw)
        )
        context.labels[parent.index] = _lead_kind(context, raw, parent_label) if lead else ""
    return context.labels[parent.index]


def _outcome_title(raw: str) -> bool:
    """A list's title that makes each of its bullets an outcome: ``Accepted MCPs``, ``Finalized FCPs``."""
    words = words_of(re.sub(r"\([^()]*\)", " ", raw))
    return 0 < len(words) <= LEAD_WORDS and words[0] in OUTCOME_TITLE_WORDS


def in_outcome_list(context: Context, index: int, item: Item | None) -> bool:
    """Whether a list item is a bullet of a list of outcomes (``- Accepted MCPs`` over it)."""
    parent = parent_of(context, index, item) if item is not None else None
    return parent is not None and _outcome_title(plain_text(parent.text).strip())


def _lead_kind(context: Context, raw: str, label: str = "") -> str:
    """What a lead-in line (``Consensus from meeting:``, ``Seems like we should:``) says of the list it heads."""
    lead = fold(raw.rstrip(":"))
    sentence = sentence_of(context, raw.rstrip(":"))
    words = set(sentence.words)
    if _outcome_title(raw):
        return "outcomes"  # "Accepted MCPs": its bullets are what was accepted, not tasks
    if label == "decision" or sentence.agreement or label_kind(lead) == "decision":
        return "decision"
    if label == "action" or is_action_heading(lead) or {"to-do", "todo", "todos"} & words:
        return "action"
    if sentence.commitment and sentence.commitment_strength > 0:
        return "commitment"
    if set(words_of(lead)) & HEDGE_LEADS or (sentence.hedge and not sentence.opinion):
        return "hedge"
    return ""


# -- questions above -------------------------------------------------------------------------------------


def after_question(context: Context, index: int, item: Item | None) -> bool:
    """Whether the item before this one, at its level, asks something (cheap: a question mark)."""
    if item is None:
        return False
    position = context.position.get(index, 0)
    if position == 0:
        return False
    before = context.prefixes.get(context.siblings[item.parent][position - 1].index)
    return before is not None and "?" in before.body


def under_question(
    context: Context,
    index: int,
    item: Item | None,
    parent: Item | None,
    parent_prefix: Prefix | None,
    parent_sentence: Sentence | None,
    section: str,
) -> str:
    """Whether the unit answers a question: "first" (the first bullet under a question that asks to decide),
    "later" (a later one), "info" (under a question that asks for facts), "sibling" (right after a
    question at its own level), or ""."""
    if parent is not None and parent_sentence is not None and parent_prefix is not None:
        asks = (
            parent_sentence.question
            or label_kind(parent_prefix.label) == "question"
            or ("?" in re.sub(r"\([^()]*\)", " ", parent_sentence.text) and not parent_sentence.answered)
        )
        if asks and not title_only(parent_prefix.body) and not parent_sentence.answered:
            if _asks_facts(last_question(parent_sentence.text)):
                return "info"
            siblings = visual_children(context, parent)
            return "first" if siblings and siblings[0].index == index else "later"
    if item is not None and _after_open_question(context, index, item):
        return "sibling"
    if section == "question" and item is not None and _first_in_section(context.document, index):
        return "first"
    return ""


def _after_open_question(context: Context, index: int, item: Item) -> bool:
    """Whether the sibling right before an item (no blank line, no nested items between) asks, unanswered."""
    document = context.document
    siblings = context.siblings.get(item.parent, [])
    position = context.position.get(index, -1)
    if position <= 0:
        return False
    before = siblings[position - 1]
    above = context.prefixes.get(before.index)
    adjacent = all(not document.lines[line].strip() for line in range(before.end, index))
    if above is None or not adjacent or document.children(before):
        return False
    asked = sentence_of(context, above.body)
    return bool(asked.question and not asked.answered)


def _first_in_section(document: Document, index: int) -> bool:
    """Whether a line is the first non-blank one under its heading."""
    position = document.heading_above(index)
    if position < 0:
        return False
    heading = document.headings[position]
    first = next((i for i in range(heading.index + 1, len(document.lines)) if document.lines[i].strip()), None)
    return first == index


def last_question(text: str) -> str:
    """The clause of ``text`` that asks: ``Context here; do we need X?`` -> ``do we need x``."""
    parts = re.split(r"(?<=[.!;])\s+", text.rsplit("?", 1)[0])
    return parts[-1].strip() if parts else text


def _asks_facts(question: str) -> bool:
    """Whether a question asks for facts (``Any use cases?``, ``SC21 activities?``) rather than for a decision
    (``Do we need a CEP?``, ``Archive old projects to conda-attic?``)."""
    if INFO_QUESTION.match(question):
        return True
    if _DECIDING_START.match(question):
        return False
    first = question.split()[0] if question.split() else ""
    return first not in TASK_VERBS  # a title ("Transparency of decisions?"), unless it opens with a verb


# -- a unit in its place ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Reading:
    """What the rules read of one unit: its words and prefix, and where it sits."""

    index: int  # the line where it starts
    text: str  # its Markdown
    item: Item | None  # the list item it is, if one
    prefix: Prefix
    sentence: Sentence  # the cues of its words (of a list's title, without its note in brackets)
    section: str  # the kind of section it sits in
    label: str  # what its label makes of it: "decision", "action", "question", "plan", "role", "topic", ""
    has_children: bool  # items are nested (or indented) under it
    header: bool  # a list's short title: "- Accepted MCPs"
    parent: Item | None  # the item it is nested in
    parent_prefix: Prefix | None
    parent_sentence: Sentence | None
    parent_verdict: tuple[bool, bool]  # whether its parent was found a decision, an action
    lead_in: str  # what the line heading its list announces (``place.lead_in``)
    question_above: str  # the question it answers: "first", "later", "info", "sibling" (``place.under_question``)
    agenda_item: bool  # it opens an agenda item, whose bullets hold the outcomes
    written: list[str]  # the owners it writes: "<- Mike", "@bob"

    @property
    def boxed(self) -> bool:
        return self.item is not None and self.item.task is not None

    @property
    def speaker(self) -> bool:
        return bool(self.prefix.who)

    @property
    def who(self) -> str:
        """The subject its words assign a task to: "Alice" of "Alice will ..."."""
        return self.sentence.assignment[0]


def read_unit(context: Context, unit: Unit, prefix: Prefix) -> Reading | None:
    """What the rules read of ``unit``, or None when it cannot be a record (and is read no further)."""
    index, text, item = unit
    section = context.sections[index]
    label = label_kind(prefix.label)
    if context.transcript and section not in TRANSCRIPT_SECTIONS and label not in ("decision", "action"):
        return None  # in a transcript plain speech is never an outcome
    if (title_only(prefix.body) or quoted_title(text)) and not in_outcome_list(context, index, item):
        return None  # "[Stabilize `!` #65355](...) @bob": a title, unless a list of outcomes holds it
    sentence = sentence_of(context, prefix.body)
    if _says_nothing(sentence, label):
        return None
    children = visual_children(context, item) if item is not None else []
    if children and lead_in_only(prefix, text):
        return None  # "- Consensus from meeting:", "- next step:": the bullets under it are the outcomes
    if children and "(" in prefix.body:
        # "- Pending FCP requests (check your boxes!)": a list's title and a note about it
        bare = sentence_of(context, re.sub(r"\([^()]*\)", " ", prefix.body))
        sentence = bare if bare.words else sentence
    parent = parent_of(context, index, item)
    parent_prefix = context.prefixes.get(parent.index) if parent is not None else None
    parent_sentence = sentence_of(context, parent_prefix.body) if parent_prefix is not None else None
    lead = lead_in(context, item, parent, parent_prefix, parent_sentence)
    if not (lead or label or _may_be_record(context, unit, section, sentence, parent_sentence)):
        return None  # no cue and no place that could make it a record: the common case, read no further
    return Reading(
        index=index,
        text=text,
        item=item,
        prefix=prefix,
        sentence=sentence,
        section=section,
        label=label,
        has_children=bool(children),
        header=bool(children) and header(prefix.body),  # "- Accepted MCPs", "- [ ] Public calendar": a title
        parent=parent,
        parent_prefix=parent_prefix,
        parent_sentence=parent_sentence,
        parent_verdict=context.verdicts.get(parent.index, (False, False)) if parent is not None else (False, False),
        lead_in=lead,
        question_above=under_question(context, index, item, parent, parent_prefix, parent_sentence, section),
        agenda_item=_opens_agenda_item(item, bool(children), parent, prefix, section, sentence),
        written=owners_written(prefix.body),
    )


def _says_nothing(sentence: Sentence, label: str) -> bool:
    """No words, a ``+1`` alone, a note about the meeting itself, a placeholder, an aside."""
    if not sentence.words or sentence.plus_one or sentence.meta:
        return True
    if label and _PLACEHOLDER.match(sentence.raw):
        return True  # "Decision: TBD"
    if _NOTHING_NEW.match(sentence.raw):
        return True  # "No new accepted proposals this time.": an empty list of outcomes
    # "(silent writing exercise while people arrive)": an aside; "(postponed)" is no aside
    return bool(_ASIDE.fullmatch(sentence.raw) and not (sentence.deferral or sentence.agreement))


def _may_be_record(
    context: Context, unit: Unit, section: str, sentence: Sentence, parent_sentence: Sentence | None
) -> bool:
    """Whether a unit with no label and no lead-in has a cue or a place that could make it a record (or is
    read anyway, for a training run)."""
    index, _, item = unit
    return (
        section in ("decision", "action", "deferred")
        or may_record(sentence)
        or (parent_sentence is not None and "?" in parent_sentence.text)
        or after_question(context, index, item)
        or section == "question"
        or context.reads_all
    )


def _opens_agenda_item(
    item: Item | None, has_children: bool, parent: Item | None, prefix: Prefix, section: str, sentence: Sentence
) -> bool:
    """Whether a unit opens an agenda item (``- [ ] (WV) Announce GSOC ideas``), whose bullets hold the outcomes:
    a short item over a list, at the top or a speaker's or timed one, outside decision and action sections."""
    return (
        item is not None
        and has_children
        and (parent is None or prefix.agenda or (bool(prefix.who) and item.task is not None))
        and section not in ("action", "decision")
        and (len(sentence.words) <= 12 or sentence.question)
        and not sentence.first_person
    )
