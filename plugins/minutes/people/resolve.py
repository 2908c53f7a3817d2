"""Resolving names to people: one person, many spellings.

Every way a note names someone becomes a node: a name (folded, so that
``Jérémie``, ``Jeremie`` and ``jeremie`` are one node), a GitHub handle or an
abbreviation. Nodes join into people in four steps, strongest evidence first:

1. the people file: a person's name, aliases, handles and abbreviations are one person, always;
2. what a note says in one breath: ``Colin Ihrig @cjihrig``, ``| Waldemar Horwat | WH |``
   joins the full name with the handle or abbreviation. A handle is an identity:
   every full name written with it is one person, named by the most frequent,
   the others its aliases (``Cheng H. Lee`` and ``Cheng Lee``, ``Jaime
   Rodríguez-G.`` and ``Jaime Rodríguez-Guerra``), with a warning when the names
   are not spellings of one another. An abbreviation is not: one that would join
   two different full names leaves both apart, with a warning;
3. a name that looks like a misspelling of a much more frequent one
   (``Olivir`` / ``Olivier``) is left alone (``new_names`` reports it);
4. a first name alone (``Olivier``) joins the one person whose full name
   starts with it, or whose handle it is or starts with (``Niko`` and
   ``nikomatsakis``); when two people share it (``Julien``; ``Josh`` beside
   ``Josh Stone`` and ``joshtriplett``), it stays a person of its own, with a warning. A first name written
   with two different handles (``Priya @priya-k``, ``Priya @pnair``) is two people, said in a warning that
   names both lines, and titled by their handles (``Priya (@priya-k)``) so that no two pages share a title.

Owners of action items name people the archive should already know: an owner
named nowhere else, without a handle, is reported rather than made a person.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from ..findings import Finding
from ..model import Meeting, Mention, Person
from ..paths import RESERVED_PERSON_SLUGS
from ..slugs import fold, slugify
from ..vocabulary import PARTICLES
from .names import is_abbreviation

# A spelling used this often or less may be a misspelling of a more frequent one.
_RARE = 2


# The kinds of nodes: a name, a GitHub handle, an abbreviation.
NAME, HANDLE, ABBREVIATION = "n", "h", "a"


class Node(NamedTuple):
    """A node of the people graph: a way of naming someone. Nodes sort as ``kind:text`` would."""

    kind: str  # NAME, HANDLE or ABBREVIATION
    text: str  # a folded name (``name_key``), a lowercased handle, an abbreviation as written

    @classmethod
    def name(cls, name: str) -> Node:
        return cls(NAME, name_key(name))

    @classmethod
    def handle(cls, handle: str) -> Node:
        return cls(HANDLE, handle.lower())

    @classmethod
    def abbreviation(cls, abbreviation: str) -> Node:
        return cls(ABBREVIATION, abbreviation)

    @property
    def is_full_name(self) -> bool:
        return self.kind == NAME and is_full_name(self.text)


@dataclass(frozen=True)
class _Seen:
    """One observation of a person in a meeting: the first of ``times`` that name someone alike (``_distinct``)."""

    mention: Mention
    path: str
    meeting: str
    times: int = 1


@dataclass(frozen=True)
class Resolution:
    people: tuple[Person, ...]  # sorted by name
    by_name: dict[str, str]  # every spelling as written -> person id
    findings: tuple[Finding, ...] = ()
    nodes: dict[Node, str] = field(default_factory=dict)  # node (name "olivier", handle "ogrisel", "WH") -> person id

    def person_of(self, mention: Mention) -> str | None:
        """The person a mention stands for; a handle decides for a first name alone."""
        return self.nodes.get(node_of(mention))

    def lookup(self, label: str) -> str | None:
        """The person a spelling stands for (``Olivier``, ``@ogrisel``, ``WH``), seen or not, if any."""
        return self.nodes.get(label_node(label.strip()))


class Asked:
    """A resolution that notes every answer it gives, so that what was made from the answers can be used again
    while another resolution gives the same ones (``gives``): the index keeps each note's part that way."""

    def __init__(self, resolution: Resolution) -> None:
        self._nodes = resolution.nodes
        self._by_name = resolution.by_name
        self.nodes: dict[Node, str | None] = {}  # node asked -> the person it was
        self.names: dict[str, str | None] = {}  # spelling asked of ``Resolution.by_name`` -> the person it was

    def node(self, node: Node) -> str | None:
        answer = self.nodes[node] = self._nodes.get(node)
        return answer

    def by_name(self, name: str) -> str | None:
        answer = self.names[name] = self._by_name.get(name)
        return answer

    def person_of(self, mention: Mention) -> str | None:
        """``Resolution.person_of``."""
        return self.node(node_of(mention))

    def lookup(self, label: str) -> str | None:
        """``Resolution.lookup``."""
        return self.node(label_node(label.strip()))

    def find(self, label: str | None) -> str | None:
        """The person of a spelling, if there is a spelling: how the records of a meeting ask (``records.join``)."""
        return self.lookup(label) if label else None


