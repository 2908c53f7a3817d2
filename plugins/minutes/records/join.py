"""Decisions, action items, topics and references of a whole archive, joined across its meetings.

Each meeting's note has been read for its records at parse time (``records.extract``: the text, the
names as written, the anchors). Here the meetings are joined, once people are resolved, in two steps:

1. ``join_meeting``, one meeting at a time: owners and the people named in a decision become person ids,
   each action item gets the key that follows it, each topic and reference the key that gathers it, and a
   bare ``#123`` its repository. What it makes depends on the meeting and the people it asks about only,
   so the index keeps it from one build to the next (``noteindex``);
2. ``join_records``, the whole archive: an action item is followed through the later meetings of its
   series until it is marked done, agenda headings that recur become topics, and each topic and reference
   gathers its mentions.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple, TypeVar

from ..findings import Finding
from ..model import (
    ActionItem,
    ActionStatus,
    Decision,
    Meeting,
    NotedAction,
    NotedDecision,
    Reference,
    ReferenceMention,
    Topic,
    TopicMention,
)
from ..people.persons import most_common_spelling
from ..reading.inline import plain_text
from ..slugs import fold, slugify, unique
from ..vocabulary import HANDLE_MENTION, PARTICLES
from .actions import action_key
from .classify import show_threshold
from .references import issue_url
from .review import RecordsReview
from .topics import MAX_EXCERPT, TopicsFile, agenda_name, topic_key

# Runs of capitalised words (and handles, abbreviations) that may name a person in a decision.
_NAME_RUN = re.compile(r"[A-ZÀ-Þ][\w'’-]*(?:\s+(?:(?:" + "|".join(sorted(PARTICLES)) + r")\s+)?[A-ZÀ-Þ][\w'’-]*){0,3}")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_REPOSITORY_NAME = re.compile(r"[\w.-]+/[\w.-]+")
# An agenda heading is a topic when it comes back in this many meetings.
RECURRING = 2

# A spelling of a person ("Olivier", "@ogrisel", "WH") -> their person id, or None.
_Resolver = Callable[[str | None], str | None]


# An open action item older than this many days is stale, unless the site says otherwise (``stale_after``).
STALE_AFTER = 90


@dataclass(frozen=True)
class RecordOptions:
    default_repository: str = ""  # "owner/repo" that a bare "#123" refers to
    topics: TopicsFile = field(default_factory=TopicsFile)
    stale_after: int = STALE_AFTER  # days an action item stays open before it is stale; 0: never stale
    review: RecordsReview = field(default_factory=RecordsReview)  # what a person said of the candidates


@dataclass(frozen=True)
class Records:
    """What the meetings of an archive decided, owe, discuss and cite."""

    decisions: tuple[Decision, ...]  # oldest meeting first
    actions: tuple[ActionItem, ...]  # by first appearance, oldest first
    topics: tuple[Topic, ...]  # by name
    references: tuple[Reference, ...]  # by repository and number
    meeting_topics: dict[str, tuple[str, ...]]  # meeting id -> topic ids
    findings: tuple[Finding, ...]
    candidate_decisions: tuple[Decision, ...] = ()  # read from the text below the shown confidence
    candidate_actions: tuple[ActionItem, ...] = ()


# The fields of a ``NotedDecision`` that its ``Decision`` keeps as they are.
NOTED_DECISION = ("text", "topic", "line", "anchor", "kind", "cue", "confidence", "subject")
# The fields of ``Records`` that the archive keeps as they are (its findings join the archive's own).
ARCHIVE_RECORDS = (
    "decisions",
    "actions",
    "topics",
    "references",
    "meeting_topics",
    "candidate_decisions",
    "candidate_actions",
)


class JoinedAction(NamedTuple):
    """One action item of one meeting, as following it across its series needs it."""

    key: str  # what makes a later meeting's item the same item ("" for one that cannot be followed)
    owners: tuple[str | None, ...]  # each owner as written, as a person id (None: nobody known)
    names: tuple[str, ...]  # owners written but known to nobody


class TopicAdd(NamedTuple):
    """One piece of evidence that a meeting touches a topic: a tag, a keyword, an agenda heading, a repository."""

    key: str  # what gathers spellings into one topic
    name: str  # the topic as this meeting spells it
    source: str  # tag | file | agenda | proposal | repository
    mention: TopicMention
    who: str | None  # the person whose section holds it
    agenda: str  # an agenda heading's key: it makes a topic only when it recurs ("" for the others)


class ReferenceAdd(NamedTuple):
    """One line's mention of an issue or pull request."""

    key: tuple[str, int]  # repository (lower case) and number
    repo: str  # the repository as written (or the default one)
    kind: str
    title: str
    mention: ReferenceMention | None  # None when the same line mentions it already: counted, listed once


