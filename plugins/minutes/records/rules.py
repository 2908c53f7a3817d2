"""The rules of the classifier: from what a unit says and where it sits, how likely it is a decision or an
action item, and by which cue (``judge``, which gives ``Scores``).

A unit is read in its place by ``place.read_unit`` (a ``Reading``). Then, as markdown-it runs its block
rules in turn, ``judge`` runs ``RULES`` in order, each of which may propose a decision or an action with
its confidence (the highest proposal of a kind wins, with its cue); then ``ADJUSTMENTS`` in order, each
of which lowers (or, for an endorsement, raises) what was proposed: a question, a hedge, a proposal, a
condition, a status report, personal logistics, a list's title, an agenda item's title, a task struck
through. Each confidence is a named constant of this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import EXPLICIT_CUES
from ..people.owners import owners_in
from ..vocabulary import DECIDING_VERBS, PERSONAL_AGREEMENT, PROCESS_VERBS, PROPOSAL_CUES, TASK_VERBS
from .cues import Sentence
from .owners import is_known, names_listed
from .place import INFO_QUESTION, Context, Reading, last_question, person, sentence_of
from .status import struck_through

# -- confidences the rules propose -------------------------------------------------------------------------
LABEL = 0.95  # "Decision: drop Python 3.8", "TODO: write the entry"
ROLE_NAMES = 0.85  # "Stage 3 reviewers: X, Y"
OUTCOME_LIST = 0.9  # a bullet under "Consensus from meeting:", "Accepted MCPs", "Still to-do:"
COMMITMENT_LIST = 0.85  # a bullet under "Seems like we should:"
DEFERRAL_SECTION = 0.7  # an item of a "Deferred" section
AGREEMENT = 0.8  # "No objections from those present"
ONE_PERSONS_AGREEMENT = 0.45  # "Eric: Agreed; that sounds good": one person's view in their turn
DEFERRAL = 0.75  # "Deferred to next meeting"
COMMITMENT_FIRM = 0.7  # "we will ...", "let's ..."
COMMITMENT_PLAIN = 0.55  # "we should ..."
COMMITMENT_WEAK = 0.4  # "we can ...": as a decision
COMMITMENT_WEAK_TASK = 0.45  # "we can add ...": as a task
SPEAKERS_VIEW = 0.45  # at most, a commitment in one speaker's turn: "Josh: we don't want ..."
BARE_WILL_OWNED = 0.8  # "CHL: Will talk to the team", "JRG: To check governance"
BARE_WILL_PROCESS = 0.6  # "Will continue the discussion async"
PLAN = 0.6  # "Plan: drop that combo"
ANSWERED = 0.75  # "Will it be an alias to `!`? Presumably yes."
ANSWER_AFTER_SIBLING = 0.6  # "* Can we check for free variables?" then "* Not quite:"
ANSWER_TO_FACTS = 0.45  # an answer word under a question that asks for facts
REPLY_TO_FACTS = 0.4  # any other line under it
ANSWER_WORD = 0.8  # "Yes", "Answer: ..." under a question that asks to decide
FIRST_ANSWER = 0.6  # the first bullet under it
FIRST_ANSWER_SPOKEN = 0.5  # the first bullet under a question heading, in a speaker's turn
LATER_ANSWER = 0.45  # a later bullet under it
ASSIGNMENT = 0.85  # "Alice will ...", "Bob to open an issue"
WEAK_ASSIGNMENT = 0.65  # "Bob should ...", "pnkfelix might take a look"
FIRST_PERSON_OWNED = 0.8  # "I will ..." in a speaker's turn or section
FIRST_PERSON = 0.6  # "I will ..." of nobody known
WRITTEN_OWNERS = 0.75  # "<- Mike", "@bob"
REQUEST = 0.7  # "please review #123"
MILD_REQUEST = 0.55  # "take a look", "have a look", "reminder"
MARKER = 0.95  # "Bump the minimum version (ACTION)", "[TO DO]: write the entry"
TASK = 0.8  # "follow up with ...", "next step"
NEED = 0.6  # "need to ..."
SPEAKERS_NEED = 0.45  # "(TO) Need to make clear ...": one person's view of what is needed
IMPERATIVE_IN_OUTCOME = 0.8  # "Run the job on Mondays" under a decision or an action
IMPERATIVE_ANSWER = 0.7  # under a question
IMPERATIVE_SENTENCE = 0.45  # a sentence of a paragraph
IMPERATIVE_AGENDA_OWNED = 0.65  # "- [x] Book the room (Jaime)": an agenda topic that names who does it
IMPERATIVE_AGENDA_TOPIC = 0.2  # a top item of an agenda, a report or a question section
IMPERATIVE = 0.65  # any other list item
IMPERATIVE_ADVICE = 0.35  # at most, in a speaker's turn: "MRB: Follow a deprecation cycle"
IMPERATIVE_TOPIC = 0.3  # at most, after a topic label: "concern: call sites ..."
BOX_BONUS = 0.1  # added for a task box: "- [ ] Update the docs"
# -- what the adjustments take off, or cap at --------------------------------------------------------------
HEDGE_LEAD = 0.3  # under "One possibility:", "Niko's thought:"
VOLUNTEERED = 0.75  # someone named takes a task on: "Mark: happy to volunteer"
VOLUNTEER = 0.55  # a volunteer nobody names
SPEECH_CAP = 0.45  # agreement, commitment or an answer inside a speaker's turn: one person's view
PROPOSAL_CAP = 0.0  # "Karl suggests we defer this": a proposal, not an outcome
HEDGED_OPINION = 0.1  # "it seems the consensus is"
HEDGED_AGREEMENT = 0.35  # "maybe a consensus"
HEDGE = 0.2  # "maybe", "could", "I think"
CONDITIONAL_LABELLED = 0.3  # "if ...", of a record the note labels
CONDITIONAL = 0.5  # "but if there is a strong argument", "If you see a PR ..., please tell us"
STATUS_DECISION = 0.2  # "merged", "is out", "working on"
STATUS_ACTION = 0.3
REPORT_AGREEMENT = 0.1  # in a report section
REPORT_DECISION = 0.25
REPORT_ACTION = 0.2
ENDORSED = 0.6  # at least: "**Sarah** thinks we should convert this into an issue :+1:"
STRUCK_CAP = 0.45  # a task struck through in the notes was done before: reported, not owed

_ENDORSEMENT = re.compile(r"(?:\+1|:\+1:|👍)\W*$")
_BARE_PROCESS = re.compile(r"will\s+[\"'“]?(?:" + "|".join(sorted(PROCESS_VERBS)) + r")\b")
_OWNED_TOPIC = re.compile(r"\([^()]+\)\s*$")
_THEN_TASK = re.compile(
    r"(?:,|;|\band|\bbut|\bthen)\s+(?:then\s+|also\s+)?(?:we\s+)?(?:will\s+|'ll\s+)?(?:also\s+)?([\w-]+)"
)
_WEAK_ASSIGNMENT_VERBS = ("should", "might take", "may take", "can help", "would like to", "must")
_MILD_REQUESTS = ("take a look", "have a look", "reminder")
_MILD_AGENDA_REQUESTS = ("take a look", "have a look", "reminder to")  # too mild to make an agenda item a task
_OUTCOME_LEADS = ("decision", "action", "commitment")


@dataclass(slots=True)
class Scores:
    """How likely a unit is a decision and an action item, each with the cue of its best proposal."""

    decision: float = 0.0
    decision_cue: str = ""
    action: float = 0.0
    action_cue: str = ""
    endorsed: bool = False  # others endorse the view read so far (a thumbs-up ends it)

    def propose(self, kind: str, confidence: float, cue: str) -> None:
        if kind == "decision" and confidence > self.decision:
            self.decision, self.decision_cue = confidence, cue
        if kind == "action" and confidence > self.action:
            self.action, self.action_cue = confidence, cue

    @property
    def explicit_decision(self) -> bool:
        """Whether the decision is one the note labels itself (a section, a label, a marker)."""
        return self.decision_cue in EXPLICIT_CUES

    @property
    def explicit_action(self) -> bool:
        return self.action_cue in EXPLICIT_CUES


Rule = Callable[[Context, Reading, Scores], None]


# -- the rules: what the label, the lead-in and the words propose ------------------------------------------


def rule_label(context: Context, unit: Reading, scores: Scores) -> None:
    """``Decision: ...``, ``TODO: ...``; ``Reviewers: X, Y`` (a role given to the people it names)."""
    if unit.label == "decision":
        scores.propose("decision", LABEL, "label")
    elif unit.label == "action":
        scores.propose("action", LABEL, "label")
    elif unit.label == "role" and (owners_in(unit.prefix.body) or names_listed(unit.prefix.body)):
        scores.propose("action", ROLE_NAMES, "assignment")


def rule_lead_in(context: Context, unit: Reading, scores: Scores) -> None:
    """A bullet of a list that its lead-in says holds outcomes, tasks or commitments."""
    if unit.lead_in in ("decision", "outcomes"):
        scores.propose("decision", OUTCOME_LIST, "outcome-list")
    elif unit.lead_in == "action":
        scores.propose("action", OUTCOME_LIST, "outcome-list")
    elif unit.lead_in == "commitment":
        scores.propose("decision", COMMITMENT_LIST, "outcome-list")


def rule_deferral_section(context: Context, unit: Reading, scores: Scores) -> None:
    """An item of a section of deferred topics."""
    if unit.section == "deferred" and unit.item is not None:
        scores.propose("decision", DEFERRAL_SECTION, "deferral")


def rule_agreement(context: Context, unit: Reading, scores: Scores) -> None:
    """ "No objections from those present", "consensus that ..."; in a speaker's turn, their own view."""
    sentence = unit.sentence
    if sentence.agreement:
        personal = unit.speaker and sentence.agreement in PERSONAL_AGREEMENT and not unit.question_above
        scores.propose("decision", ONE_PERSONS_AGREEMENT if personal else AGREEMENT, "agreement")