def gives(
    resolution: Resolution, nodes: Iterable[tuple[Node, str | None]], names: Iterable[tuple[str, str | None]]
) -> bool:
    """Whether ``resolution`` gives the answers that another gave (``Asked.nodes``, ``Asked.names``)."""
    return all(resolution.nodes.get(node) == answer for node, answer in nodes) and all(
        resolution.by_name.get(name) == answer for name, answer in names
    )


_SEPARATORS = re.compile(r"[.'’‐\-_]+")
# The index asks the same few thousand spellings hundreds of thousands of times (every mention, entry and owner
# of every meeting): the answers are kept for the life of the process.
_SPELLINGS = 1 << 16


@lru_cache(maxsize=_SPELLINGS)
def name_key(name: str) -> str:
    """Folded name, hyphens and dots as spaces: ``Jean-Marc`` and ``jean marc`` are one key."""
    return " ".join(_SEPARATORS.sub(" ", fold(name)).split())


@lru_cache(maxsize=_SPELLINGS)
def is_full_name(name: str) -> bool:
    """A name of two words or more, particles aside: ``Jérémie du Boisberranger``, not ``Olivier``."""
    words = name_key(name).split()
    return len([word for word in words if word not in PARTICLES]) >= 2


@lru_cache(maxsize=_SPELLINGS)
def label_node(label: str) -> Node:
    """The node of a spelling: ``@ogrisel`` a handle, ``WH`` an abbreviation, else a name."""
    if label.startswith("@"):
        return Node.handle(label[1:])
    if is_abbreviation(label):
        return Node.abbreviation(label)
    return Node.name(label)


def node_of(mention: Mention) -> Node:
    """The node a mention resolves through: a full name, else its handle, else its name or abbreviation."""
    return _node_of(mention.name, mention.handle, mention.abbreviation)


@lru_cache(maxsize=_SPELLINGS)
def _node_of(name: str, handle: str, abbreviation: str) -> Node:
    if name and is_full_name(name):
        return label_node(name)
    if handle:
        return Node.handle(handle)
    if name:
        return label_node(name)
    return Node.abbreviation(abbreviation)


class _Groups:
    """Union-find over nodes, each group knowing its full names, handles and people-file person."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}
        self.full: dict[Node, set[Node]] = {}
        self.declared: dict[Node, int] = {}

    def add(self, node: Node) -> Node:
        if node not in self.parent:
            self.parent[node] = node
            self.full[node] = {node} if node.is_full_name else set()
        return self.find(node)

    def find(self, node: Node) -> Node:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def conflict(self, a: Node, b: Node) -> bool:
        """Two different people: both hold full names and none in common, or two people-file persons."""
        a, b = self.find(a), self.find(b)
        if a == b:
            return False
        if a in self.declared and b in self.declared:
            return True
        return bool(self.full[a] and self.full[b] and not self.full[a] & self.full[b])

    def both_declared(self, a: Node, b: Node) -> bool:
        """Two different persons of the people file, which nothing in the notes may join."""
        a, b = self.find(a), self.find(b)
        return a != b and a in self.declared and b in self.declared

    def union(self, a: Node, b: Node) -> Node:
        a, b = self.add(a), self.add(b)
        if a == b:
            return a
        if b in self.declared and a not in self.declared:
            a, b = b, a  # the people file's group absorbs the other
        self.parent[b] = a
        self.full[a] |= self.full.pop(b)
        return a


def resolve_people(meetings: Iterable[Meeting], people_file: Iterable[Person] = ()) -> Resolution:
    """Group the names of ``meetings`` into people; see the module's docstring for the rules."""
    declared = list(people_file)
    seen = _distinct(_observations(meetings))
    groups = _Groups()
    findings: list[Finding] = []
    # 1. The people file always wins.
    _declare(groups, declared)
    # 2. What one mention says at once: a full name with its handle or abbreviation.
    evidence, handled = _join_mentions(groups, seen, findings)
    # 3. Misspellings: a rare name close to a frequent one is reported, not merged.
    counts: Counter[Node] = Counter()
    for item in seen:
        counts[node_of(item.mention)] += item.times
    misspelt = _misspellings(counts, groups)
    # 4. A first name alone joins the one person it can be.
    ambiguous = _join_first_names(groups, evidence, misspelt)
    # 5. People: one per group, with a stable slug.
    return _resolution(groups, seen, declared, findings, ambiguous, handled)