@dataclass(frozen=True)
class JoinedMeeting:
    """One meeting's records, people resolved: everything ``join_records`` needs of the meeting."""

    decisions: tuple[Decision, ...] = ()  # without topics (the archive's topics decide them)
    actions: tuple[JoinedAction, ...] = ()  # one for each of ``meeting.records.actions``
    topics: tuple[TopicAdd, ...] = ()
    references: tuple[ReferenceAdd, ...] = ()


def join_meeting(meeting: Meeting, find_person: _Resolver, default_repository: str = "") -> JoinedMeeting:
    """The records of one meeting, owners and people resolved with ``find_person``."""

    def person(label: str | None) -> str | None:
        return find_person(label) if label else None

    return JoinedMeeting(
        decisions=tuple(_decision(meeting, noted, person) for noted in meeting.records.decisions),
        actions=tuple(_joined_action(action, person) for action in meeting.records.actions),
        topics=tuple(_topic_adds(meeting, person)),
        references=tuple(_reference_adds(meeting, default_repository)),
    )


def join_records(
    meetings: Sequence[Meeting],
    joined: Mapping[str, JoinedMeeting],
    options: RecordOptions | None = None,
    followed: Sequence[ActionItem] | None = None,
) -> Records:
    """The records of ``meetings`` (oldest first), each meeting's own joined by ``join_meeting`` (by meeting id);
    ``followed`` are their action items if they were followed already (``follow_actions``, series by series)."""
    options = options or RecordOptions()
    decisions = [decision for meeting in meetings for decision in joined[meeting.id].decisions]
    topics, topics_of_meeting = _topics(meetings, joined)
    decisions = reviewed(_with_topics(decisions, topics), "decision", options.review.verdicts)
    if followed is None:
        followed = follow_actions(meetings, joined, options.stale_after, latest_date(meetings))
    actions = reviewed(followed, "action", options.review.verdicts)
    return Records(
        decisions=tuple(decision for decision in decisions if not decision.candidate),
        actions=tuple(action for action in actions if not action.candidate),
        candidate_decisions=tuple(decision for decision in decisions if decision.candidate),
        candidate_actions=tuple(action for action in actions if action.candidate),
        topics=tuple(topics),
        references=tuple(_references(meetings, joined)),
        meeting_topics=topics_of_meeting,
        findings=(*options.topics.findings, *options.review.findings),
    )


_Record = TypeVar("_Record", Decision, ActionItem)


def reviewed(records: Iterable[_Record], kind: str, review: Mapping[str, bool]) -> list[_Record]:
    """``records`` with what a person said of them: a record read from the text below the confidence the site
    shows is a candidate, unless the review file says yes; one it says no to is dropped."""
    threshold = show_threshold(kind)
    kept = []
    for record in records:
        verdict = review.get(record.id)
        if verdict is False:
            continue
        candidate = not record.explicit and record.confidence < threshold - 1e-9 and verdict is None
        kept.append(replace(record, candidate=True) if candidate else record)
    return kept


