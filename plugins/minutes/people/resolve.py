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

This module makes the joins and the ``Resolution``; it stands on the keys of names (``spellings``) and the
people graph (``graph``), and leaves the ``Person`` records to ``persons`` and the warnings to
``resolution_findings``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..findings import Finding
from ..model import Meeting, Mention, Person
from ..slugs import fold
from .graph import Groups, Seen, distinct, observations
from .near import variants
from .persons import persons_of
from .resolution_findings import ambiguity_findings, given_twice, owner_named_nowhere, two_handles_findings
from .spellings import HANDLE, NAME, Node, is_full_name, label_node, levenshtein, node_of, same_person_names

# A spelling used this often or less may be a misspelling of a more frequent one.
_RARE = 2


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


def resolve_people(meetings: Iterable[Meeting], people_file: Iterable[Person] = ()) -> Resolution:
    """Group the names of ``meetings`` into people; see the module's docstring for the rules."""
    declared = list(people_file)
    seen = distinct(observations(meetings))
    groups = Groups()
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


def _declare(groups: Groups, declared: list[Person]) -> None:
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
    groups: Groups, seen: list[Seen], findings: list[Finding]
) -> tuple[dict[Node, set[Node]], dict[Node, dict[Node, Seen]]]:
    """Join each full name with the handle or abbreviation written with it; what a first name is written
    with is evidence for step 4 (``evidence``), and its handles where first seen (``handled``)."""
    evidence: dict[Node, set[Node]] = defaultdict(set)  # first-name node -> handle/abbreviation nodes seen with it
    handled: dict[Node, dict[Node, Seen]] = defaultdict(dict)  # first-name node -> handle node -> where first seen
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
                    findings.append(given_twice(item, other, groups, seen, merged=True))
                groups.union(nodes[0], other)
            elif groups.conflict(nodes[0], other):
                if (nodes[0], other) not in reported:
                    reported.add((nodes[0], other))
                    findings.append(given_twice(item, other, groups, seen, merged=False))
            else:
                groups.union(nodes[0], other)
    return evidence, handled


def _join_first_names(
    groups: Groups, evidence: dict[Node, set[Node]], misspelt: dict[Node, Node]
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
    groups: Groups,
    seen: list[Seen],
    declared: list[Person],
    findings: list[Finding],
    ambiguous: dict[Node, list[Node]],
    handled: dict[Node, dict[Node, Seen]],
) -> Resolution:
    """One person per group (an owner named nowhere else is none), each spelling's person, and the findings."""
    members: dict[Node, list[Seen]] = defaultdict(list)
    for item in seen:
        members[groups.find(node_of(item.mention))].append(item)
    kept = {
        root: items
        for root, items in members.items()
        if root in groups.declared or any(i.mention.kind != "owner" or i.mention.handle for i in items)
    }
    for root, items in members.items():
        if root not in kept:
            findings.append(owner_named_nowhere(items[0]))
    people = persons_of(kept, groups, declared)
    person_of_root = {root: person.id for root, person in people.items()}
    ids = {node: person_of_root[groups.find(node)] for node in groups.parent if groups.find(node) in people}
    by_name: dict[str, str] = {}
    for item in seen:
        label = item.mention.name or item.mention.label
        if ids.get(node_of(item.mention)) is not None and label_node(label) in ids:
            by_name.setdefault(label, ids[label_node(label)])
    names = {root: person.name for root, person in people.items()}
    findings.extend(ambiguity_findings(ambiguous, members, names, groups))
    findings.extend(two_handles_findings(handled, names, groups))
    ordered = sorted(people.values(), key=lambda person: (fold(person.name), person.name))
    return Resolution(tuple(ordered), by_name, tuple(findings), ids)


def _spellings_of_one(node: Node, other: Node, groups: Groups) -> bool:
    """Whether the full name ``node`` is a spelling of every full name the group of ``other`` holds."""
    return all(same_person_names(node.text, full.text) for full in groups.full[groups.find(other)])


def _misspellings(counts: Counter[Node], groups: Groups) -> dict[Node, Node]:
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
                for variant in variants(form, 1):
                    references[variant].add(node)
    found: dict[Node, Node] = {}
    for node, count in names.items():
        text = node.text
        if count > _RARE or len(text) < 5 or groups.find(node) in groups.declared:
            continue
        candidates = {ref for variant in variants(text, 1) for ref in references.get(variant, ())}
        best: tuple[int, Node] | None = None
        for ref in sorted(candidates):
            if names[ref] <= count or groups.find(ref) == groups.find(node):
                continue
            target = ref.text if is_full_name(text) else ref.text.split()[0]
            if target == text:
                continue
            limit = 1 if max(len(text), len(target)) <= 8 else 2
            distance = levenshtein(text, target, limit)
            if distance <= limit and (best is None or (-names[ref], ref) < (-names[best[1]], best[1])):
                best = (distance, ref)
        if best is not None:
            found[node] = best[1]
    return found