def _declare(groups: _Groups, declared: list[Person]) -> None:
    """Join the names, aliases, handles and abbreviations of each person of the people file."""
    for position, person in enumerate(declared):
        nodes = [label_node(person.name)]
        nodes += [label_node(alias) for alias in person.aliases]
        nodes += [Node.handle(handle.lstrip("@")) for handle in person.handles]
        nodes += [Node.abbreviation(abbreviation) for abbreviation in person.abbreviations]
        root = groups.add(nodes[0])
        if root in groups.declared:
            continue  # the people file's own checks report the duplicate
        groups.declared[root] = position
        for node in nodes[1:]:
            if groups.find(groups.add(node)) not in groups.declared:
                root = groups.union(root, node)
        groups.full[root] |= {n for n in nodes if n.is_full_name}


def _join_mentions(
    groups: _Groups, seen: list[_Seen], findings: list[Finding]
) -> tuple[dict[Node, set[Node]], dict[Node, dict[Node, _Seen]]]:
    """Join each full name with the handle or abbreviation written with it; what a first name is written
    with is evidence for step 4 (``evidence``), and its handles where first seen (``handled``)."""
    evidence: dict[Node, set[Node]] = defaultdict(set)  # first-name node -> handle/abbreviation nodes seen with it
    handled: dict[Node, dict[Node, _Seen]] = defaultdict(dict)  # first-name node -> handle node -> where first seen
    reported: set[tuple[Node, Node]] = set()
    for item in seen:
        mention = item.mention
        nodes = [label_node(mention.name)] if mention.name else []
        nodes += [Node.handle(mention.handle)] if mention.handle else []
        nodes += [Node.abbreviation(mention.abbreviation)] if mention.abbreviation else []
        for node in nodes:
            groups.add(node)
        if len(nodes) < 2:
            continue
        if mention.name and not is_full_name(mention.name) and nodes[0].kind == NAME:
            evidence[nodes[0]].update(nodes[1:])
            if mention.handle:
                handled[nodes[0]].setdefault(Node.handle(mention.handle), item)
            continue
        for other in nodes[1:]:
            if other.kind == HANDLE and not groups.both_declared(nodes[0], other):
                different = groups.conflict(nodes[0], other) and not _spellings_of_one(nodes[0], other, groups)
                if different and (nodes[0], other) not in reported:
                    reported.add((nodes[0], other))
                    findings.append(_given_twice(item, other, groups, seen, merged=True))
                groups.union(nodes[0], other)
            elif groups.conflict(nodes[0], other):
                if (nodes[0], other) not in reported:
                    reported.add((nodes[0], other))
                    findings.append(_given_twice(item, other, groups, seen, merged=False))
            else:
                groups.union(nodes[0], other)
    return evidence, handled