def people_named(text: str, resolve: _Resolver) -> list[str]:
    """Person ids of the people ``text`` names: by handle, full or first name, or abbreviation."""
    found: list[str] = []
    for match in HANDLE_MENTION.finditer(text):
        person_id = resolve("@" + match.group(1))
        if person_id:
            found.append(person_id)
    for match in _NAME_RUN.finditer(plain_text(text)):
        words = match.group(0).split()
        # The longest run of words that is somebody: "Maren Westermann" before "Maren".
        start = 0
        while start < len(words):
            for end in range(len(words), start, -1):
                person_id = resolve(" ".join(words[start:end]).strip("'’-"))
                if person_id:
                    found.append(person_id)
                    start = end
                    break
            else:
                start += 1
    return list(dict.fromkeys(found))


def _decision(meeting: Meeting, noted: NotedDecision, person: _Resolver) -> Decision:
    people = people_named(noted.text, person)
    for involved in reversed([person(name) for name in noted.people]):
        if involved and involved not in people:
            people.insert(0, involved)
    kept = {name: getattr(noted, name) for name in NOTED_DECISION}  # as the note gave them
    return Decision(id=f"{meeting.id}#{noted.anchor}", meeting=meeting.id, people=tuple(people), **kept)


def _joined_action(action: NotedAction, person: _Resolver) -> JoinedAction:
    # "Will do" under two questions is two items: a short item is known by its subject too
    key = action_key(f"{action.subject} {action.text}" if action.subject else action.text)
    owners = tuple(person(name) for name in action.owners)
    # Owners written but known to nobody ("ACTION: WH to review" without a table of WH); "(PRs + blog)" is no
    # owner, nor a chat's user number alone (Zulip's "@**|116266**").
    names = tuple(
        name
        for name, resolved in zip(action.owners, owners, strict=False)
        if not resolved and not _PLURAL_ACRONYM.fullmatch(name) and any(c.isalpha() for c in name)
    )
    return JoinedAction(key, owners, names)


@dataclass
class _Followed:
    """An action item while it is followed through its series: its first appearance, and what came after."""

    meeting: Meeting  # where it first appears
    action: NotedAction
    owners: tuple[str, ...]
    names: tuple[str, ...]
    appearances: list[tuple[str, str]]
    done: bool
    done_in: str = ""
    confidence: float = 1.0


def latest_date(meetings: Sequence[Meeting]) -> dt.date | None:
    """The date of the archive's latest meeting, which the age of open action items runs to."""
    return max((meeting.date for meeting in meetings), default=None)


def follow_actions(
    meetings: Sequence[Meeting], joined: Mapping[str, JoinedMeeting], stale_after: int, latest: dt.date | None
) -> list[ActionItem]:
    """Action items joined across the meetings of each series: the same words are the same item.

    An item stays in the meeting that first lists it; a later meeting of its series that lists it again
    is one more appearance, and marks it done when it checks it, strikes it through or says it is done,
    merged or landed. An open item's age runs to ``latest``, the archive's latest meeting; past
    ``stale_after`` days it is stale. The items of each series depend on its meetings alone: ``meetings``
    may be one series'.
    """
    items: list[_Followed] = []
    open_by_key: dict[tuple[str, str], _Followed] = {}  # (series, key) -> the open item
    for meeting in meetings:
        for action, found in zip(meeting.records.actions, joined[meeting.id].actions, strict=True):
            key = (meeting.series, found.key)
            earlier = open_by_key.get(key) if found.key else None
            if earlier is not None:
                earlier.appearances.append((meeting.id, action.anchor))
                earlier.done, earlier.done_in = action.done, meeting.id if action.done else ""
                earlier.owners = earlier.owners or tuple(owner for owner in found.owners if owner)
                earlier.confidence = max(earlier.confidence, action.confidence)
                if action.done:
                    del open_by_key[key]
                continue
            owners = tuple(dict.fromkeys(owner for owner in found.owners if owner))
            appearances = [(meeting.id, action.anchor)]
            done_in = meeting.id if action.done else ""
            item = _Followed(meeting, action, owners, found.names, appearances, action.done, done_in, action.confidence)
            items.append(item)
            if not action.done and found.key:
                open_by_key[key] = item
    return _action_items(meetings, items, stale_after, latest)