def rule_deferral(context: Context, unit: Reading, scores: Scores) -> None:
    """ "Deferred to next meeting", "take it back to GitHub"."""
    if unit.sentence.deferral:
        scores.propose("decision", DEFERRAL, "deferral")


def rule_commitment(context: Context, unit: Reading, scores: Scores) -> None:
    """ "we will ...", "let's ...": settled; and a task when a task verb follows it (``we will add ...``)."""
    sentence, speaker = unit.sentence, unit.speaker
    if not sentence.commitment:
        return
    strength = sentence.commitment_strength
    confidence = COMMITMENT_FIRM if strength == 1 else COMMITMENT_PLAIN if strength else COMMITMENT_WEAK
    if speaker and not unit.question_above:
        confidence = min(confidence, SPEAKERS_VIEW)  # "Josh: we don't want ...": one person's view
    scores.propose("decision", confidence, "commitment")
    phrase = sentence.commitment
    if (_task_after(sentence, phrase) and not _decides(sentence, phrase)) or _task_clause(sentence, phrase):
        confidence = COMMITMENT_FIRM if strength == 1 else COMMITMENT_PLAIN if strength else COMMITMENT_WEAK_TASK
        scores.propose("action", min(confidence, SPEAKERS_VIEW) if speaker else confidence, "commitment")