def _join_first_names(
    groups: _Groups, evidence: dict[Node, set[Node]], misspelt: dict[Node, Node]
) -> dict[Node, list[Node]]:
    """Join each first name alone to the one person it can be; those that could be several (``ambiguous``)."""
    by_first: dict[Node, set[Node]] = defaultdict(set)
    for node in list(groups.parent):
        if node.is_full_name and node not in misspelt:
            by_first[Node(NAME, node.text.split()[0])].add(node)
    # "nikomatsakis" and "@nikomatsakis", "Felix" and "@Felix": one token, one person ("compiler-errors" is the node
    # "compiler errors")
    for node in [n for n in groups.parent if n.kind == NAME]:
        same = Node(HANDLE, node.text.replace(" ", "-"))
        free = same in groups.parent and not {groups.find(node), groups.find(same)} & set(groups.declared)
        if free and not groups.full[groups.find(same)]:
            groups.union(node, same)
    # Handles, and names written as one, that start with a first name: "nikomatsakis" for Niko, "joshtriplett" for Josh
    by_prefix: dict[str, set[Node]] = defaultdict(set)
    for node in list(groups.parent):
        token = node.text
        if node.kind in (HANDLE, NAME) and " " not in token and "-" not in token and len(token) > 3:
            for end in range(3, len(token)):
                by_prefix[token[:end]].add(node)
    ambiguous: dict[Node, list[Node]] = {}
    for node in sorted(n for n in groups.parent if n.kind == NAME and not n.is_full_name):
        if node in misspelt or groups.find(node) in groups.declared:
            continue
        same = Node(HANDLE, node.text.replace(" ", "-"))
        candidates = {groups.find(other) for other in evidence.get(node, ())}
        candidates |= {groups.find(full) for full in by_first.get(node, ())}
        candidates |= {groups.find(token) for token in by_prefix.get(node.text, ())}
        if same in groups.parent:
            candidates.add(groups.find(same))
        candidates.discard(groups.find(node))
        if len(candidates) == 1:
            groups.union(candidates.pop(), node)
        elif len(candidates) > 1:
            ambiguous[node] = sorted(candidates)
    return ambiguous


def _resolution(
    groups: _Groups,
    seen: list[_Seen],
    declared: list[Person],
    findings: list[Finding],
    ambiguous: dict[Node, list[Node]],
    handled: dict[Node, dict[Node, _Seen]],
) -> Resolution:
    """One person per group (an owner named nowhere else is none), each spelling's person, and the findings."""
    members: dict[Node, list[_Seen]] = defaultdict(list)
    for item in seen:
        members[groups.find(node_of(item.mention))].append(item)
    kept = {
        root: items
        for root, items in members.items()
        if root in groups.declared or any(i.mention.kind != "owner" or i.mention.handle for i in items)
    }
    for root, items in members.items():
        if root not in kept:
            first = items[0]
            findings.append(
                Finding(
                    first.path,
                    first.mention.line,
                    "info",
                    f"owner '{first.mention.label}' is named nowhere else in the notes; not taken for a person",
                    "write the owner as attendees or headings name them, or add them to people.yml",
                )
            )
    people = _people(kept, groups, declared)
    person_of_root = {root: person.id for root, person in people.items()}
    ids = {node: person_of_root[groups.find(node)] for node in groups.parent if groups.find(node) in people}
    by_name: dict[str, str] = {}
    for item in seen:
        label = item.mention.name or item.mention.label
        if ids.get(node_of(item.mention)) is not None and label_node(label) in ids:
            by_name.setdefault(label, ids[label_node(label)])
    names = {root: person.name for root, person in people.items()}
    findings.extend(_ambiguity_findings(ambiguous, members, names, groups))
    findings.extend(_two_handles_findings(handled, names, groups))
    ordered = sorted(people.values(), key=lambda person: (fold(person.name), person.name))
    return Resolution(tuple(ordered), by_name, tuple(findings), ids)


def _observations(meetings: Iterable[Meeting]) -> Iterator[tuple[Mention, Meeting]]:
    """Every mention of every meeting, plus names that only entries or ``attendees`` give."""
    for meeting in meetings:
        labels = set()
        for mention in meeting.mentions:
            label = mention.label
            labels.add(label)
            if label:
                yield mention, meeting
        for entry in meeting.entries:
            if entry.name not in labels:
                labels.add(entry.name)
                yield Mention(entry.name, entry.line, entry.source), meeting
        for name in meeting.attendees:
            if name and name not in labels:
                labels.add(name)
                handle = name[1:] if name.startswith("@") else ""
                yield Mention("" if handle else name, meeting.source_line, "attendee", handle), meeting


