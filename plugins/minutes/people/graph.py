"""The people graph: each way the notes name someone, once, and the groups that join them into people.

``observations`` gives every mention of the meetings, and the names that only entries or ``attendees`` give;
``distinct`` keeps each way of naming someone once (a ``Seen``: where first seen, and how many times).
``Groups`` joins their nodes (``spellings.Node``), each group knowing its full names and its person of the
people file, and says when a join would make two people one (``conflict``). ``resolve`` decides the joins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Meeting, Mention
from .spellings import Node


@dataclass(frozen=True)
class Seen:
    """One observation of a person in a meeting: the first of ``times`` that name someone alike (``distinct``)."""

    mention: Mention
    path: str
    meeting: str
    times: int = 1


class Groups:
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


def observations(meetings: Iterable[Meeting]) -> Iterator[tuple[Mention, Meeting]]:
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


def distinct(observations: Iterable[tuple[Mention, Meeting]]) -> list[Seen]:
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
    return [Seen(mention, meeting.source, meeting.id, times[way]) for way, (mention, meeting) in first.items()]