def rule_bare_will(context: Context, unit: Reading, scores: Scores) -> None:
    """ "Will ..." with no one before it: the speaker's task, or what the group does next."""
    if not unit.sentence.bare_will:
        return
    if unit.speaker or person(context, unit.index):
        scores.propose("action", BARE_WILL_OWNED, "commitment")  # "CHL: Will talk to the team"
    elif _BARE_PROCESS.match(unit.sentence.text):
        scores.propose("decision", BARE_WILL_PROCESS, "commitment")  # "Will continue the discussion async"


def rule_plan(context: Context, unit: Reading, scores: Scores) -> None:
    """ "Plan: drop that combo"; "Plan: Mike will look" is Mike's task."""
    if unit.label == "plan" and not unit.sentence.assignment[0]:
        scores.propose("decision", PLAN, "commitment")


def rule_answered(context: Context, unit: Reading, scores: Scores) -> None:
    """A question answered on its line: "Will it be an alias to `!`? Presumably yes."."""
    sentence = unit.sentence
    if sentence.answered and not INFO_QUESTION.match(last_question(sentence.text)):
        scores.propose("decision", ANSWERED, "answer")


def note_endorsement(context: Context, unit: Reading, scores: Scores) -> None:
    """Whether others endorse the view read so far: "**Sarah** thinks we should convert this into an issue
    :+1:" is the group's, whoever voiced it and however it was hedged (``adjust_endorsement``)."""
    scores.endorsed = bool(_ENDORSEMENT.search(unit.prefix.body)) and (
        scores.decision_cue == "commitment" or " should " in f" {unit.sentence.text} "
    )