def _distinct(observations: Iterable[tuple[Mention, Meeting]]) -> list[_Seen]:
    """The observations, each way of naming someone once (name, handle, abbreviation, affiliation and kind: all
    that resolution reads of a mention besides its line), where first seen, with how many times it was seen.

    An archive names the same people the same way again and again: 44,610 observations of 5,000 meetings are
    161 ways. Resolving the ways, first seen first, groups, names and reports the people as the observations did.
    """
    first: dict[tuple[str, str, str, str, str], tuple[Mention, Meeting]] = {}
    times: Counter[tuple[str, str, str, str, str]] = Counter()
    for mention, meeting in observations:
        way = (mention.name, mention.handle, mention.abbreviation, mention.affiliation, mention.kind)
        if way not in first:
            first[way] = (mention, meeting)
        times[way] += 1
    return [_Seen(mention, meeting.source, meeting.id, times[way]) for way, (mention, meeting) in first.items()]


def _given_twice(item: _Seen, other: Node, groups: _Groups, seen: list[_Seen], *, merged: bool) -> Finding:
    """Warning: a handle or abbreviation given to two different full names: a handle makes them one
    person (``merged``), an abbreviation leaves them two."""
    what = ("handle @" if other.kind == HANDLE else "abbreviation ") + other.text
    earlier = _earlier(other, groups, seen, full_names=merged)
    if merged:
        outcome, advice = (
            ": taken as one person",
            "a handle is one person; if they are two, correct the handle, or list both in people.yml",
        )
    else:
        outcome, advice = "; kept as two people", "if they are one person, list both names in people.yml"
    return Finding(
        item.path,
        item.mention.line,
        "warning",
        f"{what} is given to {item.mention.name} here and to {earlier}{outcome}",
        advice,
    )


def _earlier(other: Node, groups: _Groups, seen: list[_Seen], full_names: bool) -> str:
    """Where a name of the group of ``other`` was first seen (a full name only, if ``full_names``)."""
    root = groups.find(other)
    for s in seen:
        name = s.mention.name
        if name and (not full_names or is_full_name(name)) and groups.find(label_node(name)) == root:
            return f"{name} ({s.path}:{s.mention.line})"
    return "someone else"


def _spellings_of_one(node: Node, other: Node, groups: _Groups) -> bool:
    """Whether the full name ``node`` is a spelling of every full name the group of ``other`` holds."""
    return all(same_person_names(node.text, full.text) for full in groups.full[groups.find(other)])


def same_person_names(a: str, b: str) -> bool:
    """Whether two full names are spellings of one name: a middle initial more or less, a surname cut short
    or misspelt, initials for the rest (``Cheng H. Lee`` / ``Cheng Lee``, ``Jaime Rodríguez-G.`` /
    ``Jaime Rodríguez-Guerra``, ``John Kirkham`` / ``John Kirkam``, ``Min RK`` / ``Min Ragan-Kelley``)."""
    first_words = [word for word in name_key(a).split() if word not in PARTICLES]
    second_words = [word for word in name_key(b).split() if word not in PARTICLES]
    if not first_words or not second_words or not _same_word(first_words[0], second_words[0]):
        return False
    short, long = sorted((first_words[1:], second_words[1:]), key=len)
    if not short:
        return True
    if len(short) == 1 and len(short[0]) == len(long) >= 2 and short[0] == "".join(word[0] for word in long):
        return True  # "RK" for "Ragan Kelley"
    if not _same_word(short[-1], long[-1]):
        return False  # the surnames differ
    position = 0
    for word in short[:-1]:
        while position < len(long) - 1 and not _same_word(word, long[position]):
            position += 1
        if position >= len(long) - 1:
            return False
        position += 1
    return True


