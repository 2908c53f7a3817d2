"""Decisions and action items as people really write them: the classifier of a meeting's lines.

A few conventions label their records, and ``decisions`` and ``actions`` read them: a Decision section,
``Decision:`` and ``ACTION:`` lines, ``!!! decision``, an Action items list, a ``todo:`` label over a
list. Most outcomes and tasks are plain bullets and sentences, and this module finds them from general
minute-writing conventions. Every unit of a meeting is read, a list item (its own lines, not its nested
items) or a sentence of a paragraph (``records.units``), with two things:

- what its words say (``records.cues``): agreement ("No objections from those present", "consensus
  that ..."), a deferral or agenda outcome ("Deferred to next meeting", "take it back to GitHub"), a
  commitment ("we will ...", "let's ...", "the plan is to ..."), an assignment ("Alice will ...", "Bob
  to open an issue"), a request ("please review #123", "cc @bob"), a task ("need to ...", "next step"),
  an imperative ("Run the job weekly"); and what makes it no outcome: a question, a hedge or one
  person's view, a status report, personal logistics, a ``+1`` alone;
- where it sits (``records.place``): the section it is in (a decision or action section, announcements,
  an agenda), the item it is nested in (a question, whose plain answers are outcomes; a label line
  that heads a list, ``Consensus from meeting:``, whose every bullet is one; an agenda item, ``- [x] JRG:
  topic?``, whose nested bullets hold the outcomes, the box alone making no task), and who speaks (a
  prefix ``JRG:``, ``(CHL)``, ``**Sarah**``, ``[name=Carol]``).

The rules (``records.rules``) weigh both. A unit may be both a decision and an action item ("We will
continue with pyrefly and add a note to the contributing guide"). Each verdict keeps its cue and a
confidence; what the note labels itself is *explicit* (confidence 0.9 and more), what its words suggest
less so, and nothing under ``THRESHOLD`` is kept. In a transcript (a meeting made mostly of speaker turns)
plain speech is never an outcome: only its conclusion and summary sections, its action lists and its
explicit markers are read. An action item's owners are ``records.owners``'s, whether it is done
``records.status``'s.

A learned model (``Model``, trained by ``benchmarks/train.py``) may re-weigh what the rules read
(``_features``); with no shipped weights, the rules alone decide.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..reading.blocks import Document
from ..reading.inline import plain_text
from .actions import FoundAction, actions_in
from .decisions import FoundDecision, decisions_in, topic_of
from .owners import is_known, owners_of, with_owners
from .place import TRANSCRIPT_SECTIONS, Context, Reading, context_of, heading_words, lead_in_lines, read_unit
from .rules import Scores, judge
from .status import is_done
from .units import prefix_of, units_of

Kind = Literal["decision", "action"]

THRESHOLD = 0.5  # below this confidence, a verdict is dropped
# The confidence of the rules from which the site shows a record read from the text by default; below it, the
# record is a candidate that a person confirms (``minutes check``, ``records.yml``). Chosen by leave-one-archive-
# out (``benchmarks/eval.py``) as the lowest that keeps what the site shows at a precision of 0.85 or more on
# the archives held out: none does (the rules' 0.8 and more reach 0.55-0.75), so the site shows what the notes
# label, and every record read from the text waits for a person's yes. 1.01: above any confidence.
SHOW = {"decision": 1.01, "action": 1.01}
MODEL_FILE = Path(__file__).with_name("classifier.json")  # weights of the learned model
UnitFeatures = list[tuple[int, dict[str, float], float, float]]  # (line, features, rules' scores)
# A training run collects the features of each unit into ``FEATURES``.
FEATURES: list[tuple[Document, UnitFeatures]] | None = None


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
    model = active_model()
    features: UnitFeatures | None = None
    if FEATURES is not None:
        features = []
        FEATURES.append((document, features))
    context = context_of(document, person_at, speech, known, listed, reads_all=features is not None)
    actions = [with_owners(context, found) for found in explicit_actions]
    verdicts = classify(context, model, features)
    taken_by_actions = _covered_by_actions(document, explicit_actions)
    new = _new_decisions(context, verdicts, explicit_decisions, taken_by_actions, people_lines)
    decisions = [*explicit_decisions, *new]
    owed = {found.index for found in explicit_actions}
    for verdict in verdicts:
        if verdict.kind == "action" and verdict.index not in owed and not taken_by_actions[verdict.index]:
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


def _new_decisions(
    context: Context,
    verdicts: Sequence[Verdict],
    explicit: Sequence[FoundDecision],
    taken_by_actions: Sequence[bool],
    people_lines: frozenset[int],
) -> list[FoundDecision]:
    """The decisions of ``verdicts`` that no labelled decision or action already holds."""
    document = context.document
    decided = {found.index for found in explicit}
    decided |= {found.anchor_index for found in explicit}
    in_decision_heading = _covered_by_headings(document, explicit)
    found: list[FoundDecision] = []
    for verdict in verdicts:
        if verdict.kind != "decision":
            continue
        if verdict.index in decided or in_decision_heading[verdict.index] or taken_by_actions[verdict.index]:
            continue
        if context.sections[verdict.index] == "decision":
            continue  # a decision section's outcomes are its bullets, which ``decisions`` gives
        decided.add(verdict.index)
        found.append(
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
    return found


def classify(context: Context, model: Model | None = None, features: UnitFeatures | None = None) -> list[Verdict]:
    """The verdicts of every unit of ``context``'s meeting, in the order of lines (both kinds may share one).

    With ``model``, it re-weighs what the rules read; ``features`` collects what they read (a training run).
    """
    # In a transcript only its conclusion, summary and action sections hold records: its speech is not read.
    only = [kind in TRANSCRIPT_SECTIONS for kind in context.sections] if context.transcript else None
    units = units_of(context.document, only)
    lead_lines = lead_in_lines(context, units)
    verdicts: list[Verdict] = []
    for unit in units:
        index, text, item = unit
        if index in lead_lines:
            continue  # "Still to-do from previous months:": the items of its list are the records
        prefix = prefix_of(text)
        if item is not None:
            context.prefixes[index] = prefix
        reading = read_unit(context, unit, prefix)
        found = _verdicts(context, reading, model, features) if reading is not None else []
        if item is not None:
            context.verdicts[index] = (
                any(v.kind == "decision" for v in found),
                any(v.kind == "action" for v in found),
            )
        verdicts.extend(found)
    return verdicts


def _verdicts(context: Context, unit: Reading, model: Model | None, features: UnitFeatures | None) -> list[Verdict]:
    """What the rules (and the model, if any) make of one unit: a decision, an action item, both or none."""
    scores = judge(context, unit)
    explicit_decision, explicit_action = scores.explicit_decision, scores.explicit_action
    if model is not None or features is not None:
        unit_features = _features(context, unit, scores)
        if features is not None:
            features.append((unit.index, unit_features, scores.decision, scores.action))
        if model is not None:
            # The learned model re-ranks what the rules read: what the note labels itself stays as the rules say,
            # what they rule out (a question, a proposal, a header) stays out, and what they take stays a record
            # (a candidate, when the model is less sure of it than the site's threshold to show it).
            if not explicit_decision and scores.decision > 0:
                kept = scores.decision >= THRESHOLD - 1e-9
                scores.decision = _reranked(model, "decision", unit_features, kept)
            if not explicit_action and scores.action > 0:
                kept = scores.action >= THRESHOLD - 1e-9
                scores.action = _reranked(model, "action", unit_features, kept)
    found: list[Verdict] = []
    text = unit.text.strip()
    if scores.decision >= (THRESHOLD if explicit_decision else record_threshold("decision")) - 1e-9:
        topic = ""
        if unit.parent is not None and unit.parent_prefix is not None and not unit.lead_in:
            topic = plain_text(unit.parent_prefix.body or unit.parent.text, 120).rstrip(":")
        confidence = round(min(scores.decision, 1.0), 2)
        found.append(Verdict("decision", unit.index, text, scores.decision_cue, confidence, topic=topic))
    if scores.action >= (THRESHOLD if explicit_action else record_threshold("action")) - 1e-9:
        owners = owners_of(context, unit.index, unit.prefix, unit.sentence, unit.parent, scores.action_cue, unit.who)
        confidence = round(min(scores.action, 1.0), 2)
        done = is_done(unit.item, unit.text)
        found.append(Verdict("action", unit.index, text, scores.action_cue, confidence, owners=owners, done=done))
    return found


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


# -- the learned model -------------------------------------------------------------------------------------

# Whether the model reads a unit's words and its heading's besides its cues and place. Off: on archives never
# seen, the words learnt one archive's habits ("session", "lang-team") and lost general conventions ("There
# was consensus that ..."); the cues and places carry from one archive to the next (benchmarks/eval.py).
LEXICAL = False


def _reranked(model: Model, kind: str, features: dict[str, float], kept: bool) -> float:
    """The model's probability of a unit the rules took or weighed; one the rules took (``kept``) stays a record
    at least at the record threshold, whatever the model says of it."""
    probability = model.probability(kind, features)
    return max(probability, record_threshold(kind)) if kept else probability


def _features(context: Context, unit: Reading, scores: Scores) -> dict[str, float]:
    """What the learned model reads of a unit: the rules' verdicts and cues, its place, and its words."""
    sentence, item = unit.sentence, unit.item
    words = sentence.words
    parent_words = unit.parent_sentence.words[:2] if unit.parent_sentence is not None else ()
    flags = {
        f"rule-decision:{scores.decision_cue or 'none'}": 1.0,
        f"rule-action:{scores.action_cue or 'none'}": 1.0,
        "rule-decision": max(min(scores.decision, 1.0), -1.0),
        "rule-action": max(min(scores.action, 1.0), -1.0),
        f"section:{unit.section or 'none'}": 1.0,
        f"lead:{unit.lead_in or 'none'}": 1.0,
        f"question-above:{unit.question_above or 'none'}": 1.0,
        f"label:{unit.label or 'none'}": 1.0,
        f"depth:{min(item.depth, 3) if item is not None else 'paragraph'}": 1.0,
        f"box:{item.task if item is not None and item.task is not None else 'none'}": 1.0,
        f"words:{min(len(words) // 5, 6)}": 1.0,
        "ends-question": float(sentence.text.rstrip().endswith("?")),
        "past-start": float(bool(words) and words[0].endswith("ed") and len(words[0]) > 4),
    }
    if LEXICAL:
        flags[f"first:{words[0] if words else ''}"] = 1.0
        flags[f"first-two:{' '.join(words[:2])}"] = 1.0
        flags[f"parent-first:{parent_words[0] if parent_words else 'none'}"] = 1.0
        for word in set(words[:12]):
            flags[f"w:{word}"] = 1.0
        for word in set(heading_words(context, unit.index)):
            flags[f"h:{word}"] = 1.0
    for name, value in _flags(context, unit):
        if value:
            flags[name] = 1.0
    return flags