def rule_answer(context: Context, unit: Reading, scores: Scores) -> None:
    """A plain answer to the question above: its first bullet, an answer word, ``Answer: ...``."""
    sentence, above = unit.sentence, unit.question_above
    if not above or sentence.question:
        return
    if above == "sibling":
        if sentence.answer_word:
            scores.propose("decision", ANSWER_AFTER_SIBLING, "answer")  # "* Can we ...?" then "* Not quite:"
    elif above == "info":
        scores.propose("decision", ANSWER_TO_FACTS if sentence.answer_word else REPLY_TO_FACTS, "answer")
    elif sentence.words[0] in ("see", "cf") or unit.label == "topic":
        pass  # "See the thread at ...", "Related: ...": pointers, not answers
    elif sentence.answer_word or unit.label == "decision" or sentence_of(context, unit.text).answer_word:
        scores.propose("decision", ANSWER_WORD, "answer")
    elif above == "first":
        spoken = unit.speaker and unit.section == "question"
        scores.propose("decision", FIRST_ANSWER_SPOKEN if spoken else FIRST_ANSWER, "answer")
    else:
        scores.propose("decision", LATER_ANSWER, "answer")


def rule_assignment(context: Context, unit: Reading, scores: Scores) -> None:
    """ "Alice will ...", "Bob to open an issue"; "Bob should ..." less so."""
    who, verb = unit.sentence.assignment
    if who:
        scores.propose("action", WEAK_ASSIGNMENT if verb in _WEAK_ASSIGNMENT_VERBS else ASSIGNMENT, "assignment")


def rule_first_person(context: Context, unit: Reading, scores: Scores) -> None:
    """ "I will ...", "I'll check": the speaker's task."""
    if unit.sentence.first_person:
        owned = unit.speaker or person(context, unit.index)
        scores.propose("action", FIRST_PERSON_OWNED if owned else FIRST_PERSON, "commitment")


def rule_volunteer(context: Context, unit: Reading, scores: Scores) -> None:
    """ "Mark: Happy to volunteer to own this", "I can do that": the speaker takes a task on."""
    if unit.sentence.volunteer and not unit.sentence.question:
        owned = unit.speaker or person(context, unit.index) or unit.written
        scores.propose("action", VOLUNTEERED if owned else VOLUNTEER, "volunteer")


def rule_written_owners(context: Context, unit: Reading, scores: Scores) -> None:
    """Owners written on the line: "<- Mike", "@bob"."""
    if unit.written:
        scores.propose("action", WRITTEN_OWNERS, "request" if unit.sentence.request else "assignment")