def _same_word(a: str, b: str) -> bool:
    """One word of a name: the same, one the other's initial or its start cut short, or misspelt by a letter or two."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 1 or (len(short) >= 3 and long.startswith(short)):
        return long.startswith(short)
    return len(short) >= 5 and _distance(a, b, 2) <= (1 if len(long) <= 8 else 2)


def _misspellings(counts: Counter[Node], groups: _Groups) -> dict[Node, Node]:
    """Rare name nodes that look like a misspelling of a more frequent one: node -> that node."""
    names = {node: count for node, count in counts.items() if node.kind == NAME}
    for node in groups.parent:
        if node.kind == NAME and groups.find(node) in groups.declared:
            names[node] = max(names.get(node, 0), _RARE + 1)
    references: dict[str, set[Node]] = defaultdict(set)
    for node, count in names.items():
        text = node.text
        if count < 2 or len(text) < 5:
            continue
        forms = {text, text.split()[0]} if is_full_name(text) else {text}
        for form in forms:
            if len(form) >= 5:
                for variant in _deletions(form):
                    references[variant].add(node)
    found: dict[Node, Node] = {}
    for node, count in names.items():
        text = node.text
        if count > _RARE or len(text) < 5 or groups.find(node) in groups.declared:
            continue
        candidates = {ref for variant in _deletions(text) for ref in references.get(variant, ())}
        best: tuple[int, Node] | None = None
        for ref in sorted(candidates):
            if names[ref] <= count or groups.find(ref) == groups.find(node):
                continue
            target = ref.text if is_full_name(text) else ref.text.split()[0]
            if target == text:
                continue
            limit = 1 if max(len(text), len(target)) <= 8 else 2
            distance = _distance(text, target, limit)
            if distance <= limit and (best is None or (-names[ref], ref) < (-names[best[1]], best[1])):
                best = (distance, ref)
        if best is not None:
            found[node] = best[1]
    return found


def _deletions(text: str) -> set[str]:
    return {text} | {text[:i] + text[i + 1 :] for i in range(len(text))}


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _people(members: dict[Node, list[_Seen]], groups: _Groups, declared: list[Person]) -> dict[Node, Person]:
    """One ``Person`` per group root, named by the people file or by the best spelling seen."""
    drafts: dict[Node, Person] = {}
    linked: dict[Node, list[Node]] = defaultdict(list)  # root -> handle and abbreviation nodes of its group
    for node in groups.parent:
        if node.kind in (HANDLE, ABBREVIATION):
            linked[groups.find(node)].append(node)
    for root, items in members.items():
        handles = _counted(items, lambda m: m.handle)
        abbreviations = _counted(items, lambda m: m.abbreviation)
        for node in linked.get(root, ()):
            (handles if node.kind == HANDLE else abbreviations)[node.text] += 0  # joined through another mention
        affiliations = _counted(items, lambda m: m.affiliation)
        spellings = _counted(items, lambda m: "" if is_abbreviation(m.name) else m.name)
        if root in groups.declared:
            base = declared[groups.declared[root]]
            aliases = [*base.aliases, *(s for s in spellings if s != base.name)]
            drafts[root] = Person(
                base.id,
                base.name,
                tuple(dict.fromkeys(aliases)),
                tuple(dict.fromkeys([*(h.lstrip("@") for h in base.handles), *_case_unique(handles)])),
                base.affiliation or _most_common(affiliations),
                tuple(dict.fromkeys([*base.abbreviations, *abbreviations])),
                base.avatar,
            )
            continue
        if spellings:
            name = most_common_spelling(spellings)
        elif handles:
            name = "@" + _most_common(handles)
        else:
            name = _most_common(abbreviations) or root.text
        drafts[root] = Person(
            "",
            name,
            tuple(sorted(s for s in spellings if s != name)),
            tuple(_case_unique(handles)),
            _most_common(affiliations),
            tuple(sorted(abbreviations)),
        )
    return _with_slugs(_distinct_titles(drafts))


def _counted(items: list[_Seen], value: Callable[[Mention], str]) -> Counter[str]:
    """How many mentions of ``items`` give each ``value`` (those that give one), in the order first given."""
    counts: Counter[str] = Counter()
    for item in items:
        found = value(item.mention)
        if found:
            counts[found] += item.times
    return counts


def _distinct_titles(drafts: dict[Node, Person]) -> dict[Node, Person]:
    """People the notes give one name (two ``Priya`` of two handles) titled by their handle: ``Priya (@pnair)``.

    People of the people file keep their name, which the file chose."""
    by_name: dict[str, list[Node]] = defaultdict(list)
    for root, person in drafts.items():
        by_name[name_key(person.name)].append(root)
    result = dict(drafts)
    for roots in by_name.values():
        if len(roots) < 2:
            continue
        for root in roots:
            person = drafts[root]
            if not person.id and person.handles and not person.name.startswith("@"):
                result[root] = replace(person, name=f"{person.name} (@{person.handles[0]})")
    return result


def _case_unique(counts: Counter[str]) -> list[str]:
    """Handles once each, whatever their case, most used spelling first."""
    by_key: dict[str, str] = {}
    for handle, _ in counts.most_common():
        by_key.setdefault(handle.lower(), handle)
    return sorted(by_key.values(), key=str.lower)


def _most_common(counts: Counter[str]) -> str:
    return max(counts, key=lambda value: (counts[value], value)) if counts else ""


def most_common_spelling(spellings: Counter[str]) -> str:
    """A full name before a first name; then a capitalised spelling, the most used, accents, the longest."""
    return max(
        spellings,
        key=lambda s: (is_full_name(s), s[:1].isupper(), spellings[s], sum(ord(c) > 127 for c in s), len(s), s),
    )


def _with_slugs(drafts: dict[Node, Person]) -> dict[Node, Person]:
    """Give every person a slug no other takes: the first by name keeps the plain one, others add a hash.

    The suffix comes from the name itself, so a person's address does not move
    when someone else joins the archive.
    """
    wanted: dict[str, list[Node]] = defaultdict(list)
    for root, person in drafts.items():
        wanted[slugify(person.id or person.name, "person")].append(root)
    result: dict[Node, Person] = {}
    taken: set[str] = set(RESERVED_PERSON_SLUGS)
    for slug in sorted(wanted):
        roots = sorted(wanted[slug], key=lambda r: (drafts[r].id != slug, fold(drafts[r].name), drafts[r].name))
        for position, root in enumerate(roots):
            person = drafts[root]
            candidate = slug
            if position or slug in RESERVED_PERSON_SLUGS:
                digest = hashlib.sha1(person.name.encode("utf-8")).hexdigest()
                candidate = f"{slug}-{digest[:6]}"
            while candidate in taken:
                candidate += "-2"
            taken.add(candidate)
            result[root] = Person(candidate, *_fields(person))
    return result


def _fields(person: Person) -> tuple[str, tuple[str, ...], tuple[str, ...], str, tuple[str, ...], str]:
    return person.name, person.aliases, person.handles, person.affiliation, person.abbreviations, person.avatar


def _ambiguity_findings(
    ambiguous: dict[Node, list[Node]], members: dict[Node, list[_Seen]], names: dict[Node, str], groups: _Groups
) -> list[Finding]:
    findings = []
    for node, roots in ambiguous.items():
        items = [item for item in members.get(groups.find(node), []) if node_of(item.mention) == node]
        if not items:
            continue
        first, times = items[0], sum(item.times for item in items)
        candidates = sorted(names[groups.find(root)] for root in roots if groups.find(root) in names)
        more = f" (and {times - 1} more times)" if times > 1 else ""
        findings.append(
            Finding(
                first.path,
                first.mention.line,
                "warning",
                f"'{first.mention.label}' may be {' or '.join(candidates)}: kept as a person of its own{more}",
                f"write the full name, or add '{first.mention.label}' to the aliases of one of them in people.yml",
            )
        )
    return findings


def _two_handles_findings(
    handled: dict[Node, dict[Node, _Seen]], names: dict[Node, str], groups: _Groups
) -> list[Finding]:
    """Warnings: a first name written with handles of two different people (``Priya @priya-k``, ``Priya @pnair``),
    naming the line of each; they stay two people."""
    findings = []
    for seen in handled.values():
        by_root: dict[Node, _Seen] = {}
        for handle, item in seen.items():
            by_root.setdefault(groups.find(handle), item)
        if len(by_root) < 2:
            continue
        items = sorted(by_root.items(), key=lambda pair: (pair[1].path, pair[1].mention.line))
        first = items[0][1]
        others = " and ".join(f"{names.get(root, root.text)} ({item.path}:{item.mention.line})" for root, item in items)
        findings.append(
            Finding(
                first.path,
                first.mention.line,
                "warning",
                f"'{first.mention.name}' is written with two handles: {others}; kept as two people",
                "if they are one person, list both handles in people.yml",
            )
        )
    return findings