def _action_items(
    meetings: Sequence[Meeting], items: list[_Followed], stale_after: int, latest: dt.date | None
) -> list[ActionItem]:
    """The items followed, each open one with the meetings of its series since it first appeared and its age."""
    series_count: Counter[str] = Counter()
    position_in_series: dict[str, int] = {}
    for meeting in meetings:
        series_count[meeting.series] += 1
        position_in_series[meeting.id] = series_count[meeting.series]
    result = []
    for item in items:
        meeting, action = item.meeting, item.action
        status: ActionStatus = "done"
        open_for = age = 0
        if not item.done:
            open_for = series_count[meeting.series] - position_in_series[meeting.id] + 1
            age = (latest - meeting.date).days if latest else 0
            status = "stale" if bool(stale_after) and age > stale_after else "open"
        result.append(
            ActionItem(
                id=f"{meeting.id}#{action.anchor}",
                meeting=meeting.id,
                text=action.text,
                line=action.line,
                anchor=action.anchor,
                owners=item.owners,
                names=item.names,
                status=status,
                appearances=tuple(item.appearances),
                done_in=item.done_in,
                open_for=open_for,
                age=age,
                cue=action.cue,
                confidence=item.confidence,
                subject=action.subject,
            )
        )
    return result


def _reference_adds(meeting: Meeting, default_repository: str) -> list[ReferenceAdd]:
    """Every issue and pull request one meeting mentions, once a line each.

    A bare ``#123`` counts only with a default repository: the repository the same meeting writes the
    number with in full, else the default one.
    """
    noted = meeting.records.references
    here: dict[int, str] = {r.number: r.repo for r in noted if r.number and r.repo}
    seen: set[tuple[tuple[str, int], int]] = set()
    adds = []
    for reference in noted:
        if not reference.number:
            continue
        repo = reference.repo or (default_repository and (here.get(reference.number) or default_repository))
        if not repo:
            continue  # "#3" without a default repository: no reference
        key = (repo.lower(), reference.number)
        mention = None
        if (key, reference.line) not in seen:  # once a line, whether written bare or in full
            seen.add((key, reference.line))
            mention = ReferenceMention(
                meeting.id, reference.line, reference.text, reference.anchor, title=reference.title
            )
        adds.append(ReferenceAdd(key, repo, reference.kind, reference.title, mention))
    return adds


def _references(meetings: Sequence[Meeting], joined: Mapping[str, JoinedMeeting]) -> list[Reference]:
    """Every issue and pull request, with the meetings, lines and titles that mention it.

    Sorted as the references page shows them: by repository, the most cited first, and in each the most
    mentioned first.
    """
    mentions: dict[tuple[str, int], list[ReferenceMention]] = defaultdict(list)
    titles: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[tuple[str, int], str] = {}
    for meeting in meetings:
        for add in joined[meeting.id].references:
            spelling[add.key[0]][add.repo] += 1
            if not kinds.get(add.key):
                kinds[add.key] = add.kind
            if add.title:
                titles[add.key][add.title] += 1
            if add.mention is not None:
                mentions[add.key].append(add.mention)
    repos = {repo_key: most_common_spelling(spellings) for repo_key, spellings in spelling.items()}
    references: list[Reference] = []
    for (repo_key, number), found_mentions in mentions.items():
        repo = repos[repo_key]
        url = issue_url(repo, number, kinds[(repo_key, number)])
        title = _most_common(titles.get((repo_key, number)))
        references.append(Reference(f"{repo}#{number}", repo, number, url, tuple(found_mentions), title))
    cited: Counter[str] = Counter()
    for found in references:
        cited[found.repo.lower()] += len(found.mentions)
    references.sort(
        key=lambda found: (-cited[found.repo.lower()], found.repo.lower(), -len(found.mentions), found.number)
    )
    return references


def _most_common(counts: Counter[str] | None) -> str:
    """The most common value, the first seen among equals (as ``Counter.most_common`` gives it, for less)."""
    return max(counts, key=counts.__getitem__) if counts else ""