def rule_request(context: Context, unit: Reading, scores: Scores) -> None:
    """A request to the readers: "please review #123", "cc @bob"."""
    request = unit.sentence.request
    if request:
        scores.propose("action", MILD_REQUEST if request in _MILD_REQUESTS else REQUEST, "request")


def rule_marker(context: Context, unit: Reading, scores: Scores) -> None:
    """ "Bump the minimum version (ACTION)", "[TO DO]: write the entry"."""
    if unit.sentence.task in ("(action)", "[to do]", "[todo]", "to do:") or unit.prefix.label in ("to do", "todo"):
        scores.propose("action", MARKER, "marker")


def rule_task(context: Context, unit: Reading, scores: Scores) -> None:
    """ "need to address the second review", "follow up with ...", "next step"."""
    task = unit.sentence.task
    if not task:
        return
    confidence = NEED if task in ("need to", "needs to") else TASK
    if unit.speaker and confidence < TASK and not (unit.parent_verdict[0] or unit.parent_verdict[1]):
        confidence = SPEAKERS_NEED  # "(TO) Need to make clear ...": one person's view of what is needed
    scores.propose("action", confidence, "task")


def rule_imperative(context: Context, unit: Reading, scores: Scores) -> None:
    """ "Run the job weekly", "ask Quansight": a task, as sure as its place says (not after a decision's label:
    "Decision: drop Python 3.8" is decided; a bullet nested under a decision is the task that follows)."""
    sentence = unit.sentence
    decided_by_label = scores.decision_cue in ("label", "section", "deferral") or (
        unit.section == "decision" and unit.parent is None
    )
    if not sentence.imperative or decided_by_label:
        return
    if not (_in_outcome_context(unit) or (not sentence.ambiguous_verb and len(sentence.words) > 1)):
        return
    confidence = _imperative_place(unit)
    if unit.speaker:
        confidence = min(confidence, IMPERATIVE_ADVICE)  # "MRB: Follow a deprecation cycle": one person's advice
    if unit.label == "topic":
        confidence = min(confidence, IMPERATIVE_TOPIC)  # "concern: call sites ...": a description
    if unit.boxed:
        confidence += BOX_BONUS
    scores.propose("action", confidence, "imperative")


def _in_outcome_context(unit: Reading) -> bool:
    """Whether a unit sits where outcomes are: under a decision, a task, a question, a box or an agenda item."""
    return bool(
        unit.lead_in in _OUTCOME_LEADS
        or unit.parent_verdict[0]
        or unit.parent_verdict[1]
        or unit.section == "decision"
        or (unit.question_above not in ("", "sibling"))
        or unit.boxed
        or (unit.parent_prefix is not None and unit.parent_prefix.agenda)
    )


def _imperative_place(unit: Reading) -> float:
    """How sure an imperative is a task, by where it sits."""
    if unit.lead_in in _OUTCOME_LEADS or unit.parent_verdict[0] or unit.parent_verdict[1] or unit.section == "decision":
        return IMPERATIVE_IN_OUTCOME
    if unit.question_above and unit.question_above != "sibling":
        return IMPERATIVE_ANSWER
    if unit.item is None:
        return IMPERATIVE_SENTENCE
    if unit.item.depth == 0 and unit.section in ("agenda", "report", "question"):
        # a topic of the agenda, unless it names who does it: "- [x] Book the room (Jaime)"
        owned = _OWNED_TOPIC.search(unit.prefix.body) and owners_in(unit.prefix.body)
        return IMPERATIVE_AGENDA_OWNED if owned else IMPERATIVE_AGENDA_TOPIC
    return IMPERATIVE


# -- what a commitment goes on with ----------------------------------------------------------------------


