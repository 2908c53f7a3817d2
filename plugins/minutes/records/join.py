"""Decisions, action items, topics and references of a whole archive.

Each meeting's lines are read once (``outline.Outline``) by the extractors of
``decisions``, ``actions``, ``topics`` and ``references``; the anchors they
need are added to the meeting's Markdown, so that every decision and action
item has a permalink to its own paragraph. Then the meetings are joined:
an action item is followed through the later meetings of its series until it
is marked done, agenda headings that recur become topics, and a bare ``#123``
is given its repository.

The index calls ``join_records`` once people are resolved, because owners and
the people named in a decision are resolved with the archive's people.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ..findings import Finding
from ..model import ActionItem, Decision, Meeting, Reference, ReferenceMention, Topic, TopicMention
from ..people.resolve import most_common_spelling
from ..slugs import fold, slugify, unique
from ..vocabulary import HANDLE_MENTION, PARTICLES, PROPOSAL_KINDS
from .actions import FoundAction, action_key, actions_in
from .decisions import FoundDecision, decisions_in
from .outline import Anchors, Outline, plain_text, toc_slug
from .references import FoundReference, issue_url, references_in
from .topics import (
    MAX_EXCERPT,
    AgendaHeading,
    KeywordHit,
    KeywordMatcher,
    TopicsFile,
    agenda_headings,
    agenda_name,
)

# Enhancement proposals are topics wherever they are named: "SLEP06", "SLEP 6", "PEP-703".
_PROPOSAL = re.compile(r"(?<![\w-])(?P<kind>" + "|".join(PROPOSAL_KINDS) + r")[ -]?0*(?P<number>\d{1,5})(?!\w)")
# Runs of capitalised words (and handles, abbreviations) that may name a person in a decision.
_NAME_RUN = re.compile(r"[A-ZÀ-Þ][\w'’-]*(?:\s+(?:(?:" + "|".join(sorted(PARTICLES)) + r")\s+)?[A-ZÀ-Þ][\w'’-]*){0,3}")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# An agenda heading is a topic when it comes back in this many meetings.
RECURRING = 2

# A spelling of a person ("Olivier", "@ogrisel", "WH") -> their person id, or None.
_Resolver = Callable[[str | None], str | None]


@dataclass(frozen=True)
class RecordOptions:
    default_repository: str = ""  # "owner/repo" that a bare "#123" refers to
    topics: TopicsFile = field(default_factory=TopicsFile)


@dataclass
class _Found:
    """What one meeting holds, before the meetings are joined."""

    meeting: Meeting
    decisions: list[tuple[FoundDecision, str]]  # with its anchor
    actions: list[tuple[FoundAction, str]]
    references: list[FoundReference]
    keywords: list[KeywordHit]
    agenda: list[AgendaHeading]
    person_at: list[str | None]  # the person (as written) whose section holds each line
    leaders_at: list[tuple[str, ...]]  # who leads the agenda item that holds each line (as written)
    anchors_of_headings: dict[int, str]


@dataclass(frozen=True)
class Records:
    """What the meetings of an archive decided, owe, discuss and cite; the meetings with the anchors they need."""

    meetings: tuple[Meeting, ...]
    decisions: tuple[Decision, ...]  # oldest meeting first
    actions: tuple[ActionItem, ...]  # by first appearance, oldest first
    topics: tuple[Topic, ...]  # by name
    references: tuple[Reference, ...]  # by repository and number
    meeting_topics: dict[str, tuple[str, ...]]  # meeting id -> topic ids
    findings: tuple[Finding, ...]


def join_records(meetings: Sequence[Meeting], find_person: _Resolver, options: RecordOptions | None = None) -> Records:
    """The records of ``meetings`` (oldest first), owners and people resolved with ``find_person``."""
    options = options or RecordOptions()
    matcher = KeywordMatcher(options.topics.rules)
    found = [_read_meeting(meeting, matcher) for meeting in meetings]
    by_id = {item.meeting.id: item.meeting for item in found}

    def person(label: str | None) -> str | None:
        return find_person(label) if label else None

    decisions = [_decision(item, decision, anchor, person) for item in found for decision, anchor in item.decisions]
    actions = _follow_actions(found, by_id, person)
    references = _references(found, options.default_repository)
    topics, topics_of_meeting = _topics(found, options.topics, person)
    return Records(
        meetings=tuple(by_id.values()),
        decisions=tuple(_with_topics(decisions, topics)),
        actions=tuple(actions),
        topics=tuple(topics),
        references=tuple(references),
        meeting_topics=topics_of_meeting,
        findings=options.topics.findings,
    )


def _read_meeting(meeting: Meeting, matcher: KeywordMatcher) -> _Found:
    lines = meeting.content.split("\n")
    outline = Outline.of(lines)
    anchors = Anchors(outline)
    first = meeting.source_line
    people_lines = frozenset(
        mention.line - first for mention in meeting.mentions if mention.kind == "heading" and mention.line >= first
    )
    person_at: list[str | None] = [None] * len(lines)
    headings_at = {heading.index: position for position, heading in enumerate(outline.headings)}
    leaders_at: list[tuple[str, ...]] = [()] * len(lines)
    for entry in meeting.entries:
        index = entry.line - first
        if 0 <= index < len(lines) and entry.source == "leader":
            # "Presenter: Ben Allen (BAN)" leads the agenda item it opens: its decisions involve them.
            position = outline.heading_above(index)
            start, end = (outline.headings[position].index, outline.section_end(position)) if position >= 0 else (0, 0)
            for covered in range(start, end):
                leaders_at[covered] = (*leaders_at[covered], entry.name)
        if not 0 <= index < len(lines) or entry.source not in ("heading", "name-tag"):
            continue
        if index in headings_at:
            end = outline.section_end(headings_at[index])
        elif index in outline.items:
            end = outline.items[index].end
        else:
            end = index + 1
        for covered in range(index, end):
            person_at[covered] = person_at[covered] or entry.name
    decisions = [
        (decision, anchors.mark(decision.anchor_index, "decision", plain_text(decision.text, 60), "minutes-decision"))
        for decision in decisions_in(outline, people_lines)
    ]
    actions = [
        (action, anchors.mark(action.index, "action", plain_text(action.text, 60), "minutes-action"))
        for action in actions_in(outline, person_at)
    ]
    agenda = agenda_headings(outline, people_lines)
    texts = {heading.index: heading.text for heading in outline.headings}
    heading_anchors = {heading.index: toc_slug(texts[heading.index]) for heading in agenda}
    edited = "\n".join(anchors.lines())
    return _Found(
        replace(meeting, content=edited) if edited != meeting.content else meeting,
        decisions,
        actions,
        references_in(outline),
        matcher.hits(outline),
        agenda,
        person_at,
        leaders_at,
        heading_anchors,
    )


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


def _decision(item: _Found, decision: FoundDecision, anchor: str, person: _Resolver) -> Decision:
    meeting = item.meeting
    people = people_named(decision.text, person)
    inside = decision.index < len(item.person_at)
    leaders = [person(name) for name in item.leaders_at[decision.index]] if inside else []
    owner = person(item.person_at[decision.index] if inside else None)
    for involved in reversed([owner, *leaders]):
        if involved and involved not in people:
            people.insert(0, involved)
    return Decision(
        id=f"{meeting.id}#{anchor}",
        meeting=meeting.id,
        text=decision.text,
        topic=decision.topic,
        line=meeting.source_line + decision.index,
        anchor=anchor,
        kind=decision.kind,
        people=tuple(people),
    )


def _follow_actions(found: list[_Found], meetings: dict[str, Meeting], person: _Resolver) -> list[ActionItem]:
    """Action items joined across the meetings of each series: the same words are the same item."""
    items: list[ActionItem] = []
    open_by_key: dict[tuple[str, str], int] = {}  # (series, key) -> position in items of the open item
    series_count: Counter[str] = Counter()
    position_in_series: dict[str, int] = {}
    for item in found:
        series_count[item.meeting.series] += 1
        position_in_series[item.meeting.id] = series_count[item.meeting.series]
    for item in found:
        meeting = item.meeting
        for action, anchor in item.actions:
            key = (meeting.series, action_key(action.text))
            owners = [person(name) for name in action.owners]
            if not any(owners) and action.index < len(item.person_at):
                # "Pending reviews (PRs + blog)" in Guillaume's section: the section says whose it is.
                owners.append(person(item.person_at[action.index]))
            earlier = open_by_key.get(key) if key[1] else None
            if earlier is not None:
                previous = items[earlier]
                items[earlier] = replace(
                    previous,
                    appearances=(*previous.appearances, (meeting.id, anchor)),
                    status="done" if action.done else "open",
                    done_in=meeting.id if action.done else "",
                    owners=previous.owners or tuple(o for o in owners if o),
                )
                if action.done:
                    del open_by_key[key]
                continue
            items.append(
                ActionItem(
                    id=f"{meeting.id}#{anchor}",
                    meeting=meeting.id,
                    text=action.text,
                    line=meeting.source_line + action.index,
                    anchor=anchor,
                    owners=tuple(dict.fromkeys(o for o in owners if o)),
                    # Owners written but known to nobody ("ACTION: WH to review" without a table of WH);
                    # "(PRs + blog)" is no owner.
                    names=tuple(
                        name
                        for name, resolved in zip(action.owners, owners, strict=False)
                        if not resolved and not _PLURAL_ACRONYM.fullmatch(name)
                    ),
                    status="done" if action.done else "open",
                    appearances=((meeting.id, anchor),),
                    done_in=meeting.id if action.done else "",
                )
            )
            if not action.done and key[1]:
                open_by_key[key] = len(items) - 1
    result = []
    for followed in items:
        if followed.status == "open":
            series = meetings[followed.meeting].series
            since = series_count[series] - position_in_series[followed.meeting] + 1
            followed = replace(followed, open_for=since)
        result.append(followed)
    return result


def _references(found: list[_Found], default_repository: str) -> list[Reference]:
    """Every issue and pull request, with the meetings and lines that mention it; bare numbers resolved."""
    archive_repo: dict[int, Counter[str]] = defaultdict(Counter)
    for item in found:
        for reference in item.references:
            if reference.number and not reference.bare:
                archive_repo[reference.number][reference.repo] += 1
    mentions: dict[tuple[str, int], list[ReferenceMention]] = defaultdict(list)
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[tuple[str, int], str] = {}
    seen: set[tuple[tuple[str, int], ReferenceMention]] = set()
    for item in found:
        meeting = item.meeting
        here: dict[int, str] = {r.number: r.repo for r in item.references if r.number and not r.bare}
        lines = meeting.content.split("\n")
        for reference in item.references:
            if not reference.number:
                continue
            repo = reference.repo
            if reference.bare:
                repo = (
                    here.get(reference.number) or _most_common(archive_repo.get(reference.number)) or default_repository
                )
                if not repo:
                    continue
            spelling[repo.lower()][repo] += 1
            key = (repo.lower(), reference.number)
            kinds.setdefault(key, reference.kind)
            if reference.kind and not kinds[key]:
                kinds[key] = reference.kind
            text = plain_text(lines[reference.index], MAX_EXCERPT) if reference.index < len(lines) else ""
            mention = ReferenceMention(meeting.id, meeting.source_line + reference.index, text)
            if (key, mention) not in seen:
                seen.add((key, mention))
                mentions[key].append(mention)
    references = []
    for (repo_key, number), found_mentions in mentions.items():
        repo = most_common_spelling(spelling[repo_key])
        references.append(
            Reference(
                f"{repo}#{number}",
                repo,
                number,
                issue_url(repo, number, kinds[(repo_key, number)]),
                tuple(found_mentions),
            )
        )
    references.sort(key=lambda reference: (reference.repo.lower(), reference.number))
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


def _topics(
    found: list[_Found], topics_file: TopicsFile, person: _Resolver
) -> tuple[list[Topic], dict[str, tuple[str, ...]]]:
    drafts: dict[str, _TopicDraft] = defaultdict(_TopicDraft)

    def add(name: str, source: str, mention: TopicMention, who: str | None = None) -> None:
        key = fold(name)
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
    for item in found:
        for heading in item.agenda:
            agenda_meetings[heading.key].add(item.meeting.id)
    for item in found:
        meeting = item.meeting
        first = meeting.source_line

        def who(index: int, item: _Found = item) -> str | None:
            return person(item.person_at[index]) if 0 <= index < len(item.person_at) else None

        for tag in meeting.tags:
            add(tag, "tag", TopicMention(meeting.id, first, plain_text(meeting.title, MAX_EXCERPT), "", "tag"))
        for hit in item.keywords:
            name = topics_file.rules[hit.rule].name
            add(name, "file", TopicMention(meeting.id, first + hit.index, hit.excerpt, "", "keyword"), who(hit.index))
        for heading in item.agenda:
            if len(agenda_meetings[heading.key]) >= RECURRING:
                mention = TopicMention(
                    meeting.id,
                    first + heading.index,
                    heading.excerpt,
                    item.anchors_of_headings.get(heading.index, ""),
                    "agenda",
                )
                add(heading.name, "agenda", mention, who(heading.index))
        lines = meeting.content.split("\n")
        for index, line in enumerate(lines):
            if "EP" not in line and "RFC" not in line and "SPEC" not in line and "ADR" not in line:
                continue
            for match in _PROPOSAL.finditer(line):
                name = f"{match.group('kind')} {int(match.group('number'))}"
                add(
                    name,
                    "proposal",
                    TopicMention(meeting.id, first + index, plain_text(line, MAX_EXCERPT), "", "proposal"),
                    who(index),
                )
        for reference in item.references:
            if reference.repo and not reference.bare:
                index = reference.index
                text = plain_text(lines[index], MAX_EXCERPT) if index < len(lines) else ""
                add(
                    reference.repo,
                    "repository",
                    TopicMention(meeting.id, first + index, text, "", "repository"),
                    who(index),
                )
    topics: list[Topic] = []
    taken: set[str] = set()
    order = {item.meeting.id: position for position, item in enumerate(found)}
    for key in sorted(drafts, key=lambda k: (most_common_spelling(drafts[k].names).casefold(), k)):
        draft = drafts[key]
        name = most_common_spelling(draft.names)
        mentions = sorted(draft.mentions, key=lambda m: (order.get(m.meeting, 0), m.line))
        meetings = tuple(dict.fromkeys(m.meeting for m in mentions))
        topics.append(
            Topic(
                id=unique(slugify(name, "topic"), taken),
                name=name,
                sources=tuple(draft.sources),
                meetings=meetings,
                mentions=tuple(mentions),
                people=tuple(draft.people.most_common()),
            )
        )
    of_meeting: dict[str, list[str]] = defaultdict(list)
    for topic in topics:
        for meeting_id in topic.meetings:
            of_meeting[meeting_id].append(topic.id)
    return topics, {meeting_id: tuple(ids) for meeting_id, ids in of_meeting.items()}


def _with_topics(decisions: list[Decision], topics: list[Topic]) -> list[Decision]:
    """Each decision with the topics mentioned in its lines, and the topic of its agenda item."""
    at_line: dict[tuple[str, int], list[str]] = defaultdict(list)
    by_name: dict[str, str] = {}
    for topic in topics:
        by_name.setdefault(fold(topic.name), topic.id)
        for mention in topic.mentions:
            if mention.via != "tag":
                at_line[(mention.meeting, mention.line)].append(topic.id)
    result = []
    for decision in decisions:
        ids: list[str] = []
        if decision.topic:
            named = by_name.get(fold(agenda_name(decision.topic))) or by_name.get(fold(decision.topic))
            if named:
                ids.append(named)
        for line in range(decision.line, decision.line + decision.text.count("\n") + 1):
            ids.extend(at_line.get((decision.meeting, line), ()))
        result.append(replace(decision, topics=tuple(dict.fromkeys(ids))))
    return result