@dataclass
class _TopicDraft:
    names: Counter[str] = field(default_factory=Counter)
    sources: list[str] = field(default_factory=list)
    mentions: list[TopicMention] = field(default_factory=list)
    seen: set[TopicMention] = field(default_factory=set)
    people: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, source: str, mention: TopicMention, who: str | None = None) -> None:
        self.names[name] += 1
        if source not in self.sources:
            self.sources.append(source)
        size = len(self.seen)
        self.seen.add(mention)  # hashed once: a mention is a dataclass, whose hash is Python's work
        if len(self.seen) > size:
            self.mentions.append(mention)
        if who:
            self.people[who] += 1


def _topic_adds(meeting: Meeting, person: _Resolver) -> list[TopicAdd]:
    """What one meeting says of its topics: tags, keywords of the topics file, agenda headings, proposals and
    the repositories it cites."""
    adds = []
    for tag in meeting.tags:
        mention = TopicMention(meeting.id, meeting.source_line, plain_text(meeting.title, MAX_EXCERPT), "", "tag")
        adds.append(TopicAdd(topic_key(tag) or fold(tag), tag, "tag", mention, None, ""))
    for noted in meeting.records.topics:
        source = "file" if noted.via == "keyword" else noted.via
        mention = TopicMention(meeting.id, noted.line, noted.excerpt, noted.anchor, noted.via)
        key = "repo:" + noted.name.lower() if source == "repository" else topic_key(noted.name) or fold(noted.name)
        agenda = noted.key if noted.via == "agenda" else ""
        adds.append(TopicAdd(key, noted.name, source, mention, person(noted.who), agenda))
    for reference in meeting.records.references:
        if reference.repo:
            mention = TopicMention(meeting.id, reference.line, reference.text, "", "repository")
            key = "repo:" + reference.repo.lower()
            adds.append(TopicAdd(key, reference.repo, "repository", mention, person(reference.who), ""))
    return adds


def _topics(
    meetings: Sequence[Meeting], joined: Mapping[str, JoinedMeeting]
) -> tuple[list[Topic], dict[str, tuple[str, ...]]]:
    """Topics from tags, the topics file, recurring agenda headings, proposals and repositories.

    Spellings of one subject are one topic (``topics.topic_key``: ``XYZ-402``, ``XYZ402``, ``Xyz 402``),
    and a topic named like a cited repository joins it (``org/xyz402``); the name shown is the most
    common spelling. An agenda heading that nearly every meeting of a long series has is that series'
    template ("P-critical", "Performance logs" of a weekly triage), not a subject: no topic.
    """
    drafts: dict[str, _TopicDraft] = defaultdict(_TopicDraft)
    recurring = _recurring_agenda(meetings, joined)
    for meeting in meetings:
        for add in joined[meeting.id].topics:
            if add.mention.via == "agenda" and add.agenda not in recurring:
                continue
            drafts[add.key].add(add.name, add.source, add.mention, add.who)
    _join_repositories(drafts)
    topics: list[Topic] = []
    taken: set[str] = set()
    order = {meeting.id: position for position, meeting in enumerate(meetings)}
    shown = {key: _shown_name(draft.names) for key, draft in drafts.items()}
    for key in sorted(drafts, key=lambda k: (shown[k].casefold(), k)):
        draft, name = drafts[key], shown[key]
        mentions = sorted(draft.mentions, key=lambda m: (order.get(m.meeting, 0), m.line))
        topics.append(
            Topic(
                id=unique(slugify(name, "topic"), taken),
                name=name,
                sources=tuple(draft.sources),
                meetings=tuple(dict.fromkeys(m.meeting for m in mentions)),
                mentions=tuple(mentions),
                people=tuple(draft.people.most_common()),
                spellings=tuple(spelling for spelling, _ in draft.names.most_common() if spelling != name),
            )
        )
    of_meeting: dict[str, list[str]] = defaultdict(list)
    for topic in topics:
        for meeting_id in topic.meetings:
            of_meeting[meeting_id].append(topic.id)
    return topics, {meeting_id: tuple(ids) for meeting_id, ids in of_meeting.items()}