def _task_after(sentence: Sentence, phrase: str) -> bool:
    """Whether a task verb follows a commitment: ``we will add ...``, ``let's run a poll``."""
    position = sentence.text.find(phrase)
    if position < 0:
        return False
    after = Sentence(sentence.text[position + len(phrase) :].strip())
    return bool(after.imperative)


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
        if verb in TASK_VERBS and verb not in DECIDING_VERBS and verb not in ("think", "try"):
            return True
    return False


def _decides(sentence: Sentence, phrase: str) -> bool:
    """Whether a commitment settles something (``We will drop Python 3.9``) rather than gives a task."""
    position = sentence.text.find(phrase)
    after = sentence.text[position + len(phrase) :].split()
    return bool(after) and after[0] in DECIDING_VERBS


# -- the adjustments: what makes it no outcome, or less of one ----------------------------------------------


def adjust_question(context: Context, unit: Reading, scores: Scores) -> None:
    """A question, unanswered, is no outcome (unless labelled, or a task written to its owners)."""
    sentence = unit.sentence
    if sentence.question and not sentence.answered:
        if not scores.explicit_decision:
            scores.decision = 0.0
        if not scores.explicit_action and not (unit.written and not sentence.request):
            scores.action = 0.0


def adjust_hedge_lead(context: Context, unit: Reading, scores: Scores) -> None:
    """A bullet under "One possibility:", "Niko's thought:"."""
    if unit.lead_in == "hedge":
        scores.decision -= HEDGE_LEAD
        scores.action -= HEDGE_LEAD


def adjust_proposal(context: Context, unit: Reading, scores: Scores) -> None:
    """ "Karl suggests we defer this": a proposal, not an outcome."""
    if unit.sentence.hedge in PROPOSAL_CUES and not scores.explicit_decision and scores.decision_cue != "agreement":
        scores.decision = min(scores.decision, PROPOSAL_CAP)


def adjust_hedge(context: Context, unit: Reading, scores: Scores) -> None:
    """ "maybe", "could", "I think": "it seems the consensus is"; "maybe a consensus"."""
    sentence = unit.sentence
    if sentence.hedge and not scores.explicit_decision:
        if scores.decision_cue == "agreement":
            scores.decision -= HEDGED_OPINION if sentence.opinion else HEDGED_AGREEMENT
        else:
            scores.decision -= HEDGE
    if sentence.hedge and not scores.explicit_action and scores.action_cue not in ("assignment",):
        scores.action -= HEDGE


def adjust_conditional(context: Context, unit: Reading, scores: Scores) -> None:
    """ "but if there is a strong argument", "If you see a PR ..., please tell us"."""
    if unit.sentence.conditional:
        scores.decision -= CONDITIONAL_LABELLED if scores.explicit_decision else CONDITIONAL
        scores.action -= CONDITIONAL_LABELLED if scores.explicit_action else CONDITIONAL


def adjust_status_start(context: Context, unit: Reading, scores: Scores) -> None:
    """A report of what is or was: "Merged the fix", "Working on the docs"."""
    if unit.sentence.status_start:
        if not scores.explicit_decision:
            scores.decision -= STATUS_DECISION
        if not scores.explicit_action:
            scores.action -= STATUS_ACTION


def adjust_report_section(context: Context, unit: Reading, scores: Scores) -> None:
    """In a status report, an answer (``is the migration done?`` then ``no``) is a report, not an outcome."""
    if unit.section != "report":
        return
    if scores.decision_cue == "answer" and not scores.explicit_decision:
        scores.decision = 0.0
    if not scores.explicit_decision:
        scores.decision -= REPORT_AGREEMENT if scores.decision_cue == "agreement" else REPORT_DECISION
    if not scores.explicit_action and scores.action_cue != "request":
        scores.action -= REPORT_ACTION


# In a speaker's turn, the words by which the group's outcome is said, not one person's view of it.
_GROUP_OUTCOME = re.compile(
    r"\b(?:settled|no objections?|nobody objects|unanimous(?:ly)?|motion (?:passes|passed|carries|carried)"
    r"|all in favou?r|we (?:have|had|reached) (?:consensus|agreement)"
    r"|(?:is|was|are|were) (?:approved|decided|agreed))\b"
)


