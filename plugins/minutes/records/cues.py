"""The cues of outcomes and tasks in one sentence: what its words say, before its place in the notes.

Each test reads a sentence as plain, folded text (``Sentence``) and answers with the cue it found, from
the lexicons of the one vocabulary (``vocabulary``: agreement, deferral and agenda outcome, commitment,
assignment, request, task, imperative verbs; and what makes a line no outcome: a question, a hedge or one
person's view, a status report). Where the sentence sits (under a question, in a decision section, in an
agenda item) is ``records.place``'s part; the phrases are found by ``records.lexicons``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..people.names import is_abbreviation
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import (
    ANSWER_WORDS,
    ASSIGNMENT_VERBS,
    COMMON_WORDS,
    FIRM_COMMITMENTS,
    GROUP_OWNERS,
    HANDLE,
    HEDGE_CUES,
    LEADING_CONJUNCTIONS,
    NOT_OWNERS,
    NOT_SUBJECTS,
    NOT_TASK_WORDS,
    NOUN_VERBS,
    NOUNS_BEFORE_TO,
    OBJECT_WORDS,
    OPINION_CUES,
    SECTION_WORDS,
    STATUS_CUES,
    SUBJECT_STOPS,
    TASK_FILLERS,
    TASK_VERBS,
    WEAK_COMMITMENTS,
)
from .lexicons import (
    AGREEMENT,
    COMMITMENT,
    DEFERRAL,
    HEDGE,
    META,
    REQUEST,
    STATUS,
    TASK,
    TOKEN,
    VOLUNTEER,
    Found,
    Lexicon,
    Spans,
    found_in,
    once,
    spans_of,
)

# The verbs after a task's owner, by their first word: "will" -> ("will",), "is" -> ("is", "going", "to")...
_ASSIGNMENT_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(ASSIGNMENT_VERBS, key=lambda phrase: -len(phrase.split())):
    _ASSIGNMENT_BY_FIRST.setdefault(_phrase.split()[0], []).append(tuple(_phrase.split()))
_ASSIGNMENT_OPENERS = frozenset(_ASSIGNMENT_BY_FIRST)
_SUBJECT_WORD = re.compile(r"@?[\w’.-]+")
_CONDITIONAL = re.compile(r"^(?:(?:but|and|so|also)\s+)?(?:if|unless|when|once|in case)\b")
_BARE_WILL = re.compile(r"^(?:will|to|i'll|going to|am going to|plan to|planning to|happy to|can help)\s+\S")
_ANSWER = re.compile(
    r"^(?:" + "|".join(re.escape(word) for word in sorted(ANSWER_WORDS, key=len, reverse=True)) + r")\b"
)
# "the accepted CEPs", "an approved change": an adjective, no outcome of this meeting.
_ADJECTIVE = re.compile(r"\b(?:the|a|an|any|all|our|its|their|recently|already|previously)\s+(?:\w+\s+)?$")
# One person's agreement is an opinion: "I agree", "DJC: I agree", "MRB: Agrees with WV".
_ONE_PERSON = re.compile(r"^(?:i\s+(?:\w+\s+)?agree|agrees?\b|i'm\s+in\s+favou?r|i\s+am\s+in\s+favou?r)")
# A question that asks for a decision: "Need decision", "Do we want to reach a decision now?".
# "Nothing decided", "no consensus", "didn't reach a firm conclusion": the group did not decide.
_NO_AGREEMENT = re.compile(
    r"\b(?:nothing|not|no|never|without|didn't|did not|wasn't|was not|haven't|have not|hasn't|has not)\s+"
    r"(?:\w+\s+){0,3}?(?:decided|agreed|agreement|consensus|conclusion|concluded|resolved|approved|accepted)\b"
)
_ASKS_DECISION = re.compile(
    r"\b(?:need(?:s|ed)?|reach|make|take|want)\s+(?:a\s+)?decision\b|\bdecision\s+(?:needed|wanted|required)\b"
)
_QUESTION_START = re.compile(
    r"^(?:should|shall|do|does|did|is|are|was|were|can|could|will|would|what|how|why|who|when|where|which|any"
    r"|anyone|anybody|has|have|q)\b"
)
_TRAILING = re.compile(r"(?:\s*(?:<-|->|—|–|-)\s*@?[\w .-]{1,40}|\s*\([^()]*\)|\s*[*_~:)\]]+|\s*<?https?://\S+)*\s*$")
_FIRST_PERSON = re.compile(
    r"(?:^|[\s,;(])(?:i\s+will|i'll|i\s+am\s+going\s+to|i'm\s+going\s+to|i\s+plan\s+to|i\s+can|i\s+would\s+like\s+to"
    r"|i'd\s+like\s+to|i\s+want\s+to|i\s+intend\s+to|i\s+need\s+to|will\s+revisit\s+my|note\s+to\s+self)\b"
)
# Where a clause ends: "FCP is done; Niko will handle it", "(Centril to FCP)", "tests were added, Niko will".
_CLAUSE = re.compile(r"\s*(?:[;.]\s+|,\s+|[()]|\s[-–—]\s)\s*")
_ZULIP = re.compile(r"@_?\*\*(?P<name>[^*\n]+?)\*\*")
# Verbs that report what someone said or did: "@eddyb suggests ...", "@oli clarifies that ...".
REPORTING_VERBS = (
    "says|suggests|comments|clarifies|reports|notes|asks|mentions|thinks|points|discusses|explains|proposes"
    "|agrees|argues|confirms|believes|wonders|feels|replies|responds|writes|adds|also|seems|self-assigned"
)
_ADDRESSED = re.compile(
    r"^\s*(?:@_?\*\*(?P<name>[^*\n]+?)\*\*|@(?P<handle>" + HANDLE + r")(?![\w-]))"
    # not a report about them: "@bob has a prototype", "@Nicholas M has a working prototype now"
    r"(?!(?:\s+[A-Z][\w.]*){0,2}\s+(?:\w+ed|was|were|has|had|is|are|" + REPORTING_VERBS + r")\b)"
)
_CC = re.compile(r"(?i)(?<!\w)cc\b")
# After "we will" / "let's": what keeps the line a discussion ("need to", "have to"), or a deferral to no
# time at all ("talk about it later", "discuss this at some point").
_NOT_COMMITTED = re.compile(
    r"\s*(?:(?:also|still|probably|really)\s+)?(?:need|needs|have to|has to|want to see|see)\b"
    r"|\s*(?:talk|discuss|chat|think)(?:\s+(?:about|over|through))?(?:\s+(?:it|this|that|them))?\s+"
    r"(?:later|more later|some other time|at some point|another time)\W*$"
)
_ARROW_OWNER = re.compile(r"(?:<-|<--|←)\s*@?(?P<name>[A-Za-z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s*\)?\s*$")
_PLUS_ONE = re.compile(r"^(?:\+1|:\+1:|👍)+$")
_HANDLE_WORD = re.compile(r"^@?" + HANDLE + "$")
# Personal logistics, which no one follows up: "apologies, cannot attend", "on parental leave from Nov 21".
_LOGISTICS = re.compile(
    r"\b(?:apologies|cannot attend|can't attend|can not attend|on (?:parental |sick |annual )?leave|out of office"
    r"|on vacation|on holiday|holidays|travel(?:l)?ing|away from)\b"
)
# "Website e-mail to be updated": a task in the passive.
_TO_BE_DONE = re.compile(r"(?<!need )(?<!needs )\bto be ((?:\w+ed|done|made|written|set up|sent|built|taken))\b")


def quick_fold(text: str) -> str:
    """``slugs.fold``, with a short way for plain ASCII text (most of it), which has no accents to strip."""
    if text.isascii():
        return " ".join(text.lower().split())
    return fold(text)


def folded(text: str) -> str:
    """``text`` as the cues read it: plain text, folded, curly apostrophes made straight."""
    return fold(plain_text(text).replace("’", "'").replace("‘", "'"))


@dataclass(frozen=True)
class Sentence:
    """One sentence (or a list item's own text) as plain folded text, and what its words say."""

    text: str  # folded plain text, prefixes (speaker, label) removed
    raw: str = ""  # the same, not folded (for capitals)
    known: frozenset[str] = frozenset()  # folded names, handles and abbreviations of the meeting's people
    listed: bool = False  # whether the meeting lists its attendees (then a name before "to" must be one of them)

    @once
    def _spans(self) -> Spans:
        return spans_of(self.text)

    @once
    def words(self) -> list[str]:
        return [word for word, _, _ in self._spans]

    @once
    def _found(self) -> list[list[Found]]:
        return found_in(self.text)

    def _find(self, lexicon: Lexicon) -> list[Found]:
        return self._found[lexicon.number]

    @once
    def core(self) -> str:
        """The text without a trailing owner, bracket or mark: ``Write it up? <- Mike`` -> ``Write it up?``."""
        return _TRAILING.sub("", self.text).strip()

    @once
    def question(self) -> bool:
        """Whether it asks rather than says: ends with ``?`` (not answered after it), or opens a question."""
        if "?" not in self.text:
            return False
        core = self.core.rstrip(" .!")
        if core.endswith("?"):
            return True
        if "?" in core:
            after = core.rsplit("?", 1)[1].strip(" .!")
            if after.startswith(("->", "→", "a:")):
                return False
            return not after or bool(_QUESTION_START.match(after))
        return False

    @once
    def answered(self) -> bool:
        """A question with its answer after it: ``Will it be an alias? Presumably yes.``"""
        if "?" not in self.core:
            return False
        after = self.core.rsplit("?", 1)[1].strip(" .!")
        return bool(after) and (bool(_ANSWER.match(after)) or after.startswith(("->", "→", "a:")))

    @once
    def answer_word(self) -> bool:
        """Opens with a word that answers: ``Yes, if ...``, ``No.``, ``Probably yes``, ``Not quite:``; not a
        negation (``No backport nominations this time``)."""
        match = _ANSWER.match(self.text)
        if match is None or self.question:
            return False
        after = self.text[match.end() :]
        negation = match.group(0) in ("no", "non", "nein")
        return not negation or bool(re.match(r"^(?:\s*[.,;:!—–-]|\s*$|\s+(?:we|it|this|that|i|they|you|not)\b)", after))

    @once
    def plus_one(self) -> bool:
        """A ``+1`` alone: one vote, no outcome."""
        return bool(_PLUS_ONE.match(self.text.replace(" ", "")))

    @once
    def agreement(self) -> str:
        """The agreement cue: ``agreed``, ``consensus``, ``no objections``, ``approved``; "" if none."""
        found = self._find(AGREEMENT)
        if not found:
            return ""
        if _ONE_PERSON.match(self.text) or _ASKS_DECISION.search(self.text) or _NO_AGREEMENT.search(self.text):
            return ""
        for match in found:
            word = match.group(0)
            if word in ("approved", "accepted", "adopted", "approve") and _ADJECTIVE.search(self.text[: match.start()]):
                continue
            before = self.text[: match.start()]
            if word in ("agreed", "approve") and re.search(r"\b(?:i|he|she)\s+(?:\w+\s+)?$", before):
                continue
            if re.search(r"\b(?:has|had|have)\s+$", before) and not re.search(
                r"\b(?:we|all|everyone|group|team)\s+\w+\s+$", before
            ):
                continue  # "Google has agreed to pay": someone else's decision, reported
            return word
        return ""

    @once
    def deferral(self) -> str:
        """The agenda outcome: ``deferred``, ``leave it on the agenda``, ``take it back to the issue``; a bare
        ``Closed`` only as the whole line's word (``Closed and re-opened the RFC`` reports)."""
        for match in self._find(DEFERRAL):
            if match.group(0) == "closed" and len(self.words) > 3:
                continue
            return match.group(0)
        return ""

    @once
    def commitment(self) -> str:
        """The commitment that opens a clause (``we will ...``, ``so let's ...``); not one in a relative
        clause (``the first project that we will shift``)."""
        for match in self._find(COMMITMENT):
            before = self.text[: match.start()].rstrip()
            if _NOT_COMMITTED.match(self.text[match.end() :]):
                continue  # "we'll need to look at it", "let's talk about it later": discussion, not an outcome
            if not before or before.endswith((",", ";", ":", ".", "!", "?", "(", "-", "—", "–")):
                return match.group(0)
            if re.search(
                r"\b(?:and|but|so|then|also|now|thus|hence|instead|otherwise|basically|probably|like|think|feel|guess"
                r"|agree|agreed|decided|sure|clear|thinks|feels|guesses|suggests|agrees)$",
                before,
            ):
                return match.group(0)
        return ""

    @once
    def request(self) -> str:
        found = self._find(REQUEST)
        match = found[0] if found else None
        if match and match.group(0) == "cc" and not re.search(r"\bcc\b\s*:?\s*(?:\w+\s+){0,2}@", self.text):
            return ""  # "cc" is a request only to people it names: "cc @bob", "cc latest reviewers: @bob"
        return match.group(0) if match else ""

    @once
    def volunteer(self) -> str:
        """Someone takes a task on: ``happy to volunteer``, ``I can do that``, ``on it``."""
        found = self._find(VOLUNTEER)
        return found[0].group(0) if found else ""

    @once
    def task(self) -> str:
        found = self._find(TASK)
        match = found[0] if found else None
        if match is None:
            passive = _TO_BE_DONE.search(self.text) if "to be " in self.text else None
            return "to be done" if passive and not passive.group(1).startswith("discuss") else ""
        if match.group(0) in ("need to", "needs to"):
            after = self.text[match.end() :].split()
            # "needs to be discussed" defers, "needs to be a beefy VM" describes; "to be updated" is a task
            if after[:1] == ["be"] and (
                len(after) < 2 or after[1].startswith("discuss") or not re.search(r"(?:ed|en)$", after[1])
            ):
                return ""
        return match.group(0)

    @once
    def status(self) -> str:
        found = self._find(STATUS)
        match = found[0] if found else None
        return match.group(0) if match else ""

    @once
    def status_start(self) -> bool:
        """Opens as a report: a past participle or tense (``merged ...``, ``Created an issue``), or a status word."""
        first = self.words[0] if self.words else ""
        if first in ("done", "merged", "released", "landed", "shipped", "published", "fixed", "status", "update"):
            return True
        if first in ("was", "were", "has", "had") or (first.startswith("@") and len(self.words) > 1):
            return first in ("was", "were", "has", "had") or self._past(self.words[1])
        return self._past(first) and first not in DEFERRAL.words and first not in AGREEMENT.words

    @staticmethod
    def _past(word: str) -> bool:
        return len(word) > 3 and word.endswith("ed") and word not in TASK_VERBS and word not in ("need", "feed")

    @once
    def hedge(self) -> str:
        """A hedge of the sentence itself, not of an aside in brackets: ``maybe``, ``could``, ``I think``."""
        found = self._hedges
        return found[0].group(0) if found else ""

    @once
    def _hedges(self) -> list[Found]:
        """The hedges of the sentence itself, not of an aside in brackets."""
        text = self._outside_brackets
        if text is self.text:
            return self._find(HEDGE)
        spans = [(match.group(0), match.start(), match.end()) for match in TOKEN.finditer(text)]
        return HEDGE.finditer(spans, text)

    @once
    def _outside_brackets(self) -> str:
        return re.sub(r"\([^()]*\)", " ", self.text) if "(" in self.text else self.text

    @once
    def meta(self) -> bool:
        """Speaks to the note takers about the meeting itself: ``Let's collect all agenda items here``."""
        return bool(self._find(META))

    @once
    def opinion(self) -> bool:
        """Whether its only hedge is a person's view (``seems``, ``I think``), not a hypothesis (``maybe``)."""
        return (
            bool(self.hedge)
            and self.hedge in OPINION_CUES
            and not any(match.group(0) not in OPINION_CUES for match in self._hedges)
        )

    @once
    def conditional(self) -> bool:
        """Opens with a condition: ``If you see a PR ..., please tell us``, ``but if there is an argument``."""
        return bool(_CONDITIONAL.match(self.text))

    @once
    def clauses(self) -> list[str]:
        """Its clauses: ``FCP is done; there's a bug; Niko will handle it`` -> three; ``(Centril to FCP)`` one."""
        parts = _CLAUSE.split(self.text)
        return [part.strip(" ,") for part in parts if part.strip(" ,")]

    @once
    def logistics(self) -> bool:
        return bool(_LOGISTICS.search(self.text))

    @once
    def first_person(self) -> bool:
        """Says what the writer (or speaker) will do: ``I will review``, ``I'll``, ``Note to self: check``;
        not what they will have or be (``I will likely have students``, ``I'll be on leave``)."""
        for match in _FIRST_PERSON.finditer(self.text):
            after = self.text[match.end() :].split()
            while after and after[0] in ("also", "then", "probably", "likely", "try", "to", "just", "still"):
                after = after[1:]
            if not after:
                continue
            if after[0] in TASK_VERBS or after[0] in ("work", "look", "reach", "take", "help", "try"):
                return True
            if after[0] == "be" and len(after) > 1 and after[1].endswith("ing") and after[1] not in ("going",):
                return True  # "Chris and I will be discussing a roadmap"
            if match.group(0).strip().startswith("note to self"):
                return True
        return False

    @once
    def bare_will(self) -> bool:
        """Opens with the future and no subject: ``Will talk to the team``, ``To check governance``, which
        a speaker's prefix makes theirs (``CHL: Will talk ...``)."""
        return bool(_BARE_WILL.match(self.text))

    @once
    def commitment_strength(self) -> float:
        """How firmly the commitment binds the group: 1 for "we will", "let's"; 0.5 for "we should"; 0 for "we can"."""
        cue = self.commitment
        if not cue:
            return 0.0
        if cue in FIRM_COMMITMENTS:
            return 1.0
        return 0.0 if cue in WEAK_COMMITMENTS else 0.5

    @once
    def imperative(self) -> str:
        """The task verb it opens with (``Run the job weekly``, ``also ask Quansight``), or ""."""
        words = self.words
        position = 0
        while position < len(words) - 1 and words[position] in TASK_FILLERS:
            position += 1
        if position >= len(words):
            return ""
        word = words[position]
        if word in TASK_VERBS and word not in NOT_TASK_WORDS:
            following = words[position + 1] if position + 1 < len(words) else ""
            # "Review of the PR", "Update: ...", "Call for papers", "call to drain()" are nouns here.
            if following in ("of", "is", "was", "are", "for") and word not in ("ask", "reach", "look", "follow"):
                return ""
            if following == "to" and word in NOUNS_BEFORE_TO:
                return ""
            if following in ("question", "questions", "issue", "issues", "items", "prs", "source"):
                return ""  # "open question as to ...", "open issues"
            if re.match(r"^\W*" + re.escape(word) + r"\s*:", self.text):
                return ""  # "merge: [RFC ...]": a label, not a verb
            return word
        return ""

    @once
    def ambiguous_verb(self) -> bool:
        """Whether its opening task verb may as well be a noun (``File permissions managed ...``, ``open
        question as to ...``): a verb of ``NOUN_VERBS`` not followed by an article, pronoun or particle."""
        verb = self.imperative
        if verb not in NOUN_VERBS:
            return False
        words = self.words
        position = words.index(verb) if verb in words else -1
        following = words[position + 1] if 0 <= position < len(words) - 1 else ""
        return following not in OBJECT_WORDS

    @once
    def assignment(self) -> tuple[str, str]:
        """``(who, verb)`` of ``Alice will ...``, ``Bob to open an issue``, ``Compiler team needs to ...``, or
        of a clause after the first (``FCP is done; Niko will handle it``, ``(Centril to FCP)``); else ``("", "")``."""
        found = self._assignment(self.text, self.raw)
        if found[0] or not any(mark in self.text for mark in ";(,.-"):
            return found
        for clause in self.clauses[1:]:
            if _match_assignment(clause) is None:
                continue
            found = self._assignment(clause, self._raw_clause(clause))
            if found[0]:
                return found
        return "", ""

    @once
    def subject(self) -> str:
        """The assignment's subject as written (its capitals kept): ``Bob`` of ``..., Bob will ping them``."""
        who, _ = self.assignment
        if not who:
            return ""
        count = len(who.split())
        for clause in [self.text, *self.clauses[1:]]:
            if clause.startswith(who):
                raw = self.raw if clause == self.text else self._raw_clause(clause)
                return " ".join(re.findall(r"@?[\w'’.-]+", raw)[:count])
        return who

    @once
    def _folded_raw(self) -> str:
        return quick_fold(self.raw)

    def _raw_clause(self, clause: str) -> str:
        """The clause as written (for its capitals), found again in the raw text by its words."""
        words = clause.split()
        if not words:
            return clause
        position = self._folded_raw.find(" ".join(words[:2]))
        return self.raw[position:] if position >= 0 else clause

    def _assignment(self, text: str, raw: str) -> tuple[str, str]:
        match = _match_assignment(text)
        if match is None:
            return "", ""
        who, verb, following = match
        words = who.split()
        if not words or words[0] in SUBJECT_STOPS or words[-1] in SUBJECT_STOPS:
            return "", ""
        if who in ("i", "we") or following in ("not", "probably", "likely", "hopefully", "still", "never"):
            return "", ""  # the writer's or the group's own words (a commitment), or a forecast
        if verb.startswith("agreed") and words[-1] in GROUP_OWNERS:
            return "", ""  # "The group agreed to take it back to the issue": an agreement, not someone's task
        named = self._named(who, following, raw, any(word in TASK_VERBS for word in verb.split()))
        if (
            following in ("be", "have", "the", "a", "an")
            and verb in ("to", "will", "'ll", "should", "must")
            and not (following == "be" and verb == "to" and named)
        ):
            return "", ""  # "Validation will be done", "Request to the team": no one takes a task
        if not named:
            return "", ""
        known = fold(who) in self.known or fold(who.split()[0]) in self.known or who.startswith("@")
        if verb in ("will", "'ll", "to", "should", "must") and not known and not _task_word(following):
            return "", ""  # "Validation will happen", "Defaults to lowest": an event or a fact, no task
        return who, verb

    def _named(self, who: str, following: str, raw: str, verb_task: bool = False) -> bool:
        """Whether the words before a verb name someone: a name as written, a handle, a known abbreviation, a
        team ("Compiler team", "the PR author"), a lower-case nickname before a task ("pnkfelix to act")."""
        words = who.split()
        raw_who: list[str] = re.findall(r"@?[\w'’.-]+", raw)[: len(words)]
        if len(raw_who) != len(words):
            return False
        if words[-1] in GROUP_OWNERS:
            # "Compiler team", "the PR author", "People": a group, in at most three words; not "Tim thinks we".
            if len(words) > 1 and words[-1] in ("we", "i", "you", "all"):
                return False
            return len(words) <= 3 and not any(
                word in TASK_VERBS
                or word in SUBJECT_STOPS
                or word in HEDGE_CUES
                or word in STATUS_CUES
                or word in NOT_OWNERS
                or (word in COMMON_WORDS and word != "the")
                for word in words[:-1]
            )
        names = [word for word in raw_who if word not in ("and", "&")]  # "Olivier and Guillaume will pair"
        if not names:
            return False
        if fold(who) in self.known or (
            fold(names[0]) in self.known and all(word[:1].isupper() or word.startswith("@") for word in names)
        ):
            return True
        for word in raw_who:
            if word.startswith("@") and len(word) > 1:
                continue
            if is_abbreviation(word):
                if fold(word) not in self.known:
                    return False  # "PR to rename", "CI will": capitals name someone only when a table says so
                continue
            folded_word = fold(word)
            if folded_word in NOT_OWNERS or folded_word in COMMON_WORDS or folded_word in SECTION_WORDS:
                return False
            if folded_word in NOT_SUBJECTS or folded_word.rstrip("s") in NOT_SUBJECTS or folded_word in GROUP_OWNERS:
                return False
            if folded_word in TASK_VERBS or folded_word in STATUS_CUES or folded_word in HEDGE_CUES:
                return False
            if len(words) == 1 and folded_word.endswith(("ly", "ing", "ed")):
                return False  # "Specifically to review", "Having to finish", "Asked to write"
        if len(raw_who) > 1 and not all(word[:1].isupper() or word.startswith("@") for word in raw_who):
            return False  # "Forward compatible to go": a name is capitalised throughout
        first = raw_who[0]
        if len(raw_who) == 1 and first[:1].islower():
            # "pnkfelix to act as liaison", "scott to post": a lower-case nickname, then a task; where the
            # meeting lists its people, only one of them.
            if self.listed:
                return False
            return bool(_HANDLE_WORD.match(first)) and len(first) >= 3 and (following in TASK_VERBS or bool(verb_task))
        return first[:1].isupper() or first.startswith("@")


def _match_assignment(text: str) -> tuple[str, str, str] | None:
    """``(who, verb, next word)`` when ``text`` opens with up to four words, a verb of ``ASSIGNMENT_VERBS`` and
    a word after it: ``alice will comment``, ``felix says he'll try``, ``bob's going to``; else None."""
    words = text.split(None, 10)
    if _ASSIGNMENT_OPENERS.isdisjoint(words[1:6]) and not any(word.endswith("'ll") for word in words[:5]):
        return None
    if words and words[0] in LEADING_CONJUNCTIONS:
        words = words[1:]
    for end in range(1, min(5, len(words))):
        word = words[end - 1]
        if word.endswith("'ll") and len(word) > 3 and end < len(words):
            return " ".join([*words[: end - 1], word[:-3]]), "'ll", words[end].split()[0]
        for verb in _ASSIGNMENT_BY_FIRST.get(words[end], ()):
            stop = end + len(verb)
            if tuple(words[end:stop]) == verb and stop < len(words):
                if not _SUBJECT_WORD.fullmatch(word):
                    return None
                return " ".join(words[:end]), " ".join(verb), words[stop].split()[0].strip('.,;:!?()"')
        if not _SUBJECT_WORD.fullmatch(word):
            return None  # a subject is words, without commas or brackets
    return None


def _task_word(word: str) -> bool:
    """A word that can open a task after "to" or "will": a task verb, ``FCP`` (as in "Centril to FCP")."""
    return bool(
        word in TASK_VERBS or word.endswith(("ize", "ise")) or word in ("be", "try", "work", "take", "do", "go")
    )


def owners_written(text: str) -> list[str]:
    """Owners that ``people.owners.owners_in`` does not read: ``<- Mike`` after a task, and the Zulip mentions
    (``@**Name**``) that open a line or follow a ``cc``, as a line addressed to them."""
    found: list[str] = []
    addressed = _ADDRESSED.match(text)
    if addressed:
        found.append(addressed.group("name").strip() if addressed.group("name") else "@" + addressed.group("handle"))
    for cc in _CC.finditer(text):
        found.extend(match.group("name").strip() for match in _ZULIP.finditer(text, cc.end()))
    arrow = _ARROW_OWNER.search(plain_text(text)) if "<-" in text or "←" in text else None
    if arrow:
        found.append(arrow.group("name").strip())
    return list(dict.fromkeys(found))


def mentioned(text: str) -> list[str]:
    """Every Zulip mention of ``text`` (``@**Esteban Küber**``), as written."""
    return [match.group("name").strip() for match in _ZULIP.finditer(text)]