def _flags(context: Context, unit: Reading) -> tuple[tuple[str, bool], ...]:
    """The yes-or-no features of a unit: its cues, and its place's."""
    sentence = unit.sentence
    who, verb = sentence.assignment
    return (
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
        ("known-owner", is_known(context, who)),
        ("speaker", unit.speaker),
        ("agenda-item", unit.agenda_item),
        ("header", unit.header),
        ("has-children", unit.has_children),
        ("parent-decision", unit.parent_verdict[0]),
        ("parent-action", unit.parent_verdict[1]),
    )


@dataclass(frozen=True)
class Model:
    """A logistic regression per kind over ``_features``, trained on the hand labels of the development
    archives (``benchmarks/train.py``) and shipped as a small JSON file of weights: no dependency to run it.

    ``record`` is, per kind, the probability from which a unit is a record at all (a candidate at least);
    ``show`` the one from which the site shows it by default. Both were chosen by leave-one-archive-out."""

    weights: dict[str, dict[str, float]]  # kind -> feature -> weight; "" is the bias
    record: dict[str, float] = field(default_factory=dict)
    show: dict[str, float] = field(default_factory=dict)

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
        return cls(
            {kind: {str(k): float(v) for k, v in weights.items()} for kind, weights in data["weights"].items()},
            {kind: float(value) for kind, value in data.get("record", {}).items()},
            {kind: float(value) for kind, value in data.get("show", {}).items()},
        )


@lru_cache(maxsize=1)
def _model() -> Model | None:
    return Model.load()


_ACTIVE: list[Model | None] = []  # a model set by ``use_model`` (the evaluation's), over the shipped one


def use_model(model: Model | None) -> None:
    """Classify with ``model`` from now on (None: the rules alone); the evaluation sets each fold's."""
    _ACTIVE[:] = [model]


def active_model() -> Model | None:
    """The model the classifier uses: the one ``use_model`` set, else the shipped weights, if any."""
    return _ACTIVE[0] if _ACTIVE else _model()


def record_threshold(kind: str) -> float:
    """The confidence from which a unit read from the text is a record (a candidate at least)."""
    model = active_model()
    return model.record.get(kind, THRESHOLD) if model is not None else THRESHOLD


def show_threshold(kind: str) -> float:
    """The confidence from which a record read from the text is shown by default; below it, a candidate."""
    model = active_model()
    return model.show.get(kind, SHOW[kind]) if model is not None else SHOW[kind]