def adjust_speech_turn(context: Context, unit: Reading, scores: Scores) -> None:
    """In a speaker's turn ("Remy: In my view, the point is to come to consensus ..."), agreement, commitment
    and answers are that person's view, unless the words say the group's outcome ("OK. That's settled then.")."""
    if not context.in_turn[unit.index] or scores.explicit_decision:
        return
    if scores.decision_cue in ("agreement", "commitment", "answer") and not _GROUP_OUTCOME.search(unit.sentence.text):
        scores.decision = min(scores.decision, SPEECH_CAP)


def adjust_logistics(context: Context, unit: Reading, scores: Scores) -> None:
    """Personal logistics ("I'll be away next week") are no task, but "I will" said so."""
    if unit.sentence.logistics and not unit.sentence.first_person:
        scores.action = 0.0


def adjust_endorsement(context: Context, unit: Reading, scores: Scores) -> None:
    """A view the others endorse (``note_endorsement``) is the group's."""
    if scores.endorsed and not unit.sentence.question:
        scores.decision = max(scores.decision, ENDORSED)
        scores.decision_cue = scores.decision_cue or "endorsement"
        if scores.action_cue == "commitment":
            scores.action = max(scores.action, ENDORSED)


def adjust_header(context: Context, unit: Reading, scores: Scores) -> None:
    """A list's short title ("- Accepted MCPs") is no record, unless it names who or says what to do."""
    sentence = unit.sentence
    if unit.header and not (unit.who or sentence.imperative or sentence.commitment):
        scores.decision = min(scores.decision, 0.0) if not scores.explicit_decision else scores.decision
        scores.action = min(scores.action, 0.0) if not scores.explicit_action else scores.action


def adjust_agenda_item(context: Context, unit: Reading, scores: Scores) -> None:
    """ "- [ ] (WV) Announce GSOC ideas" opens an agenda item; its bullets hold the outcomes."""
    if not unit.agenda_item:
        return
    owned = scores.action_cue == "assignment" and is_known(context, unit.who)  # "Alice will ..."
    asked = scores.action_cue == "request" and unit.sentence.request not in _MILD_AGENDA_REQUESTS  # "please ..."
    if not scores.explicit_action and not owned and not asked:
        scores.action = 0.0
    if not scores.explicit_decision and scores.decision_cue == "answer":
        scores.decision = 0.0


def adjust_struck_through(context: Context, unit: Reading, scores: Scores) -> None:
    """A task struck through in the notes was done before: reported, not owed."""
    if struck_through(unit.text) and not scores.explicit_action:
        scores.action = min(scores.action, STRUCK_CAP)


RULES: tuple[Rule, ...] = (
    rule_label,
    rule_lead_in,
    rule_deferral_section,
    rule_agreement,
    rule_deferral,
    rule_commitment,
    rule_bare_will,
    rule_plan,
    rule_answered,
    note_endorsement,
    rule_answer,
    rule_assignment,
    rule_first_person,
    rule_volunteer,
    rule_written_owners,
    rule_request,
    rule_marker,
    rule_task,
    rule_imperative,
)
ADJUSTMENTS: tuple[Rule, ...] = (
    adjust_question,
    adjust_hedge_lead,
    adjust_proposal,
    adjust_hedge,
    adjust_conditional,
    adjust_status_start,
    adjust_report_section,
    adjust_speech_turn,
    adjust_logistics,
    adjust_endorsement,
    adjust_header,
    adjust_agenda_item,
    adjust_struck_through,
)


def judge(context: Context, unit: Reading) -> Scores:
    """How likely ``unit`` is a decision and an action item: each rule in turn, then each adjustment."""
    scores = Scores()
    for rule in RULES:
        rule(context, unit, scores)
    for adjust in ADJUSTMENTS:
        adjust(context, unit, scores)
    return scores
