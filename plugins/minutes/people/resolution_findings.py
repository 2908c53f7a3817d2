"""What resolution reports rather than guesses: the findings of ``resolve``, each at a file and line.

- a handle or an abbreviation given to two different full names (``given_twice``): one person by the
  handle, two by the abbreviation;
- a first name alone that may be any of several people (``ambiguity_findings``);
- a first name written with the handles of two people (``two_handles_findings``);
- an action item's owner named nowhere else, not taken for a person (``owner_named_nowhere``).
"""

from __future__ import annotations

from ..findings import Finding
from .graph import Groups, Seen
from .spellings import HANDLE, Node, is_full_name, label_node, node_of


def given_twice(item: Seen, other: Node, groups: Groups, seen: list[Seen], *, merged: bool) -> Finding:
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


def _earlier(other: Node, groups: Groups, seen: list[Seen], full_names: bool) -> str:
    """Where a name of the group of ``other`` was first seen (a full name only, if ``full_names``)."""
    root = groups.find(other)
    for s in seen:
        name = s.mention.name
        if name and (not full_names or is_full_name(name)) and groups.find(label_node(name)) == root:
            return f"{name} ({s.path}:{s.mention.line})"
    return "someone else"


def ambiguity_findings(
    ambiguous: dict[Node, list[Node]], members: dict[Node, list[Seen]], names: dict[Node, str], groups: Groups
) -> list[Finding]:
    """Warnings: a first name alone that may be any of several people (``Julien``), at its first line and with how
    many times it was written; it stays a person of its own."""
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


def two_handles_findings(
    handled: dict[Node, dict[Node, Seen]], names: dict[Node, str], groups: Groups
) -> list[Finding]:
    """Warnings: a first name written with handles of two different people (``Priya @priya-k``, ``Priya @pnair``),
    naming the line of each; they stay two people."""
    findings = []
    for seen in handled.values():
        by_root: dict[Node, Seen] = {}
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


def owner_named_nowhere(item: Seen) -> Finding:
    """Information: an action item's owner that only owners name, without a handle: not taken for a person."""
    return Finding(
        item.path,
        item.mention.line,
        "info",
        f"owner '{item.mention.label}' is named nowhere else in the notes; not taken for a person",
        "write the owner as attendees or headings name them, or add them to people.yml",
    )