# A series this long, whose every meeting but a few holds an agenda heading, has it as its template.
TEMPLATE_SERIES = 10
TEMPLATE_SHARE = 0.8


def _recurring_agenda(meetings: Sequence[Meeting], joined: Mapping[str, JoinedMeeting]) -> set[str]:
    """The keys of the agenda headings that make topics: in ``RECURRING`` meetings or more, and not the
    template of a series (its folder's: "minutes/triage-meeting/" holds only the triage meetings)."""
    agenda_meetings: dict[str, set[str]] = defaultdict(set)
    for meeting in meetings:
        for add in joined[meeting.id].topics:
            if add.mention.via == "agenda":
                agenda_meetings[add.agenda].add(meeting.id)
    in_series: Counter[str] = Counter(posixpath.dirname(meeting.source) for meeting in meetings)
    series_of = {meeting.id: posixpath.dirname(meeting.source) for meeting in meetings}
    return {
        key
        for key, found in agenda_meetings.items()
        if len(found) >= RECURRING and not _in_every_meeting(found, series_of, in_series)
    }


def _in_every_meeting(found: set[str], series_of: dict[str, str], in_series: Counter[str]) -> bool:
    counts = Counter(series_of[meeting_id] for meeting_id in found)
    return any(
        in_series[series] >= TEMPLATE_SERIES and count >= TEMPLATE_SHARE * in_series[series]
        for series, count in counts.items()
    )


def _join_repositories(drafts: dict[str, _TopicDraft]) -> None:
    """A topic named like a cited repository (``XYZ-402`` and ``org/xyz402``) joins the most cited such one."""
    repositories: dict[str, list[str]] = defaultdict(list)
    for key in drafts:
        if key.startswith("repo:") and key[-1].isalnum():  # not "rust-lang/rustc-" of a broken link
            repositories[topic_key(key[len("repo:") :])].append(key)
    for key in [key for key in drafts if not key.startswith("repo:") and key in repositories]:
        target = max(repositories[key], key=lambda repo: (len(drafts[repo].mentions), repo))
        draft, into = drafts.pop(key), drafts[target]
        into.names.update(draft.names)
        into.sources.extend(source for source in draft.sources if source not in into.sources)
        for mention in draft.mentions:
            if mention not in into.seen:
                into.seen.add(mention)
                into.mentions.append(mention)
        into.people.update(draft.people)


def _shown_name(names: Counter[str]) -> str:
    """The most common spelling; among equals, a subject's own name before a repository's, then the first seen."""
    return max(names, key=lambda name: (names[name], not _REPOSITORY_NAME.fullmatch(name)))


def _with_topics(decisions: list[Decision], topics: list[Topic]) -> list[Decision]:
    """Each decision with the topics mentioned in its lines, and the topic of its agenda item."""
    at_line: dict[tuple[str, int], list[str]] = defaultdict(list)
    by_name: dict[str, str] = {}
    for topic in topics:
        by_name.setdefault(topic_key(topic.name), topic.id)
        for spelling in topic.spellings:
            by_name.setdefault(topic_key(spelling), topic.id)
        for mention in topic.mentions:
            if mention.via != "tag":
                at_line[(mention.meeting, mention.line)].append(topic.id)
    result = []
    for decision in decisions:
        ids: list[str] = []
        if decision.topic:
            named = by_name.get(topic_key(agenda_name(decision.topic))) or by_name.get(topic_key(decision.topic))
            if named:
                ids.append(named)
        for line in range(decision.line, decision.line + decision.text.count("\n") + 1):
            ids.extend(at_line.get((decision.meeting, line), ()))
        # a decision of no topic is as the meeting gave it: no copy to make
        result.append(replace(decision, topics=tuple(dict.fromkeys(ids))) if ids else decision)
    return result
