"""Decisions, action items, topics and references of a whole archive, joined across its meetings.

Each meeting's note has been read for its records at parse time (``records.extract``: the text, the
names as written, the anchors). Here the meetings are joined, once people are resolved: owners and the
people named in a decision become person ids, an action item is followed through the later meetings
of its series until it is marked done, agenda headings that recur become topics, and a bare ``#123``
is given its repository. The index calls ``join_records``.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from ..findings import Finding
from ..model import ActionItem, Decision, Meeting, NotedDecision, Reference, ReferenceMention, Topic, TopicMention
from ..people.resolve import most_common_spelling
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


def join_records(meetings: Sequence[Meeting], find_person: _Resolver, options: RecordOptions | None = None) -> Records:
    """The records of ``meetings`` (oldest first), owners and people resolved with ``find_person``."""
    options = options or RecordOptions()

    def person(label: str | None) -> str | None:
        return find_person(label) if label else None

    decisions = [_decision(meeting, noted, person) for meeting in meetings for noted in meeting.records.decisions]
    topics, topics_of_meeting = _topics(meetings, person)
    decisions = reviewed(_with_topics(decisions, topics), "decision", options.review.verdicts)
    actions = reviewed(_follow_actions(meetings, person, options.stale_after), "action", options.review.verdicts)
    return Records(
        decisions=tuple(decision for decision in decisions if not decision.candidate),
        actions=tuple(action for action in actions if not action.candidate),
        candidate_decisions=tuple(decision for decision in decisions if decision.candidate),
        candidate_actions=tuple(action for action in actions if action.candidate),
        topics=tuple(topics),
        references=tuple(_references(meetings, options.default_repository)),
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


def _follow_actions(meetings: Sequence[Meeting], person: _Resolver, stale_after: int = STALE_AFTER) -> list[ActionItem]:
    """Action items joined across the meetings of each series: the same words are the same item.

    An item stays in the meeting that first lists it; a later meeting of its series that lists it again
    is one more appearance, and marks it done when it checks it, strikes it through or says it is done,
    merged or landed. An open item's age runs to the archive's latest meeting; past ``stale_after``
    days it is stale.
    """
    items: list[ActionItem] = []
    open_by_key: dict[tuple[str, str], int] = {}  # (series, key) -> position in items of the open item
    series_count: Counter[str] = Counter()
    position_in_series: dict[str, int] = {}
    series_of = {meeting.id: meeting.series for meeting in meetings}
    date_of = {meeting.id: meeting.date for meeting in meetings}
    latest = max(date_of.values()) if date_of else None
    for meeting in meetings:
        series_count[meeting.series] += 1
        position_in_series[meeting.id] = series_count[meeting.series]
    for meeting in meetings:
        for action in meeting.records.actions:
            # "Will do" under two questions is two items: a short item is known by its subject too
            key = (meeting.series, action_key(f"{action.subject} {action.text}" if action.subject else action.text))
            owners = [person(name) for name in action.owners]
            anchor = action.anchor
            earlier = open_by_key.get(key) if key[1] else None
            if earlier is not None:
                previous = items[earlier]
                items[earlier] = replace(
                    previous,
                    appearances=(*previous.appearances, (meeting.id, anchor)),
                    status="done" if action.done else "open",
                    done_in=meeting.id if action.done else "",
                    owners=previous.owners or tuple(o for o in owners if o),
                    confidence=max(previous.confidence, action.confidence),
                )
                if action.done:
                    del open_by_key[key]
                continue
            items.append(
                ActionItem(
                    id=f"{meeting.id}#{anchor}",
                    meeting=meeting.id,
                    text=action.text,
                    line=action.line,
                    anchor=anchor,
                    owners=tuple(dict.fromkeys(o for o in owners if o)),
                    # Owners written but known to nobody ("ACTION: WH to review" without a table of WH);
                    # "(PRs + blog)" is no owner, nor a chat's user number alone (Zulip's "@**|116266**").
                    names=tuple(
                        name
                        for name, resolved in zip(action.owners, owners, strict=False)
                        if not resolved and not _PLURAL_ACRONYM.fullmatch(name) and any(c.isalpha() for c in name)
                    ),
                    status="done" if action.done else "open",
                    appearances=((meeting.id, anchor),),
                    done_in=meeting.id if action.done else "",
                    cue=action.cue,
                    confidence=action.confidence,
                    subject=action.subject,
                )
            )
            if not action.done and key[1]:
                open_by_key[key] = len(items) - 1
    result = []
    for followed in items:
        if followed.status != "done":
            series = series_of[followed.meeting]
            since = series_count[series] - position_in_series[followed.meeting] + 1
            age = (latest - date_of[followed.meeting]).days if latest else 0
            stale = bool(stale_after) and age > stale_after
            followed = replace(followed, open_for=since, age=age, status="stale" if stale else "open")
        result.append(followed)
    return result


def _references(meetings: Sequence[Meeting], default_repository: str) -> list[Reference]:
    """Every issue and pull request, with the meetings, lines and titles that mention it.

    A bare ``#123`` counts only with a default repository: the repository the same meeting writes the
    number with in full, else the default one. Sorted as the references page shows them: by repository,
    the most cited first, and in each the most mentioned first.
    """
    mentions: dict[tuple[str, int], list[ReferenceMention]] = defaultdict(list)
    titles: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[tuple[str, int], str] = {}
    seen: set[tuple[tuple[str, int], str, int]] = set()
    for meeting in meetings:
        noted = meeting.records.references
        here: dict[int, str] = {r.number: r.repo for r in noted if r.number and r.repo}
        for reference in noted:
            if not reference.number:
                continue
            repo = reference.repo or (default_repository and (here.get(reference.number) or default_repository))
            if not repo:
                continue  # "#3" without a default repository: no reference
            spelling[repo.lower()][repo] += 1
            key = (repo.lower(), reference.number)
            kinds.setdefault(key, reference.kind)
            if reference.kind and not kinds[key]:
                kinds[key] = reference.kind
            if reference.title:
                titles[key][reference.title] += 1
            mention = ReferenceMention(
                meeting.id, reference.line, reference.text, reference.anchor, title=reference.title
            )
            if (key, meeting.id, reference.line) not in seen:  # once a line, whether written bare or in full
                seen.add((key, meeting.id, reference.line))
                mentions[key].append(mention)
    references: list[Reference] = []
    for (repo_key, number), found_mentions in mentions.items():
        repo = most_common_spelling(spelling[repo_key])
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
    return counts.most_common(1)[0][0] if counts else ""


@dataclass
class _TopicDraft:
    names: Counter[str] = field(default_factory=Counter)
    sources: list[str] = field(default_factory=list)
    mentions: list[TopicMention] = field(default_factory=list)
    seen: set[TopicMention] = field(default_factory=set)
    people: Counter[str] = field(default_factory=Counter)


def _topics(meetings: Sequence[Meeting], person: _Resolver) -> tuple[list[Topic], dict[str, tuple[str, ...]]]:
    """Topics from tags, the topics file, recurring agenda headings, proposals and repositories.

    Spellings of one subject are one topic (``topics.topic_key``: ``XYZ-402``, ``XYZ402``, ``Xyz 402``),
    and a topic named like a cited repository joins it (``org/xyz402``); the name shown is the most
    common spelling. An agenda heading that nearly every meeting of a long series has is that series'
    template ("P-critical", "Performance logs" of a weekly triage), not a subject: no topic.
    """
    drafts: dict[str, _TopicDraft] = defaultdict(_TopicDraft)

    def add(name: str, source: str, mention: TopicMention, who: str | None = None) -> None:
        key = "repo:" + name.lower() if source == "repository" else topic_key(name) or fold(name)
        draft = drafts[key]
        draft.names[name] += 1
        if source not in draft.sources:
            draft.sources.append(source)
        if mention not in draft.seen:
            draft.seen.add(mention)
            draft.mentions.append(mention)
        if who:
            draft.people[who] += 1

    agenda_meetings: dict[str, set[str]] = defaultdict(set)
    # The template of a series is its folder's: "minutes/triage-meeting/" holds only the triage meetings.
    in_series: Counter[str] = Counter(posixpath.dirname(meeting.source) for meeting in meetings)
    series_of = {meeting.id: posixpath.dirname(meeting.source) for meeting in meetings}
    for meeting in meetings:
        for noted in meeting.records.topics:
            if noted.via == "agenda":
                agenda_meetings[noted.key].add(meeting.id)
    template = {key for key, found in agenda_meetings.items() if _in_every_meeting(found, series_of, in_series)}
    for meeting in meetings:
        for tag in meeting.tags:
            add(
                tag,
                "tag",
                TopicMention(meeting.id, meeting.source_line, plain_text(meeting.title, MAX_EXCERPT), "", "tag"),
            )
        for noted in meeting.records.topics:
            if noted.via == "agenda" and (len(agenda_meetings[noted.key]) < RECURRING or noted.key in template):
                continue
            source = "file" if noted.via == "keyword" else noted.via
            add(
                noted.name,
                source,
                TopicMention(meeting.id, noted.line, noted.excerpt, noted.anchor, noted.via),
                person(noted.who),
            )
        for reference in meeting.records.references:
            if reference.repo:
                mention = TopicMention(meeting.id, reference.line, reference.text, "", "repository")
                add(reference.repo, "repository", mention, person(reference.who))
    _join_repositories(drafts)
    topics: list[Topic] = []
    taken: set[str] = set()
    order = {meeting.id: position for position, meeting in enumerate(meetings)}
    for key in sorted(drafts, key=lambda k: (_shown_name(drafts[k].names).casefold(), k)):
        draft = drafts[key]
        name = _shown_name(draft.names)
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
    return max(names, key=lambda name: (names[name], not re.fullmatch(r"[\w.-]+/[\w.-]+", name)))


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
        result.append(replace(decision, topics=tuple(dict.fromkeys(ids))))
    return result
